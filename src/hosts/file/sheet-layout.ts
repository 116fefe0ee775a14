import type { CellValue, GridRect, SheetSnapshot } from '../../core/workbook/snapshot';

/** One row's non-empty cells (neither null nor ""), columns ascending; row and columns 0-based. */
export interface RowCells {
  row: number;
  cols: number[];
  values: CellValue[];
  formats: string[];
}

export interface SheetFacts {
  name: string;
  merges: GridRect[];
  visibility: NonNullable<SheetSnapshot['visibility']>;
  protected: boolean;
}

/**
 * A sheet's non-empty cells (rows ascending) → its snapshot, laid out as Office.js reads a used range: values[0][0]
 * is the top-left of the cells' bounding box. Shared by both file readers (ExcelJS and the fast reader), so both
 * lay out alike.
 */
export function layoutSheet(facts: SheetFacts, rows: RowCells[]): SheetSnapshot {
  let left = Number.POSITIVE_INFINITY;
  for (const entry of rows) if (entry.cols[0] < left) left = entry.cols[0];
  const top = rows.length ? rows[0].row : 0;
  const snapshot: SheetSnapshot = {
    name: facts.name,
    origin: { row: top, col: Number.isFinite(left) ? left : 0 },
    values: [],
    numberFormats: [],
    merges: facts.merges,
    visibility: facts.visibility,
    protected: facts.protected,
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
