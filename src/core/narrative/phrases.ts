import type Decimal from 'decimal.js';
import { amountWord, changeOf, comparisonWord, percentOf, rateWord, type Change } from './money';
import { formatMoney, formatPercent } from '../util/money';
import type { NarrativeSection, SectionId } from './document';
import { paragraph } from './document';

/** Sentence pieces shared by the section writers. Every number goes through money.ts. */

export const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** “519.63万元”. */
export function wan(value: Decimal): string {
  return `${formatMoney(value)}万元`;
}

/** “占79.03%”, or undefined when the whole is 0. */
export function shareOf(part: Decimal, whole: Decimal, prefix = '占'): string | undefined {
  const p = percentOf(part, whole);
  return p ? `${prefix}${formatPercent(p)}` : undefined;
}

/** “完成年初预算的89.57%”; undefined when the budget is 0 (no rate on a zero denominator). */
export function completion(actual: Decimal, budget: Decimal, what = '年初预算'): string | undefined {
  const p = percentOf(actual, budget);
  return p ? `完成${what}的${formatPercent(p)}` : undefined;
}

/**
 * “减少6.73万元，下降1.28%”; “增加6.90万元，上年无此项支出” when the prior year is 0 (no rate);
 * “持平” on equality.
 */
export function changePhrase(change: Change, noPrior = '上年无此项支出'): string {
  if (change.direction === 'flat') return '持平';
  const head = `${amountWord(change.direction)}${wan(change.amount)}`;
  return change.rate ? `${head}，${rateWord(change.direction)}${formatPercent(change.rate)}` : `${head}，${noPrior}`;
}

export { changeOf, comparisonWord };

/** A reason as written by the accountant, without a final 。 (the sentence adds it). */
export function reason(text: string): string {
  return text.replace(/[。；;，,.\s]+$/, '');
}

export function section(id: SectionId, number: string, title: string, texts: string[], subsections: NarrativeSection[] = []): NarrativeSection {
  const heading = number.startsWith('（') ? `${number}${title}` : `${number}、${title}`;
  return { id, number, title, heading, paragraphs: texts.filter((t) => t !== '').map(paragraph), subsections };
}

/** Sub-section numbers: （一）, （二）… */
export function subNumber(i: number): string {
  return `（${CN_NUMBERS[i]}）`;
}
