/**
 * Snapshot-level edits of the sample for the reading-principle tests: replace one sheet's grid, read a sheet as
 * rows. Plain data (no ExcelJS), so each case costs a few milliseconds.
 */
import { readFile } from 'node:fs/promises';
import { SEED, snapshotOf } from '../helpers';
import type { CellValue, GridRect, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { checkSnapshot, type CheckResult } from '../../src/core/report';
import { logicalAmounts } from '../helpers';

let seed: Promise<WorkbookSnapshot> | undefined;

/** A fresh copy of the sample's snapshot. */
export async function sample(): Promise<WorkbookSnapshot> {
  seed ??= readFile(SEED).then((b) => snapshotOf(b, 'seed-2024.xlsx'));
  return structuredClone(await seed);
}

/** The rows of a sheet as printed (row 1 first), null for blank cells. */
export function rowsOf(snapshot: WorkbookSnapshot, sheet: string): CellValue[][] {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const out: CellValue[][] = [];
  for (let r = 0; r < s.origin.row + s.values.length; r++) {
    const line = r < s.origin.row ? [] : (s.values[r - s.origin.row] ?? []);
    out.push([...Array<CellValue>(s.origin.col).fill(null), ...line.map((v) => (v === '' || v === undefined ? null : v))]);
  }
  return out;
}

/** Replaces a sheet's content (rows from row 1, column A), merges in 0-based sheet coordinates. */
export function setSheet(snapshot: WorkbookSnapshot, sheet: string, rows: CellValue[][], merges: GridRect[] = []): WorkbookSnapshot {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  const values = rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  if (s) {
    s.origin = { row: 0, col: 0 };
    s.values = values;
    s.merges = merges;
    delete s.numberFormats;
  } else snapshot.sheets.push({ name: sheet, origin: { row: 0, col: 0 }, values, merges });
  return snapshot;
}

export function removeSheet(snapshot: WorkbookSnapshot, sheet: string): WorkbookSnapshot {
  snapshot.sheets = snapshot.sheets.filter((s) => s.name !== sheet);
  return snapshot;
}

/** Findings compared by meaning: rule, severity, table and the figures (cells move with the layout). */
export function signatures(result: CheckResult): string[] {
  return result.report.findings.map((f) => [f.rule, f.severity, f.table ?? '', f.expected ?? '', f.actual ?? '', f.difference ?? ''].join('|')).sort();
}

export function amountsOf(result: CheckResult): string[] {
  return [...logicalAmounts(result.model)].map(([k, v]) => `${k}=${v}`).sort();
}

export { checkSnapshot };

/** A 机构运行信息表 whose first rows are the sample's 三公 figures (the form some regions publish instead of 09). */
export const INSTITUTION_ROWS: CellValue[][] = [
  ['机构运行信息表'],
  ['部门：株洲市长株潭一体化发展事务中心', null, '金额单位：万元'],
  ['项目', '预算数', '决算数'],
  ['一、“三公”经费支出', 14.32, 14.32],
  ['（一）因公出国（境）费', 6.9, 6.9],
  ['（二）公务用车购置及运行维护费', 6.86, 6.86],
  ['1.公务用车购置费', null, null],
  ['2.公务用车运行维护费', 6.86, 6.86],
  ['（三）公务接待费', 0.56, 0.56],
  ['二、机关运行经费', null, 156.17],
  ['三、政府采购支出', null, 105.19],
  ['四、公务用车保有量（辆）', null, 2],
];
