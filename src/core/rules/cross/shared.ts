import Decimal from 'decimal.js';
import type { Amount, StatementLine, SubjectRow, SubjectTable } from '../../tables/model';
import type { TableCode } from '../../tables/codes';
import { classRowsFor } from '../../subjects/classes';
import { functionalName } from '../../subjects/functional';
import { reportYear } from '../../tables/report-year';
import type { RuleContext, Vars } from '../context';
import { sumOf } from '../tolerance';
import { formatMoney } from '../../util/money';

/**
 * Helpers shared by the cross-table rules (domain.md §2.2). Every helper tolerates a partial model: a table
 * without 合计 row, a missing column or line, different 类 sets — it then compares what is there or stays silent.
 */

export function defined<T>(x: T | undefined): x is T {
  return x !== undefined;
}

/** An amount that holds a figure other than 0. */
export function hasMoney(a: Amount | undefined): a is Amount {
  return a !== undefined && !a.value.isZero();
}

/** One side of a cross-table comparison: a value and the amounts it came from. */
export interface Side {
  value: Decimal;
  involved: Amount[];
  /** True when a 科目 table had no 合计 row and its 类 rows were summed instead. */
  fromClasses?: boolean;
}

export function sideOf(amounts: Array<Amount | undefined>): Side | undefined {
  const present = amounts.filter(defined);
  if (present.length === 0) return undefined;
  return { value: sumOf(present), involved: present };
}

/** Adds sides; undefined sides count as absent (0, no cell). */
export function addSides(sides: Array<Side | undefined>): Side {
  const present = sides.filter(defined);
  return {
    value: present.reduce((acc, s) => acc.plus(s.value), new Decimal(0)),
    involved: present.flatMap((s) => s.involved),
    fromClasses: present.some((s) => s.fromClasses),
  };
}

/** A 科目 table's 合计 in a column: its 合计 row, else the sum of its 类 rows. Undefined without that column. */
export function detailTotal(table: SubjectTable, key: string): Side | undefined {
  if (!table.columns[key as keyof typeof table.columns]) return undefined;
  const total = table.total?.amounts[key];
  if (total) return { value: total.value, involved: [total] };
  const parts = table.rows.filter((r) => r.level === '类').map((r) => r.amounts[key]).filter(defined);
  return { value: sumOf(parts), involved: parts, fromClasses: true };
}

/** How a message names a 科目 table's total: its 合计 row, or the sum of its 类 rows when it has none. */
export function totalWhere(side: Side | undefined): string {
  return side?.fromClasses ? '各类级科目之和（该表未列“合计”行）' : '“合计”行';
}

/**
 * The sum of several cells of a summary table as one "actual" amount, addressed by the first cell with a
 * figure (so that cell is listed first). A single part is returned as is.
 */
export function sumAmount(parts: Array<Amount | undefined>): Amount | undefined {
  const present = parts.filter(defined);
  if (present.length <= 1) return present[0];
  const first = present.find((a) => !a.blank) ?? present[0];
  return { value: sumOf(present), cell: first.cell, blank: present.every((a) => a.blank) };
}

/**
 * `actualParts` (cells of the summary table 01/04, summed) must equal `expected` (the detail table), within
 * the rounding bound of every amount involved. Silent when either side is missing.
 */
export function compareSides(
  ctx: RuleContext,
  actualParts: Array<Amount | undefined>,
  expected: Side | undefined,
  vars: Vars,
  table?: TableCode,
): void {
  const parts = actualParts.filter(defined);
  const actual = sumAmount(parts);
  if (!actual || !expected) return;
  ctx.compare(expected.value, actual, [...parts, ...expected.involved], vars, table);
}

/** The 类 row of a 科目 table. */
export function classRow<K extends string>(table: SubjectTable<K>, code: string): SubjectRow<K> | undefined {
  return table.rows.find((r) => r.level === '类' && r.code === code);
}

/** A 类's name in the edition of the report's year, else as printed, else the code's dictionary name. */
export function className(code: string, fallback?: string, year?: number): string {
  return classRowsFor(year).find((c) => c.code === code)?.name ?? fallback ?? functionalName(code, year) ?? '';
}

/** “第 8 行“201 一般公共服务支出”” for a 科目 row. */
export function rowWhere(row: SubjectRow): string {
  return `第 ${row.row + 1} 行“${row.code} ${row.name}”`;
}

export interface ClassComparison<C extends string> {
  /** The 类 lines of 01 or 04 (the summary: actual). */
  summary: StatementLine<C>[];
  summaryColumn: C;
  summaryTable: TableCode;
  /** The 科目 table (the detail: expected). */
  detail: SubjectTable;
  detailColumn: string;
  detailTable: TableCode;
  /**
   * Message variables for one 类: `line` names the summary side, `target` the detail side. `missing` says
   * which side has no such 类 (it then counts as 0).
   */
  vars(code: string, name: string, missing: 'none' | 'summary' | 'detail', detailRow?: SubjectRow): Vars;
}

/**
 * For every 类 in either table: the summary's 类 line = the detail's 类 row. A 类 with money on one side and
 * absent on the other is an error naming the cell that holds the money (the other side counts as 0).
 */
export function compareClasses<C extends string>(ctx: RuleContext, spec: ClassComparison<C>): void {
  const { summary, summaryColumn, detail, detailColumn } = spec;
  const summaryHasColumn = summary.some((l) => l.amounts[summaryColumn] !== undefined);
  const detailHasColumn = detail.columns[detailColumn as keyof typeof detail.columns] !== undefined;
  if (!summaryHasColumn || !detailHasColumn) return;
  const year = reportYear(ctx.model, ctx.facts);
  const codes = [
    ...summary.map((l) => l.key),
    ...detail.rows.filter((r) => r.level === '类').map((r) => r.code),
  ].filter((code, i, all) => all.indexOf(code) === i);
  for (const code of codes) {
    const line = summary.find((l) => l.key === code);
    const row = classRow(detail, code);
    const name = className(code, row?.name, year);
    const actual = line?.amounts[summaryColumn];
    const expected = row?.amounts[detailColumn];
    if (line && row) {
      if (actual && expected) ctx.compare(expected.value, actual, [actual, expected], spec.vars(code, name, 'none', row), spec.summaryTable);
    } else if (line && !row) {
      if (hasMoney(actual)) ctx.compare(new Decimal(0), actual, [actual], spec.vars(code, name, 'detail'), spec.summaryTable);
    } else if (row && hasMoney(expected)) {
      const figures = { expected: formatMoney(expected.value), actual: formatMoney(new Decimal(0)), difference: formatMoney(expected.value.negated()) };
      ctx.report({ ...spec.vars(code, name, 'summary', row), ...figures }, [expected.cell, ...row.codeCells], {
        ...figures,
        table: spec.detailTable,
      });
    }
  }
}
