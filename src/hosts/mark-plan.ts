/**
 * Which cells to colour for a list of findings, and how: per sheet, per severity, as few rectangles as
 * possible. Pure (no host): the Office gateway turns the rectangles into conditional formats, a file host
 * could turn them into fills.
 */
import { type Finding, type Severity, isExplained } from '../core/findings/finding';
import type { GridRect } from '../core/workbook/snapshot';
import { a1, cellRef, parseA1, splitCellRef } from '../core/workbook/address';

/**
 * What a mark says: a severity, or 'explained' — a warning the unit has explained (src/core/explain), marked in
 * a paler yellow so that the open warnings stand out while the explained ones stay findable.
 */
export type MarkKind = Severity | 'explained';

/** Excel's own "light red / yellow" highlight fills, a light blue for notes, a pale yellow for explained warnings. */
export const MARK_FILL: Record<MarkKind, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7', explained: '#FFF7DD' };

/** A cell named by several findings shows the most pressing: an error, an open warning, an explained one, a note. */
const RANK: Record<MarkKind, number> = { info: 1, explained: 2, warning: 3, error: 4 };

export function markKindOf(finding: Finding): MarkKind {
  return finding.severity === 'warning' && isExplained(finding) ? 'explained' : finding.severity;
}

/** A finding naming a whole block of cells is marked as a block beyond this many cells, not cell by cell. */
const MAX_CELLS_PER_REF = 10_000;

export interface SheetMarkPlan {
  sheet: string;
  /** One entry per mark kind present, lowest first (each cell appears under its most pressing finding only). */
  severities: Array<{ severity: MarkKind; rects: GridRect[] }>;
  /** Every cell to be coloured, "Sheet!A1", row by row. */
  cells: string[];
}

export interface MarkPlan {
  sheets: SheetMarkPlan[];
  unresolved: string[];
}

export function planMarks(findings: readonly Finding[]): MarkPlan {
  const bySheet = new Map<string, Map<number, { row: number; col: number; severity: MarkKind }>>();
  const blocks = new Map<string, Array<{ rect: GridRect; severity: MarkKind }>>();
  const unresolved: string[] = [];
  const key = (row: number, col: number) => row * 16384 + col;

  for (const finding of findings) {
    const kind = markKindOf(finding);
    for (const ref of finding.cells) {
      const rect = parseRef(ref);
      if (!rect) {
        unresolved.push(ref);
        continue;
      }
      const cells = bySheet.get(rect.sheet) ?? new Map<number, { row: number; col: number; severity: MarkKind }>();
      bySheet.set(rect.sheet, cells);
      const size = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (size > MAX_CELLS_PER_REF) {
        const list = blocks.get(rect.sheet) ?? [];
        list.push({ rect: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right }, severity: kind });
        blocks.set(rect.sheet, list);
        continue;
      }
      for (let row = rect.top; row <= rect.bottom; row++) {
        for (let col = rect.left; col <= rect.right; col++) {
          const k = key(row, col);
          const current = cells.get(k);
          if (!current || RANK[kind] > RANK[current.severity]) cells.set(k, { row, col, severity: kind });
        }
      }
    }
  }

  const sheets: SheetMarkPlan[] = [];
  for (const [sheet, cells] of bySheet) {
    const all = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const severities: SheetMarkPlan['severities'] = [];
    for (const severity of ['info', 'explained', 'warning', 'error'] as const) {
      const rects = coalesce(all.filter((c) => c.severity === severity));
      for (const block of blocks.get(sheet) ?? []) if (block.severity === severity) rects.push(block.rect);
      if (rects.length) severities.push({ severity, rects });
    }
    const refs = all.map((c) => cellRef(sheet, c.row, c.col));
    for (const block of blocks.get(sheet) ?? []) refs.push(`${sheet}!${rectA1(block.rect)}`);
    if (severities.length) sheets.push({ sheet, severities, cells: refs });
  }
  return { sheets, unresolved };
}

/** "Sheet!A1" or "Sheet!A1:B3" → sheet and 0-based rectangle. */
export function parseRef(ref: string): (GridRect & { sheet: string }) | undefined {
  if (!ref.includes('!')) return undefined;
  const { sheet, address } = splitCellRef(ref);
  if (!sheet) return undefined;
  const [start, end = start] = address.split(':');
  const a = parseA1(start);
  const b = parseA1(end);
  if (!a || !b || address.split(':').length > 2) return undefined;
  return { sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * Cells → rectangles: vertical runs per column, then neighbouring columns with the same runs merged. Table
 * columns and rows of wrong amounts become one rectangle each.
 */
export function coalesce(cells: ReadonlyArray<{ row: number; col: number }>): GridRect[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col) ?? [];
    rows.push(c.row);
    byCol.set(c.col, rows);
  }
  const runs: GridRect[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (const row of rows.slice(1).concat(Number.NaN)) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      runs.push({ top: start, bottom: prev, left: col, right: col });
      start = row;
      prev = row;
    }
  }
  // Merge a run into the rectangle ending in the previous column with the same rows.
  const open = new Map<string, GridRect>();
  const out: GridRect[] = [];
  for (const run of runs) {
    const k = `${run.top}:${run.bottom}`;
    const rect = open.get(k);
    if (rect && rect.right === run.left - 1) rect.right = run.right;
    else {
      const fresh = { ...run };
      open.set(k, fresh);
      out.push(fresh);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

export function rectA1(r: GridRect): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

/**
 * Rectangles → comma-separated address lists for Worksheet.getRanges (ExcelApi 1.9), each at most maxAreas
 * areas and maxChars characters (longer strings fail on some hosts).
 */
export function chunkAddresses(rects: readonly GridRect[], maxAreas = 200, maxChars = 4000): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const r of rects) {
    const address = rectA1(r);
    const extra = address.length + (current.length ? 1 : 0);
    if (current.length && (current.length >= maxAreas || length + extra > maxChars)) {
      out.push(current.join(','));
      current = [];
      length = 0;
    }
    length += address.length + (current.length ? 1 : 0);
    current.push(address);
  }
  if (current.length) out.push(current.join(','));
  return out;
}
