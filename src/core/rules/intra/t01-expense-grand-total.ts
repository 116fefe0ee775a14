import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at } from './statement';

const T = tableLabel('01');
const N = LINE_NAMES['01'];
const PARTS = ['totalExpense', 'balanceDistribution', 'closingBalance'] as const;
const FORMULA = PARTS.map((k) => N[k]).join(' + ');

/** A04: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. */
export const t01ExpenseGrandTotalRule = defineRule({
  id: 't01-expense-grand-total',
  severity: 'error',
  tables: ['01'],
  title: `${T}支出总计`,
  message: `${T}支出“总计”应等于${FORMULA} = {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：支出总计 = ${FORMULA}。`,
  source: 'A04',
  check(ctx) {
    const t = ctx.model['01'];
    if (!t) return;
    ctx.expectSum(at(t.expense?.grandTotal, 'amount'), PARTS.map((k) => at(t.expense?.[k], 'amount')), {});
  },
});
