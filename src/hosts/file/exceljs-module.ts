import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * ExcelJS, loaded on first use. Reading a workbook seldom needs it (the fast reader reads most files), writing a
 * marked copy or a template always does: the CLI starts without it and the web page reads a dropped file without
 * fetching its chunk.
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('./exceljs-lib.js').then(unwrap);
  return loading;
}

/**
 * The library out of what import() gives: webpack and tsx give exceljs-lib's namespace (ExcelJS as `default`);
 * Node, importing the compiled CommonJS file, gives its exports object as `default` (ExcelJS one level further).
 */
function unwrap(module: unknown): typeof ExcelJS {
  let m = module as { default?: unknown; Workbook?: unknown } | undefined;
  for (let i = 0; i < 3 && m && !m.Workbook; i++) m = m.default as typeof m;
  if (!m?.Workbook) throw new Error('ExcelJS could not be loaded');
  return m as unknown as typeof ExcelJS;
}
