import { readFile } from 'node:fs/promises';
import { SEED, snapshotOf } from '../helpers';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { runRules } from '../../src/core/rules/engine';
import type { Rule } from '../../src/core/rules/rule';
import type { Finding } from '../../src/core/findings/finding';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { parseA1, splitCellRef } from '../../src/core/workbook/address';

let seed: Promise<WorkbookSnapshot> | undefined;

/** The sample workbook's snapshot, read once per test file. */
export function seedSnapshot(): Promise<WorkbookSnapshot> {
  seed ??= readFile(SEED).then((b) => snapshotOf(b, 'seed-2024.xlsx'));
  return seed;
}

/** A copy of a snapshot with cells changed: { '公开03表!C7': 1 } (a value of null blanks the cell). */
export function withCells(snapshot: WorkbookSnapshot, changes: Record<string, CellValue>): WorkbookSnapshot {
  const copy: WorkbookSnapshot = structuredClone(snapshot);
  for (const [ref, value] of Object.entries(changes)) {
    const { sheet, address } = splitCellRef(ref);
    const ws = copy.sheets.find((s) => s.name === sheet);
    const at = parseA1(address);
    if (!ws || !at) throw new Error(`no cell ${ref}`);
    const r = at.row - ws.origin.row;
    const c = at.col - ws.origin.col;
    if (r < 0 || c < 0) throw new Error(`${ref} is outside the used range`);
    while (ws.values.length <= r) ws.values.push([]);
    const row = ws.values[r] ?? (ws.values[r] = []);
    while (row.length <= c) row.push(null);
    row[c] = value;
  }
  return copy;
}

/** The findings one rule gives on a snapshot (reading it first; rules see the workbook's facts as in a check). */
export function findingsOf(rule: Rule, snapshot: WorkbookSnapshot): Finding[] {
  const read = readWorkbook(snapshot);
  return runRules(read.model, [rule], read.facts);
}

export function errorsOf(rule: Rule, snapshot: WorkbookSnapshot): Finding[] {
  return findingsOf(rule, snapshot).filter((f) => f.severity === 'error');
}

/** Adds `delta` (e.g. 1) to a numeric cell of a snapshot. */
export function bump(snapshot: WorkbookSnapshot, ref: string, delta: number): WorkbookSnapshot {
  const { sheet, address } = splitCellRef(ref);
  const ws = snapshot.sheets.find((s) => s.name === sheet)!;
  const at = parseA1(address)!;
  const current = ws.values[at.row - ws.origin.row]?.[at.col - ws.origin.col];
  const base = typeof current === 'number' ? current : 0;
  return withCells(snapshot, { [ref]: Math.round((base + delta) * 100) / 100 });
}
