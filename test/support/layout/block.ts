/**
 * A Block is one table (or cover, 目录, extra table) drawn on its own little grid, 0-based: text cells, amount cells
 * that remember their logical key, merged areas, and the header cells (for the mislabel property). Blocks are then
 * placed on sheets; `sheetSnapshot` turns the placed blocks into what a host hands the core.
 */
import type { CellValue, GridRect, SheetSnapshot } from '../../../src/core/workbook/snapshot';
import type { TableCode } from '../../../src/core/tables/codes';
import type { Amt } from './canonical';

export type BlockCell =
  | { kind: 'text'; value: string | number }
  | { kind: 'amount'; amt: Amt; zero?: boolean }
  | { kind: 'head'; value: string }
  /** A number of a non-public table: drawn like an amount, with no logical key. */
  | { kind: 'figure'; value: string };

export class Block {
  readonly cells = new Map<string, BlockCell & { row: number; col: number }>();
  readonly merges: GridRect[] = [];
  height = 0;
  width = 0;

  constructor(readonly table?: TableCode) {}

  private put(row: number, col: number, cell: BlockCell): void {
    const k = `${row},${col}`;
    if (this.cells.has(k)) throw new Error(`block ${this.table ?? ''}: cell ${k} written twice`);
    this.cells.set(k, { ...cell, row, col });
    this.height = Math.max(this.height, row + 1);
    this.width = Math.max(this.width, col + 1);
  }

  text(row: number, col: number, value: string | number | null | undefined): void {
    if (value === null || value === undefined || value === '') return;
    this.put(row, col, { kind: 'text', value });
  }

  /** A column or row head: a text cell the mislabel property may rewrite. */
  head(row: number, col: number, value: string): void {
    if (value) this.put(row, col, { kind: 'head', value });
  }

  /** An amount cell; `zero` prints a blank amount as 0.00 (the all-zero 合计 row). */
  amount(row: number, col: number, amt: Amt, zero = false): void {
    this.put(row, col, { kind: 'amount', amt, zero: zero && amt.value === null });
  }

  figure(row: number, col: number, value: string): void {
    this.put(row, col, { kind: 'figure', value });
  }

  /** A merged area, only when `enabled` (an exporter that does not merge writes the top-left value alone). */
  merge(top: number, left: number, bottom: number, right: number, enabled = true): void {
    if (!enabled || (bottom <= top && right <= left)) return;
    this.merges.push({ top, left, bottom, right });
    this.height = Math.max(this.height, bottom + 1);
    this.width = Math.max(this.width, right + 1);
  }

  /** Copies another block in at (row, col). */
  paste(other: Block, row: number, col: number): void {
    for (const c of other.cells.values()) this.put(c.row + row, c.col + col, c);
    for (const m of other.merges) this.merge(m.top + row, m.left + col, m.bottom + row, m.right + col);
    this.height = Math.max(this.height, other.height + row);
    this.width = Math.max(this.width, other.width + col);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Amounts as hosts give them

export type AmountStyle = 'number' | 'text' | 'grouped' | 'full-width' | 'mixed';

const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const fullWidth = (s: string) => s.replace(/[0-9.,\-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** "1234.50" in one of the styles; `n` picks the style of a 'mixed' layout cell by cell. */
export function formatAmount(value: string, style: AmountStyle, n: number): string | number {
  const [int, dec] = value.split('.');
  const s = style === 'mixed' ? (['number', 'text', 'grouped', 'full-width'] as const)[n % 4] : style;
  switch (s) {
    case 'number':
      return Number(value);
    case 'text':
      return value;
    case 'grouped':
      return `${group(int)}.${dec}`;
    case 'full-width':
      return fullWidth(`${group(int)}.${dec}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

export interface Placed {
  block: Block;
  row: number;
  col: number;
}

export interface HeadCell {
  table: TableCode;
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export interface SheetOut {
  snapshot: SheetSnapshot;
  /** "Sheet!A1" → logical key, for every amount cell drawn (blank ones included). */
  cellKeys: Map<string, string>;
  /** Keys drawn as 0.00 although the canonical amount is blank. */
  zeroKeys: Set<string>;
  heads: HeadCell[];
}

export function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

export interface HostStyle {
  amounts: AmountStyle;
  /** Empty cells as Office gives them ("") or as the file adapter does (null). */
  empty: '' | null;
  /** Whether the host reports merged areas. */
  merges: boolean;
}

/** Placed blocks → the sheet as a host hands it over: a rectangle from the used range's top-left. */
export function sheetSnapshot(name: string, placed: Placed[], host: HostStyle): SheetOut {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  const merges: GridRect[] = [];
  const cellKeys = new Map<string, string>();
  const zeroKeys = new Set<string>();
  const heads: HeadCell[] = [];
  let n = 0;
  for (const { block, row, col } of placed) {
    for (const c of block.cells.values()) {
      const r = c.row + row;
      const k = c.col + col;
      let value: CellValue;
      if (c.kind === 'amount') {
        cellKeys.set(`${name}!${a1(r, k)}`, c.amt.key);
        if (c.zero) zeroKeys.add(c.amt.key);
        const v = c.amt.value ?? (c.zero ? '0.00' : null);
        value = v === null ? null : formatAmount(v, host.amounts, n++);
      } else if (c.kind === 'figure') {
        value = formatAmount(c.value, host.amounts, n++);
      } else {
        value = c.value;
        if (c.kind === 'head' && block.table) heads.push({ table: block.table, sheet: name, row: r, col: k, text: c.value });
      }
      if (value !== null) cells.push({ row: r, col: k, value });
    }
    for (const m of block.merges) merges.push({ top: m.top + row, left: m.left + col, bottom: m.bottom + row, right: m.right + col });
  }
  const used = [...cells, ...merges.flatMap((m) => [{ row: m.bottom, col: m.right }])];
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const bottom = Math.max(...used.map((c) => c.row));
  const right = Math.max(...used.map((c) => c.col));
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => Array<CellValue>(right - left + 1).fill(host.empty));
  for (const c of cells) values[c.row - top][c.col - left] = c.value;
  const snapshot: SheetSnapshot = { name, origin: { row: top, col: left }, values };
  if (host.merges && merges.length) snapshot.merges = merges;
  return { snapshot, cellKeys, zeroKeys, heads };
}
