import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import { CLOSING_KEY, SOURCES, at, closingSubRows, filled } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/**
 * A10/A11: 年末财政拨款结转和结余 (合计) = Σ its source sub-rows' 合计, when the table prints them; each
 * sub-row's 合计 = the 年末 line's figure in that source's column, where both are printed; and a sub-row that
 * prints its figure twice (合计 and its own source's column) prints the same figure — otherwise the second one
 * would never be compared with anything.
 */
export const t04ClosingSplitRule = defineRule({
  id: 't04-closing-split',
  severity: 'error',
  tables: ['04'],
  title: `${T}年末结转和结余分来源`,
  message: `${T}{what}应等于{parts} {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：${N.closingBalance}（合计）= 其下各来源分行合计之和；各来源分行的合计 = ${N.closingBalance}行对应来源栏；分行的合计栏与本来源栏都填列时二者相等（表内列有分行时）。`,
  source: 'A10',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    const subRows = closingSubRows(t);
    if (subRows.length === 0) return;
    const closing = t.expense?.closingBalance;
    ctx.expectSum(at(closing, 'total'), subRows.map((r) => r.amount), {
      what: `“${N.closingBalance}”的“合计”栏`,
      parts: '其下各来源分行的合计之和',
    });
    for (const { source, amount } of subRows) {
      const column = at(closing, source);
      if (!column) continue;
      ctx.expectSum(amount, [column], {
        what: `“${N[CLOSING_KEY[source]]}”分行的“合计”栏`,
        parts: `“${N.closingBalance}”行的“${columnName('04', source)}”栏`,
      });
    }
    for (const source of SOURCES) {
      const line = t.expense?.[CLOSING_KEY[source]];
      const total = at(line, 'total');
      const own = at(line, source);
      if (!filled(total) || !filled(own)) continue;
      ctx.expectSum(total, [own], {
        what: `“${N[CLOSING_KEY[source]]}”分行的“合计”栏`,
        parts: `该行“${columnName('04', source)}”栏`,
      });
    }
  },
});
