import Decimal from 'decimal.js';

/**
 * How every part of the core prints and bounds amounts (domain.md §2.4): the rules, the reviewer and the
 * narrative share these, so that “519.63” and the 尾数 tolerance mean the same everywhere.
 * - amounts are shown with 2 decimals, 四舍五入 (ROUND_HALF_UP), no thousands separators: "519.63", "0.00";
 * - every printed amount stands for an interval of ±0.005 (the data are in 元, each cell rounded to 0.01 万元 on
 *   its own): an identity over printed amounts holds within 0.005 × the number of rounded amounts involved.
 */

export const HALF_CENT = new Decimal('0.005');

/** The amount as printed: 2 decimals, 四舍五入. */
export function cents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** "519.63", "0.00", "-6.73". */
export function formatMoney(value: Decimal): string {
  return cents(value).toFixed(2);
}

/** "89.57%" (the percentage is already rounded by whoever computed it). */
export function formatPercent(percent: Decimal): string {
  return `${percent.toFixed(2)}%`;
}

/** 尾数 bound for an identity over `terms` independently rounded amounts: 0.005 × terms. */
export function roundingBound(terms: number): Decimal {
  return HALF_CENT.mul(terms);
}
