import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at } from './statement';

const T = tableLabel('01');
const N = LINE_NAMES['01'];
const PARTS = ['gpb', 'gf', 'soc', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;

/** A01: 本年收入合计 = Σ income lines 一…八. */
export const t01IncomeTotalRule = defineRule({
  id: 't01-income-total',
  severity: 'error',
  tables: ['01'],
  title: `${T}本年收入合计`,
  message: `${T}“${N.totalIncome}”应等于收入各项之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：${N.totalIncome} = ${PARTS.map((k) => N[k]).join(' + ')}。`,
  source: 'A01',
  check(ctx) {
    const t = ctx.model['01'];
    if (!t) return;
    ctx.expectSum(at(t.income?.totalIncome, 'amount'), PARTS.map((k) => at(t.income?.[k], 'amount')), {});
  },
});
