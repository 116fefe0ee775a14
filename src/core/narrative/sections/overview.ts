import type Decimal from 'decimal.js';
import type { AmountKey, TextKey } from '../../supplement/fields';
import type { NarrativeContext } from '../context';
import { valueOf } from '../context';
import type { NarrativeSection } from '../document';
import { changeOf, isZeroAmount, sum } from '../money';
import { changePhrase, reason, section, shareOf, wan } from '../phrases';

/**
 * 一 收入支出决算总体情况 (← 01 总计), 二 收入决算 (← 01 本年收入), 三 支出决算 (← 03 合计),
 * 四 财政拨款收入支出决算总体情况 (← 04 总计).
 */

/** “与上年相比，减少6.73万元，下降1.28%，主要是因为…。” (Hunan) / “与2023年度相比，X增加…。主要原因：…。” (Shanghai). */
function comparison(ctx: NarrativeContext, current: Decimal, priorKey: AmountKey, reasonKey: TextKey, subject: string, hunanSubject = ''): string {
  const prior = ctx.amount(priorKey);
  const hunan = ctx.format === 'hunan';
  if (!prior) {
    const ph = ctx.missingField(priorKey);
    const why = ctx.needText(reasonKey);
    return hunan
      ? `与上年相比，${hunanSubject}增减情况${ph}，主要是因为${why}。`
      : `与${ctx.priorYearText}相比，${subject}增减情况${ph}。主要原因：${why}。`;
  }
  const change = changeOf(current, prior);
  if (change.direction === 'flat') return hunan ? `与上年相比${hunanSubject ? `，${hunanSubject}` : ''}持平。` : `与${ctx.priorYearText}相比，${subject}持平。`;
  const phrase = changePhrase(change, '上年无收支');
  const why = reason(ctx.needText(reasonKey));
  return hunan ? `与上年相比，${hunanSubject}${phrase}，主要是因为${why}。` : `与${ctx.priorYearText}相比，${subject}${phrase}。主要原因：${why}。`;
}

export function overviewSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '收入支出决算总体情况说明';
  const t01 = ctx.model['01'];
  if (!t01) return section('overview', number, title, [ctx.missingTable('01')]);
  const income = t01.income.grandTotal?.amounts.amount;
  const expense = t01.expense.grandTotal?.amounts.amount;
  const total = valueOf(income ?? expense);
  if (income && expense && !income.value.eq(expense.value))
    ctx.report(
      'narrative-unequal-totals',
      'warning',
      `公开01表收入总计 ${wan(income.value)}（${income.cell}）与支出总计 ${wan(expense.value)}（${expense.cell}）不相等；情况说明第${number}部分按收入总计表述，请先核对01表。`,
      [income.cell, expense.cell],
      '01',
    );
  const text =
    ctx.format === 'hunan'
      ? `${ctx.yearText}收、支总计${wan(total)}。${comparison(ctx, total, 'priorTotal', 'reasonTotal', '收入支出总计')}`
      : `${ctx.unitName}${ctx.yearText}收入支出总计${wan(total)}。${comparison(ctx, total, 'priorTotal', 'reasonTotal', '收入支出总计')}`;
  return section('overview', number, title, [text]);
}

const INCOME_LINES = [
  ['superior', '上级补助收入'],
  ['business', '事业收入'],
  ['operating', '经营收入'],
  ['affiliated', '附属单位上缴收入'],
  ['other', '其他收入'],
] as const;

export function incomeSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '收入决算情况说明';
  const t01 = ctx.model['01'];
  if (!t01) return section('income', number, title, [ctx.missingTable('01')]);
  const line = (k: keyof typeof t01.income) => valueOf(t01.income[k]?.amounts.amount);
  const fiscal = t01.income.fiscal ? line('fiscal') : sum([line('gpb'), line('gf'), line('soc')]);
  const total = t01.income.totalIncome ? line('totalIncome') : sum([fiscal, ...INCOME_LINES.map(([k]) => line(k))]);
  const parts: Array<[string, Decimal]> = [['财政拨款收入', fiscal], ...INCOME_LINES.map(([k, label]): [string, Decimal] => [label, line(k)])];
  return section('income', number, title, [listSentence(ctx, '收入合计', '本年收入合计', total, parts)]);
}

const EXPENSE_COLUMNS = [
  ['basic', '基本支出'],
  ['project', '项目支出'],
  ['toSuperior', '上缴上级支出'],
  ['operating', '经营支出'],
  ['toAffiliated', '对附属单位补助支出'],
] as const;

export function expenseSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '支出决算情况说明';
  const t03 = ctx.model['03'];
  if (!t03?.total) return section('expense', number, title, [ctx.missingTable('03')]);
  const amounts = t03.total.amounts;
  const parts = EXPENSE_COLUMNS.map(([k, label]): [string, Decimal] => [label, valueOf(amounts[k])]);
  return section('expense', number, title, [listSentence(ctx, '支出合计', '本年支出合计', valueOf(amounts.total), parts)]);
}

/**
 * Hunan: “2024年度收入合计519.63万元，其中：财政拨款收入519.63万元，占100.00%；上级补助收入0.00万元，占0.00%；…。”
 * (every line, zeros included); Shanghai: “本年收入合计X万元，其中：财政拨款收入X万元，占X%；…。” (不涉及的不列).
 */
function listSentence(ctx: NarrativeContext, hunanLabel: string, shanghaiLabel: string, total: Decimal, parts: Array<[string, Decimal]>): string {
  const hunan = ctx.format === 'hunan';
  const shown = hunan ? parts : parts.filter(([, v]) => !isZeroAmount(v));
  const head = hunan ? `${ctx.yearText}${hunanLabel}${wan(total)}` : `${shanghaiLabel}${wan(total)}`;
  if (isZeroAmount(total) || shown.length === 0) return `${head}。`;
  const items = shown.map(([label, v]) => [`${label}${wan(v)}`, shareOf(v, total)].filter(Boolean).join('，'));
  return `${head}，其中：${items.join('；')}。`;
}

export function fiscalSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '财政拨款收入支出决算总体情况说明';
  const t04 = ctx.model['04'];
  if (!t04) return section('fiscal', number, title, [ctx.missingTable('04')]);
  const income = t04.income.grandTotal?.amounts.amount;
  const expense = t04.expense.grandTotal?.amounts.total;
  const total = valueOf(income ?? expense);
  if (income && expense && !income.value.eq(expense.value))
    ctx.report(
      'narrative-unequal-totals',
      'warning',
      `公开04表收入总计 ${wan(income.value)}（${income.cell}）与支出总计 ${wan(expense.value)}（${expense.cell}）不相等；情况说明第${number}部分按收入总计表述，请先核对04表。`,
      [income.cell, expense.cell],
      '04',
    );
  const text =
    ctx.format === 'hunan'
      ? `${ctx.yearText}财政拨款收、支总计${wan(total)}。${comparison(ctx, total, 'priorFiscalTotal', 'reasonFiscalTotal', '财政拨款收入支出总计')}`
      : `${ctx.unitName}${ctx.yearText}财政拨款收入支出总计${wan(total)}。${comparison(ctx, total, 'priorFiscalTotal', 'reasonFiscalTotal', '财政拨款收入支出总计')}`;
  return section('fiscal', number, title, [text]);
}

export { comparison };
