import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import { SOURCES, at } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];
const PARTS = SOURCES.map((s) => columnName('04', s));
const LINES = ['totalExpense', 'closingBalance', 'grandTotal'] as const;

/** A10: on the 支出 side, each 类 row and 本年支出合计 / 年末 / 总计: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营. */
export const t04RowTotalRule = defineRule({
  id: 't04-row-total',
  severity: 'error',
  tables: ['04'],
  title: `${T}支出各行横向合计`,
  message: `${T}{what}的“合计”应等于${PARTS.join('、')}之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}支出方每一类级行及本年支出合计、年末财政拨款结转和结余、总计行：合计 = ${PARTS.join(' + ')}。`,
  source: 'A10',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    const lines = [
      ...(t.classes ?? []).map((c) => ({ what: `“${c.label}”行`, line: c })),
      ...LINES.flatMap((k) => {
        const line = t.expense?.[k];
        return line ? [{ what: `“${k === 'grandTotal' ? '支出总计' : N[k]}”行`, line }] : [];
      }),
    ];
    for (const { what, line } of lines)
      ctx.expectSum(at(line, 'total'), SOURCES.map((s) => at(line, s)), { what });
  },
});
