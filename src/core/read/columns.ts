import Decimal from 'decimal.js';
import type { Grid } from '../workbook/grid';
import { isLabelLike, parseAmount } from './amount';

/**
 * What a column holds in a table's body, counted cell by cell: the evidence that decides, together with its
 * header words, what the column is. A header can lie (a template's mislabel, a merged label spilling over);
 * the cells under it cannot.
 */
export interface ColumnProfile {
  col: number;
  /** Non-empty cells. */
  filled: number;
  /** Cells that read as amounts. */
  numbers: number;
  /** Cells of text that is neither an amount nor a code. */
  texts: number;
  /** 科目 codes: 3, 5 or 7 digits (text or whole numbers), or a code followed by its name. */
  codes: number;
  /** 1–2 digit parts of a split code (款 or 项 of “201 | 06 | 01”). */
  parts: number;
  /** Codes written as text, and the code lengths seen (3, 5, 7): whole-number amounts (150, 820) are not codes. */
  textCodes: number;
  codeLengths: Set<number>;
}

const CODE = /^\[?(\d{3}|\d{5}|\d{7})\]?$/;
const CODE_AND_NAME = /^\[?(\d{7}|\d{5}|\d{3})\]?[\s\-_:：.、]*[^\d\s.]/;
const PART = /^\d{1,2}$/;

/** The text of a code cell: whole numbers as digits, text folded to ASCII. */
export function codeText(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return String(v ?? '')
    .normalize('NFKC')
    .trim();
}

export function profileColumns(grid: Grid, rows: readonly number[], left = grid.left, right = grid.right): Map<number, ColumnProfile> {
  const out = new Map<number, ColumnProfile>();
  for (let c = left; c <= right; c++) out.set(c, { col: c, filled: 0, numbers: 0, texts: 0, codes: 0, parts: 0, textCodes: 0, codeLengths: new Set() });
  for (const r of rows) {
    for (const [c] of grid.rowTexts(r, left, right)) {
      const p = out.get(c);
      if (!p) continue;
      p.filled++;
      const code = codeText(grid, r, c);
      const m = CODE.exec(code) ?? CODE_AND_NAME.exec(code);
      if (m) {
        p.codes++;
        p.codeLengths.add(m[1].length);
        if (typeof grid.value(r, c) === 'string') p.textCodes++;
      }
      else if (PART.test(code) && (typeof grid.value(r, c) === 'string' || /^0\d$/.test(code) || Number(code) < 100)) p.parts++;
      const parsed = parseAmount(grid.value(r, c));
      if (parsed.kind === 'number') p.numbers++;
      else if (isLabelLike(parsed) && !CODE_AND_NAME.test(code)) p.texts++;
    }
  }
  return out;
}

/** Mostly words: such a column is a label or name column, never an amount column, whatever its header says. */
export function isTextColumn(p: ColumnProfile | undefined): boolean {
  return !!p && p.texts >= 2 && p.texts > p.numbers;
}

/** Mostly 科目 codes. */
export function isCodeColumn(p: ColumnProfile | undefined): boolean {
  if (!p || p.codes < 2 || p.codes < 0.6 * (p.filled - p.parts)) return false;
  // Codes are written as text, or come in several lengths (类, 款, 项); a column of 3-digit whole amounts is not one.
  return p.textCodes * 2 >= p.codes || p.codeLengths.size >= 2 || p.codeLengths.has(7);
}

/**
 * Chooses which column holds which amount when the header alone leaves a doubt: a column whose label is not
 * a known one, or two columns claiming the same meaning. The readings are ranked by (1) how many body rows
 * satisfy the table's own row identity under them, (2) how many columns keep the meaning their header gives,
 * (3) how closely they follow the table's printed column order. Only the doubtful columns are permuted.
 */
export function chooseAssignment<K extends string>(options: {
  /** Columns in sheet order that may hold amounts. */
  candidates: number[];
  /** The meaning each column's header gives, if any. */
  headerKey: Map<number, K | undefined>;
  /** The table's keys in their printed order. */
  order: readonly K[];
  /** Keys that must be placed. */
  required: readonly K[];
  /** Rows where the identity is tested, and the identity: does the row hold under this reading? */
  rows: number[];
  holds?: (row: number, colOf: (key: K) => number | undefined) => boolean;
}): Map<K, number> {
  const { candidates, headerKey, order, rows, holds } = options;
  const claimed = new Map<K, number[]>();
  for (const c of candidates) {
    const k = headerKey.get(c);
    if (k) claimed.set(k, [...(claimed.get(k) ?? []), c]);
  }
  const fixed = new Map<K, number>();
  for (const [k, cols] of claimed) if (cols.length === 1) fixed.set(k, cols[0]);
  const doubtfulCols = candidates.filter((c) => ![...fixed.values()].includes(c));
  const openKeys = order.filter((k) => !fixed.has(k));
  if (doubtfulCols.length === 0 || openKeys.length === 0) return fixed;
  // Only columns that say nothing or that repeat a claimed meaning are in doubt; more than 4 would be a
  // table we do not understand, and guessing over it would be worse than saying so.
  const cols = doubtfulCols.slice(0, 4);
  let best: { map: Map<K, number>; score: number[] } | undefined;
  const tryMap = (map: Map<K, number>) => {
    const colOf = (k: K) => map.get(k);
    const identity = holds ? rows.filter((r) => holds(r, colOf)).length : 0;
    let agree = 0;
    for (const [k, c] of map) if (headerKey.get(c) === k) agree++;
    const placed = [...map].sort((a, b) => a[1] - b[1]).map(([k]) => order.indexOf(k));
    let inversions = 0;
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) if (placed[i] > placed[j]) inversions++;
    const required = options.required.filter((k) => map.has(k)).length;
    const score = [required, identity, agree, -inversions, map.size];
    if (!best || compare(score, best.score) > 0) best = { map, score };
  };
  const assign = (i: number, map: Map<K, number>, used: Set<K>) => {
    if (i === cols.length) {
      tryMap(new Map(map));
      return;
    }
    // A doubtful column may also stay unplaced (a 行次 column, a stray figure).
    assign(i + 1, map, used);
    for (const k of openKeys) {
      if (used.has(k)) continue;
      map.set(k, cols[i]);
      used.add(k);
      assign(i + 1, map, used);
      map.delete(k);
      used.delete(k);
    }
  };
  assign(0, new Map(fixed), new Set(fixed.keys()));
  return best?.map ?? fixed;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Σ parts = total within the rounding bound of the printed figures (0.005 per non-blank amount). */
export function sumHolds(total: Decimal | undefined, parts: Array<Decimal | undefined>, count: number): boolean {
  if (total === undefined) return false;
  let sum = new Decimal(0);
  for (const p of parts) if (p) sum = sum.plus(p);
  return total.minus(sum).abs().lte(new Decimal(0.005).times(Math.max(1, count)));
}
