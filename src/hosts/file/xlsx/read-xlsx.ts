/**
 * The fast .xlsx reader: zip (JSZip) → the few XML parts the check needs → WorkbookSnapshot, with a strict
 * hand-written scanner instead of ExcelJS's object model (about a tenth of ExcelJS's time on the sample).
 *
 * It reads what the ExcelJS path reads (src/hosts/file/read-file.ts, exceljs-snapshot.ts) and must give the same
 * snapshot: sheet names, order and state from xl/workbook.xml and its relationships; shared strings (rich-text runs
 * joined, phonetic runs left out); number formats from styles.xml (cellXfs → numFmtId → custom or built-in code,
 * with ExcelJS's conventions: see formats.ts); each sheet's cells (s, str, inlineStr, b, e, n; formulas as their
 * cached results; a formula saved without one as "=" + its text, shared formulas translated); merges (values only
 * in the top-left cell) and sheet protection. test/file/fast-reader.test.ts compares the two readers on every
 * fixture, layout variant, bad input and randomized workbook.
 *
 * Anything it does not handle for sure throws (`NotForSure`, or whatever JSZip throws), and the caller reads the
 * file with ExcelJS instead: never a wrong snapshot. That covers every case where ExcelJS itself would fail or
 * read something odd (overlapping merges, sheet names ExcelJS rejects or truncates, missing parts, cells without
 * addresses, rows out of order, XML ExcelJS's parser rejects or this scanner does not accept, date formats on
 * values that are no date, …), so those files keep getting exactly what they got before.
 */
import JSZip from 'jszip';
import type { CellValue, GridRect, SheetSnapshot, WorkbookSnapshot } from '../../../core/workbook/snapshot';
import { layoutSheet, type RowCells } from '../sheet-layout';
import { BUILT_IN_FORMATS, customFormatCode, decodeXEscapes, xmlDecodeAgain } from './formats';
import { isDateFormat, serialDate } from '../../../core/workbook/dates';
import { notForSure, XmlScanner } from './scanner';
import { columnNumber, slideFormula } from './shared-formula';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** Cells hidden under merges are listed one by one up to this many; beyond, a file goes to ExcelJS. */
const MAX_MERGED_CELLS = 1_000_000;

export async function fastSnapshotFromXlsx(bytes: Uint8Array, source?: string): Promise<WorkbookSnapshot> {
  const zip = await JSZip.loadAsync(bytes);
  // ExcelJS takes entries by name with one leading "/" dropped; two entries under one name are not for sure.
  const entries = new Map<string, JSZip.JSZipObject>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = entry.name.startsWith('/') ? entry.name.slice(1) : entry.name;
    if (entries.has(name)) notForSure(`two entries ${name}`);
    entries.set(name, entry);
  }
  // Every part is looked up before any is inflated: a rejection left behind would escape.
  const required = (name: string) => entries.get(name) ?? notForSure(`no ${name}`);
  const parts = [required('xl/workbook.xml'), required('xl/_rels/workbook.xml.rels'), required('xl/styles.xml'), entries.get('xl/sharedStrings.xml')];
  const [workbookXml, relsXml, stylesXml, sharedXml] = await Promise.all(parts.map((entry) => entry?.async('string')));
  if (workbookXml === undefined || relsXml === undefined || stylesXml === undefined) notForSure('a part without text');
  const book = readWorkbook(workbookXml);
  const targets = readRelationships(relsXml);
  const styles = readStyles(stylesXml);
  const shared = sharedXml === undefined ? undefined : readSharedStrings(sharedXml);

  // Sheets as ExcelJS keeps them: in workbook order, those whose relationship leads to a worksheet part; a sheet
  // without one (a chart sheet, a missing part) is left out, as ExcelJS leaves it out.
  const sheetParts: Array<{ sheet: BookSheet; part: string }> = [];
  const seenParts = new Set<string>();
  for (const sheet of book.sheets) {
    const target = targets.get(sheet.rId);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!entries.has(part) || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(part)) continue;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) notForSure(`sheet part ${part}`);
    if (seenParts.has(part)) notForSure(`two sheets in ${part}`);
    seenParts.add(part);
    sheetParts.push({ sheet, part });
  }
  if (sheetParts.length === 0) notForSure('no worksheets');
  const context: SheetContext = { styles, shared, date1904: book.date1904 };
  const xmls = await Promise.all(sheetParts.map(({ part }) => entries.get(part)!.async('string')));
  const sheets = sheetParts.map(({ sheet }, i) => readSheet(xmls[i], sheet, context));
  return { source, sheets };
}

// ----------------------------------------------------------------------------------------------- workbook.xml

interface BookSheet {
  name: string;
  rId: string;
  visibility: NonNullable<SheetSnapshot['visibility']>;
}

/** Sheet names ExcelJS rejects (the load fails) or changes (cut to 31 characters) are not for sure. */
function checkSheetName(name: string, seen: Set<string>): void {
  if (name === '' || name === 'History' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) notForSure(`sheet name ${name}`);
  const lower = name.toLowerCase();
  if (seen.has(lower)) notForSure(`sheet name ${name} twice`);
  seen.add(lower);
}

function readWorkbook(xml: string): { sheets: BookSheet[]; date1904: boolean } {
  const x = new XmlScanner(xml);
  x.root('workbook');
  const sheets: BookSheet[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  let date1904 = false;
  let sawSheets = false;
  let sawProperties = false;
  while (x.child(1)) {
    if (x.is('workbookPr') && !sawProperties) {
      sawProperties = true;
      date1904 = x.attr('date1904') === '1';
      x.skipElement(WORKBOOK_PARTS);
    } else if (x.is('sheets') && !sawSheets) {
      sawSheets = true;
      while (x.child(2)) {
        if (!x.is('sheet')) notForSure(`<${x.name}> in <sheets>`);
        const rawName = x.attr('name');
        const sheetId = x.attr('sheetId');
        const rId = x.attr('r:id');
        if (rawName === undefined || sheetId === undefined || rId === undefined) notForSure('sheet without name, id or relationship');
        // ExcelJS decodes the name a second time (utils.xmlDecode).
        const name = xmlDecodeAgain(rawName);
        if (!/^[1-9][0-9]{0,4}$/.test(sheetId) || ids.has(sheetId)) notForSure(`sheetId ${sheetId}`);
        ids.add(sheetId);
        checkSheetName(name, names);
        const state = x.attr('state');
        sheets.push({ name, rId, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
        x.skipElement(WORKBOOK_PARTS);
      }
    } else {
      skipOther(x, WORKBOOK_PARTS);
    }
  }
  x.end();
  return { sheets, date1904 };
}

/** Elements ExcelJS's workbook reader takes wherever they stand: met anywhere else, the file is not for sure. */
const WORKBOOK_PARTS = new Set(['workbookPr', 'sheets']);

/** Skips an element the fast reader does not need, unless ExcelJS would read it (then it is not for sure). */
function skipOther(x: XmlScanner, parts: ReadonlySet<string>): void {
  if (parts.has(x.name)) notForSure(`<${x.name}> again or out of place`);
  x.skipElement(parts);
}

function readRelationships(xml: string): Map<string, string> {
  const x = new XmlScanner(xml);
  x.root('Relationships');
  const targets = new Map<string, string>();
  while (x.child(1)) {
    if (!x.is('Relationship')) notForSure(`<${x.name}> in relationships`);
    const id = x.attr('Id');
    const target = x.attr('Target');
    if (id === undefined || target === undefined || targets.has(id)) notForSure('relationship');
    targets.set(id, target);
    x.skipElement();
  }
  x.end();
  return targets;
}

// ------------------------------------------------------------------------------------------------- styles.xml

interface Styles {
  /** Per cellXfs index: the number format ExcelJS gives a cell of that style ("" for none). */
  formats: string[];
  dates: boolean[];
  /** Whether styles.xml has a cellXfs list (ExcelJS fails on a styled cell without one). */
  hasXfs: boolean;
}

/** The style lists ExcelJS's style reader takes wherever they stand outside another list. */
const STYLE_LISTS = new Set(['numFmts', 'cellXfs']);

function readStyles(xml: string): Styles {
  const x = new XmlScanner(xml);
  x.root('styleSheet');
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let sawNumFmts = false;
  let sawXfs = false;
  while (x.child(1)) {
    if (x.is('numFmts') && !sawNumFmts) {
      sawNumFmts = true;
      while (x.child(2)) {
        if (!x.is('numFmt')) notForSure(`<${x.name}> in <numFmts>`);
        const code = x.attr('formatCode');
        if (code === undefined) notForSure('numFmt without formatCode');
        custom.set(parseInt(x.attr('numFmtId') ?? '', 10), customFormatCode(code));
        x.skipElement(STYLE_LISTS);
      }
    } else if (x.is('cellXfs') && !sawXfs) {
      sawXfs = true;
      while (x.child(2)) {
        if (!x.is('xf')) notForSure(`<${x.name}> in <cellXfs>`);
        xfFormatIds.push(parseInt(x.attr('numFmtId') ?? '', 10));
        x.skipElement(STYLE_LISTS);
      }
    } else {
      skipOther(x, STYLE_LISTS);
    }
  }
  x.end();
  // ExcelJS (StylesXform.getStyleModel): a numFmtId of 0 or none gives no format; a custom code wins over the
  // built-in one unless it is empty.
  const formats = xfFormatIds.map((id) => (id ? custom.get(id) || BUILT_IN_FORMATS[id] || '' : ''));
  return { formats, dates: formats.map(isDateFormat), hasXfs: xfFormatIds.length > 0 };
}

// ------------------------------------------------------------------------------------------ sharedStrings.xml

function readSharedStrings(xml: string): string[] {
  const x = new XmlScanner(xml);
  x.root('sst');
  const strings: string[] = [];
  while (x.child(1)) {
    // ExcelJS fails on anything but <si> here.
    if (!x.is('si')) notForSure(`<${x.name}> in <sst>`);
    let plain: string | undefined;
    let runs: string[] | undefined;
    while (x.child(2)) {
      if (x.is('t') && plain === undefined && runs === undefined) plain = decodeXEscapes(x.readText());
      else if (x.is('r') && plain === undefined) (runs ??= []).push(readRun(x));
      else if (x.is('rPh') || x.is('phoneticPr')) x.skipElement(STRING_PARTS); // phonetic guide: not the text
      else notForSure(`<${x.name}> in <si>`);
    }
    if (plain !== undefined) strings.push(plain);
    else if (runs !== undefined) strings.push(runs.join(''));
    else notForSure('empty <si>');
  }
  x.end();
  return strings;
}

const STRING_PARTS = new Set(['si', 'r']);

/** A rich-text run (<r>, after its OPEN): its text, `_xHHHH_` decoded; "" without one. */
function readRun(x: XmlScanner): string {
  let text: string | undefined;
  const depth = x.depth;
  while (x.child(depth)) {
    if (x.is('t') && text === undefined) text = decodeXEscapes(x.readText());
    else if (x.is('rPr')) x.skipElement(RUN_PARTS);
    else notForSure(`<${x.name}> in <r>`);
  }
  return text ?? '';
}

const RUN_PARTS = new Set(['t', 'r']);

// ------------------------------------------------------------------------------------------------ worksheets

interface SheetContext {
  styles: Styles;
  shared: string[] | undefined;
  date1904: boolean;
}

interface RawCell {
  col: number;
  value: CellValue;
  format: string;
}

interface RawRow {
  row: number;
  cells: RawCell[];
}

/** A cell saved without a cached result inside a shared formula: translated once the sheet is read. */
interface Pending {
  cell: RawCell;
  row: number;
  master: { row: number; col: number; formula: string };
}

/** Elements ExcelJS reads wherever they stand in a sheet (with the parts it skips, src/hosts/file/read-file.ts). */
const SHEET_PARTS = new Set(['sheetData', 'mergeCells', 'sheetProtection']);

function readSheet(xml: string, sheet: BookSheet, context: SheetContext): SheetSnapshot {
  const x = new XmlScanner(xml);
  x.root('worksheet');
  let rows: RawRow[] = [];
  let pending: Pending[] = [];
  const merges: GridRect[] = [];
  let isProtected = false;
  let sawData = false;
  let sawMerges = false;
  let sawProtection = false;
  while (x.child(1)) {
    if (x.is('sheetData') && !sawData) {
      sawData = true;
      ({ rows, pending } = readSheetData(x, context));
    } else if (x.is('mergeCells') && !sawMerges) {
      sawMerges = true;
      readMerges(x, merges);
    } else if (x.is('sheetProtection') && !sawProtection) {
      sawProtection = true;
      isProtected = x.attr('sheet') === '1';
      x.skipElement(SHEET_PARTS);
    } else {
      skipOther(x, SHEET_PARTS);
    }
  }
  x.end();

  const hidden = mergedAway(merges);
  for (const p of pending) {
    if (hidden?.(p.master.row, p.master.col)) notForSure('shared formula master under a merge');
    const text = slideFormula(p.master.formula, { row: p.master.row + 1, col: p.master.col + 1 }, { row: p.row + 1, col: p.cell.col + 1 }).replace(/^=/, '');
    p.cell.value = text ? `=${text}` : null;
  }
  const laidOut: RowCells[] = [];
  for (const { row, cells } of rows) {
    let entry: RowCells | undefined;
    for (const cell of cells) {
      if (cell.value === null || cell.value === '' || hidden?.(row, cell.col)) continue;
      if (!entry) laidOut.push((entry = { row, cols: [], values: [], formats: [] }));
      entry.cols.push(cell.col);
      entry.values.push(cell.value);
      entry.formats.push(cell.format);
    }
  }
  return layoutSheet({ name: sheet.name, merges, visibility: sheet.visibility, protected: isProtected }, laidOut);
}

/** Whether a cell (0-based) is covered by a merge but not its top-left cell; undefined without merges. */
function mergedAway(merges: GridRect[]): ((row: number, col: number) => boolean) | undefined {
  if (merges.length === 0) return undefined;
  let area = 0;
  for (const m of merges) area += (m.bottom - m.top + 1) * (m.right - m.left + 1) - 1;
  if (area > MAX_MERGED_CELLS) notForSure('merged areas too large');
  const covered = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * MAX_COL + c);
  return (row, col) => covered.has(row * MAX_COL + col);
}

const MERGE_REF = /^([A-Z]{1,3})([1-9][0-9]{0,6}):([A-Z]{1,3})([1-9][0-9]{0,6})$/;

function readMerges(x: XmlScanner, merges: GridRect[]): void {
  while (x.child(2)) {
    if (!x.is('mergeCell')) notForSure(`<${x.name}> in <mergeCells>`);
    const m = MERGE_REF.exec(x.attr('ref') ?? '');
    if (!m) notForSure(`merge ${x.attr('ref')}`);
    const rect = { top: Number(m[2]) - 1, left: columnNumber(m[1]) - 1, bottom: Number(m[4]) - 1, right: columnNumber(m[3]) - 1 };
    if (rect.top > rect.bottom || rect.left > rect.right || rect.bottom >= MAX_ROW || rect.right >= MAX_COL) notForSure(`merge ${x.attr('ref')}`);
    // Overlapping merges make ExcelJS fail; read-file.ts then reads without merges and says so.
    for (const o of merges) if (!(rect.bottom < o.top || rect.top > o.bottom || rect.right < o.left || rect.left > o.right)) notForSure('overlapping merges');
    merges.push(rect);
    x.skipElement(SHEET_PARTS);
  }
}

function readSheetData(x: XmlScanner, context: SheetContext): { rows: RawRow[]; pending: Pending[] } {
  const rows: RawRow[] = [];
  const pending: Pending[] = [];
  const masters = new Map<string, { row: number; col: number; formula: string }>();
  let lastRow = -1;
  while (x.child(2)) {
    if (!x.is('row')) notForSure(`<${x.name}> in <sheetData>`);
    const r = x.attr('r');
    if (r === undefined || !/^[1-9][0-9]{0,6}$/.test(r)) notForSure(`row ${r}`);
    const row = Number(r) - 1;
    if (row <= lastRow || row >= MAX_ROW) notForSure(`row ${r} out of order`);
    lastRow = row;
    const cells: RawCell[] = [];
    let lastCol = -1;
    while (x.child(3)) {
      if (!x.is('c')) notForSure(`<${x.name}> in <row>`);
      const cell = readCell(x, row, context, masters, pending);
      if (cell.col <= lastCol) notForSure('cells out of order');
      lastCol = cell.col;
      cells.push(cell);
    }
    if (cells.length) rows.push({ row, cells });
  }
  return { rows, pending };
}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/**
 * One <c> (after its OPEN) → its value as the ExcelJS path reads it (cell-xform.js parse + reconcile, then
 * exceljs-snapshot.ts): null where that path reads nothing.
 */
function readCell(
  x: XmlScanner,
  row: number,
  context: SheetContext,
  masters: Map<string, { row: number; col: number; formula: string }>,
  pending: Pending[],
): RawCell {
  const ref = x.attr('r');
  const m = ref === undefined ? null : CELL_REF.exec(ref);
  if (!m || Number(m[2]) - 1 !== row) notForSure(`cell ${ref} in row ${row + 1}`);
  const col = columnNumber(m[1]) - 1;
  if (col >= MAX_COL) notForSure(`cell ${ref}`);
  const type = x.attr('t');
  const s = x.attr('s');
  const styleId = s ? parseInt(s, 10) : undefined;

  let formula: string | undefined;
  let shareType: string | undefined;
  let formulaRef: string | undefined;
  let si: string | undefined;
  let sawFormula = false;
  let valueText = '';
  let sawValue = false;
  let inline: string | undefined;
  let runs: string[] | undefined;
  while (x.child(4)) {
    if (x.is('v') && !sawValue) {
      sawValue = true;
      valueText = x.readText();
    } else if (x.is('f') && !sawFormula) {
      sawFormula = true;
      shareType = x.attr('t');
      formulaRef = x.attr('ref');
      si = x.attr('si');
      formula = x.readText() || undefined;
    } else if (x.is('is') && inline === undefined && runs === undefined) {
      while (x.child(5)) {
        // Plain text of an inline string is taken as written (no `_xHHHH_` decoding); runs as in shared strings.
        if (x.is('t') && runs === undefined) inline = (inline ?? '') + x.readText();
        else if (x.is('r') && inline === undefined) (runs ??= []).push(readRun(x));
        else notForSure(`<${x.name}> in <is>`);
      }
    } else {
      notForSure(`<${x.name}> in <c>`);
    }
  }
  if ((inline !== undefined || runs !== undefined) && (sawValue || sawFormula || type !== 'inlineStr')) notForSure('inline string with more');

  // The style's number format, as ExcelJS gives it (a styled cell needs a cellXfs list, or ExcelJS fails).
  let format = '';
  let isDate = false;
  if (styleId) {
    if (!context.styles.hasXfs) notForSure('styled cell without cellXfs');
    if (styleId >= 0 && styleId < context.styles.formats.length) {
      format = context.styles.formats[styleId];
      isDate = context.styles.dates[styleId];
    }
  }
  const cell: RawCell = { col, value: null, format };

  if (formula || shareType) {
    // A formula: its cached result (typed by t), or "=" + its text when saved without one.
    let result: unknown;
    if (valueText) {
      if (type === 'str') result = xmlDecodeAgain(valueText);
      else if (type === 'b') result = parseInt(valueText, 10) !== 0;
      else if (type === 'e') result = valueText;
      else result = parseFloat(valueText);
      if (isDate) {
        if (typeof result !== 'number') notForSure('date format on a formula result that is no number');
        result = serialDate(result, context.date1904) ?? notForSure('invalid date');
      }
      cell.value = result as CellValue;
    } else if (type === 'str' && sawValue) {
      // <v/> with t="str": Excel's cached empty string (=IF(…,"",…)), blank as Excel shows it. ExcelJS cannot tell it
      // from a missing result, so that path reads "=" + the formula here (the one known difference).
      cell.value = null;
    } else if (formula) {
      const text = formula.replace(/^=/, '');
      cell.value = text ? `=${text}` : null;
    } else if (shareType === 'shared' && !formulaRef) {
      const master = si === undefined ? undefined : masters.get(si);
      if (!master) notForSure('shared formula without its master');
      pending.push({ cell, row, master });
    } else if (shareType === 'shared') {
      notForSure('shared formula master without text');
    }
    if (shareType === 'shared' && formulaRef) {
      if (!formula || si === undefined) notForSure('shared formula master without text');
      masters.set(si, { row, col, formula });
    }
    return cell;
  }

  if (runs !== undefined) {
    cell.value = runs.join('');
    return cell;
  }
  const text = inline ?? valueText;
  if (text === '') return cell;
  switch (type) {
    case 's': {
      const value = context.shared?.[parseInt(text, 10)];
      if (value === undefined) notForSure(`shared string ${text}`);
      cell.value = value;
      break;
    }
    case 'str':
      cell.value = xmlDecodeAgain(text);
      break;
    case 'inlineStr':
      cell.value = text;
      break;
    case 'b':
      cell.value = parseInt(text, 10) !== 0;
      break;
    case 'e':
      cell.value = text;
      break;
    case undefined:
    case 'n': {
      const n = parseFloat(text);
      cell.value = isDate ? (serialDate(n, context.date1904) ?? notForSure('invalid date')) : n;
      break;
    }
    default:
      notForSure(`cell type ${type}`);
  }
  return cell;
}
