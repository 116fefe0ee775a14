import Decimal from 'decimal.js';
import { cents } from '../util/money';

/**
 * The only place where the narrative turns amounts into text. Everything here takes and returns `Decimal`:
 * no JavaScript number ever carries an amount, a share or a rate (test/narrative/no-float.test.ts scans
 * src/core/narrative and src/core/supplement for float arithmetic).
 *
 * Conventions (domain.md §2.4, §3.3, §6):
 * - amounts are shown with 2 decimals, 四舍五入 (ROUND_HALF_UP), no thousands separators: "519.63", "0.00";
 * - shares and rates are computed from the DISPLAYED 2-decimal amounts, then shown with 2 decimals, 四舍五入;
 * - a rate whose denominator shows as 0.00 does not exist (undefined), never "100%" or "0%".
 */

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

/** part / whole × 100, from the displayed amounts, 2 decimals 四舍五入; undefined when whole shows as 0.00. */
export function percentOf(part: Decimal, whole: Decimal): Decimal | undefined {
  const denominator = cents(whole);
  if (denominator.isZero()) return undefined;
  return cents(part).div(denominator).mul(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A score as entered (98.5 stays "98.5"): not an amount, not rounded to 2 places. */
export function formatScore(score: Decimal): string {
  return score.toString();
}

export type Direction = 'up' | 'down' | 'flat';

/** current vs prior, on the displayed amounts. `rate` is |Δ| / prior × 100; undefined when prior shows as 0.00. */
export interface Change {
  direction: Direction;
  /** |current − prior|, 2 decimals. */
  amount: Decimal;
  rate?: Decimal;
  current: Decimal;
  prior: Decimal;
}

export function changeOf(current: Decimal, prior: Decimal): Change {
  const now = cents(current);
  const before = cents(prior);
  const delta = now.minus(before);
  const direction: Direction = delta.isZero() ? 'flat' : delta.isPositive() ? 'up' : 'down';
  return { direction, amount: delta.abs(), rate: percentOf(delta.abs(), before), current: now, prior: before };
}

/** 增加 / 减少 (amounts). Not defined for 'flat': say 持平 instead. */
export function amountWord(direction: Exclude<Direction, 'flat'>): '增加' | '减少' {
  return direction === 'up' ? '增加' : '减少';
}

/** 增长 / 下降 (rates). */
export function rateWord(direction: Exclude<Direction, 'flat'>): '增长' | '下降' {
  return direction === 'up' ? '增长' : '下降';
}

/** actual vs budget on the displayed amounts: 大于 / 小于 / 持平. */
export function comparisonWord(actual: Decimal, budget: Decimal): '大于' | '小于' | '持平' {
  const c = cents(actual).comparedTo(cents(budget));
  return c > 0 ? '大于' : c < 0 ? '小于' : '持平';
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

export function isZeroAmount(value: Decimal | undefined): boolean {
  return value === undefined || cents(value).isZero();
}

export { Decimal, ZERO };
