import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { at } from './statement';

const T = tableLabel('01');

/** A05: 收入总计 = 支出总计. */
export const t01BalanceRule = defineRule({
  id: 't01-balance',
  severity: 'error',
  tables: ['01'],
  title: `${T}收支总计平衡`,
  message: `${T}支出“总计”应等于收入“总计” {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：收入总计 = 支出总计（即年末结转和结余 = 年初 + 本年收入 + 使用非财拨结余 − 本年支出 − 结余分配）。`,
  source: 'A05',
  check(ctx) {
    const t = ctx.model['01'];
    if (!t) return;
    const income = at(t.income?.grandTotal, 'amount');
    if (!income) return;
    ctx.expectSum(at(t.expense?.grandTotal, 'amount'), [income], {});
  },
});
