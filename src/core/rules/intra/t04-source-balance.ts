import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { Amount, Table04 } from '../../tables/model';
import { OPENING_KEY, SOURCES, at, closingSubRows, filled, isZero, openingSubRows, type Source } from './statement';

const T = tableLabel('04');

/**
 * 年初 of one source: its 其中 sub-row. Without that row the figure is 0 when the 年初 line is 0 or other
 * sub-rows carry the split, and unknown (null: skip the source) otherwise.
 */
function openingOf(t: Table04, s: Source): Amount | undefined | null {
  const line = t.income?.[OPENING_KEY[s]];
  if (line) return at(line, 'amount');
  if (isZero(at(t.income?.openingBalance, 'amount')) || openingSubRows(t).length > 0) return undefined;
  return null;
}

/** 年末 of one source: the 年末 line's column, else the source's sub-row 合计 (the one that holds a figure). */
function closingOf(t: Table04, s: Source): Amount | undefined {
  const column = at(t.expense?.closingBalance, s);
  const subRow = closingSubRows(t).find((r) => r.source === s)?.amount;
  if (filled(column)) return column;
  if (filled(subRow)) return subRow;
  return column ?? subRow;
}

/** A11: per source s: 年初(s) + 本年收入(s) − 本年支出(s) = 年末(s). */
export const t04SourceBalanceRule = defineRule({
  id: 't04-source-balance',
  severity: 'error',
  tables: ['04'],
  title: `${T}分来源收支衔接`,
  message: `${T}{source}的年末结转和结余应等于年初结转和结余 + 本年收入 − 本年支出 = {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}每一来源（一般公共预算、政府性基金、国有资本经营）：年初结转和结余 + 本年收入 − 本年支出合计 = 年末结转和结余。`,
  source: 'A11',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    for (const s of SOURCES) {
      const opening = openingOf(t, s);
      if (opening === null) continue;
      ctx.expectSum(closingOf(t, s), [opening, at(t.income?.[s], 'amount')], { source: `“${columnName('04', s)}”` }, {
        minus: [at(t.expense?.totalExpense, s)],
      });
    }
  },
});
