import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { compareClasses, compareSides, detailTotal, rowWhere, totalWhere } from './shared';

const L04 = tableLabel('04');
const L05 = tableLabel('05');

/** B05: 04 “一般公共预算财政拨款” expense column against 05 合计. */
export const gpb0405 = defineRule({
  id: 'x04-05-gpb',
  severity: 'error',
  tables: ['04', '05'],
  title: '财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表衔接',
  message: `${L04}支出方{line}的“一般公共预算财政拨款”应等于${L05}{target}的“合计” {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开04表一般公共预算财政拨款栏：每一类级支出 = 公开05表同一类级科目的合计，本年支出合计 = 公开05表“合计”行合计（一方有数、另一方未列该类亦为错误）。',
  source: 'B05',
  check(ctx) {
    const t04 = ctx.model['04'];
    const t05 = ctx.model['05'];
    if (!t04 || !t05) return;
    const total = detailTotal(t05, 'total');
    compareSides(ctx, [t04.expense.totalExpense?.amounts.gpb], total, { line: '“本年支出合计”', target: totalWhere(total) });
    compareClasses(ctx, {
      summary: t04.classes,
      summaryColumn: 'gpb',
      summaryTable: '04',
      detail: t05,
      detailColumn: 'total',
      detailTable: '05',
      vars: (code, name, missing, row) => ({
        line: missing === 'summary' ? `未列“${name}”类级支出行（按 0 计），该类` : `“${name}”（类 ${code}）`,
        target: missing === 'detail' ? `“${code} ${name}”类级科目（该表未列此科目，按 0 计）` : row ? rowWhere(row) : `“${code} ${name}”`,
      }),
    });
  },
});
