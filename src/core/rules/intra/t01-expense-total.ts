import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at } from './statement';

const T = tableLabel('01');
const N = LINE_NAMES['01'];

/** A02: 本年支出合计 = Σ 类 rows. */
export const t01ExpenseTotalRule = defineRule({
  id: 't01-expense-total',
  severity: 'error',
  tables: ['01'],
  title: `${T}本年支出合计`,
  message: `${T}“${N.totalExpense}”应等于各类支出之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：${N.totalExpense} = 支出各类（功能分类类级）之和。`,
  source: 'A02',
  check(ctx) {
    const t = ctx.model['01'];
    if (!t) return;
    ctx.expectSum(at(t.expense?.totalExpense, 'amount'), (t.classes ?? []).map((c) => at(c, 'amount')), {});
  },
});
