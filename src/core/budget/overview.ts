import type { Grid } from '../workbook/grid';
import { isLabelLike, parseAmount } from '../read/amount';
import { scanBody } from '../read/layout';
import { stripNumbering } from '../util/text';
import type { BudgetTableContext } from './context';
import type { BudgetFigure } from './types';

/**
 * 部门收支总表 (收支预算总表): a 收入 side and a 支出 side next to each other, each ending with its 总计 line —
 * “收入总计 | 580.13 | 支出总计 | 580.13”, or “总计” on both sides (the left one is the income's). Only the two
 * totals are read; a side's amount is the first figure right of its label (its 预算数, or the 合计 column of a
 * side printed by fund source).
 */
export interface OverviewRead {
  income?: BudgetFigure;
  expense?: BudgetFigure;
  mismatch?: string;
}

const INCOME_TOTAL = /^(收入)?总计$/;
const EXPENSE_TOTAL = /^支出总计$/;
const BARE_TOTAL = /^总计$/;

export function readOverview(ctx: BudgetTableContext): OverviewRead {
  const { grid } = ctx;
  const rows = scanBody(grid, ctx.at.titleRow + 1, ctx.at.endRow).rows;
  let income: BudgetFigure | undefined;
  let expense: BudgetFigure | undefined;
  for (const row of rows) {
    const labels = grid.rowTexts(row).filter(([c]) => isLabelLike(parseAmount(grid.value(row, c))));
    labels.forEach(([col, text], i) => {
      const label = stripNumbering(text);
      const isExpense = EXPENSE_TOTAL.test(label) || (BARE_TOTAL.test(label) && labels.slice(0, i).some(([, t]) => INCOME_TOTAL.test(stripNumbering(t))));
      const isIncome = !isExpense && INCOME_TOTAL.test(label);
      if (!isIncome && !isExpense) return;
      const amountCol = firstAmountRight(grid, row, col, labels[i + 1]?.[0] ?? grid.right + 1);
      if (amountCol === undefined) return;
      const figure = ctx.figure(ctx.read.amount(row, amountCol, label));
      if (isIncome) income ??= figure;
      else expense ??= figure;
    });
  }
  if (!income && !expense) return { mismatch: '未找到“收入总计”“支出总计”行' };
  return { income, expense };
}

/** The first cell holding a figure right of a label, before the next label. */
function firstAmountRight(grid: Grid, row: number, col: number, before: number): number | undefined {
  for (const [c] of grid.rowTexts(row, col + 1, before - 1)) if (parseAmount(grid.value(row, c)).kind === 'number') return c;
  return undefined;
}
