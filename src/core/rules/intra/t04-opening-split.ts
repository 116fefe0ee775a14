import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { at, openingSubRows } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/** A09: 年初财政拨款结转和结余 = Σ its 其中 sub-rows by source (when the table prints them). */
export const t04OpeningSplitRule = defineRule({
  id: 't04-opening-split',
  severity: 'error',
  tables: ['04'],
  title: `${T}年初结转和结余分来源`,
  message: `${T}“${N.openingBalance}”应等于其中各来源（一般公共预算、政府性基金、国有资本经营）之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：${N.openingBalance} = 其中 一般公共预算 + 政府性基金 + 国有资本经营（表内列有分行时）。`,
  source: 'A09',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    const subRows = openingSubRows(t);
    if (subRows.length === 0) return;
    ctx.expectSum(at(t.income?.openingBalance, 'amount'), subRows.map((r) => r.amount), {});
  },
});
