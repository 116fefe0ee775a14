import type Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import { ZERO } from '../narrative/money';
import { cents, formatMoney } from '../util/money';
import { leafRowsOf } from '../supplement/table-items';
import { departmentKey } from '../read/department-name';
import { fieldLabel, SUPPLEMENT_SHEET, type AmountKey } from '../supplement/fields';
import type { Entry, Supplement, SupplementItem } from '../supplement/schema';
import type { WorkbookFacts } from '../tables/facts';
import type { TablesModel } from '../tables/model';
import { reportYear } from '../tables/report-year';
import { budgetEntries, SANGONG_BUDGET_LINES, type BudgetEntries } from './budget';
import { localCells } from './external-ref';
import { readPrior, type PriorFigures } from './prior';
import type { SourceInputs } from './types';

/**
 * One place where the 说明数据 sheet, last year's 决算 and this year's 部门预算 become the figures the 情况说明
 * works from: an effective 说明数据 (same shape as the sheet's) that the generator, the reviewer and the 说明数据
 * checks all read, so that a text generated from these sources and reviewed against them agrees with itself.
 *
 * Precedence: a figure both workbooks and the sheet give is taken from the workbook — last year's published
 * 决算 is what “上年数” means, and the published 部门预算 is what “年初预算” means; the sheet's figure is a copy
 * typed by hand (the sample's own text gets 19 vs 14.32 wrong that way). Where they disagree, one warning names
 * both values and where each is. Lines neither workbook answers (reasons, counts, …) stay the sheet's.
 */
export interface MergedSources {
  /** The effective 说明数据; undefined only when there is no sheet and no other workbook. */
  supplement?: Supplement;
  findings: Finding[];
  /** How many 说明数据 lines (and 项级科目 年初预算) each workbook answered. */
  filled: { prior: number; budget: number };
}

/** `year`: the 决算 year when neither the 说明数据 nor the workbook states it (the caller's, e.g. from the file name). */
export function mergeSources(model: TablesModel, facts: WorkbookFacts | undefined, supplement: Supplement | undefined, inputs: SourceInputs, year?: number | string): MergedSources {
  if (!inputs.prior && !inputs.budget) return { supplement, findings: [], filled: { prior: 0, budget: 0 } };
  const out: Supplement = supplement
    ? { ...supplement, amounts: { ...supplement.amounts }, items: supplement.items.map((i) => ({ ...i, slots: { ...i.slots } })) }
    : // No sheet (sheet ''): the narrative still says “工作簿中没有说明数据工作表” where a line stays blank.
      { sheet: '', amounts: {}, counts: {}, texts: {}, scores: {}, slots: {}, items: [] };
  const findings: Finding[] = [];
  const given = year !== undefined && /^(19|20)\d{2}$/.test(String(year)) ? Number(year) : undefined;
  const prior = inputs.prior ? readPrior(inputs.prior) : undefined;
  const budget = inputs.budget ? budgetEntries(inputs.budget) : undefined;
  // The year the text may print: 说明数据, the caller's, the tables, the cover or 目录 — not the file name.
  const stated = supplement?.year?.value ? Number(supplement.year.value) : (given ?? reportYear(model, { year: facts?.year }));
  // A workbook whose tables state no year (the sample) takes it from the other two when they agree: last year's
  // 决算 is of the year before, this year's 部门预算 of this year. Said in an info, never guessed from one alone
  // against the other.
  const inferred = stated === undefined ? yearFromSources(prior, budget, facts?.fileYear) : undefined;
  // For checking the other workbooks' years the file name's year serves too.
  const thisYear = stated ?? inferred?.year ?? facts?.fileYear;
  if (inferred) {
    out.year = { value: String(inferred.year), cell: '', from: inferred.from };
    findings.push({
      rule: 'sources-year-inferred',
      severity: 'info',
      message: `决算工作簿各表未载明年度，情况说明按${inferred.from}写为 ${inferred.year} 年度；如不对，请在“${SUPPLEMENT_SHEET}”中填写“年度”。`,
      cells: [],
    });
  }
  const department = facts?.department?.name;
  const filled = { prior: 0, budget: 0 };
  const gaps: NonNullable<Supplement['gaps']> = {};
  const gap = (key: AmountKey | 'item:*', why: string) => {
    if (!out.amounts[key as AmountKey]) gaps[key] = why;
  };

  const take = (key: AmountKey, e: Entry<Decimal>, side: 'prior' | 'budget') => {
    const given = supplement?.amounts[key];
    if (given && !cents(given.value).eq(cents(e.value))) findings.push(conflict(`“${fieldLabel(key)}”`, given, e, side));
    out.amounts[key] = e;
    filled[side]++;
  };

  if (prior) {
    findings.push(...prior.findings, ...identity('prior', prior, thisYear, department));
    for (const [key, e] of Object.entries(prior.amounts) as Array<[AmountKey, Entry<Decimal>]>) take(key, e, 'prior');
    // Last year's 06 公用经费 is last year's 机关运行经费 only where this year's is taken from 06 too (no figure
    // typed in the sheet, and not a 事业单位, whose text states no 机关运行经费).
    if (prior.publicCost && !supplement?.amounts.operatingCost && supplement?.unitType?.value.kind !== 'institution') take('priorOperatingCost', prior.publicCost, 'prior');
    else if (supplement?.amounts.operatingCost) gap('priorOperatingCost', '本年数取自说明数据，上年数须按同一口径填写');
    for (const [key, why] of Object.entries(prior.gaps) as Array<[AmountKey, string]>) gap(key, why);
  }

  if (budget && inputs.budget) {
    findings.push(...(inputs.budget.findings ?? []), ...identity('budget', budget, thisYear, department));
    for (const [key, e] of Object.entries(budget.amounts) as Array<[AmountKey, Entry<Decimal>]>) take(key, e, 'budget');
    for (const [code, item] of budget.items) {
      const at = out.items.findIndex((i) => i.code === code);
      const mine: SupplementItem = at >= 0 ? out.items[at] : { code, codeCell: item.budget.cell, name: item.name, slots: {} };
      const given = mine.budget;
      if (given && !given.from && !cents(given.value).eq(cents(item.budget.value))) findings.push(conflict(`项级科目 ${code}“年初预算”`, given, item.budget, 'budget'));
      mine.budget = item.budget;
      if (at < 0) out.items.push(mine);
      filled.budget++;
    }
    // A 项 spent on that the 部门预算 does not print had no 年初预算 — known only when the printed lines add up to the
    // total (then nothing is missing from the table); otherwise its blank says the budget does not print it.
    if (budget.complete)
      for (const row of leafRowsOf(model['05'])) {
        if (out.items.some((i) => i.code === row.code && i.budget)) continue;
        const at = out.items.findIndex((i) => i.code === row.code);
        const zero: Entry<Decimal> = { value: ZERO, cell: budget.amounts.budgetGpb!.cell, from: `部门预算工作簿“${budget.name}”一般公共预算支出表未列此科目（所列各科目之和等于合计，年初预算为 0）` };
        if (at >= 0) out.items[at] = { ...out.items[at], budget: zero };
        else out.items.push({ code: row.code, codeCell: zero.cell, name: row.name, budget: zero, slots: {} });
      }
    else gaps['item:*'] = '部门预算中无此科目';
    out.items.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    findings.push(...against09(model, budget));
    gap('budgetGpb', '部门预算工作簿中未找到一般公共预算支出合计');
    for (const key of ['sgBudgetAbroad', 'sgBudgetPurchase', 'sgBudgetOperation', 'sgBudgetReception'] as const) gap(key, '部门预算工作簿中未找到此项');
  }
  if (Object.keys(gaps).length) out.gaps = { ...out.gaps, ...gaps };
  return { supplement: out, findings, filled };
}

/**
 * The report year the other workbooks' tables imply: last year's + 1 and the budget's, when those known agree —
 * and agree with the year in this workbook's file name, when it has one (a file name alone never decides).
 */
function yearFromSources(prior: { statedYear?: number; name: string } | undefined, budget: { year?: number; name: string } | undefined, fileYear: number | undefined): { year: number; from: string } | undefined {
  const votes: Array<{ year: number; from: string }> = [];
  if (prior?.statedYear !== undefined) votes.push({ year: prior.statedYear + 1, from: `上年决算工作簿“${prior.name}”（${prior.statedYear} 年度）` });
  if (budget?.year !== undefined) votes.push({ year: budget.year, from: `部门预算工作簿“${budget.name}”（${budget.year} 年度）` });
  if (!votes.length || votes.some((v) => v.year !== votes[0].year) || (fileYear !== undefined && fileYear !== votes[0].year)) return undefined;
  return { year: votes[0].year, from: votes.map((v) => v.from).join('和') };
}

function conflict(what: string, given: Entry<Decimal>, taken: Entry<Decimal>, side: 'prior' | 'budget'): Finding {
  const source = side === 'prior' ? '上年决算工作簿所载的上年决算数' : '部门预算工作簿所载的年初预算数';
  return {
    rule: 'supplement-source-conflict',
    severity: 'warning',
    message:
      `“${SUPPLEMENT_SHEET}”中的${what}为 ${formatMoney(given.value)} 万元（${given.cell}），而${taken.from ?? taken.cell}为 ${formatMoney(taken.value)} 万元，二者不一致；` +
      `情况说明采用${source}（${formatMoney(taken.value)} 万元）。请核对“${SUPPLEMENT_SHEET}”，或确认所选工作簿是否正确。`,
    cells: localCells([given.cell]),
    expected: formatMoney(taken.value),
    actual: formatMoney(given.value),
  };
}

/** Last year's workbook must be of the year before, this year's budget of this year; both of this department. */
function identity(side: 'prior' | 'budget', s: Pick<PriorFigures | BudgetEntries, 'name' | 'year' | 'department'>, year: number | undefined, department: string | undefined): Finding[] {
  const out: Finding[] = [];
  const book = side === 'prior' ? `上年决算工作簿“${s.name}”` : `部门预算工作簿“${s.name}”`;
  const want = year === undefined ? undefined : side === 'prior' ? year - 1 : year;
  if (want !== undefined && s.year !== undefined && s.year !== want)
    out.push({
      rule: `sources-${side}-year`,
      severity: 'warning',
      message: `${book}是 ${s.year} 年度的，而本年决算为 ${year} 年度，${side === 'prior' ? '上年数' : '年初预算'}应取 ${want} 年度的${side === 'prior' ? '决算' : '部门预算'}；情况说明仍按该工作簿填写，请确认是否选错了文件。`,
      cells: [],
    });
  if (department && s.department && departmentKey(department) !== departmentKey(s.department))
    out.push({
      rule: `sources-${side}-department`,
      severity: 'warning',
      message: `${book}的单位为“${s.department}”，与本工作簿的“${department}”不同；情况说明仍按该工作簿填写。如选错了文件请重新选择；如单位合并、分设或更名，${side === 'prior' ? '上年数' : '预算数'}须按可比口径调整后填入“${SUPPLEMENT_SHEET}”。`,
      cells: [],
    });
  return out;
}


/** The published “三公” budgets against 公开09表's 预算数 column: one warning listing every item that differs. */
function against09(model: TablesModel, budget: BudgetEntries): Finding[] {
  const t09 = model['09'];
  if (!t09) return [];
  const diffs = SANGONG_BUDGET_LINES.flatMap(([key, , item, label]) => {
    const mine = budget.amounts[key];
    const printed = t09.budget[item];
    return mine && printed && !cents(mine.value).eq(cents(printed.value)) ? [{ label, mine, printed }] : [];
  });
  if (diffs.length === 0) return [];
  const list = diffs.map((d) => `${d.label}：09表 ${formatMoney(d.printed.value)} 万元（${d.printed.cell}），部门预算 ${formatMoney(d.mine.value)} 万元（${d.mine.cell}）`).join('；');
  return [
    {
      rule: 'sources-budget-09',
      severity: 'warning',
      message: `公开09表的“三公”经费预算数与部门预算工作簿“${budget.name}”不一致——${list}。情况说明采用部门预算的年初预算数；请核对09表“预算数”栏（09表预算数应为年初预算或全年预算，见表注）。`,
      cells: diffs.map((d) => d.printed.cell),
      table: '09',
    },
  ];
}
