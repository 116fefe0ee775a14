/**
 * Builders of real .xlsx workbooks derived from the seed (test/fixtures/seed-2024.xlsx, Hunan layout), used to
 * prove that the table reader reads any department's workbook and not just the seed's exact layout.
 *
 * Every variant keeps the VALUE of every amount identical to the seed; a variant only changes where things are
 * (sheet names and order, position on the sheet, merges, header spelling, cell types, row order, extra sheets).
 *
 * The transformations that make sense on any workbook (`textifyAmounts`, `sanitizeSheetName`, `copyRange`,
 * `copySheet`) are exported so that tests can also apply them to other workbooks (e.g. the Shanghai one).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';

export type Variant = {
  name: string;
  description: string;
  build(seed: ExcelJS.Workbook): Promise<ExcelJS.Workbook> | ExcelJS.Workbook;
};

export const SEED_PATH = path.resolve(__dirname, '..', 'fixtures', 'seed-2024.xlsx');

/** A fresh read of the seed workbook (each call returns a new, independent object). */
export async function loadSeed(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_PATH);
  return wb;
}

/** Builds the variant from a fresh seed and writes it as .xlsx bytes. */
export async function buildVariant(v: Variant): Promise<Buffer> {
  const seed = await loadSeed();
  const wb = await v.build(seed);
  return workbookToBuffer(wb);
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function workbookFromBuffer(buf: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer interface (an ArrayBuffer); a node Buffer works at run time.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses and merges

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colToNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function numToCol(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.trim());
  if (!m) throw new Error(`bad cell address ${a}`);
  return { row: Number(m[2]), col: colToNum(m[1]) };
}

/** "A1:F1" (or "A1") → rectangle, 1-based inclusive. */
export function parseRange(range: string): Rect {
  const [a, b = a] = range.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function formatRange(r: Rect): string {
  return `${numToCol(r.left)}${r.top}:${numToCol(r.right)}${r.bottom}`;
}

/** The merged areas of a sheet as rectangles. */
export function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  const merges: string[] = ws.model.merges ?? [];
  return merges.map(parseRange);
}

/** Merges without copying the master's style onto the other cells (keeps their borders). */
function mergeRect(ws: ExcelJS.Worksheet, r: Rect): void {
  const anyWs = ws as unknown as { mergeCellsWithoutStyle?: (t: number, l: number, b: number, rr: number) => void };
  if (typeof anyWs.mergeCellsWithoutStyle === 'function') anyWs.mergeCellsWithoutStyle(r.top, r.left, r.bottom, r.right);
  else ws.mergeCells(r.top, r.left, r.bottom, r.right);
}

/** True for a cell that is part of a merge but not its top-left (ExcelJS reports the master's value there). */
export function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

// ---------------------------------------------------------------------------------------------------------------
// Copying

function cloneValue(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return new Date(v.getTime());
  if (typeof v === 'object') return JSON.parse(JSON.stringify(v)) as ExcelJS.CellValue;
  return v;
}

function cloneStyle(s: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(s ?? {})) as Partial<ExcelJS.Style>;
}

export interface CopyOptions {
  /** Re-create the merged areas (default true). Without them, the merged text stays only in the top-left cell. */
  merges?: boolean;
  /** Copy cell styles, i.e. number formats, fonts, borders, alignment (default true). */
  styles?: boolean;
  /** Copy column widths (default true). When the target already has a wider column, the wider one is kept. */
  widths?: boolean;
  /** Copy row heights (default true). */
  heights?: boolean;
  /** Maps a source row number (1-based) to a target row number before the offset is added (default identity). */
  rowMap?: (row: number) => number;
  /** Only this part of the source (default: the whole used area). */
  range?: Rect;
}

/**
 * Copies a sheet's cells to another sheet, moved by rowOffset/colOffset: values (only at merge masters — ExcelJS
 * reports the master value in every cell of a merge), styles incl. number formats, column widths, row heights, and
 * merged areas (re-offset). Returns the target rectangle covered.
 */
export function copyRange(
  srcWs: ExcelJS.Worksheet,
  dstWs: ExcelJS.Worksheet,
  rowOffset: number,
  colOffset: number,
  options: CopyOptions = {},
): Rect {
  const { merges = true, styles = true, widths = true, heights = true, rowMap = (r: number) => r } = options;
  const area = options.range ?? { top: 1, left: 1, bottom: srcWs.rowCount, right: srcWs.columnCount };
  const mapped = (r: number) => rowMap(r) + rowOffset;

  for (let r = area.top; r <= area.bottom; r++) {
    const srcRow = srcWs.findRow(r);
    if (!srcRow) continue;
    const dstRow = dstWs.getRow(mapped(r));
    if (heights && srcRow.height) dstRow.height = srcRow.height;
    for (let c = area.left; c <= Math.min(area.right, srcRow.cellCount); c++) {
      const src = srcRow.getCell(c);
      const dst = dstRow.getCell(c + colOffset);
      if (styles) dst.style = cloneStyle(src.style);
      if (isMergeSlave(src)) continue;
      const v = src.value;
      if (v !== null && v !== undefined) dst.value = cloneValue(v);
    }
  }

  if (widths) {
    for (let c = area.left; c <= area.right; c++) {
      const w = srcWs.getColumn(c).width;
      if (!w) continue;
      const dstCol = dstWs.getColumn(c + colOffset);
      if (!dstCol.width || dstCol.width < w) dstCol.width = w;
    }
  }

  if (merges) {
    for (const m of mergesOf(srcWs)) {
      if (m.top < area.top || m.bottom > area.bottom || m.left < area.left || m.right > area.right) continue;
      const top = mapped(m.top);
      const bottom = mapped(m.bottom);
      if (bottom - top !== m.bottom - m.top) throw new Error(`rowMap tears merge ${formatRange(m)} of ${srcWs.name}`);
      mergeRect(dstWs, { top, bottom, left: m.left + colOffset, right: m.right + colOffset });
    }
  }

  const rows = [];
  for (let r = area.top; r <= area.bottom; r++) rows.push(mapped(r));
  return {
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: area.left + colOffset,
    right: area.right + colOffset,
  };
}

/** Adds a sheet named `name` to `dst` holding a copy of `src`. */
export function copySheet(
  src: ExcelJS.Worksheet,
  dst: ExcelJS.Workbook,
  name: string,
  rowOffset = 0,
  colOffset = 0,
  options: CopyOptions = {},
): ExcelJS.Worksheet {
  const ws = dst.addWorksheet(name);
  copyRange(src, ws, rowOffset, colOffset, options);
  return ws;
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, no leading/trailing apostrophe. */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim();
  if (s.length > 31) s = s.slice(0, 31);
  return s || 'Sheet';
}

// ---------------------------------------------------------------------------------------------------------------
// The seed's tables

export type TableCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09';
export const TABLE_CODES: TableCode[] = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

/** The seed numbering (Hunan 2024): 07 政府性基金, 08 国有资本经营, 09 三公. */
export const SEED_TITLES: Record<TableCode, string> = {
  '01': '收入支出决算总表',
  '02': '收入决算表',
  '03': '支出决算表',
  '04': '财政拨款收入支出决算总表',
  '05': '一般公共预算财政拨款支出决算表',
  '06': '一般公共预算财政拨款基本支出决算明细表',
  '07': '政府性基金预算财政拨款收入支出决算表',
  '08': '国有资本经营预算财政拨款支出决算表',
  '09': '财政拨款“三公”经费支出决算表',
};

export interface SeedTable {
  code: TableCode;
  title: string;
  ws: ExcelJS.Worksheet;
}

/** Text of a cell as a string ('' when empty or not text-like). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  return '';
}

/** Visits every non-slave cell with a value. */
export function eachValueCell(ws: ExcelJS.Worksheet, fn: (cell: ExcelJS.Cell, row: number, col: number) => void): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (isMergeSlave(cell)) return;
      if (cell.value === null || cell.value === undefined) return;
      fn(cell, r, c);
    });
  });
}

/** The seed's nine tables in code order, identified by their "公开0X表" marker and title. */
export function seedTables(seed: ExcelJS.Workbook): SeedTable[] {
  const found: SeedTable[] = [];
  for (const ws of seed.worksheets) {
    let code: TableCode | undefined;
    eachValueCell(ws, (cell) => {
      const m = /公开(0[1-9])表/.exec(cellText(cell));
      if (m && !code) code = m[1] as TableCode;
    });
    if (!code) continue;
    found.push({ code, title: cellText(ws.getCell('A1')).trim() || SEED_TITLES[code], ws });
  }
  found.sort((a, b) => a.code.localeCompare(b.code));
  const codes = found.map((t) => t.code).join(',');
  if (codes !== TABLE_CODES.join(',')) throw new Error(`seed tables not found as expected: ${codes}`);
  return found;
}

function departmentOf(tables: SeedTable[]): string {
  let dept = '';
  eachValueCell(tables[0].ws, (cell) => {
    const m = /^部门[：:]\s*(.+)$/.exec(cellText(cell).trim());
    if (m && !dept) dept = m[1].trim();
  });
  return dept || '某某单位';
}

/** A workbook holding copies of the given tables, in the given order, with the given names. */
function rebuild(
  tables: SeedTable[],
  nameOf: (t: SeedTable, index: number) => string,
  options: CopyOptions & { rowOffset?: number; colOffset?: number } = {},
  into = new ExcelJS.Workbook(),
): ExcelJS.Workbook {
  tables.forEach((t, i) => copySheet(t.ws, into, nameOf(t, i), options.rowOffset ?? 0, options.colOffset ?? 0, options));
  return into;
}

// ---------------------------------------------------------------------------------------------------------------
// 栏次 rows, 行次 columns and amounts

/** Row numbers of 栏次 rows: first non-empty cell "栏次", or the numbers of the row are exactly 1..n (n ≥ 2). */
export function columnNumberRows(ws: ExcelJS.Worksheet): Set<number> {
  const rows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const texts: string[] = [];
    const numbers: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (isMergeSlave(cell)) return;
      const v = cell.value;
      if (typeof v === 'number') numbers.push(v);
      else if (v !== null && v !== undefined) texts.push(cellText(cell).replace(/\s+/g, ''));
    });
    let first = '';
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!first && !isMergeSlave(cell)) first = cellText(cell).replace(/\s+/g, '');
    });
    const consecutive = numbers.length >= 2 && numbers.every((n, i) => n === i + 1);
    if (first === '栏次' || (consecutive && texts.every((t) => t === '' || t === '栏次'))) rows.add(r);
  });
  return rows;
}

/** Column numbers whose header says 行次. */
export function rowNumberColumns(ws: ExcelJS.Worksheet): Set<number> {
  const cols = new Set<number>();
  eachValueCell(ws, (cell, _r, c) => {
    if (cellText(cell).replace(/\s+/g, '') === '行次') cols.add(c);
  });
  return cols;
}

/** Numeric cells that are amounts, i.e. not in a 栏次 row or a 行次 column. */
export function amountCells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const skipRows = columnNumberRows(ws);
  const skipCols = rowNumberColumns(ws);
  const cells: ExcelJS.Cell[] = [];
  eachValueCell(ws, (cell, r, c) => {
    if (typeof cell.value === 'number' && !skipRows.has(r) && !skipCols.has(c)) cells.push(cell);
  });
  return cells;
}

/** Exact conversion of a 2-decimal number to integer cents (throws on more decimals). */
export function toCents(value: number): number {
  const cents = Math.round(value * 100);
  if (Math.abs(cents - value * 100) > 1e-6) throw new Error(`${value} has more than 2 decimals`);
  return cents;
}

/** Formats cents as "1234.56" or, with grouping, "1,234.56". */
export function formatCents(cents: number, grouping = false): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  let int = String(Math.floor(abs / 100));
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/** ASCII digits and punctuation → full-width forms ("519.63" → "５１９．６３"). */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9.,\-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/**
 * Parses an amount written as text: thousands separators, full-width digits, surrounding spaces. Returns cents, or
 * undefined when the text is not an amount with a decimal point (codes like "201" and labels are not amounts).
 */
export function parseAmountText(text: string): number | undefined {
  const s = text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').replace(/,/g, '');
  const m = /^(-?)(\d+)\.(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const cents = Number(m[2]) * 100 + Number(m[3].padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** The four text styles of `text-amounts`, chosen round-robin. */
export function amountAsText(value: number, style: number): string {
  const cents = toCents(value);
  switch (style % 4) {
    case 0:
      return formatCents(cents, true); // "1,234.56"
    case 1:
      return toFullWidth(formatCents(cents, true)); // "５１９．６３"
    case 2:
      return `  ${formatCents(cents)} `; // padded
    default:
      // plain, as JavaScript prints it ("47.3"); whole amounts keep ".00" so that they cannot be taken for codes
      return Number.isInteger(value) ? formatCents(cents) : String(value);
  }
}

/**
 * Rewrites every amount cell of the workbook as text (in place), in the four styles of `amountAsText`. Works on
 * any workbook; 栏次 rows and 行次 columns are left as numbers. Returns the number of cells rewritten.
 */
export function textifyAmounts(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets) {
    for (const cell of amountCells(ws)) {
      const text = amountAsText(cell.value as number, n);
      cell.value = text;
      cell.numFmt = '@';
      cell.alignment = { ...(cell.alignment ?? {}), horizontal: 'right' };
      n++;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Header relabelling (line-broken-headers)

/** Exact header labels → how other exporters / hand-edited sheets write them. */
export const HEADER_REWRITES: Record<string, string> = {
  项目: '项    目',
  收入: '收  入',
  支出: '支  出',
  金额: '金 额',
  行次: '行\n次',
  本年收入合计: '本年收入 合计',
  本年支出合计: '本年支出\n合计',
  本年支出: '本年\n支出',
  财政拨款收入: '财政拨款\n收入',
  上级补助收入: '上级补助\n收入',
  事业收入: '事业 收入',
  经营收入: '经营\r\n收入',
  附属单位上缴收入: '附属单位\n上缴收入',
  其他收入: '其他收入 ',
  基本支出: '基本\n支出',
  项目支出: ' 项目支出',
  上缴上级支出: '上缴上级\n支出',
  经营支出: '经营 支出',
  对附属单位补助支出: '对附属单位\r\n补助支出',
  一般公共预算财政拨款: '一般公共预算\n财政拨款',
  政府性基金预算财政拨款: '政府性基金预算 财政拨款',
  国有资本经营预算财政拨款: '国有资本经营\n预算财政拨款',
  科目代码: '科目\n代码',
  科目名称: '科目 名称',
  决算数: '决 算 数',
  年初结转和结余: '年初结转\n和结余',
  年末结转和结余: '年末结转 和结余',
  本年支出小计: '本年支出\n合计', // 07: 小计 → 合计 (Shanghai writes 合计)
  公务用车购置费: '公务用车购\n置费',
  公务用车运行维护费: '公务用车运行\n维护费',
  公务用车购置及运行维护费: '公务用车购置及\n运行维护费',
  '因公出国（境）费': '因公出国(境)费',
};

/** Per-table rewrites on top of HEADER_REWRITES: 05's 本年支出 小计 is written 合计 (domain §1.2). */
const TABLE_HEADER_REWRITES: Partial<Record<TableCode, Record<string, string>>> = {
  '05': { 小计: '合计' },
};

/** The rows of the column header: after the "部门：" line, before the 栏次 row / first body row. */
export function headerRows(ws: ExcelJS.Worksheet): { top: number; bottom: number } {
  let deptRow = 0;
  eachValueCell(ws, (cell, r) => {
    if (!deptRow && /^部门[：:]/.test(cellText(cell).trim())) deptRow = r;
  });
  const numberRows = [...columnNumberRows(ws)].sort((a, b) => a - b);
  let bottom = numberRows.length ? numberRows[0] - 1 : 0;
  if (!bottom) {
    // No 栏次 row (06): the header ends before the first row holding a code.
    let firstCodeRow = 0;
    eachValueCell(ws, (cell, r) => {
      if (!firstCodeRow && r > deptRow && /^\d{3}$/.test(cellText(cell).trim())) firstCodeRow = r;
    });
    bottom = firstCodeRow - 1;
  }
  return { top: deptRow + 1, bottom };
}

// ---------------------------------------------------------------------------------------------------------------
// The variants

const SHUFFLE: TableCode[] = ['07', '03', '09', '01', '06', '02', '08', '05', '04'];

/** Shanghai numbering: 07 三公, 08 政府性基金, 09 国有资本经营 (seed code → printed code). */
const SHANGHAI_NUMBER: Record<TableCode, TableCode> = {
  '01': '01',
  '02': '02',
  '03': '03',
  '04': '04',
  '05': '05',
  '06': '06',
  '07': '08',
  '08': '09',
  '09': '07',
};

const SUBJECT_TABLES: TableCode[] = ['02', '03', '05', '07', '08'];

function isCodeText(s: string): boolean {
  return /^\d{3}(\d{2}){0,2}$/.test(s);
}

/** Row permutation for total-last: the 合计 row moves to the last body row, the rows under it move up by one. */
function totalLastRowMap(ws: ExcelJS.Worksheet): (r: number) => number {
  let totalRow = 0;
  let noteRow = 0;
  eachValueCell(ws, (cell, r) => {
    const t = cellText(cell).replace(/\s+/g, '');
    if (!totalRow && t === '合计' && cellText(ws.getRow(r).getCell(1)).replace(/\s+/g, '') === '合计') totalRow = r;
    if (!noteRow && /^(注|说明)[：:]/.test(t)) noteRow = r;
  });
  if (!totalRow || !noteRow) throw new Error(`total-last: no 合计/注 row on ${ws.name}`);
  const lastBody = noteRow - 1;
  return (r) => {
    if (r === totalRow) return lastBody;
    if (r > totalRow && r <= lastBody) return r - 1;
    return r;
  };
}

export const VARIANTS: Variant[] = [
  {
    name: 'renamed-sheets',
    description: 'Sheets renamed "Sheet1".."Sheet9" (the seed order is kept); the "公开0X表" markers inside stay.',
    build: (seed) => rebuild(seedTables(seed), (_t, i) => `Sheet${i + 1}`),
  },
  {
    name: 'title-named-sheets',
    description: 'Sheets renamed to their titles ("收入支出决算总表", …), cut to Excel\'s 31 characters, no []:*?/\\.',
    build: (seed) => rebuild(seedTables(seed), (t) => sanitizeSheetName(t.title)),
  },
  {
    name: 'shuffled',
    description: `Sheet order shuffled to ${SHUFFLE.join(',')} (names "公开0X表" kept, so only the order changes).`,
    build: (seed) => {
      const tables = seedTables(seed);
      const ordered = SHUFFLE.map((code) => tables.find((t) => t.code === code)!);
      return rebuild(ordered, (t) => t.ws.name);
    },
  },
  {
    name: 'cover-and-toc',
    description:
      'A cover sheet "封面" (department, "2024年度部门决算", date) and a "目录" sheet listing the nine tables ' +
      '(公开0X表 | title | page number, under section headings) come before the nine tables.',
    build: (seed) => {
      const tables = seedTables(seed);
      const wb = new ExcelJS.Workbook();
      const dept = departmentOf(tables);
      const cover = wb.addWorksheet('封面');
      cover.getColumn(1).width = 60;
      cover.getCell('A4').value = dept;
      cover.getCell('A6').value = '2024年度部门决算';
      cover.getCell('A12').value = '2025年8月';
      for (const a of ['A4', 'A6', 'A12']) cover.getCell(a).alignment = { horizontal: 'center' };
      cover.getCell('A4').font = { size: 20, bold: true };
      cover.getCell('A6').font = { size: 26, bold: true };

      const toc = wb.addWorksheet('目录');
      toc.getColumn(1).width = 12;
      toc.getColumn(2).width = 44;
      toc.getColumn(3).width = 8;
      toc.mergeCells('A1:C1');
      toc.getCell('A1').value = '目    录';
      toc.getCell('A1').alignment = { horizontal: 'center' };
      toc.getCell('A1').font = { size: 16, bold: true };
      toc.getCell('A3').value = '第一部分  部门概况';
      toc.getCell('C3').value = 1;
      toc.getCell('A4').value = '第二部分  2024年度部门决算表';
      tables.forEach((t, i) => {
        const r = 5 + i;
        toc.getCell(`A${r}`).value = `公开${t.code}表`;
        toc.getCell(`B${r}`).value = t.title;
        toc.getCell(`C${r}`).value = 3 + i;
      });
      toc.getCell('A14').value = '第三部分  2024年度部门决算情况说明';
      toc.getCell('C14').value = 12;
      toc.getCell('A15').value = '第四部分  名词解释';
      toc.getCell('C15').value = 18;
      return rebuild(tables, (t) => t.ws.name, {}, wb);
    },
  },
  {
    name: 'stacked',
    description:
      'All nine tables copied onto ONE sheet "决算公开表", one under another with 2 or 3 blank rows between ' +
      '(merges re-offset, number formats and the widest column widths kept).',
    build: (seed) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('决算公开表');
      let next = 1;
      seedTables(seed).forEach((t, i) => {
        const rect = copyRange(t.ws, ws, next - 1, 0);
        next = rect.bottom + 1 + (i % 2 === 0 ? 2 : 3);
      });
      return wb;
    },
  },
  {
    name: 'offset',
    description:
      'Every table moved down 3 rows and right 2 columns (merges re-offset), with junk above it: "内部资料" in A1 ' +
      'and a cell holding a single space in B2.',
    build: (seed) => {
      const wb = rebuild(seedTables(seed), (t) => t.ws.name, { rowOffset: 3, colOffset: 2 });
      for (const ws of wb.worksheets) {
        ws.getCell('A1').value = '内部资料';
        ws.getCell('A1').font = { color: { argb: 'FFFF0000' }, bold: true };
        ws.getCell('B2').value = ' ';
        ws.getColumn(1).width = 9;
        ws.getColumn(2).width = 3;
      }
      return wb;
    },
  },
  {
    name: 'text-amounts',
    description:
      'Every amount (numbers outside 栏次 rows and 行次 columns) rewritten as text, round-robin: "1,234.56" ' +
      'grouping style, full-width "５１９．６３", space-padded "  519.63 ", plain "47.3" ("820.00" when whole); exact decimal value kept.',
    build: (seed) => {
      const wb = rebuild(seedTables(seed), (t) => t.ws.name);
      textifyAmounts(wb);
      return wb;
    },
  },
  {
    name: 'line-broken-headers',
    description:
      'Column-header labels broken by spaces / line breaks ("公务用车购\\n置费", "本年收入 合计", "项    目"), ' +
      'half-width brackets "因公出国(境)费", 05\'s 小计 and 07\'s 本年支出小计 written as 合计.',
    build: (seed) => {
      const tables = seedTables(seed);
      const wb = rebuild(tables, (t) => t.ws.name);
      tables.forEach((t, i) => {
        const ws = wb.worksheets[i];
        const { top, bottom } = headerRows(ws);
        const map = { ...HEADER_REWRITES, ...(TABLE_HEADER_REWRITES[t.code] ?? {}) };
        eachValueCell(ws, (cell, r) => {
          if (r < top || r > bottom || typeof cell.value !== 'string') return;
          const to = map[cell.value.trim()];
          if (to !== undefined) {
            cell.value = to;
            if (to.includes('\n')) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true };
          }
        });
      });
      return wb;
    },
  },
  {
    name: 'no-merges',
    description: 'All merged areas unmerged; the merged text stays only in the top-left cell (as many exporters write).',
    build: (seed) => rebuild(seedTables(seed), (t) => t.ws.name, { merges: false }),
  },
  {
    name: 'codes-as-numbers',
    description: '科目代码 cells (功能分类 in 02/03/05/07/08, 经济分类 in 06) stored as numbers: 201, 20104, 2010450.',
    build: (seed) => {
      const wb = rebuild(seedTables(seed), (t) => t.ws.name);
      for (const ws of wb.worksheets) {
        eachValueCell(ws, (cell) => {
          if (typeof cell.value === 'string' && isCodeText(cell.value.trim())) {
            cell.value = Number(cell.value.trim());
            cell.numFmt = '0';
          }
        });
      }
      return wb;
    },
  },
  {
    name: 'renumbered',
    description:
      'Markers and sheet names renumbered Shanghai-style and sheets put in that order: 三公 → 公开07表, ' +
      '政府性基金 → 公开08表, 国有资本经营 → 公开09表 (the reader must assign codes by content).',
    build: (seed) => {
      const tables = seedTables(seed);
      const printed = (t: SeedTable) => SHANGHAI_NUMBER[t.code];
      const ordered = [...tables].sort((a, b) => printed(a).localeCompare(printed(b)));
      const wb = rebuild(ordered, (t) => `公开${printed(t)}表`);
      ordered.forEach((t, i) => {
        eachValueCell(wb.worksheets[i], (cell) => {
          if (typeof cell.value === 'string' && /公开0[1-9]表/.test(cell.value)) {
            cell.value = cell.value.replace(/公开0[1-9]表/g, `公开${printed(t)}表`);
          }
        });
      });
      return wb;
    },
  },
  {
    name: 'total-last',
    description:
      'In the 科目 tables (02, 03, 05, 07, 08) the 合计 row moved from the first to the last body row, just above ' +
      'the 注 line (07/08 have 合计 as their only body row, so they do not change).',
    build: (seed) => {
      const wb = new ExcelJS.Workbook();
      for (const t of seedTables(seed)) {
        const rowMap = SUBJECT_TABLES.includes(t.code) ? totalLastRowMap(t.ws) : undefined;
        copySheet(t.ws, wb, t.ws.name, 0, 0, { rowMap });
      }
      return wb;
    },
  },
];

export function variantByName(name: string): Variant {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`no variant ${name}`);
  return v;
}
