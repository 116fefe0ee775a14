import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * ExcelJS, loaded on first use. Reading a workbook seldom needs it (the fast reader reads most files), writing a
 * marked copy or a template always does: the CLI starts without it and the web page reads a dropped file without
 * fetching its chunk.
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => (m as unknown as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return loading;
}
