import { couldBeTitle } from '../read/title';
import type { BudgetTableKind } from './types';

/**
 * The tables a published 部门预算 workbook may hold (docs/budget-layouts.md): the four this reader reads, and
 * the others it must recognise so as not to take one for another (部门支出总表, 政府性基金预算支出表 and 财政拨款
 * 支出表 have the same 科目 | 基本支出 | 项目支出 shape as 一般公共预算支出表; 财政拨款收支总表 the same two sides
 * as 收支总表). A 财政拨款支出表 covers 政府性基金 too, so it is never the 一般公共预算 one (docs/budget-layouts.md).
 */
export type OtherBudgetTable =
  | 'fiscal-overview'
  | 'fiscal-expense'
  | 'income'
  | 'expense'
  | 'gov-fund'
  | 'state-capital'
  | 'performance'
  | 'procurement'
  | 'project'
  | 'economic'
  | 'other';

export type BudgetTitleKind = BudgetTableKind | OtherBudgetTable | 'final-accounts';

/** The title of a table in a budget workbook: ends with 表 (a 预算表, 收支总表, 支出表, 目标表, 统计表…). */
function isBudgetTitleLike(label: string): boolean {
  if (!couldBeTitle(label)) return false;
  return /表(\([^)]{0,16}\))?$/.test(label) && /预算|收支|支出|收入|三公|经费|绩效|采购/.test(label);
}

/**
 * What a (normalised) title names. Order matters: a 决算 table first (a 决算 workbook given as the budget), then
 * the tables that contain the words of the four read ones (政府性基金…支出表, 财政拨款收支总表, 项目支出…表).
 */
export function classifyBudgetTitle(label: string): BudgetTitleKind | undefined {
  if (!isBudgetTitleLike(label)) return undefined;
  // A table number printed at a table's corner (“预算05表”, “部门预算公开3表”) names no table: taken for a title it
  // would end the table above it on its second row.
  if (/^(部门|单位)?预算(公开)?[\d一二三四五六七八九十-]{1,5}表$/.test(label)) return undefined;
  // “2024年部门预算”, “公开05表” and other words before the year are not the table's name.
  const t = label.replace(/^.*?\d{4}年度?/, '');
  if (/决算/.test(t)) return 'final-accounts';
  if (/绩效/.test(t)) return 'performance';
  if (/政府采购/.test(t)) return 'procurement';
  // A title naming 政府性基金 alone is that fund's table; one naming it beside 一般公共预算 or under 财政拨款 is the
  // 财政拨款支出表 of both funds (below).
  if (/政府性基金/.test(t) && !/一般公共预算|^财政拨款/.test(t)) return 'gov-fund';
  if (/国有资本经营/.test(t)) return 'state-capital';
  if (/三公/.test(t)) return 'sangong';
  // The 基本支出表 is printed by 经济分类 (“…基本支出表（部门预算支出经济分类）”): it is known before the word.
  if (/基本支出/.test(t)) return /一般公共预算|财政拨款/.test(t) ? 'basic-expense' : 'other';
  if (/经济分类/.test(t)) return 'economic';
  if (/项目支出/.test(t)) return 'project';
  if (/财政拨款收支(预算)?总?表/.test(t)) return 'fiscal-overview';
  if (/政府性基金/.test(t)) return 'fiscal-expense';
  // “一般公共预算支出功能分类预算表” (Shanghai's naming) and “…支出预算表（按功能分类）” are the same table.
  if (/一般公共预算(财政拨款)?(支出|拨款支出)(功能分类)?(预算)?(明细)?表/.test(t)) return 'gpb-expense';
  // 财政拨款支出表 without 一般公共预算 in its name covers every 财政拨款 (政府性基金, 国有资本经营 too): not the
  // 一般公共预算 one, even when this unit's 政府性基金 is nil (the table does not say so).
  if (/财政拨款(安排的)?支出(预算)?(明细)?(总)?表/.test(t)) return 'fiscal-expense';
  if (/收支(预算)?总?表/.test(t)) return 'overview';
  if (/收入(预算)?(总)?表/.test(t)) return 'income';
  if (/支出(预算)?(总)?表/.test(t)) return 'expense';
  return 'other';
}

/** zh-CN names of the four tables read, for messages; the variants the reader also accepts follow each. */
export const BUDGET_TABLE_NAMES: Record<BudgetTableKind, { name: string; variants: string[] }> = {
  overview: { name: '部门收支总表', variants: ['收支预算总表', '收支总表'] },
  'gpb-expense': { name: '一般公共预算支出表', variants: ['一般公共预算财政拨款支出表', '一般公共预算支出预算表', '一般公共预算支出功能分类预算表'] },
  'basic-expense': { name: '一般公共预算基本支出表', variants: ['一般公共预算财政拨款基本支出表', '财政拨款安排的基本支出预算表'] },
  sangong: { name: '一般公共预算“三公”经费支出表', variants: ['财政拨款“三公”经费预算表', '“三公”经费支出预算表'] },
};

export const BUDGET_TABLE_KINDS: readonly BudgetTableKind[] = ['overview', 'gpb-expense', 'basic-expense', 'sangong'];

/** “部门预算一般公共预算支出表（工作表“表3”）”: how messages name a located table. */
export function budgetTableLabel(kind: BudgetTableKind, sheet?: string): string {
  return `部门预算${BUDGET_TABLE_NAMES[kind].name}${sheet ? `（工作表“${sheet}”）` : ''}`;
}
