import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at, openingSubRows } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/** A09: 收入总计 = 本年收入合计 + 年初财政拨款结转和结余. */
export const t04IncomeGrandTotalRule = defineRule({
  id: 't04-income-grand-total',
  severity: 'error',
  tables: ['04'],
  title: `${T}收入总计`,
  message: `${T}收入“总计”应等于${N.totalIncome} + ${N.openingBalance} = {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：收入总计 = ${N.totalIncome} + ${N.openingBalance}。`,
  source: 'A09',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    // Without a 年初 line, its source sub-rows stand for it.
    const opening = t.income?.openingBalance ? [at(t.income?.openingBalance, 'amount')] : openingSubRows(t).map((r) => r.amount);
    ctx.expectSum(at(t.income?.grandTotal, 'amount'), [at(t.income?.totalIncome, 'amount'), ...opening], {});
  },
});
