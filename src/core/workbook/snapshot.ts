/**
 * A workbook as plain data: what every host (Office.js, ExcelJS file, test fake) hands to the core.
 * Shaped after Office.js `getUsedRange(true)`: a rectangle of values anchored at an origin, where a merged
 * area reads as its top-left value and "" elsewhere, and an Excel error reads as its text ("#REF!").
 */
export type CellValue = string | number | boolean | null;

/** A rectangle on a sheet, 0-based and inclusive. */
export interface GridRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  /** The sheet name exactly as in the workbook. */
  name: string;
  /** 0-based row and column of values[0][0] on the sheet (the used range's top-left). */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Same shape as values, when the host could read them. */
  numberFormats?: string[][];
  /** Merged areas in absolute sheet coordinates, when the host could read them. */
  merges?: GridRect[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  protected?: boolean;
}

export interface WorkbookSnapshot {
  /** A name for reports: the file name, or the workbook's name inside Excel. */
  source?: string;
  sheets: SheetSnapshot[];
}
