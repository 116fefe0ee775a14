import type { AmountKey, TextKey } from '../../supplement/fields';
import { columnName } from '../../tables/column-names';
import type { Column03 } from '../../tables/model';
import { compare } from '../change';
import type { NarrativeContext } from '../context';
import type { NarrativeSection } from '../document';
import type { FigureKey, IncomeLine } from '../figures/catalogue';
import { isKnown, type Fig } from '../figures/fig';
import { partOf, shareText, wanOf } from '../figures/state';
import { isZeroAmount } from '../money';
import { changePhrase, reason, section } from '../phrases';

/**
 * 一 收入支出决算总体情况 (← 01 总计), 二 收入决算 (← 01 本年收入), 三 支出决算 (← 03 合计; 01 and 05 when 03
 * cannot be read), 四 财政拨款收入支出决算总体情况 (← 04 总计). Every figure through ctx.fig (figures/).
 */

/**
 * Hunan: “与上年相比，减少6.73万元，下降1.28%，主要是因为…。”;
 * Shanghai: “与2023年度相比，收入支出总计减少6.73万元，下降1.28%。主要原因：…。”, and with the prior year unknown
 * “…收入支出总计增加/减少【请填写：收入支出总计增减额】万元，增长/下降【请填写：收入支出总计增减率】%。主要原因：…”.
 */
function comparison(ctx: NarrativeContext, current: Fig, priorKey: AmountKey, reasonKey: TextKey, subject: string, hunanSubject = ''): string {
  const prior = ctx.amount(priorKey);
  const hunan = ctx.format === 'hunan';
  if (hunan && !prior) return `与上年相比，${hunanSubject}增减情况${ctx.missingField(priorKey)}，主要是因为${ctx.needText(reasonKey)}。`;
  const c = compare(ctx, current, prior, subject, priorKey);
  if ('unknown' in c) {
    const why = reason(ctx.needText(reasonKey));
    return hunan ? `与上年相比，${hunanSubject}${c.unknown}，主要是因为${why}。` : `与${ctx.priorYearText}相比，${subject}${c.unknown}。主要原因：${why}。`;
  }
  if (c.change.direction === 'flat') return hunan ? `与上年相比${hunanSubject ? `，${hunanSubject}` : ''}持平。` : `与${ctx.priorYearText}相比，${subject}持平。`;
  const phrase = changePhrase(c.change, '上年无收支');
  const why = reason(ctx.needText(reasonKey));
  return hunan ? `与上年相比，${hunanSubject}${phrase}，主要是因为${why}。` : `与${ctx.priorYearText}相比，${subject}${phrase}。主要原因：${why}。`;
}

export function overviewSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '收入支出决算总体情况说明';
  if (!ctx.model['01']) return section('overview', number, title, [ctx.missingTable('01')]);
  const total = ctx.fig('01.grandTotal');
  const text =
    ctx.format === 'hunan'
      ? `${ctx.yearText}收、支总计${wanOf(total)}。${comparison(ctx, total, 'priorTotal', 'reasonTotal', '收入支出总计')}`
      : `${ctx.unitName}${ctx.yearText}收入支出总计${wanOf(total)}。${comparison(ctx, total, 'priorTotal', 'reasonTotal', '收入支出总计')}`;
  return section('overview', number, title, [text]);
}

const INCOME_LINES: IncomeLine[] = ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'];

export function incomeSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '收入决算情况说明';
  if (!ctx.model['01']) return section('income', number, title, [ctx.missingTable('01')]);
  const parts = INCOME_LINES.map((k): [string, FigureKey] => [columnName('02', k), `01.income.${k}`]);
  return section('income', number, title, [listSentence(ctx, '收入合计', '本年收入合计', ctx.fig('01.totalIncome'), parts)]);
}

const EXPENSE_COLUMNS: Column03[] = ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'];

/**
 * 三 from 03's 合计 row; where 03 cannot be read, 本年支出合计 from 01 and the parts from 05/07/08 when all
 * spending is 财政拨款 (figures/catalogue.ts fiscalSplit), else placeholders naming why.
 */
export function expenseSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '支出决算情况说明';
  if (!ctx.model['03']?.total && !ctx.model['01']?.expense.totalExpense) return section('expense', number, title, [ctx.missingTable('03')]);
  const parts = EXPENSE_COLUMNS.map((k): [string, FigureKey] => [columnName('03', k), `03.${k}`]);
  return section('expense', number, title, [listSentence(ctx, '支出合计', '本年支出合计', ctx.fig('03.total'), parts)]);
}

/**
 * Hunan: “2024年度收入合计519.63万元，其中：财政拨款收入519.63万元，占100.00%；上级补助收入0.00万元，占0.00%；…。”
 * (every line, zeros included); Shanghai: “本年收入合计X万元，其中：财政拨款收入X万元，占X%；…。” (不涉及的不列: a line
 * known to be 0 is left out; a line in doubt is asked for).
 */
function listSentence(ctx: NarrativeContext, hunanLabel: string, shanghaiLabel: string, total: Fig, keys: Array<[string, FigureKey]>): string {
  const hunan = ctx.format === 'hunan';
  const wholeLabel = hunan ? hunanLabel : shanghaiLabel;
  const parts = keys.map(([label, key]): [string, Fig] => [label, partOf(ctx, ctx.fig(key), total, label, wholeLabel)]);
  const shown = hunan ? parts : parts.filter(([, v]) => !isKnown(v) || !isZeroAmount(v.value));
  const head = hunan ? `${ctx.yearText}${hunanLabel}${wanOf(total)}` : `${shanghaiLabel}${wanOf(total)}`;
  if ((isKnown(total) && isZeroAmount(total.value)) || shown.length === 0) return `${head}。`;
  const items = shown.map(([label, v]) => [`${label}${wanOf(v)}`, shareText(ctx, v, total, label)].filter(Boolean).join('，'));
  return `${head}，其中：${items.join('；')}。`;
}

export function fiscalSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '财政拨款收入支出决算总体情况说明';
  if (!ctx.model['04']) return section('fiscal', number, title, [ctx.missingTable('04')]);
  const total = ctx.fig('04.grandTotal');
  const text =
    ctx.format === 'hunan'
      ? `${ctx.yearText}财政拨款收、支总计${wanOf(total)}。${comparison(ctx, total, 'priorFiscalTotal', 'reasonFiscalTotal', '财政拨款收入支出总计')}`
      : `${ctx.unitName}${ctx.yearText}财政拨款收入支出总计${wanOf(total)}。${comparison(ctx, total, 'priorFiscalTotal', 'reasonFiscalTotal', '财政拨款收入支出总计')}`;
  return section('fiscal', number, title, [text]);
}

export { comparison };
