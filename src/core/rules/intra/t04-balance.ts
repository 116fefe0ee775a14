import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { at } from './statement';

const T = tableLabel('04');

/** A10: 收入总计 = 支出总计 (合计 column). */
export const t04BalanceRule = defineRule({
  id: 't04-balance',
  severity: 'error',
  tables: ['04'],
  title: `${T}收支总计平衡`,
  message: `${T}支出“总计”的“合计”栏应等于收入“总计” {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：收入总计 = 支出总计（合计栏）。`,
  source: 'A10',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    const income = at(t.income?.grandTotal, 'amount');
    if (!income) return;
    ctx.expectSum(at(t.expense?.grandTotal, 'total'), [income], {});
  },
});
