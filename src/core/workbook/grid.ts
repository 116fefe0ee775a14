import type { CellValue, GridRect, SheetSnapshot } from './snapshot';
import { cellRef, rangeRef } from './address';
import { normalizeLabel } from '../util/text';

const NO_TEXTS: Array<[number, string]> = Object.freeze([]) as unknown as Array<[number, string]>;

/**
 * A sheet addressed in absolute 0-based coordinates, whatever its used-range origin.
 * `label(r, c)` reads normalised text where a merged area's value stands for every cell it covers,
 * so that headers read the same with and without merge information.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly mergeMaster = new Map<number, GridRect>();
  /** Top-left cells of merged areas. */
  private readonly mergeTops = new Set<number>();
  // Caches indexed by [row - top][col - left]: plain arrays, far cheaper than a Map per cell on every check.
  private readonly textCache: Array<Array<string | undefined> | undefined> = [];
  private readonly rowCache: Array<Array<[number, string]> | undefined> = [];
  private readonly refCache: Array<Array<string | undefined> | undefined> = [];
  /** Rows that hold a values line, ascending: a sparse sheet (a stray cell at row 1,048,576) is walked by these. */
  private readonly presentRows: number[] = [];

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    let width = 0;
    // Object.keys lists only the rows present in a sparse values array (forEach would visit every index).
    for (const key of Object.keys(sheet.values)) {
      const i = Number(key);
      const line = sheet.values[i];
      if (!Number.isInteger(i) || !line || line.length === 0) continue;
      width = Math.max(width, line.length);
      this.presentRows.push(this.top + i);
    }
    this.bottom = this.top + sheet.values.length - 1;
    this.right = this.left + width - 1;
    for (const m of sheet.merges ?? []) this.addMerge(m);
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  private addMerge(m: GridRect): void {
    const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (cells > 5000) return; // a whole-row merge says nothing about headers and would cost memory
    if (cells > 1) this.mergeTops.add(this.key(m.top, m.left));
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) this.mergeMaster.set(this.key(r, c), m);
  }

  get hasMerges(): boolean {
    return (this.sheet.merges?.length ?? 0) > 0;
  }

  value(row: number, col: number): CellValue {
    const line = this.sheet.values[row - this.top];
    if (!line) return null;
    const v = line[col - this.left];
    return v === undefined ? null : v;
  }

  numberFormat(row: number, col: number): string | undefined {
    return this.sheet.numberFormats?.[row - this.top]?.[col - this.left];
  }

  /** Normalised text of the cell itself (not filled from merges). */
  text(row: number, col: number): string {
    const r = row - this.top;
    const c = col - this.left;
    const v = r >= 0 && c >= 0 ? this.sheet.values[r]?.[c] : undefined;
    if (v === null || v === undefined || v === '') return '';
    const line = (this.textCache[r] ??= []);
    const cached = line[c];
    if (cached !== undefined) return cached;
    const t = normalizeLabel(v);
    line[c] = t;
    return t;
  }

  /** Normalised text with a merged area's value standing for all of its cells. */
  label(row: number, col: number): string {
    const master = this.mergeMaster.get(this.key(row, col));
    return master ? this.text(master.top, master.left) : this.text(row, col);
  }

  /** The merged area a cell belongs to when it is not the area's top-left cell. */
  mergeOf(row: number, col: number): GridRect | undefined {
    return this.mergeMaster.get(this.key(row, col));
  }

  /** The rows from `from` to `to` (inclusive) that can hold anything, ascending. */
  rowsBetween(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = this.firstPresent(from); i < this.presentRows.length && this.presentRows[i] <= to; i++) out.push(this.presentRows[i]);
    return out;
  }

  /** The first row at or after `from` that can hold anything (bottom + 1 when none). */
  nextRow(from: number): number {
    return this.presentRows[this.firstPresent(from)] ?? this.bottom + 1;
  }

  private firstPresent(row: number): number {
    let lo = 0;
    let hi = this.presentRows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.presentRows[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Part of a merged area: its top-left cell or any other. */
  isMerged(row: number, col: number): boolean {
    const k = this.key(row, col);
    return this.mergeMaster.has(k) || this.mergeTops.has(k);
  }

  isMergeSlave(row: number, col: number): boolean {
    return this.mergeMaster.has(this.key(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  rowIsEmpty(row: number, left = this.left, right = this.right): boolean {
    if (left === this.left && right === this.right) return this.rowTexts(row).length === 0;
    for (let c = left; c <= right; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }

  /** Non-empty cells of a row as [col, normalised text]. */
  rowTexts(row: number, left = this.left, right = this.right): Array<[number, string]> {
    // Every reader pass asks for whole rows again; those answers are kept.
    if (left === this.left && right === this.right) {
      const r = row - this.top;
      if (r < 0 || !this.sheet.values[r]) return NO_TEXTS;
      const cached = this.rowCache[r];
      if (cached) return cached;
      const texts = this.collectTexts(row, left, right);
      this.rowCache[r] = texts;
      return texts;
    }
    return this.collectTexts(row, left, right);
  }

  private collectTexts(row: number, left: number, right: number): Array<[number, string]> {
    const out: Array<[number, string]> = [];
    const line = this.sheet.values[row - this.top];
    if (!line) return out;
    // Rows may be shorter than the sheet (a stray cell at column XFD widens the sheet, not every row).
    const last = Math.min(right, this.left + line.length - 1);
    for (let c = Math.max(left, this.left); c <= last; c++) {
      const v = line[c - this.left];
      if (v === null || v === undefined || v === '') continue;
      const t = this.text(row, c);
      if (t) out.push([c, t]);
    }
    return out;
  }

  ref(row: number, col: number): string {
    // A cell's reference is asked for by every reader that touches it: built once per grid.
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || c < 0) return cellRef(this.name, row, col);
    const line = (this.refCache[r] ??= []);
    return (line[c] ??= cellRef(this.name, row, col));
  }

  rangeRef(top: number, left: number, bottom: number, right: number): string {
    return rangeRef(this.name, top, left, bottom, right);
  }
}
