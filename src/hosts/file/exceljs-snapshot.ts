import type ExcelJS from 'exceljs';
import type { CellValue, GridRect, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';

/**
 * ExcelJS workbook → core snapshot, read the way Office.js reads a used range: a merged area's value only in
 * its top-left cell, formulas as their cached results, errors as their text.
 */
export function snapshotFromExcelJS(workbook: ExcelJS.Workbook, source?: string): WorkbookSnapshot {
  return { source, sheets: workbook.worksheets.map(sheetSnapshot) };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: Array<{ row: number; col: number; value: CellValue; numFmt?: string }> = [];
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const value = plainValue(cell.value);
      if (value === null || value === '') return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ row: r, col: c, value, numFmt: cell.numFmt || undefined });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  const merges = readMerges(ws);
  const snapshot: SheetSnapshot = {
    name: ws.name,
    origin: { row: Number.isFinite(top) ? top : 0, col: Number.isFinite(left) ? left : 0 },
    values: [],
    numberFormats: [],
    merges,
    visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
  };
  if (cells.length === 0) return snapshot;
  const width = right - left + 1;
  // Rows stay sparse: a stray cell at row 1,048,576 must not cost a million dense rows.
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (const cell of cells) {
    const r = cell.row - top;
    if (!values[r]) {
      values[r] = new Array<CellValue>(width).fill(null);
      formats[r] = new Array<string>(width).fill('');
    }
    values[r][cell.col - left] = cell.value;
    formats[r][cell.col - left] = cell.numFmt ?? '';
  }
  values.length = bottom - top + 1;
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
