import type Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';

/**
 * A unit's published 部门预算 (this year's budget), as the 情况说明 needs it: 年初预算 for 一般公共预算财政拨款支出
 * in total and per 科目, the “三公” budgets, and the 收支总表 totals. Read from the budget workbook's own tables
 * (located by content, like the 决算 tables) by `readBudgetWorkbook` (src/core/budget/index.ts).
 *
 * Every figure carries the cell it came from (`sheet!A1` in the budget workbook), so that a message can name
 * it; amounts are 万元 as printed (a table printed in 元 is converted, and says so in `unitNote`).
 */
export interface BudgetFigure {
  value: Decimal;
  /** `sheet!A1` in the budget workbook. */
  cell: string;
  /**
   * A figure the table does not print but its printed parts give (公务用车购置及运行费 printed only as 购置费 and
   * 运行费): the cells it is the sum of (`cell` is the first of them).
   */
  from?: string[];
}

export interface BudgetItem {
  /** 科目代码 as canonical digits: 3 (类), 5 (款) or 7 (项). */
  code: string;
  name?: string;
  /** The line's 合计 (基本支出 + 项目支出). */
  total: BudgetFigure;
  basic?: BudgetFigure;
  project?: BudgetFigure;
}

export interface BudgetSangong {
  total?: BudgetFigure;
  abroad?: BudgetFigure;
  /** 公务用车购置及运行维护费 (the sum of the next two when printed apart). */
  vehicle?: BudgetFigure;
  purchase?: BudgetFigure;
  operation?: BudgetFigure;
  reception?: BudgetFigure;
}

export interface BudgetFigures {
  /** The budget year printed on the tables, as digits (“2024” from “2024年部门预算”), when found. */
  year?: string;
  department?: string;
  /** 一般公共预算（财政拨款）支出表 合计. */
  gpbExpenseTotal?: BudgetFigure;
  /** 一般公共预算支出表 lines, every level printed (类, 款, 项). */
  gpbItems: BudgetItem[];
  /** 收支总表: 收入总计 / 支出总计. */
  incomeTotal?: BudgetFigure;
  expenseTotal?: BudgetFigure;
  /** 一般公共预算基本支出表: 人员经费 / 公用经费 / 合计. */
  basic?: { personnel?: BudgetFigure; publicUse?: BudgetFigure; total?: BudgetFigure };
  sangong?: BudgetSangong;
  /** Which budget tables were found, by their printed titles, with their sheets. */
  tables: { kind: BudgetTableKind; title: string; sheet: string; /** The unit the table prints (万元, 元…). */ unit?: string }[];
  unitNote?: string;
}

export type BudgetTableKind = 'overview' | 'gpb-expense' | 'basic-expense' | 'sangong';

export interface BudgetReadResult {
  figures: BudgetFigures;
  /** Problems reading the budget workbook, in Chinese (rules `budget-*`); never throws. */
  findings: Finding[];
}
