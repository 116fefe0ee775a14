/**
 * The add-in's own two sheets in a workbook: 审核说明 (the unit's explanations of warnings) and 审核结果 (the
 * review trail, one row per finding). They are visible and readable without the add-in (a reviewer opens the
 * file and reads them), they are replaced whole by every write, and they are never read as 决算 tables.
 *
 * A sheet is ours by its first cell (A1), which names it and the add-in: the title survives a save in any
 * host, a rename of the sheet, a copy of the file. A sheet that merely has one of our names is the user's and
 * is never written over.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';

export const EXPLANATION_SHEET = '审核说明';
export const RESULTS_SHEET = '审核结果';
/** Where the add-in writes the generated 情况说明 and where the reviewer looks for one (a user's sheet: read as text). */
export const NARRATIVE_SHEET = '情况说明';

/**
 * A1 of each sheet. Neither holds “表” nor a table's title words, so the reader's title search
 * (src/core/read/locate.ts: a cell holding 表 that reads like 收入支出决算总表 …) never stops at them.
 */
export const EXPLANATION_TITLE = '审核说明（决算审核助手）';
export const RESULTS_TITLE = '审核结果（决算审核助手）';

export type OwnSheetKind = 'explanations' | 'results';

const TITLES: Record<OwnSheetKind, string> = { explanations: EXPLANATION_TITLE, results: RESULTS_TITLE };
export const OWN_SHEET_NAMES: Record<OwnSheetKind, string> = { explanations: EXPLANATION_SHEET, results: RESULTS_SHEET };

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The value in A1 of a sheet as read (the snapshot's used range may start elsewhere). */
export function firstCell(sheet: SheetSnapshot): CellValue {
  if (sheet.origin.row !== 0 || sheet.origin.col !== 0) return null;
  return sheet.values[0]?.[0] ?? null;
}

/** Which of our sheets this is, by its A1 (whatever the sheet is called now); undefined for any other sheet. */
export function ownSheetKind(sheet: SheetSnapshot): OwnSheetKind | undefined {
  return ownKindOfTitle(firstCell(sheet));
}

export function ownKindOfTitle(value: unknown): OwnSheetKind | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return (Object.keys(TITLES) as OwnSheetKind[]).find((k) => text === TITLES[k]);
}

/** What our copies add to a file's name: “X.xlsx” → “X.已说明.xlsx”. */
export const EXPLAINED_SUFFIX = '.已说明';

/**
 * The workbook as the reader must see it: every sheet but ours, and the file's name without the suffix our
 * copies carry. The reader finds tables, the department's name and the year in any sheet and in the file name;
 * our sheets repeat findings' messages and the unit's own words, and “已说明” is our word, not the unit's
 * name — none of it may count as a table or a witness.
 */
export function readerSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const ours = snapshot.sheets.some((s) => ownSheetKind(s));
  const source = snapshot.source?.replace(/\.已说明(?=\.[^.\\/]+$)/, '');
  if (!ours && source === snapshot.source) return snapshot;
  return { ...snapshot, source, sheets: ours ? snapshot.sheets.filter((s) => !ownSheetKind(s)) : snapshot.sheets };
}

/** One cell of a sheet we write. `link`: an internal hyperlink to "Sheet!A1". */
export interface OwnCell {
  value: string | number | null;
  link?: string;
  /** An amount: shown with two decimals and thousands separators. */
  amount?: boolean;
}

/** A whole sheet of ours, as plain data: the file writer and the Office gateway render it. */
export interface OwnSheet {
  kind: OwnSheetKind;
  name: string;
  /** From A1, row by row. */
  rows: OwnCell[][];
  /** Column widths in characters (Excel's unit in the file; the gateway converts to points). */
  widths: number[];
  /** 1-based row of the column headers: it and the rows above stay in view (frozen) where the host can. */
  headerRows: number;
  /** Columns (0-based) whose text wraps. */
  wrap: number[];
}

