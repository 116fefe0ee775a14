/**
 * This year's 部门预算 as the sample's 情况说明 states it (五（三） per 项, 七 “三公” budgets), made by hand in the
 * shape the budget reader returns (src/core/budget/types.ts), with made-up cells of a budget workbook.
 */
import Decimal from 'decimal.js';
import type { BudgetFigure, BudgetFigures } from '../../src/core/budget/types';

/** 五（三）: 年初预算 per 项 (the published text; their sum is 580.14, the stated total 580.13). */
export const PUBLISHED_ITEM_BUDGETS: Readonly<Record<string, string>> = {
  '2010450': '476.41',
  '2010499': '0',
  '2080502': '6.06',
  '2080505': '27.91',
  '2080506': '13.96',
  '2101101': '0',
  '2101102': '11.53',
  '2101103': '6.62',
  '2101199': '14.30',
  '2110199': '0',
  '2210201': '23.35',
};

export const PUBLISHED_BUDGET_TOTAL = '580.13';
export const PUBLISHED_SANGONG_BUDGET = { total: '19', abroad: '7', vehicle: '7', purchase: '0', operation: '7', reception: '5' } as const;

export function publishedBudgetFigures(): BudgetFigures {
  let row = 6;
  const at = (sheet: string, col: string, value: string): BudgetFigure => ({ value: new Decimal(value), cell: `${sheet}!${col}${row++}` });
  const s = PUBLISHED_SANGONG_BUDGET;
  return {
    year: '2024年部门预算',
    department: '株洲市长株潭一体化发展事务中心',
    gpbExpenseTotal: at('一般公共预算支出表', 'C', PUBLISHED_BUDGET_TOTAL),
    gpbItems: Object.entries(PUBLISHED_ITEM_BUDGETS).map(([code, v]) => ({ code, total: at('一般公共预算支出表', 'C', v) })),
    sangong: {
      total: at('三公经费预算表', 'B', s.total),
      abroad: at('三公经费预算表', 'C', s.abroad),
      vehicle: at('三公经费预算表', 'D', s.vehicle),
      purchase: at('三公经费预算表', 'E', s.purchase),
      operation: at('三公经费预算表', 'F', s.operation),
      reception: at('三公经费预算表', 'G', s.reception),
    },
    tables: [],
  };
}
