import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import type { Amount, Column04, Table04 } from '../../tables/model';
import { COLUMNS_04_ORDER, at, closingSubRows } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/** 年末 in one column; without a 年末 line, its source sub-rows stand for it. */
function closingIn(t: Table04, col: Column04): Array<Amount | undefined> {
  if (t.expense?.closingBalance) return [at(t.expense?.closingBalance, col)];
  if (col === 'total') return closingSubRows(t).map((r) => r.amount);
  return [closingSubRows(t).find((r) => r.source === col)?.amount];
}

/** A10: in every 支出 column, 支出总计 = 本年支出合计 + 年末财政拨款结转和结余. */
export const t04ExpenseGrandTotalRule = defineRule({
  id: 't04-expense-grand-total',
  severity: 'error',
  tables: ['04'],
  title: `${T}支出总计`,
  message: `${T}支出“总计”的“{column}”栏应等于${N.totalExpense} + ${N.closingBalance} = {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}支出方每一栏：支出总计 = ${N.totalExpense} + ${N.closingBalance}。`,
  source: 'A10',
  check(ctx) {
    const t = ctx.model['04'];
    const grand = t?.expense?.grandTotal;
    if (!t || !grand) return;
    for (const col of COLUMNS_04_ORDER)
      ctx.expectSum(at(grand, col), [at(t.expense?.totalExpense, col), ...closingIn(t, col)], { column: columnName('04', col) });
  },
});
