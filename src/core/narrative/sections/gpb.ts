import type Decimal from 'decimal.js';
import { PERSONNEL_CLASSES, PUBLIC_CLASSES, economicName } from '../../subjects/economic';
import { leafRowsOf, subjectLabel, type ItemTable } from '../../supplement/table-items';
import type { SubjectRow, SubjectTable, TablesModel } from '../../tables/model';
import type { NarrativeContext } from '../context';
import { valueOf } from '../context';
import type { NarrativeSection } from '../document';
import { cents, comparisonWord, isZeroAmount, sum } from '../money';
import { completion, reason, section, shareOf, subNumber, wan } from '../phrases';
import { comparison } from './overview';

/** 五 一般公共预算财政拨款支出 (← 05, 03 合计 for the share, 说明数据 for budgets) and 六 基本支出 (← 05 基本, 06). */

export function gpbSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '一般公共预算财政拨款支出决算情况说明';
  const t05 = ctx.model['05'];
  if (!t05?.total) return section('gpb', number, title, [ctx.missingTable('05')]);
  const total = valueOf(t05.total.amounts.total);
  const hunan = ctx.format === 'hunan';
  const lead = hunan ? ctx.yearText : '';

  // （一）总体情况
  ctx.section = `${number}${subNumber(0)}`;
  const t03 = ctx.model['03']?.total?.amounts.total;
  const share = t03 ? shareOf(total, t03.value, '占本年支出合计的') : undefined;
  const overall = `${lead}一般公共预算财政拨款支出${wan(total)}${share ? `，${share}` : ''}。${comparison(ctx, total, 'priorGpbExpense', 'reasonGpbExpense', '一般公共预算财政拨款支出', '一般公共预算财政拨款支出')}`;

  // （二）结构情况: every non-zero 类 of 05, in table order, share of the 05 合计.
  ctx.section = `${number}${subNumber(1)}`;
  const classes = t05.rows.filter((r) => r.level === '类' && !isZeroAmount(valueOf(r.amounts.total)));
  const structure = isZeroAmount(total)
    ? `${lead}无一般公共预算财政拨款支出。`
    : `${lead}一般公共预算财政拨款支出${wan(total)}，主要用于以下方面：${classes
        .map((r) => [`${subjectLabel(t05, r.code, ctx.subjectYear)}${wan(valueOf(r.amounts.total))}`, shareOf(valueOf(r.amounts.total), total)].filter(Boolean).join('，'))
        .join('；')}。`;

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

function detailParagraphs(ctx: NarrativeContext, total: Decimal): string[] {
  const hunan = ctx.format === 'hunan';
  const lead = hunan ? ctx.yearText : '';
  const rows = itemRows(ctx, '05');
  const budget = ctx.amount('budgetGpb') ?? derivedBudget(ctx, rows.map((r) => r.code));
  let head: string;
  if (!budget) {
    head = `${lead}一般公共预算财政拨款支出年初预算为${ctx.missingField('budgetGpb')}万元，支出决算为${wan(total)}。`;
  } else {
    const rate = completion(total, budget);
    head = `${lead}一般公共预算财政拨款支出年初预算为${wan(budget)}，支出决算为${wan(total)}${rate ? `，${rate}` : cents(budget).isZero() ? '，年初未安排预算' : ''}。`;
    const word = comparisonWord(total, budget);
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
  actual: Decimal;
}

/**
 * The 项 to explain, in table order: every leaf row of the table with a non-zero 支出, plus 说明数据 items of the
 * same budget with a non-zero 年初预算 and no 支出 (budgeted, not spent), placed by code.
 */
export function itemRows(ctx: NarrativeContext, code: ItemTable): ItemRow[] {
  const table = ctx.model[code] as SubjectTable | undefined;
  const leaves = leafRowsOf(table);
  const rows: ItemRow[] = leaves
    .filter((r) => !isZeroAmount(valueOf(r.amounts.total)))
    .map((r) => ({ code: r.code, label: subjectLabel(table, r.code, ctx.subjectYear), actual: valueOf(r.amounts.total) }));
  if (code !== '05') return rows;
  const known = new Set(allLeafCodes(ctx.model));
  for (const item of ctx.supplement?.items ?? []) {
    if (known.has(item.code) || item.code.length !== 7 || !item.budget || isZeroAmount(item.budget.value)) continue;
    const at = rows.findIndex((r) => r.code > item.code);
    const row = { code: item.code, label: subjectLabel(table, item.code, ctx.subjectYear), actual: valueOf(undefined) };
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
  if (budget === undefined) {
    text += `年初预算为${ctx.missing(`item:${row.code}:budget`, `${row.code} ${short} 年初预算`, item?.slots.budget, slotHint)}万元，支出决算为${wan(row.actual)}。`;
    text += `决算数与年初预算数差异的主要原因${hunan ? '是：' : '：'}${ctx.missing(`item:${row.code}:reason`, `${row.code} ${short} 差异原因`, item?.slots.reason, slotHint)}。`;
    return text;
  }
  const word = comparisonWord(row.actual, budget);
  const rate = hunan ? completion(row.actual, budget) : undefined;
  if (cents(budget).isZero()) text += `年初未安排预算，支出决算为${wan(row.actual)}。`;
  else text += `年初预算为${wan(budget)}，支出决算为${wan(row.actual)}${rate ? `，${rate}` : ''}。`;
  if (word === '持平') return `${text}${hunan ? '决算数与年初预算数持平。' : '决算数与预算数持平。'}`;
  const why = item?.reason?.value ? reason(item.reason.value) : ctx.missing(`item:${row.code}:reason`, `${row.code} ${short} 差异原因`, item?.slots.reason, slotHint);
  return hunan ? `${text}决算数${word}年初预算数的主要原因是：${why}。` : `${text}决算数${word}预算数的主要原因：${why}。`;
}

export function basicSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '一般公共预算财政拨款基本支出决算情况说明';
  const t05 = ctx.model['05'];
  const t06 = ctx.model['06'];
  if (!t06) return section('basic', number, title, [ctx.missingTable('06')]);
  const hunan = ctx.format === 'hunan';
  const classTotal = (classes: readonly string[]) =>
    sum(t06.items.filter((i) => i.level === '类' && classes.includes(i.code)).map((i) => i.amount.value));
  const personnel = t06.personnelTotal?.value ?? classTotal(PERSONNEL_CLASSES);
  const publicCost = t06.publicTotal?.value ?? classTotal(PUBLIC_CLASSES);
  const basic = t05?.total ? valueOf(t05.total.amounts.basic) : personnel.plus(publicCost);
  const list = (classes: readonly string[]) => {
    const names = classes.flatMap((c) =>
      t06.items.filter((i) => i.level === '款' && i.code.startsWith(c) && !isZeroAmount(i.amount.value)).map((i) => i.name.trim() || economicName(i.code, ctx.subjectYear) || i.code),
    );
    return names.length ? `，主要包括：${names.join('、')}` : '';
  };
  const part = (label: string, value: Decimal, classes: readonly string[]) => {
    const share = hunan ? shareOf(value, basic, '占基本支出的') : undefined;
    return `${label}${wan(value)}${share ? `，${share}` : ''}${isZeroAmount(value) ? '' : list(classes)}`;
  };
  const lead = hunan ? `${ctx.yearText}一般公共预算财政拨款基本支出${wan(basic)}，其中：` : `一般公共预算财政拨款基本支出${wan(basic)}。其中：`;
  return section('basic', number, title, [`${lead}${part('人员经费', personnel, PERSONNEL_CLASSES)}；${part('公用经费', publicCost, PUBLIC_CLASSES)}。`]);
}

