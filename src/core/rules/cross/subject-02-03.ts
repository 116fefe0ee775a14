import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { hasMoney, rowWhere } from './shared';

const L02 = tableLabel('02');
const L03 = tableLabel('03');

/**
 * B13 (soft): per 科目 in both 02 and 03, 本年收入合计 and 本年支出合计 differ only by that 科目's carry-over.
 * Checked only when 01 shows no carry-over at all (年初/年末结转和结余 and 使用非财政拨款结余 blank or 0).
 */
export const subject0203 = defineRule({
  id: 'x02-03-subject',
  severity: 'warning',
  tables: ['02', '03', '01'],
  title: '收入决算表与支出决算表分科目对照',
  message: `${L03}{what}的“本年支出合计” {actual} 与${L02}同一科目的“本年收入合计” {expected} 不一致，差额 {difference}。单位无结转结余时二者通常相等；若该科目存在结转结余，差异可能是正常的，请核实。`,
  doc: '单位无结转结余时（公开01表年初、年末结转和结余及使用非财政拨款结余均为空或 0），公开02表与公开03表同一科目的本年收入合计与本年支出合计应相等（提示性）。',
  source: 'B13',
  check(ctx) {
    const { '01': t01, '02': t02, '03': t03 } = ctx.model;
    if (!t01 || !t02 || !t03) return;
    const carryOver = [
      t01.income.openingBalance?.amounts.amount,
      t01.income.useNonFiscalBalance?.amounts.amount,
      t01.expense.closingBalance?.amounts.amount,
    ];
    if (carryOver.some(hasMoney)) return;
    const pairs = [
      ...(t02.total && t03.total ? [{ what: '“合计”行', income: t02.total.amounts.total, expense: t03.total.amounts.total }] : []),
      ...t03.rows.flatMap((row) => {
        const twin = t02.rows.find((r) => r.code === row.code);
        return twin ? [{ what: rowWhere(row), income: twin.amounts.total, expense: row.amounts.total }] : [];
      }),
    ];
    for (const { what, income, expense } of pairs)
      if (income && expense) ctx.compare(income.value, expense, [expense, income], { what }, '03');
  },
});
