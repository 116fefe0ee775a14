import type ExcelJS from 'exceljs';
import type { CellValue, GridRect, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { layoutSheet, type RowCells } from './sheet-layout';

/**
 * ExcelJS workbook → core snapshot, read the way Office.js reads a used range: a merged area's value only in
 * its top-left cell, formulas as their cached results, errors as their text. A formula saved without a cached
 * result (files written by some generators, never by Excel) reads as its formula text ("=SUM(C8:C10)"), so the
 * reader can say so instead of taking the cell for blank. The fast reader (xlsx/read-xlsx.ts) reads the same.
 */
export function snapshotFromExcelJS(workbook: ExcelJS.Workbook, source?: string): WorkbookSnapshot {
  return { source, sheets: workbook.worksheets.map(sheetSnapshot) };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  // Collected row by row (ExcelJS visits rows, then cells, in ascending order).
  const rows: RowCells[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let entry: RowCells | undefined;
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
    });
  });
  return layoutSheet(
    {
      name: ws.name,
      merges: readMerges(ws),
      visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    },
    rows,
  );
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

/** ExcelJS's ValueType.Formula (lib/doc/enums.js); this module imports ExcelJS's types only. */
const FORMULA = 6;

/**
 * A cell's value; a formula reads as its cached result (0 and FALSE included: `cell.value` drops falsy results,
 * `cell.result` keeps them), and without one as "=" + its formula (shared formulas translated).
 */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const value = cell.value;
  if ((cell.type as number) !== FORMULA) return plainValue(value);
  const result = cell.result as ExcelJS.CellValue | undefined;
  if (result !== undefined) return plainValue(result);
  const v = (value ?? {}) as unknown as Record<string, unknown>;
  let formula: unknown;
  try {
    formula = cell.formula;
  } catch {
    formula = undefined;
  }
  const text = String(formula || v.formula || v.sharedFormula || '').replace(/^=/, '');
  return text ? `=${text}` : null;
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
