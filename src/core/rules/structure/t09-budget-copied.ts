import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { ITEMS_09, type Amount, type Table09 } from '../../tables/model';
import { formatMoney } from '../../util/money';

/**
 * domain.md §5 item 2: 09's 预算数 block equal, item by item, to its 决算数 block (and not all zero) — the
 * actuals were most likely copied into the budget columns. A blank cell counts as 0.
 */
export const t09BudgetCopiedRule = defineRule({
  id: 't09-budget-copied',
  severity: 'warning',
  tables: ['09'],
  title: '“三公”经费预算数疑似照抄决算数',
  message: '{table}各项预算数与决算数完全相同，疑似将决算数填入了预算栏（合计均为 {total}）。预算数应为按规定程序调整后的“三公”经费全年预算数，请核对。',
  doc: '公开09表各项预算数与决算数逐项相同且不全为 0 时警告：疑似将决算数填入了预算栏。',
  source: '§5-2',
  check(ctx) {
    const table = ctx.model['09'] as Table09 | undefined;
    if (!table) return;
    const pairs: Array<[Amount, Amount]> = [];
    for (const item of ITEMS_09) {
      const budget = table.budget?.[item];
      const actual = table.actual?.[item];
      if (budget && actual) pairs.push([budget, actual]);
    }
    if (pairs.length < 2) return;
    if (!pairs.every(([b, a]) => b.value.equals(a.value))) return;
    if (pairs.every(([b]) => b.value.isZero())) return;
    const total = table.budget.total ?? pairs[0][0];
    ctx.report(
      { table: tableLabel('09'), total: formatMoney(total.value) },
      pairs.filter(([b]) => !b.blank).map(([b]) => b.cell),
      { table: '09' },
    );
  },
});
