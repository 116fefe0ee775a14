import type { Grid } from '../workbook/grid';
import { isTitleLike } from './title';
import { parseAmount } from './amount';

/**
 * Layout facts shared by every table reader: which rows above a table are meta lines (部门/单位/title),
 * which are header rows, which is the 栏次 row, where the body starts, and each column's header path.
 */

const META_CELL = [
  /(部门|单位|编制单位|单位名称|填报单位|部门名称|金额单位)[:：]/,
  /^(金额)?单位[:：]?(万元|元|千元|亿元)$/,
  /^公开\d{1,2}表$/,
  /^(附)?表[\d一二三四五六七八九十]{1,2}$/,
  // A table's number alone on its line: “1.”, “三、”.
  /^(\d{1,2}|[一二三四五六七八九十]{1,3})[.、．]$/,
  /^[一二三四五六七八九十]{1,2}$/,
  /^\d{4}年(度)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
];

export function isMetaText(text: string): boolean {
  return META_CELL.some((re) => re.test(text)) || isTitleLike(text);
}

export function isMetaRow(grid: Grid, row: number): boolean {
  const texts = grid.rowTexts(row);
  return texts.length > 0 && texts.every(([, t]) => isMetaText(t));
}

/** Words a 栏次 row may carry besides its numbers: the row's own label and the 甲/乙 of label columns. */
const SERIAL_WORD = /^(栏次|行次|甲|乙|丙|丁|--|—|-)$/;

/**
 * 栏次 row: labelled 栏次 with small numbers, or small whole numbers rising from left to right (1 2 3 …, or
 * 1 | 2 on each side of 01表; the Hunan 09表 prints them bare), with 甲/乙 allowed over the label columns.
 */
export function isSerialRow(grid: Grid, row: number): boolean {
  const texts = grid.rowTexts(row);
  if (texts.length === 0) return false;
  const words = texts.filter(([, t]) => SERIAL_WORD.test(t));
  const nums = texts.filter(([, t]) => !SERIAL_WORD.test(t));
  if (!nums.every(([, t]) => /^\d{1,2}$/.test(t))) return false;
  if (words.some(([, t]) => t === '栏次' || t === '行次')) return true;
  if (nums.length < 2) return false;
  // Rising, without repeats: a data row of small amounts (0 | 0 | 3) is not a 栏次 row.
  return nums.every(([, t], i) => i === 0 || Number(t) > Number(nums[i - 1][1])) && Number(nums[0][1]) <= 2;
}

/** A row holding at least one amount (a number, or a figure written as text), not counting a 栏次 row. */
export function hasAmountCells(grid: Grid, row: number): boolean {
  for (const [c] of grid.rowTexts(row)) if (parseAmount(grid.value(row, c)).kind === 'number') return !isSerialRow(grid, row);
  return false;
}

/**
 * A sentence written across a row inside or under a table (“本单位无政府性基金收支，故本表无数据。”,
 * “注：本表反映…”): one text cell, long, worded like prose. Never a row of the table.
 */
export function isSentenceRow(grid: Grid, row: number): boolean {
  const texts = grid.rowTexts(row);
  if (texts.length !== 1) return false;
  return isSentence(texts[0][1]);
}

export function isSentence(text: string): boolean {
  if (isNoteText(text)) return true;
  // A 科目 code with its name, or a line label (“其中：一般公共预算财政拨款”), is not prose.
  if (/^\d{3}(\d{2}){0,2}(?![\d年])/.test(text) || /^其中/.test(text)) return false;
  if (text.length >= 12 && /[。；;！]|本表|本单位|本部门|我单位|我部门|没有|无数据|故本表|反映/.test(text)) return true;
  return text.length >= 20 && /[，,：:]/.test(text);
}

export function isNoteText(text: string): boolean {
  return /^(注|说明|备注|填报说明|资料来源)[:：0-9一二三、.]?/.test(text);
}

const HEADER_WORD = /项目|科目|代码|编码|名称|金额|行次|栏次|收入|支出|合计|小计|总计|预算|决算|经费|结转|结余|费|类|款|项|基本|年初|年末/;

export interface HeaderLayout {
  /** Rows between the title and the header: 部门/单位 lines, subtitles. */
  metaRows: number[];
  /** Header rows, top to bottom, without the 栏次 row. */
  headerRows: number[];
  serialRow?: number;
  bodyStart: number;
}

/**
 * Splits the rows under a title into meta, header and body. `isBodyRow` is the table's own test for its
 * first data row (a 科目 code, 合计, an income label, a row of amounts).
 */
export function splitHeader(
  grid: Grid,
  titleRow: number,
  endRow: number,
  isBodyRow: (row: number) => boolean,
): HeaderLayout {
  const metaRows: number[] = [];
  const headerRows: number[] = [];
  let serialRow: number | undefined;
  // Runs of empty rows are skipped in one step: a sparse sheet may have a million of them.
  let r = Math.min(grid.nextRow(titleRow + 1), endRow + 1);
  // Meta lines first: a table's number alone (“9.”) reads as a figure but is not the body.
  while (r <= endRow && (grid.rowIsEmpty(r) || isMetaRow(grid, r))) {
    if (!grid.rowIsEmpty(r)) metaRows.push(r);
    r = Math.min(grid.nextRow(r + 1), endRow + 1);
  }
  while (r <= endRow && !isBodyRow(r)) {
    // Header rows hold words (and 栏次 numbers): the first row with an amount under a header is the body,
    // whatever its labels say (Shanghai 2025 prints 类 | 款 | 项 on its 合计 row).
    if (headerRows.length > 0 && hasAmountCells(grid, r)) break;
    if (isSerialRow(grid, r)) serialRow = r;
    else if (grid.rowIsEmpty(r)) {
      if (headerRows.length > 0) break;
    } else if (headerRows.length > 0 && isSentenceRow(grid, r)) break;
    else if (grid.rowTexts(r).some(([, t]) => HEADER_WORD.test(t))) headerRows.push(r);
    else break;
    r = headerRows.length > 0 ? r + 1 : Math.min(grid.nextRow(r + 1), endRow + 1);
  }
  return { metaRows, headerRows, serialRow, bodyStart: r };
}

/**
 * Each column's header labels, top to bottom, consecutive repeats dropped. Where the sheet gives no merge
 * information, a blank header cell takes its left neighbour's label when both stand under the same parent
 * label and a lower header row has a label there — how exporters write a merged group once.
 */
export function headerPaths(grid: Grid, headerRows: number[], left: number, right: number): Map<number, string[]> {
  const filled: string[][] = headerRows.map(() => []);
  headerRows.forEach((row, i) => {
    for (let c = left; c <= right; c++) {
      let t = grid.label(row, c);
      // Fill only where no merge says otherwise: a merged area that ends before this cell has ended on purpose.
      if (!t && c > left && i < headerRows.length - 1 && !grid.isMerged(row, c) && !grid.isMerged(row, c - 1)) {
        const leftLabel = filled[i][c - 1 - left];
        const parent = i === 0 ? undefined : filled[i - 1][c - left];
        const sameParent = i === 0 || (parent !== '' && parent === filled[i - 1][c - 1 - left]);
        const labelBelow = headerRows.slice(i + 1).some((below) => grid.label(below, c) !== '');
        if (leftLabel && sameParent && labelBelow) t = leftLabel;
      }
      filled[i][c - left] = t;
    }
  });
  const paths = new Map<number, string[]>();
  for (let c = left; c <= right; c++) {
    const path: string[] = [];
    for (let i = 0; i < headerRows.length; i++) {
      const t = filled[i][c - left];
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    paths.set(c, path);
  }
  return paths;
}

/** The cell that shows a column's lowest header label (a merged label's top-left cell), for findings about it. */
export function headerCellOf(grid: Grid, headerRows: number[], col: number, fallbackRow: number): string {
  for (let i = headerRows.length - 1; i >= 0; i--) {
    const row = headerRows[i];
    if (!grid.label(row, col)) continue;
    const m = grid.mergeOf(row, col);
    return m ? grid.ref(m.top, m.left) : grid.ref(row, col);
  }
  return grid.ref(headerRows[headerRows.length - 1] ?? fallbackRow, col);
}

export interface TableMetaText {
  unit?: { text: string; cell: string };
  department?: { name: string; cell: string };
  year?: number;
}

const UNIT = /(?:金额)?单位[:：]?\s*(万元|千元|亿元|元)/;
const DEPARTMENT = /(?:部门|编制单位|单位名称|填报单位|部门名称|单位)[:：](.+)/;
const ORG_TITLE = /^(.+?)(\d{4})年度?.{0,24}?决算/;
const YEAR = /(\d{4})年度?/;
/** A table's number before the department in a title: “表二 ”, “公开02表 ”, “2.”, “二、”. */
const TABLE_NUMBER = /^(表[一二三四五六七八九十\d]{1,2}|公开\d{1,2}表|附表\d{1,2}|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}[、.．])\s*/;

/** Reads 部门, 金额单位 and year from the title, the meta rows and up to three rows above the title. */
export function readMetaText(grid: Grid, titleRow: number, metaRows: number[]): TableMetaText {
  const out: TableMetaText = {};
  const titleNames: Array<{ name: string; cell: string }> = [];
  const rows = [titleRow - 3, titleRow - 2, titleRow - 1, titleRow, ...metaRows].filter((r) => r >= grid.top);
  for (const row of rows) {
    for (const [col, text] of grid.rowTexts(row)) {
      const unit = UNIT.exec(text);
      if (unit && !out.unit && row >= titleRow) out.unit = { text: unit[1], cell: grid.ref(row, col) };
      const dept = DEPARTMENT.exec(text);
      if (dept && !out.department && row >= titleRow && !/^(万元|元|千元|亿元)$/.test(dept[1])) {
        const name = dept[1].replace(/(金额)?单位[:：].*$/, '').replace(/公开\d+表.*$/, '');
        if (name) out.department = { name, cell: grid.ref(row, col) };
      }
      const org = ORG_TITLE.exec(text);
      if (org) {
        const name = org[1].replace(TABLE_NUMBER, '').trim();
        if (name && !/^公开/.test(name)) titleNames.push({ name, cell: grid.ref(row, col) });
        out.year ??= Number(org[2]);
      } else if (row >= titleRow - 1) {
        const year = YEAR.exec(text);
        if (year && isTitleLike(text)) out.year ??= Number(year[1]);
      }
    }
  }
  // A 部门/编制单位 line names the department; a title names it only when no such line does.
  if (!out.department && titleNames.length) out.department = titleNames[0];
  return out;
}

export interface BodyScan {
  /** Non-empty rows from the body start to the first note. */
  rows: number[];
  /** 注/说明 lines after the body. */
  notes: Array<{ row: number; col: number; text: string }>;
  lastRow: number;
}

/** More empty rows than this end a table: what lies further down is not part of it (a stray value, a draft). */
export const MAX_ROW_GAP = 100;

/**
 * The body's rows: stops at the first 注/说明 line (collecting notes), at anything titled like a table and at
 * a gap of more than MAX_ROW_GAP empty rows.
 */
export function scanBody(grid: Grid, from: number, endRow: number, isRow?: (row: number) => boolean): BodyScan {
  const rows: number[] = [];
  const notes: BodyScan['notes'] = [];
  let lastRow = from - 1;
  let inNotes = false;
  for (const r of grid.rowsBetween(from, endRow)) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    if (r - lastRow > MAX_ROW_GAP + 1) break;
    const [col, first] = texts[0];
    if (texts.some(([, t]) => isTitleLike(t))) break;
    // Another table's title (a 资产负债情况表 stacked below with no 注 line between): this table has ended.
    if (texts.length === 1 && first.length <= 40 && /表(\(.{0,12}\))?$/.test(first) && !isNoteText(first) && !/^\d/.test(first)) break;
    if (isNoteText(first) || inNotes) {
      if (texts.length <= 2 && (isNoteText(first) || !isRow?.(r))) {
        inNotes = true;
        notes.push({ row: r, col, text: String(grid.value(r, col) ?? '').trim() });
        lastRow = r;
        continue;
      }
      // A 说明 line written inside the frame, above the table's own rows (a 合计 row after it): the table goes on.
      if (!isRow?.(r)) break;
      inNotes = false;
    }
    // A sentence across a row inside the frame (a no-data statement merged over the first body row) is a
    // note; the rows after it still belong to the table.
    if (isSentenceRow(grid, r)) {
      notes.push({ row: r, col, text: String(grid.value(r, col) ?? '').trim() });
      lastRow = r;
      continue;
    }
    rows.push(r);
    lastRow = r;
  }
  return { rows, notes, lastRow };
}

/** "说明：…本表无数据" — the empty-table statement (domain.md §1.2, 07表). */
export function findEmptyStatement(grid: Grid, notes: BodyScan['notes']): { text: string; cell: string } | undefined {
  const note = notes.find((n) => /无数据|没有|无.*(收入|支出)/.test(n.text) && !/^注[:：]?\s*本表反映/.test(n.text));
  return note ? { text: note.text, cell: grid.ref(note.row, note.col) } : undefined;
}
