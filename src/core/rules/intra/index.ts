import type { Rule } from '../rule';
import { subjectSumRule } from './subject-sum';
import { carryOverRule, rowTotalRule } from './row-total';
import { t01IncomeTotalRule } from './t01-income-total';
import { t01ExpenseTotalRule } from './t01-expense-total';
import { t01IncomeGrandTotalRule } from './t01-income-grand-total';
import { t01ExpenseGrandTotalRule } from './t01-expense-grand-total';
import { t01BalanceRule } from './t01-balance';
import { t04IncomeTotalRule } from './t04-income-total';
import { t04OpeningSplitRule } from './t04-opening-split';
import { t04IncomeGrandTotalRule } from './t04-income-grand-total';
import { t04RowTotalRule } from './t04-row-total';
import { t04ExpenseTotalRule } from './t04-expense-total';
import { t04ExpenseGrandTotalRule } from './t04-expense-grand-total';
import { t04BalanceRule } from './t04-balance';
import { t04ClosingSplitRule } from './t04-closing-split';
import { t04ClosingSubRowSourcesRule } from './t04-closing-sub-row-sources';
import { t04SourceBalanceRule } from './t04-source-balance';
import { t06ClassSumRule } from './t06-class-sum';
import { t06PersonnelTotalRule } from './t06-personnel-total';
import { t06PublicTotalRule } from './t06-public-total';
import { t09TotalRule } from './t09-total';
import { t09VehicleSubtotalRule } from './t09-vehicle-subtotal';
import { amountNegativeRule } from './amount-negative';

/** 公开01表 (A01–A05). */
export const T01_RULES: Rule[] = [
  t01IncomeTotalRule,
  t01ExpenseTotalRule,
  t01IncomeGrandTotalRule,
  t01ExpenseGrandTotalRule,
  t01BalanceRule,
];

/** 公开04表 (A09–A11). */
export const T04_RULES: Rule[] = [
  t04IncomeTotalRule,
  t04OpeningSplitRule,
  t04IncomeGrandTotalRule,
  t04RowTotalRule,
  t04ExpenseTotalRule,
  t04ExpenseGrandTotalRule,
  t04BalanceRule,
  t04ClosingSplitRule,
  t04ClosingSubRowSourcesRule,
  t04SourceBalanceRule,
];

/** 公开06表 (A13–A14). */
export const T06_RULES: Rule[] = [t06ClassSumRule, t06PersonnelTotalRule, t06PublicTotalRule];

/** 公开09表 (A17). */
export const T09_RULES: Rule[] = [t09TotalRule, t09VehicleSubtotalRule];

/** Identities inside one table (domain.md §2.1), in table order; then A18 over every table. */
export const INTRA_RULES: Rule[] = [
  ...T01_RULES,
  ...(['02', '03'] as const).map(subjectSumRule),
  ...(['02', '03'] as const).map(rowTotalRule),
  ...T04_RULES,
  subjectSumRule('05'),
  rowTotalRule('05'),
  ...T06_RULES,
  ...(['07', '08'] as const).map(subjectSumRule),
  ...(['07', '08'] as const).map(rowTotalRule),
  carryOverRule('07'),
  carryOverRule('08'),
  ...T09_RULES,
  amountNegativeRule,
];
