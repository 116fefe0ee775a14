import Decimal from 'decimal.js';
import type { Amount } from '../tables/model';

/**
 * 尾数误差: every printed amount stands for an interval of ±0.005 (the data are in 元, each cell rounded
 * to 0.01 万元 on its own). An identity over printed amounts holds when those intervals allow it: the bound
 * is 0.005 × the number of rounded (non-blank) amounts involved. A blank is an exact 0, not a rounding.
 */
export const HALF_CENT = new Decimal('0.005');

export function roundingBound(amounts: readonly Amount[]): Decimal {
  const rounded = amounts.filter((a) => !a.blank).length;
  return HALF_CENT.mul(rounded);
}

const ZERO_SUM = new Decimal(0);

/** Σ values; blank and zero amounts add nothing (and allocate nothing: sums run thousands of times a check). */
export function sumOf(amounts: readonly Amount[]): Decimal {
  let acc: Decimal | undefined;
  for (const a of amounts) {
    if (a.value.isZero()) continue;
    acc = acc ? acc.plus(a.value) : a.value;
  }
  return acc ?? ZERO_SUM;
}

export function money(value: Decimal): string {
  return value.toFixed(2);
}
