import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at } from './statement';

const T = tableLabel('01');
const N = LINE_NAMES['01'];
const PARTS = ['totalIncome', 'useNonFiscalBalance', 'openingBalance'] as const;
const FORMULA = PARTS.map((k) => N[k]).join(' + ');

/** A03: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余. */
export const t01IncomeGrandTotalRule = defineRule({
  id: 't01-income-grand-total',
  severity: 'error',
  tables: ['01'],
  title: `${T}收入总计`,
  message: `${T}收入“总计”应等于${FORMULA} = {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：收入总计 = ${FORMULA}。`,
  source: 'A03',
  check(ctx) {
    const t = ctx.model['01'];
    if (!t) return;
    ctx.expectSum(at(t.income?.grandTotal, 'amount'), PARTS.map((k) => at(t.income?.[k], 'amount')), {});
  },
});
