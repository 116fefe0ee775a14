import Decimal from 'decimal.js';
import type { Amount } from '../tables/model';
import { roundingBound } from '../util/money';

/**
 * 尾数误差 over table cells (src/core/util/money.ts): the bound counts the rounded (non-blank) amounts
 * involved. A blank is an exact 0, not a rounding.
 */
export function amountsBound(amounts: readonly Amount[]): Decimal {
  return roundingBound(amounts.filter((a) => !a.blank).length);
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
