/// <reference types="office-js" />
/**
 * Reading the whole workbook in two round trips, whatever its size:
 *   1. the sheet list (names, visibility);
 *   2. for every sheet at once: the used range's position (valuesOnly, so that our own highlights never
 *      grow it), the values and number formats of that used range within a window (rows 1–10,000, columns
 *      A–CV), protection, and the types of the conditional formats (where the add-in's marks are found).
 * Only when a used range reaches past the window, or a round trip is too large for the host, are the rest
 * read in blocks, with more round trips, each sized to stay under Excel on the web's 5 MB response cap
 * (payload.ts): the bytes a cell takes are estimated from what was already read of that sheet (text in UTF-8:
 * Chinese is 3 bytes a character) and corrected after every block. A round trip the host still refuses is
 * split and retried.
 * Merged areas cost one more round trip and only where ExcelApi 1.13 is available; the core copes without.
 */
import type { CellValue, GridRect, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { parseA1 } from '../../core/workbook/address';
import { rectA1 } from '../mark-plan';
import { isSizeLimitError } from './errors';
import { WEB_PAYLOAD_BYTES, gridBytes } from './payload';
import { type StateProbe, type WorkbookState, queueSheetList, queueStateProbe, stateFromProbe } from './state';
import { isDateFormat, serialDate } from '../../core/workbook/dates';

export interface ReadLimits {
  /** The window read in the second round trip: rows 1..windowRows, columns A..(windowCols). */
  windowRows: number;
  windowCols: number;
  /** Largest block read at once outside the window. */
  blockCells: number;
  /** Most cells read in one extra round trip. */
  tripCells: number;
  /** Most bytes (estimated) in one extra round trip: half the web's cap leaves room for the estimate's error. */
  tripBytes: number;
  /** Bytes a cell is assumed to take (value and number format) on a sheet nothing has been read from yet. */
  cellBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  windowRows: 10_000,
  windowCols: 100,
  blockCells: 100_000,
  tripCells: 250_000,
  tripBytes: WEB_PAYLOAD_BYTES / 2,
  cellBytes: 64,
};

/** Measured bytes per cell are raised by this much before the next round trip is sized on them. */
const ESTIMATE_MARGIN = 1.25;

export interface ReadOptions {
  limits: ReadLimits;
  /** Read merged areas (one more round trip) when the host supports ExcelApi 1.13. */
  merges: boolean;
  supports(version: string): boolean;
}

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  state: WorkbookState;
}

/** A rectangle of values and formats read from a sheet. */
interface Piece {
  top: number;
  left: number;
  values: unknown[][];
  formats: unknown[][];
}

interface SheetRead {
  ws: Excel.Worksheet;
  name: string;
  visibility: SheetSnapshot['visibility'];
  full?: GridRect;
  pieces: Piece[];
  merges?: GridRect[];
  /** Estimated bytes per cell on this sheet (from what was read of it), when anything was. */
  cellBytes?: number;
}

const VISIBILITY: Record<string, SheetSnapshot['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function rectOf(range: Excel.Range): GridRect {
  return { top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 };
}

const cells = (r: GridRect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** What was read of a sheet tells how big the rest of it will be. */
function learn(read: SheetRead, piece: Piece): void {
  const n = piece.values.reduce((sum, row) => sum + row.length, 0);
  if (!n) return;
  const measured = (gridBytes(piece.values, piece.formats) / n) * ESTIMATE_MARGIN;
  read.cellBytes = Math.max(read.cellBytes ?? 0, measured);
}

export async function readWorkbookSnapshot(context: Excel.RequestContext, options: ReadOptions): Promise<ReadOutcome> {
  // ---- round trip 1: the sheet list.
  const list = queueSheetList(context);
  const book = options.supports('1.7') ? context.workbook.load('name') : undefined;
  await context.sync();
  const worksheets = list.items;
  const reads: SheetRead[] = worksheets.map((ws) => ({ ws, name: ws.name, visibility: VISIBILITY[String(ws.visibility)] ?? 'visible', pieces: [] }));

  // ---- round trip 2: every used range (within the window), protection, conditional format types.
  const { limits } = options;
  const window: GridRect = { top: 0, left: 0, bottom: limits.windowRows - 1, right: limits.windowCols - 1 };
  const windowAddress = rectA1(window);
  const queued = reads.map((read) => {
    const full = read.ws.getUsedRangeOrNullObject(true);
    full.load('rowIndex,columnIndex,rowCount,columnCount');
    const head = read.ws.getRange(windowAddress).getUsedRangeOrNullObject(true);
    head.load('rowIndex,columnIndex,rowCount,columnCount,values,numberFormat');
    return { read, full, head };
  });
  let probe: StateProbe = queueStateProbe(worksheets);
  let outside: Array<{ read: SheetRead; rect: GridRect }> = [];
  let probeRegions = true;
  try {
    await context.sync();
    for (const { read, full, head } of queued) {
      if (full.isNullObject) continue;
      read.full = rectOf(full);
      if (!head.isNullObject) {
        const piece = { ...topLeft(rectOf(head)), values: head.values, formats: head.numberFormat };
        read.pieces.push(piece);
        learn(read, piece);
      }
      for (const rect of outsideWindow(read.full, window)) outside.push({ read, rect });
    }
  } catch (error) {
    if (!isSizeLimitError(error)) throw error;
    // Too much for one response (Excel on the web): positions first, then every used range in blocks.
    outside = [];
    probeRegions = false; // the regions are the used ranges themselves
    const positions = reads.map((read) => {
      const full = read.ws.getUsedRangeOrNullObject(true);
      full.load('rowIndex,columnIndex,rowCount,columnCount');
      return { read, full };
    });
    probe = queueStateProbe(worksheets);
    await context.sync();
    for (const { read, full } of positions) {
      read.pieces = [];
      if (full.isNullObject) continue;
      read.full = rectOf(full);
      outside.push({ read, rect: read.full });
    }
  }
  const state = stateFromProbe(probe);

  // ---- only for huge or far-reaching used ranges: the rest, in blocks.
  if (outside.length) await readRegions(context, outside, limits, probeRegions);

  // ---- ExcelApi 1.13 only: merged areas (optional; any failure leaves them out).
  if (options.merges && options.supports('1.13')) await readMerges(context, reads);

  const snapshot: WorkbookSnapshot = {
    source: book?.name,
    sheets: reads.map((read) => sheetSnapshot(read, state.protection.get(read.name) ?? false)),
  };
  return { snapshot, state };
}

function topLeft(r: GridRect): { top: number; left: number } {
  return { top: r.top, left: r.left };
}

/** The parts of a used range beyond the window: below it, and to its right. */
export function outsideWindow(full: GridRect, window: GridRect): GridRect[] {
  const out: GridRect[] = [];
  if (full.bottom > window.bottom) out.push({ top: Math.max(full.top, window.bottom + 1), left: full.left, bottom: full.bottom, right: full.right });
  if (full.right > window.right && full.top <= window.bottom) {
    out.push({ top: full.top, left: Math.max(full.left, window.right + 1), bottom: Math.min(full.bottom, window.bottom), right: full.right });
  }
  return out;
}

type Block = { read: SheetRead; rect: GridRect };

/**
 * Regions → their used part (one round trip for all, when `probe`: a region below the window may hold only
 * a stray cell), cut into row blocks, read in round trips of at most tripCells cells and tripBytes estimated
 * bytes; a round trip the host still finds too large is split and retried.
 */
async function readRegions(context: Excel.RequestContext, regions: Block[], limits: ReadLimits, probe: boolean): Promise<void> {
  let targets = regions;
  if (probe) {
    const probes = regions.map(({ read, rect }) => {
      const used = read.ws.getRange(rectA1(rect)).getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { read, used };
    });
    await context.sync();
    targets = probes.flatMap(({ read, used }) => (used.isNullObject ? [] : [{ read, rect: rectOf(used) }]));
  }
  const queue: Block[] = targets.flatMap(({ read, rect }) => rowBlocks(rect, limits.blockCells).map((r) => ({ read, rect: r })));
  const estimate = (b: Block) => cells(b.rect) * (b.read.cellBytes ?? limits.cellBytes);
  let shrink = 1;
  while (queue.length) {
    // A block alone over the byte budget is cut into row blocks that fit it.
    const first = queue[0];
    const budget = limits.tripBytes * shrink;
    if (estimate(first) > budget && first.rect.bottom > first.rect.top) {
      const perCell = first.read.cellBytes ?? limits.cellBytes;
      queue.splice(0, 1, ...rowBlocks(first.rect, Math.max(1, Math.floor(budget / perCell))).map((rect) => ({ read: first.read, rect })));
    }
    const group: Block[] = [];
    let total = 0;
    let bytes = 0;
    while (queue.length && (group.length === 0 || (total + cells(queue[0].rect) <= limits.tripCells * shrink && bytes + estimate(queue[0]) <= budget))) {
      const next = queue.shift()!;
      group.push(next);
      total += cells(next.rect);
      bytes += estimate(next);
    }
    const loads = group.map((block) => {
      const range = block.read.ws.getRange(rectA1(block.rect));
      range.load('values,numberFormat');
      return { block, range };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isSizeLimitError(error)) throw error;
      if (group.length === 1 && group[0].rect.bottom === group[0].rect.top) throw error; // one row too large: nothing smaller to read
      shrink /= 2;
      queue.unshift(...group);
      continue;
    }
    for (const { block, range } of loads) {
      const piece = { top: block.rect.top, left: block.rect.left, values: range.values, formats: range.numberFormat };
      block.read.pieces.push(piece);
      learn(block.read, piece);
    }
  }
}

/** A rectangle cut into row blocks of at most maxCells cells (at least one row each). */
export function rowBlocks(rect: GridRect, maxCells: number): GridRect[] {
  const width = rect.right - rect.left + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: GridRect[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rows) out.push({ top, left: rect.left, bottom: Math.min(rect.bottom, top + rows - 1), right: rect.right });
  return out;
}

async function readMerges(context: Excel.RequestContext, reads: SheetRead[]): Promise<void> {
  const probes = reads
    .filter((read) => read.full)
    .map((read) => {
      const areas = read.ws.getRange(rectA1(read.full!)).getMergedAreasOrNullObject();
      areas.load('address');
      return { read, areas };
    });
  if (!probes.length) return;
  try {
    await context.sync();
  } catch {
    return; // e.g. more than 512 merged areas on a sheet: merges are optional
  }
  for (const { read, areas } of probes) read.merges = areas.isNullObject ? [] : parseAreasAddress(areas.address);
}

/** "Sheet1!A1:B2, 'My, sheet'!C3" → rectangles (the sheet part is dropped; commas in quotes do not split). */
export function parseAreasAddress(address: string): GridRect[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const out: GridRect[] = [];
  for (const part of parts) {
    const body = part.slice(part.lastIndexOf('!') + 1).trim();
    if (!body) continue;
    const [start, end = start] = body.split(':');
    const a = parseA1(start);
    const b = parseA1(end);
    if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return out;
}

/** Pieces → one snapshot: values anchored at the used range's top-left; rows with nothing read stay holes. */
function sheetSnapshot(read: SheetRead, isProtected: boolean): SheetSnapshot {
  const base = { name: read.name, visibility: read.visibility, protected: isProtected, ...(read.merges ? { merges: read.merges } : {}) };
  if (!read.full) return { ...base, origin: { row: 0, col: 0 }, values: [], numberFormats: [] };
  const full = read.full;
  const origin = { row: full.top, col: full.left };
  const only = read.pieces.length === 1 ? read.pieces[0] : undefined;
  if (only && only.top === full.top && only.left === full.left && only.values.length === full.bottom - full.top + 1) {
    return { ...base, origin, values: only.values.map((row, r) => row.map((v, c) => cellValue(v, only.formats[r]?.[c]))), numberFormats: only.formats.map((row) => row.map(String)) };
  }
  const values: CellValue[][] = new Array(full.bottom - full.top + 1);
  const formats: string[][] = new Array(full.bottom - full.top + 1);
  for (const piece of read.pieces) {
    piece.values.forEach((row, r) => {
      const at = piece.top - full.top + r;
      const line = (values[at] ??= []);
      const formatLine = (formats[at] ??= []);
      row.forEach((v, c) => {
        line[piece.left - full.left + c] = cellValue(v, piece.formats[r]?.[c]);
        formatLine[piece.left - full.left + c] = String(piece.formats[r]?.[c] ?? 'General');
      });
    });
  }
  return { ...base, origin, values, numberFormats: formats };
}

/**
 * A value as the file readers give it: a number with a date format is the date's "YYYY-MM-DD" text (as ExcelJS
 * reads it), so a date typed into an amount cell is named as a date, in Excel as in the page and the CLI. The
 * 1900 date system is assumed (@types/office-js 1.0.612 has no property for the workbook's date system; the 1904
 * one is all but unused, and would only shift the date named in a finding).
 */
function cellValue(v: unknown, format: unknown): CellValue {
  if (typeof v === 'number') return typeof format === 'string' && isDateFormat(format) ? (serialDate(v) ?? v) : v;
  return typeof v === 'string' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : String(v);
}
