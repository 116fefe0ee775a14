import type Decimal from 'decimal.js';
import { PERSONNEL_CLASSES, PUBLIC_CLASSES, economicName } from '../../subjects/economic';
import { leafRowsOf, subjectLabel, type ItemTable } from '../../supplement/table-items';
import type { SubjectRow, SubjectTable, TablesModel } from '../../tables/model';
import type { NarrativeContext } from '../context';
import { valueOf } from '../context';
import type { NarrativeSection } from '../document';
import { uniqueRows } from '../figures';
import { isKnown, known, type Fig } from '../figures/fig';
import { partOf, shareText, wanOf } from '../figures/state';
import { comparisonWord, isZeroAmount, sum } from '../money';
import { cents } from '../../util/money';
import { completion, reason, section, subNumber, wan } from '../phrases';
import { comparison } from './overview';

/** 五 一般公共预算财政拨款支出 (← 05, 03 合计 for the share, 说明数据 for budgets) and 六 基本支出 (← 05 基本, 06). */

export function gpbSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '一般公共预算财政拨款支出决算情况说明';
  const t05 = ctx.model['05'];
  if (!t05?.total) return section('gpb', number, title, [ctx.missingTable('05')]);
  const hunan = ctx.format === 'hunan';
  const lead = hunan ? ctx.yearText : '';

  // （一）总体情况: the share of 本年支出合计 (03, or 01 where 03 cannot be read).
  ctx.section = `${number}${subNumber(0)}`;
  const total = ctx.fig('05.total');
  const share = ctx.model['03']?.total || ctx.model['01']?.expense.totalExpense ? shareText(ctx, total, ctx.fig('03.total'), '一般公共预算财政拨款支出', '占本年支出合计的', '本年支出合计') : undefined;
  const overall = `${lead}一般公共预算财政拨款支出${wanOf(total)}${share ? `，${share}` : ''}。${comparison(ctx, total, 'priorGpbExpense', 'reasonGpbExpense', '一般公共预算财政拨款支出', '一般公共预算财政拨款支出')}`;

  // （二）结构情况: every non-zero 类 of 05 in table order, share of the 05 合计; a 科目 printed twice (a structure
  // finding of the check) is stated once.
  ctx.section = `${number}${subNumber(1)}`;
  const classes = uniqueRows(t05)
    .filter((r) => r.level === '类')
    .map((r): [string, Fig] => {
      const label = subjectLabel(t05, r.code, ctx.subjectYear);
      return [label, partOf(ctx, ctx.fig(`05.class.${r.code}`), total, label, '一般公共预算财政拨款支出合计')];
    })
    .filter(([, f]) => !isKnown(f) || !isZeroAmount(f.value));
  const structure =
    isKnown(total) && isZeroAmount(total.value)
      ? `${lead}无一般公共预算财政拨款支出。`
      : `${lead}一般公共预算财政拨款支出${wanOf(total)}，主要用于以下方面：${classes.map(([label, f]) => [`${label}${wanOf(f)}`, shareText(ctx, f, total, label)].filter(Boolean).join('，')).join('；')}。`;

  // （三）具体情况: 年初预算 vs 决算, then one paragraph per 项.
  ctx.section = `${number}${subNumber(2)}`;
  const detail = detailParagraphs(ctx, total);
  ctx.section = number;
  return section('gpb', number, title, [], [
    section('gpb-overall', subNumber(0), '一般公共预算财政拨款支出决算总体情况', [overall]),
    section('gpb-structure', subNumber(1), '一般公共预算财政拨款支出决算结构情况', [structure]),
    section('gpb-detail', subNumber(2), '一般公共预算财政拨款支出决算具体情况', detail),
  ]);
}

/**
 * Hunan: “2024年度一般公共预算财政拨款支出年初预算为580.13万元，支出决算为519.63万元，完成年初预算的89.57%。”;
 * Shanghai adds “决算数大于（小于）预算数的主要原因：…。”, and with the budget unknown keeps every slot of the
 * template: “…完成年初预算的【请填写：…完成率】%。决算数大于/小于预算数的主要原因：【请填写：…】。”
 */
function detailParagraphs(ctx: NarrativeContext, total: Fig): string[] {
  const hunan = ctx.format === 'hunan';
  const lead = hunan ? ctx.yearText : '';
  const rows = itemRows(ctx, '05');
  const budget = ctx.amount('budgetGpb') ?? derivedBudget(ctx, rows.map((r) => r.code));
  let head: string;
  if (!budget || !isKnown(total)) {
    const budgetText = budget ? wan(budget) : `${ctx.missingField('budgetGpb')}万元`;
    head = `${lead}一般公共预算财政拨款支出年初预算为${budgetText}，支出决算为${wanOf(total)}`;
    if (hunan) head += '。';
    else {
      const need = `需要年初预算完成率，${budget ? '支出决算数存疑（见相关提示）' : ctx.fillHint(['budgetGpb'])}（填好后自动算出）`;
      const rate = ctx.placeholder('rate:budgetGpb', '一般公共预算财政拨款支出年初预算完成率', need, ctx.supplement?.slots.budgetGpb ? [ctx.supplement.slots.budgetGpb] : [], undefined, 'narrative-missing-input');
      head += `，完成年初预算的${rate}%。决算数大于/小于预算数的主要原因：${reason(ctx.needText('reasonBudgetGpb'))}。`;
    }
  } else {
    const actual = total.value;
    const rate = completion(actual, budget);
    head = `${lead}一般公共预算财政拨款支出年初预算为${wan(budget)}，支出决算为${wan(actual)}${rate ? `，${rate}` : cents(budget).isZero() ? '，年初未安排预算' : ''}。`;
    const word = comparisonWord(actual, budget);
    const given = ctx.text('reasonBudgetGpb');
    if (word === '持平') head += hunan ? '决算数与年初预算数持平。' : '决算数与预算数持平。';
    else if (hunan && given) head += `决算数${word}年初预算数的主要原因是：${reason(given)}。`;
    else if (!hunan) head += `决算数${word}预算数的主要原因：${reason(ctx.needText('reasonBudgetGpb'))}。`;
  }
  if (rows.length === 0) return [head];
  return [`${head}其中：`, ...rows.map((r, i) => itemParagraph(ctx, i + 1, r))];
}

/** The Σ of item budgets when every item has one (an arithmetic fact, not a guess). */
function derivedBudget(ctx: NarrativeContext, codes: string[]): Decimal | undefined {
  const budgets = codes.map((c) => ctx.item(c)?.budget?.value);
  return codes.length > 0 && budgets.every((b) => b !== undefined) ? sum(budgets as Decimal[]) : undefined;
}

export interface ItemRow {
  code: string;
  label: string;
  /** 支出决算: 05's through ctx.fig (a row in doubt is asked for), 07/08's as printed. */
  actual: Fig;
}

/**
 * The 项 to explain, in table order: every leaf row of the table with a non-zero 支出, plus 说明数据 items of the
 * same budget with a non-zero 年初预算 and no 支出 (budgeted, not spent), placed by code.
 */
export function itemRows(ctx: NarrativeContext, code: ItemTable): ItemRow[] {
  const table = ctx.model[code] as SubjectTable | undefined;
  const leaves = leafRowsOf(table);
  const seen = new Set<string>();
  const rows: ItemRow[] = leaves
    .filter((r) => !isZeroAmount(valueOf(r.amounts.total)) && !seen.has(r.code) && seen.add(r.code))
    .map((r) => ({
      code: r.code,
      label: subjectLabel(table, r.code, ctx.subjectYear),
      actual: code === '05' ? ctx.fig(`05.item.${r.code}`) : known(valueOf(r.amounts.total), r.amounts.total ? [r.amounts.total.cell] : []),
    }));
  if (code !== '05') return rows;
  const printed = new Set(allLeafCodes(ctx.model));
  for (const item of ctx.supplement?.items ?? []) {
    if (printed.has(item.code) || item.code.length !== 7 || !item.budget || isZeroAmount(item.budget.value)) continue;
    const at = rows.findIndex((r) => r.code > item.code);
    const row = { code: item.code, label: subjectLabel(table, item.code, ctx.subjectYear), actual: known(valueOf(undefined)) };
    rows.splice(at < 0 ? rows.length : at, 0, row);
  }
  return rows;
}

function allLeafCodes(model: TablesModel): string[] {
  return (['05', '07', '08'] as const).flatMap((c) => leafRowsOf(model[c] as SubjectTable | undefined).map((r: SubjectRow) => r.code));
}

/**
 * Hunan: “1、X（类）Y（款）Z（项）。年初预算为476.41万元，支出决算为353.87万元，完成年初预算的74.28%。决算数小于年初预算数的
 * 主要原因是：…。”; 年初预算 0 → “年初未安排预算，支出决算为…”; equal → “…持平。” (no reason).
 * Shanghai: “1、X（类）Y（款）Z（项）。主要用于：…。年初预算为…，支出决算为…。决算数大于预算数的主要原因：…。”
 */
export function itemParagraph(ctx: NarrativeContext, n: number, row: ItemRow): string {
  const hunan = ctx.format === 'hunan';
  const item = ctx.item(row.code);
  const short = row.label.replace(/^.*（款）/, '').replace(/（项）$/, '');
  const slotHint = `请在项级科目表中增加科目代码 ${row.code} 的一行`;
  let text = `${n}、${row.label}。`;
  const usage = item?.usage?.value;
  if (usage) text += `主要用于：${reason(usage)}。`;
  else if (!hunan) text += `主要用于：${ctx.missing(`item:${row.code}:usage`, `${row.code} ${short} 主要用于`, item?.slots.usage, slotHint)}。`;
  const budget = item?.budget?.value;
  const askReason = () => item?.reason?.value ? reason(item.reason.value) : ctx.missing(`item:${row.code}:reason`, `${row.code} ${short} 差异原因`, item?.slots.reason, slotHint);
  if (budget === undefined || !isKnown(row.actual)) {
    const budgetText = budget === undefined ? `${ctx.missing(`item:${row.code}:budget`, `${row.code} ${short} 年初预算`, item?.slots.budget, slotHint)}万元` : wan(budget);
    text += `年初预算为${budgetText}，支出决算为${wanOf(row.actual)}。`;
    // The sign is unknown: the Shanghai template's words stay both (大于/小于), the Hunan text names the difference.
    text += hunan ? `决算数与年初预算数差异的主要原因是：${askReason()}。` : `决算数大于/小于预算数的主要原因：${askReason()}。`;
    return text;
  }
  const actual = row.actual.value;
  const word = comparisonWord(actual, budget);
  const rate = hunan ? completion(actual, budget) : undefined;
  if (cents(budget).isZero()) text += `年初未安排预算，支出决算为${wan(actual)}。`;
  else text += `年初预算为${wan(budget)}，支出决算为${wan(actual)}${rate ? `，${rate}` : ''}。`;
  if (word === '持平') return `${text}${hunan ? '决算数与年初预算数持平。' : '决算数与预算数持平。'}`;
  const why = askReason();
  return hunan ? `${text}决算数${word}年初预算数的主要原因是：${why}。` : `${text}决算数${word}预算数的主要原因：${why}。`;
}

/**
 * 六: 基本支出 (05 合计 基本支出, settled by 05's classes, its row and 06 人员+公用 when in doubt), 人员经费 and
 * 公用经费 (06) with their non-zero 款. A part larger than the 基本支出 is not stated (figures/state.ts partOf).
 */
export function basicSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '一般公共预算财政拨款基本支出决算情况说明';
  const t06 = ctx.model['06'];
  if (!t06) return section('basic', number, title, [ctx.missingTable('06')]);
  const hunan = ctx.format === 'hunan';
  const basic = ctx.fig('05.basic');
  const list = (classes: readonly string[]) => {
    const names = classes.flatMap((c) =>
      t06.items.filter((i) => i.level === '款' && i.code.startsWith(c) && !isZeroAmount(i.amount.value)).map((i) => i.name.trim() || economicName(i.code, ctx.subjectYear) || i.code),
    );
    return names.length ? `，主要包括：${names.join('、')}` : '';
  };
  const part = (label: string, figure: Fig, classes: readonly string[]) => {
    const value = partOf(ctx, figure, basic, label, '基本支出');
    const share = hunan ? shareText(ctx, value, basic, label, '占基本支出的', '基本支出') : undefined;
    return `${label}${wanOf(value)}${share ? `，${share}` : ''}${isKnown(figure) && isZeroAmount(figure.value) ? '' : list(classes)}`;
  };
  const lead = hunan ? `${ctx.yearText}一般公共预算财政拨款基本支出${wanOf(basic)}，其中：` : `一般公共预算财政拨款基本支出${wanOf(basic)}。其中：`;
  return section('basic', number, title, [`${lead}${part('人员经费', ctx.fig('06.personnel'), PERSONNEL_CLASSES)}；${part('公用经费', ctx.fig('06.public'), PUBLIC_CLASSES)}。`]);
}
