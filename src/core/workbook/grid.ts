import type { CellValue, GridRect, SheetSnapshot } from './snapshot';
import { cellRef, rangeRef } from './address';
import { normalizeLabel } from '../util/text';

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
  private readonly mergeMaster = new Map<number, { row: number; col: number }>();
  private readonly labelCache = new Map<number, string>();
  private readonly rowCache = new Map<number, Array<[number, string]>>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    const width = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
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
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) this.mergeMaster.set(this.key(r, c), { row: m.top, col: m.left });
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
    const k = this.key(row, col);
    const cached = this.labelCache.get(k);
    if (cached !== undefined) return cached;
    const t = normalizeLabel(this.value(row, col));
    this.labelCache.set(k, t);
    return t;
  }

  /** Normalised text with a merged area's value standing for all of its cells. */
  label(row: number, col: number): string {
    const master = this.mergeMaster.get(this.key(row, col));
    return master ? this.text(master.row, master.col) : this.text(row, col);
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
      const cached = this.rowCache.get(row);
      if (cached) return cached;
      const texts = this.collectTexts(row, left, right);
      this.rowCache.set(row, texts);
      return texts;
    }
    return this.collectTexts(row, left, right);
  }

  private collectTexts(row: number, left: number, right: number): Array<[number, string]> {
    const out: Array<[number, string]> = [];
    if (!this.sheet.values[row - this.top]) return out;
    for (let c = left; c <= right; c++) {
      const t = this.text(row, c);
      if (t) out.push([c, t]);
    }
    return out;
  }

  ref(row: number, col: number): string {
    return cellRef(this.name, row, col);
  }

  rangeRef(top: number, left: number, bottom: number, right: number): string {
    return rangeRef(this.name, top, left, bottom, right);
  }
}
