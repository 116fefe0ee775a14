import type { Amount, Column05, SubjectTable } from '../tables/model';
import { EXPENSE_05 } from '../tables/model';
import type { TableLocation } from '../read/context';
import { readSubjectTable, type SubjectSpec } from '../read/subject-table';
import type { BudgetTableContext } from './context';
import type { BudgetFigure, BudgetItem } from './types';
import { isOtherYearColumn } from './columns';
import { checkSubjectSums } from './checks';

/**
 * 一般公共预算支出表 (一般公共预算财政拨款支出表): 科目 lines by 功能分类 code at 类/款/项 with 合计 | 基本支出 |
 * 项目支出 — the shape of 公开05表, read by the same reader (codes whole, split 类|款|项, or code and name in one
 * cell; header words; the 合计 row). Only this year's budget columns count: an 上年执行数 block, an 增减 column
 * or another year's 预算数 printed beside them are not read.
 */
export interface GpbExpenseRead {
  total?: BudgetFigure;
  items: BudgetItem[];
  mismatch?: string;
  unreadable?: string;
}

export function readGpbExpense(ctx: BudgetTableContext, year: number | undefined): GpbExpenseRead {
  const spec: SubjectSpec<Column05> = {
    columns: [
      { key: 'basic', match: /基本支出/ },
      { key: 'project', match: /项目支出/ },
      { key: 'total', match: /合计|总计|小计|本年支出$|金额|预算数?$/ },
    ],
    // A table printing one amount column (合计 only) still gives the 年初预算 per 科目.
    required: ['total'],
    order: EXPENSE_05,
    rowTotal: { total: 'total', parts: ['basic', 'project'] },
    // 人员经费 | 公用经费 under 基本支出 (基本支出{小计 | 人员经费 | 公用经费}) are its parts, not more 基本支出:
    // left out without a word, the 基本支出表 gives them.
    otherColumn: (header) => isOtherYearColumn(header, year) || /人员经费|公用经费/.test(header),
  };
  const loc: TableLocation = { ...ctx.at, code: '05' };
  const result = readSubjectTable(ctx.read, loc, spec);
  if (!result.table) return { items: [], mismatch: result.mismatch, unreadable: result.unreadable };
  const table = result.table as SubjectTable<Column05>;
  checkSubjectSums(ctx, table);
  const has = (k: Column05) => table.columns[k] !== undefined;
  const fig = (a: Amount | undefined) => (a ? ctx.figure(a) : undefined);
  const items: BudgetItem[] = table.rows.map((row) => ({
    code: row.code,
    ...(row.name ? { name: row.name } : {}),
    total: ctx.figure(row.amounts.total),
    ...(has('basic') ? { basic: fig(row.amounts.basic) } : {}),
    ...(has('project') ? { project: fig(row.amounts.project) } : {}),
  }));
  if (!table.total)
    ctx.warn('budget-total-missing', '没有“合计”行，未取得一般公共预算支出的年初预算总数；请核对该表是否完整。', [ctx.grid.ref(ctx.at.titleRow, ctx.at.titleCol)]);
  return { total: table.total ? ctx.figure(table.total.amounts.total) : undefined, items };
}
