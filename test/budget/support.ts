import Decimal from 'decimal.js';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { readBudgetWorkbook, type BudgetFigure, type BudgetFigures, type BudgetReadResult } from '../../src/core/budget';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { BUDGET_SANGONG, basicFigures, budgetWorkbookBytes, gpbFigures, overviewFigures, type BudgetLayout } from '../support/budget-workbook';

/** A budget layout built as a real .xlsx and read back through the file host, as the CLI reads it. */
export async function readBudgetLayout(layout: BudgetLayout = {}): Promise<BudgetReadResult> {
  return readBudgetBytes(await budgetWorkbookBytes(layout));
}

export async function readBudgetBytes(bytes: Uint8Array, name = 'budget.xlsx'): Promise<BudgetReadResult> {
  const read = await snapshotFromXlsx(bytes, name);
  if (!read.ok) throw new Error(read.finding.message);
  return readBudgetWorkbook(read.snapshot);
}

/** An in-memory workbook: one sheet per entry, values from A1. */
export function snapshot(sheets: Record<string, CellValue[][]>): WorkbookSnapshot {
  return { source: 'mem.xlsx', sheets: Object.entries(sheets).map(([name, values]) => ({ name, origin: { row: 0, col: 0 }, values })) };
}

/** Every figure as a plain “key = value” line, values as exact Decimal strings (207.00 and 207 read the same). */
export function figureLines(f: BudgetFigures): string[] {
  const d = (x: BudgetFigure | undefined) => (x ? new Decimal(x.value).toString() : '—');
  const lines = [
    `gpbTotal = ${d(f.gpbExpenseTotal)}`,
    `income = ${d(f.incomeTotal)}`,
    `expense = ${d(f.expenseTotal)}`,
    `personnel = ${d(f.basic?.personnel)}`,
    `publicUse = ${d(f.basic?.publicUse)}`,
    `basicTotal = ${d(f.basic?.total)}`,
  ];
  for (const k of ['total', 'abroad', 'vehicle', 'purchase', 'operation', 'reception'] as const) lines.push(`sangong.${k} = ${d(f.sangong?.[k])}`);
  for (const it of f.gpbItems) lines.push(`${it.code} = ${d(it.total)} | ${d(it.basic)} | ${d(it.project)}`);
  return lines;
}

/** The same lines from what the builder printed: the figures the reader must give for this layout. */
export function expectedLines(layout: BudgetLayout = {}): string[] {
  const d = (s: string) => new Decimal(s).toString();
  const gpb = gpbFigures(layout);
  const basic = basicFigures(layout);
  const overview = overviewFigures(layout);
  const lines = [
    `gpbTotal = ${d(gpb.total.total)}`,
    `income = ${d(overview.income)}`,
    `expense = ${d(overview.expense)}`,
    `personnel = ${d(basic.personnel)}`,
    `publicUse = ${d(basic.publicUse)}`,
    `basicTotal = ${d(basic.total)}`,
  ];
  for (const k of ['total', 'abroad', 'vehicle', 'purchase', 'operation', 'reception'] as const) lines.push(`sangong.${k} = ${d(BUDGET_SANGONG[k])}`);
  for (const l of gpb.lines) lines.push(`${l.code} = ${d(l.total)} | ${d(l.basic)} | ${d(l.project)}`);
  return lines;
}
