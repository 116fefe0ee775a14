import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { compareClasses, compareSides, detailTotal, rowWhere, totalWhere } from './shared';

const L01 = tableLabel('01');
const L03 = tableLabel('03');

/** B04: 01 支出方 (本年支出合计 and every 类) against 03 本年支出合计. */
export const expense0103 = defineRule({
  id: 'x01-03-expense',
  severity: 'error',
  tables: ['01', '03'],
  title: '收入支出决算总表与支出决算表支出衔接',
  message: `${L01}{line}应等于${L03}{target}的“本年支出合计” {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开01表本年支出合计 = 公开03表“合计”行本年支出合计；公开01表每一类级支出 = 公开03表同一类级科目的本年支出合计（一方有数、另一方未列该类亦为错误）。',
  source: 'B04',
  check(ctx) {
    const t01 = ctx.model['01'];
    const t03 = ctx.model['03'];
    if (!t01 || !t03) return;
    const total = detailTotal(t03, 'total');
    compareSides(ctx, [t01.expense.totalExpense?.amounts.amount], total, { line: '“本年支出合计”', target: totalWhere(total) });
    compareClasses(ctx, {
      summary: t01.classes,
      summaryColumn: 'amount',
      summaryTable: '01',
      detail: t03,
      detailColumn: 'total',
      detailTable: '03',
      vars: (code, name, missing, row) => ({
        line: missing === 'summary' ? `未列“${name}”类级支出行（按 0 计），该类` : `“${name}”（类 ${code}）`,
        target: missing === 'detail' ? `“${code} ${name}”类级科目（该表未列此科目，按 0 计）` : row ? rowWhere(row) : `“${code} ${name}”`,
      }),
    });
  },
});
