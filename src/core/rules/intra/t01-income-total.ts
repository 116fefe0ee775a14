import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at, fiscalIncomeKeys } from './statement';

const T = tableLabel('01');
const N = LINE_NAMES['01'];
const PARTS = ['gpb', 'gf', 'soc', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;
const OWN = ['superior', 'business', 'operating', 'affiliated', 'other'] as const;

/** A01: 本年收入合计 = Σ income lines 一…八. */
export const t01IncomeTotalRule = defineRule({
  id: 't01-income-total',
  severity: 'error',
  tables: ['01'],
  title: `${T}本年收入合计`,
  message: `${T}“${N.totalIncome}”应等于收入各项之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：${N.totalIncome} = ${PARTS.map((k) => N[k]).join(' + ')}（只列“${N.fiscal}”一行的表以该行代替前三项）。`,
  source: 'A01',
  check(ctx) {
    const t = ctx.model['01'];
    if (!t) return;
    const parts = [...fiscalIncomeKeys(t), ...OWN];
    ctx.expectSum(at(t.income?.totalIncome, 'amount'), parts.map((k) => at(t.income?.[k], 'amount')), {});
  },
});
