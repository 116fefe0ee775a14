import type { AnyTable } from '../tables/model';
import type { ReadContext, TableLocation } from './context';
import { readSubjectTable, type ColumnSpec, type SubjectSpec } from './subject-table';
import { EXPENSE_03, EXPENSE_05, FUND_07, INCOME_02 } from '../tables/model';
import { readStatement, SPEC_01, SPEC_04 } from './statement-table';
import { readTable06 } from './table-06';
import { readTable09 } from './table-09';

/** Header words of each 科目 table's amount columns (domain.md §1.2), most specific first. */
export const COLUMNS_02: ColumnSpec<'total' | 'fiscal' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other'>[] = [
  { key: 'affiliated', match: /附属单位上缴/ },
  { key: 'superior', match: /上级补助/ },
  { key: 'business', match: /事业收入/ },
  { key: 'operating', match: /经营收入/ },
  { key: 'fiscal', match: /财政拨款/ },
  { key: 'other', match: /其他收入/ },
  { key: 'total', match: /合计|总计|小计/ },
];
export const COLUMNS_03: ColumnSpec<'total' | 'basic' | 'project' | 'toSuperior' | 'operating' | 'toAffiliated'>[] = [
  { key: 'toAffiliated', match: /对附属单位补助/ },
  { key: 'toSuperior', match: /上缴上级/ },
  { key: 'operating', match: /经营支出/ },
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出/ },
  { key: 'total', match: /合计|总计|小计/ },
];
export const COLUMNS_05: ColumnSpec<'total' | 'basic' | 'project'>[] = [
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出/ },
  { key: 'total', match: /合计|总计|小计|本年支出$/ },
];
export const COLUMNS_07: ColumnSpec<'opening' | 'income' | 'total' | 'basic' | 'project' | 'closing'>[] = [
  { key: 'opening', match: /年初|上年结转/ },
  { key: 'closing', match: /年末/ },
  { key: 'income', match: /本年收入|收入/ },
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出/ },
  { key: 'total', match: /合计|总计|小计|本年支出$/ },
];

const SPEC_02: SubjectSpec<(typeof INCOME_02)[number]> = {
  columns: COLUMNS_02,
  required: ['total', 'fiscal'],
  order: INCOME_02,
  rowTotal: { total: 'total', parts: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] },
};
const SPEC_03: SubjectSpec<(typeof EXPENSE_03)[number]> = {
  columns: COLUMNS_03,
  required: ['total', 'basic', 'project'],
  order: EXPENSE_03,
  rowTotal: { total: 'total', parts: ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] },
};
const SPEC_05: SubjectSpec<(typeof EXPENSE_05)[number]> = {
  columns: COLUMNS_05,
  required: ['total', 'basic', 'project'],
  order: EXPENSE_05,
  rowTotal: { total: 'total', parts: ['basic', 'project'] },
};
const SPEC_07: SubjectSpec<(typeof FUND_07)[number]> = {
  columns: COLUMNS_07,
  required: ['total'],
  order: FUND_07,
  rowTotal: { total: 'total', parts: ['basic', 'project'] },
};

export type TableReadResult = { table?: AnyTable; mismatch?: string; unreadable?: string };

export function readTable(ctx: ReadContext, loc: TableLocation): TableReadResult {
  switch (loc.code) {
    case '01':
      return readStatement(ctx, loc, SPEC_01) as TableReadResult;
    case '04':
      return readStatement(ctx, loc, SPEC_04) as TableReadResult;
    case '02':
      return readSubjectTable(ctx, loc, SPEC_02);
    case '03':
      return readSubjectTable(ctx, loc, SPEC_03);
    case '05':
      return readSubjectTable(ctx, loc, SPEC_05);
    case '07':
      return readSubjectTable(ctx, loc, SPEC_07);
    case '08':
      return readSubjectTable(ctx, loc, SPEC_07);
    case '06':
      return readTable06(ctx, loc);
    case '09':
      return readTable09(ctx, loc);
  }
}
