import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import { parseA1, splitCellRef } from '../../workbook/address';
import { formatMoney } from '../../util/money';
import { CLOSING_KEY, SOURCES, at } from './statement';

const T = tableLabel('04');
const N = LINE_NAMES['04'];

/** “第 35 行” for the sheet row of a cell. */
function rowOf(cell: string): string {
  const pos = parseA1(splitCellRef(cell).address);
  return pos ? `第 ${pos.row + 1} 行` : '';
}

/**
 * A10: a 年末 sub-row by source is that source's carry-over and nothing else, so its cells in the other sources'
 * columns stay blank (or 0). No identity reaches those cells — the sub-row's 合计 is read from the 合计 column or
 * its own source's column — so without this rule a figure there would pass unnoticed.
 */
export const t04ClosingSubRowSourcesRule = defineRule({
  id: 't04-closing-sub-row-sources',
  severity: 'error',
  tables: ['04'],
  title: `${T}年末结转和结余分行不跨来源`,
  message: `${T}“{line}”分行（{row}）的“{column}”栏应为空或 {expected}（该分行只反映{source}的年末结转和结余），实为 {actual}，差额 {difference}。`,
  doc: `${T}${N.closingBalance}下的各来源分行只填列本来源：如一般公共预算财政拨款分行的政府性基金、国有资本经营栏应为空或 0（表内列有分行时）。`,
  source: 'A10',
  check(ctx) {
    const t = ctx.model['04'];
    if (!t) return;
    for (const source of SOURCES) {
      const line = t.expense?.[CLOSING_KEY[source]];
      if (!line) continue;
      for (const other of SOURCES) {
        if (other === source) continue;
        const amount = at(line, other);
        if (!amount || amount.value.isZero()) continue;
        const actual = formatMoney(amount.value);
        const figures = { expected: '0.00', actual, difference: actual };
        ctx.report(
          { ...figures, line: N[CLOSING_KEY[source]], row: rowOf(amount.cell), column: columnName('04', other), source: columnName('04', source) },
          [amount.cell],
          figures,
        );
      }
    }
  },
});
