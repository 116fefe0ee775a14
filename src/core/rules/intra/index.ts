import type { Rule } from '../rule';
import { subjectSumRule } from './subject-sum';
import { carryOverRule, rowTotalRule } from './row-total';

/** Identities inside one table (domain.md §2.1). */
export const INTRA_RULES: Rule[] = [
  ...(['02', '03', '05', '07', '08'] as const).map(subjectSumRule),
  ...(['02', '03', '05', '07', '08'] as const).map(rowTotalRule),
  carryOverRule('07'),
  carryOverRule('08'),
];
