import type ExcelJS from 'exceljs';
import type { CellValue, GridRect, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';

/**
 * ExcelJS workbook → core snapshot, read the way Office.js reads a used range: a merged area's value only in
 * its top-left cell, formulas as their cached results, errors as their text. A formula saved without a cached
 * result (files written by some generators, never by Excel) reads as its formula text ("=SUM(C8:C10)"), so the
 * reader can say so instead of taking the cell for blank.
 */
export function snapshotFromExcelJS(workbook: ExcelJS.Workbook, source?: string): WorkbookSnapshot {
  return { source, sheets: workbook.worksheets.map(sheetSnapshot) };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  // Collected row by row (ExcelJS visits rows, then cells, in ascending order), laid out once the used range's
  // left edge is known.
  const rows: Array<{ row: number; cols: number[]; values: CellValue[]; formats: string[] }> = [];
  let left = Number.POSITIVE_INFINITY;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let entry: (typeof rows)[number] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = cellValue(cell);
      if (value === null || value === '') return;
      if (!entry) {
        entry = { row: rowNumber - 1, cols: [], values: [], formats: [] };
        rows.push(entry);
      }
      entry.cols.push(colNumber - 1);
      entry.values.push(value);
      entry.formats.push(cell.numFmt || '');
      if (colNumber - 1 < left) left = colNumber - 1;
    });
  });
  const top = rows.length ? rows[0].row : 0;
  const snapshot: SheetSnapshot = {
    name: ws.name,
    origin: { row: top, col: Number.isFinite(left) ? left : 0 },
    values: [],
    numberFormats: [],
    merges: readMerges(ws),
    visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
  };
  if (rows.length === 0) return snapshot;
  // Rows stay sparse and each row only as long as its last cell: a stray cell at XFD1048576 must cost neither
  // a million rows nor sixteen thousand columns in every row.
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (const entry of rows) {
    const width = entry.cols[entry.cols.length - 1] - left + 1;
    const line = new Array<CellValue>(width).fill(null);
    const fmt = new Array<string>(width).fill('');
    for (let i = 0; i < entry.cols.length; i++) {
      line[entry.cols[i] - left] = entry.values[i];
      fmt[entry.cols[i] - left] = entry.formats[i];
    }
    values[entry.row - top] = line;
    formats[entry.row - top] = fmt;
  }
  values.length = rows[rows.length - 1].row - top + 1;
  snapshot.values = values;
  snapshot.numberFormats = formats;
  return snapshot;
}

function readMerges(ws: ExcelJS.Worksheet): GridRect[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: GridLike } & GridLike> })._merges ?? {};
  return Object.values(internal).map((m) => {
    const g = m.model ?? m;
    return { top: g.top - 1, left: g.left - 1, bottom: g.bottom - 1, right: g.right - 1 };
  });
}

interface GridLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell's value; a formula without a cached result reads as "=" + its formula (shared formulas translated). */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const value = cell.value;
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  const v = value as unknown as Record<string, unknown>;
  if (('formula' in v || 'sharedFormula' in v) && v.result === undefined) {
    let formula: unknown;
    try {
      formula = cell.formula;
    } catch {
      formula = undefined;
    }
    const text = String(formula || v.formula || v.sharedFormula || '').replace(/^=/, '');
    return text ? `=${text}` : null;
  }
  return plainValue(value);
}

export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('error' in v) return String(v.error);
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p: { text?: string }) => p.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result as ExcelJS.CellValue | undefined;
      return result === undefined ? null : plainValue(result);
    }
    if ('text' in v) return plainValue(v.text as ExcelJS.CellValue);
    if ('hyperlink' in v) return String(v.hyperlink);
  }
  return String(value);
}
