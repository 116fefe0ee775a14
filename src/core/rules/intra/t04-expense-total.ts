import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import { COLUMNS_04_ORDER, at } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/** A10: in every 支出 column, 本年支出合计 = Σ 类 rows. */
export const t04ExpenseTotalRule = defineRule({
  id: 't04-expense-total',
  severity: 'error',
  tables: ['04'],
  title: `${T}本年支出合计`,
  message: `${T}“${N.totalExpense}”的“{column}”栏应等于各类支出之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}支出方每一栏（合计、一般公共预算、政府性基金、国有资本经营）：${N.totalExpense} = 各类级行之和。`,
  source: 'A10',
  check(ctx) {
    const t = ctx.model['04'];
    const total = t?.expense?.totalExpense;
    if (!t || !total) return;
    for (const col of COLUMNS_04_ORDER)
      ctx.expectSum(at(total, col), (t.classes ?? []).map((c) => at(c, col)), { column: columnName('04', col) });
  },
});
