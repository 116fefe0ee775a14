import Decimal from 'decimal.js';
import { z } from 'zod';
import type { TableCode } from './codes';

/**
 * The typed model of the nine tables. Every amount carries the cell it was read from; a blank cell is an
 * amount of 0 with `blank: true`, so rules can point at it too.
 */
export const AmountSchema = z.object({
  value: z.instanceof(Decimal),
  cell: z.string().regex(/!\$?[A-Z]{1,3}\$?\d+$/),
  blank: z.boolean(),
});
export type Amount = z.infer<typeof AmountSchema>;

export const TableMetaSchema = z.object({
  code: z.string(),
  title: z.string(),
  titleCell: z.string(),
  sheet: z.string(),
  /** `A1:F40`, without the sheet name (the CLI contract). */
  range: z.string(),
  unit: z.object({ text: z.string(), cell: z.string() }).optional(),
  department: z.object({ name: z.string(), cell: z.string() }).optional(),
  year: z.number().int().optional(),
  /** 'hunan': 行次/栏次 printed (MOF style); 'shanghai': none. */
  family: z.enum(['hunan', 'shanghai']),
  /** The "说明：…本表无数据" line, where the table states it is empty. */
  emptyStatement: z.object({ text: z.string(), cell: z.string() }).optional(),
});
export type TableMeta = Omit<z.infer<typeof TableMetaSchema>, 'code'> & { code: TableCode };

export const SUBJECT_LEVELS = ['类', '款', '项'] as const;
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number];

export const SubjectRowSchema = z.object({
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  name: z.string(),
  level: z.enum(SUBJECT_LEVELS),
  parentCode: z.string().optional(),
  /** 0-based sheet row. */
  row: z.number().int(),
  codeCells: z.array(z.string()),
  nameCell: z.string().optional(),
  amounts: z.record(z.string(), AmountSchema),
});
export interface SubjectRow<K extends string = string> {
  code: string;
  name: string;
  level: SubjectLevel;
  parentCode?: string;
  row: number;
  codeCells: string[];
  nameCell?: string;
  amounts: Record<K, Amount>;
}

/** 02, 03, 05, 07, 08: rows of 功能分类 科目 × amount columns. */
export interface SubjectTable<K extends string = string> {
  meta: TableMeta;
  /** The amount columns found, by key, with their header label and sheet column (0-based). */
  columns: Partial<Record<K, { label: string; col: number }>>;
  total?: { row: number; labelCell: string; amounts: Record<K, Amount> };
  rows: SubjectRow<K>[];
}

export const INCOME_02 = ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;
export const EXPENSE_03 = ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] as const;
export const EXPENSE_05 = ['total', 'basic', 'project'] as const;
export const FUND_07 = ['opening', 'income', 'total', 'basic', 'project', 'closing'] as const;
export type Column02 = (typeof INCOME_02)[number];
export type Column03 = (typeof EXPENSE_03)[number];
export type Column05 = (typeof EXPENSE_05)[number];
export type Column07 = (typeof FUND_07)[number];

/** One labelled line of 01/04: a label and its amounts by column. */
export interface StatementLine<K extends string = string> {
  key: string;
  label: string;
  labelCell: string;
  amounts: Record<K, Amount>;
}

export const INCOME_01 = [
  'gpb', 'gf', 'soc', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other',
  'totalIncome', 'useNonFiscalBalance', 'openingBalance', 'grandTotal',
] as const;
export const EXPENSE_01 = ['totalExpense', 'balanceDistribution', 'closingBalance', 'grandTotal'] as const;
export const INCOME_04 = [
  'gpb', 'gf', 'soc', 'totalIncome', 'openingBalance', 'openingGpb', 'openingGf', 'openingSoc', 'grandTotal',
] as const;
export const EXPENSE_04 = ['totalExpense', 'closingBalance', 'closingGpb', 'closingGf', 'closingSoc', 'grandTotal'] as const;
export const COLUMNS_04 = ['total', 'gpb', 'gf', 'soc'] as const;
export type Income01 = (typeof INCOME_01)[number];
export type Expense01 = (typeof EXPENSE_01)[number];
export type Income04 = (typeof INCOME_04)[number];
export type Expense04 = (typeof EXPENSE_04)[number];
export type Column04 = (typeof COLUMNS_04)[number];

/** 01 and 04: income side and expense side; `classes` are the 类 rows by code, in printed order. */
export interface Statement<I extends string, E extends string, C extends string> {
  meta: TableMeta;
  income: Partial<Record<I, StatementLine<'amount'>>>;
  expense: Partial<Record<E, StatementLine<C>>>;
  classes: StatementLine<C>[];
  expenseColumns: C[];
}
export type Table01 = Statement<Income01, Expense01, 'amount'>;
export type Table04 = Statement<Income04, Expense04, Column04>;

/** 06: 经济分类 类 (3 digits) and 款 (5 digits) with one amount each. */
export interface EconomicItem {
  code: string;
  name: string;
  level: '类' | '款';
  amount: Amount;
  codeCell: string;
  nameCell?: string;
}
export interface Table06 {
  meta: TableMeta;
  items: EconomicItem[];
  personnelTotal?: Amount;
  publicTotal?: Amount;
  /** Amounts printed with no 科目 beside them. */
  unlabeled: Amount[];
  groups: number;
}

export const ITEMS_09 = ['total', 'abroad', 'vehicleTotal', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
export type Item09 = (typeof ITEMS_09)[number];
export interface Table09 {
  meta: TableMeta;
  budget: Partial<Record<Item09, Amount>>;
  actual: Partial<Record<Item09, Amount>>;
}

export interface TablesModel {
  '01'?: Table01;
  '02'?: SubjectTable<Column02>;
  '03'?: SubjectTable<Column03>;
  '04'?: Table04;
  '05'?: SubjectTable<Column05>;
  '06'?: Table06;
  '07'?: SubjectTable<Column07>;
  '08'?: SubjectTable<Column07>;
  '09'?: Table09;
}

export type AnyTable = NonNullable<TablesModel[TableCode]>;
