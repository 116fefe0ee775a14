import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { Amount } from '../../tables/model';
import { formatMoney } from '../../util/money';
import { hasMoney, rowWhere } from './shared';

const L03 = tableLabel('03');
const L05 = tableLabel('05');
const COLUMNS = ['total', 'basic', 'project'] as const;

/** B09: 03 ≥ 05 row by row (合计 and every 科目 of 05), for 合计/基本/项目. */
export const bound0305 = defineRule({
  id: 'x03-05-bound',
  severity: 'error',
  tables: ['03', '05'],
  title: '支出决算表不小于一般公共预算财政拨款支出决算表',
  message: `${L03}{what}的“{column}”应不小于${L05}{target}的“{column05}”，应为 {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开05表每一科目（及“合计”行）的合计、基本支出、项目支出均不得大于公开03表同一科目的本年支出合计、基本支出、项目支出；公开05表的科目未列入公开03表为错误。',
  source: 'B09',
  check(ctx) {
    const t03 = ctx.model['03'];
    const t05 = ctx.model['05'];
    if (!t03 || !t05) return;
    const vars = (what: string, target: string, key: (typeof COLUMNS)[number]) => ({
      what,
      target,
      column: columnName('03', key),
      column05: columnName('05', key),
    });
    if (t03.total && t05.total)
      for (const key of COLUMNS) ctx.expectAtLeast(t03.total.amounts[key], t05.total.amounts[key], vars('“合计”行', '“合计”行', key), '03');
    for (const row05 of t05.rows) {
      const row03 = t03.rows.find((r) => r.code === row05.code);
      if (row03) {
        for (const key of COLUMNS) ctx.expectAtLeast(row03.amounts[key], row05.amounts[key], vars(rowWhere(row03), '同一科目', key), '03');
        continue;
      }
      // A 05 科目 with money that 03 does not list: one error, on its first column with a figure.
      const key = COLUMNS.find((k) => hasMoney(row05.amounts[k]));
      if (!key) continue;
      const amount = row05.amounts[key] as Amount;
      const figures = { expected: `≥ ${formatMoney(amount.value)}`, actual: '0.00', difference: formatMoney(amount.value.negated()) };
      ctx.report(
        { ...vars(`未列“${row05.code} ${row05.name}”科目（按 0 计），该科目`, rowWhere(row05), key), ...figures },
        [amount.cell, ...row05.codeCells],
        { ...figures, table: '05' },
      );
    }
  },
});
