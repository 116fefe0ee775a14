import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { SOURCES, at } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/** A09: 本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营 income lines. */
export const t04IncomeTotalRule = defineRule({
  id: 't04-income-total',
  severity: 'error',
  tables: ['04'],
  title: `${T}本年收入合计`,
  message: `${T}“${N.totalIncome}”应等于${SOURCES.map((s) => N[s]).join('、')}收入之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：${N.totalIncome} = ${SOURCES.map((s) => N[s]).join(' + ')}。`,
  source: 'A09',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    ctx.expectSum(at(t.income?.totalIncome, 'amount'), SOURCES.map((s) => at(t.income?.[s], 'amount')), {});
  },
});
