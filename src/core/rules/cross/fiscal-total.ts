import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import { addSides, compareSides, detailTotal } from './shared';

const L04 = tableLabel('04');

/** B08: 04 本年支出合计 (合计 column) = 05 合计 + 07 本年支出 + 08 合计. */
export const fiscalTotal = defineRule({
  id: 'x04-fiscal-total',
  severity: 'error',
  tables: ['04', '05', '07', '08'],
  title: '财政拨款支出合计与三张分表衔接',
  message: `${L04}支出方“本年支出合计”的“合计”应等于${tableLabel('05')}“${columnName('05', 'total')}”、${tableLabel('07')}“${columnName('07', 'total')}”与${tableLabel('08')}“${columnName('08', 'total')}”（均取“合计”行）之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开04表本年支出合计（合计栏）= 公开05表合计 + 公开07表本年支出合计 + 公开08表本年支出合计（各取“合计”行；无“合计”行时取各类级科目之和）。',
  source: 'B08',
  check(ctx) {
    const { '04': t04, '05': t05, '07': t07, '08': t08 } = ctx.model;
    if (!t04 || !t05 || !t07 || !t08) return;
    const parts = addSides([detailTotal(t05, 'total'), detailTotal(t07, 'total'), detailTotal(t08, 'total')]);
    compareSides(ctx, [t04.expense.totalExpense?.amounts.total], parts, {});
  },
});
