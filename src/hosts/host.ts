/**
 * The host port: what every host (the Office.js gateway inside Excel, the file host for an .xlsx, test
 * fakes) offers the task pane. The core never sees a host; the pane talks to the core and to one host.
 *
 * Every operation resolves, never rejects: a failure caused by the environment (the user is typing in a
 * cell, a sheet is protected, the Excel version is too old) comes back as `{ ok: false, error }` with a
 * message in Chinese that the pane can show as it is.
 */
import type { Finding } from '../core/findings/finding';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostFailure };

export interface HostFailure {
  /** The Office error code ("InvalidOperationInCellEditMode", "ItemNotFound", …) or a host code ("NotInExcel"). */
  code: string;
  /** For the user, in Chinese. */
  message: string;
  /** For a bug report: the original message and where it failed. */
  detail?: string;
}

export interface SkippedSheet {
  sheet: string;
  /** protected: never unprotected by the add-in; missing: renamed or deleted since the check. */
  reason: 'protected' | 'missing';
  /** The cells that were not marked there, "Sheet!A1". */
  cells: string[];
}

export interface MarkResult {
  /** Every cell now coloured, "Sheet!A1", in sheet order then row order. */
  marked: string[];
  skipped: SkippedSheet[];
  /** Conditional formats added. */
  formats: number;
  /** The add-in's earlier marks removed first (a new check replaces the old marks). */
  removed: number;
  /** Cell references in findings that could not be read as A1 addresses. */
  unresolved: string[];
}

export type NarrativeResult =
  | { written: true; sheet: string; created: boolean; rows: number }
  /** A sheet of that name exists, holds content and was not written by the add-in: left untouched. */
  | { written: false; sheet: string; message: string };

export type SheetValues = ReadonlyArray<ReadonlyArray<string | number | null>>;

export type SheetWriteResult =
  | { written: true; sheet: string; created: boolean; cells: number }
  /** The target cells already hold content: nothing was written; conflicts lists them ("Sheet!A1"). */
  | { written: false; sheet: string; conflicts: string[]; message: string };

export const NARRATIVE_SHEET = '情况说明';

export interface WorkbookHost {
  /** Every sheet's used range as plain data. */
  readSnapshot(): Promise<HostResult<WorkbookSnapshot>>;
  /** Colours the cells of the findings by severity, replacing the add-in's earlier marks. Protected sheets are skipped. */
  applyMarks(findings: readonly Finding[]): Promise<HostResult<MarkResult>>;
  /** Removes exactly the marks the add-in added; resolves to how many were removed. */
  clearMarks(): Promise<HostResult<number>>;
  /** Shows a cell ("Sheet!A1" or "Sheet!A1:B2") to the user: activates its sheet and selects it. */
  selectCell(ref: string): Promise<HostResult<void>>;
  /** Writes one paragraph per row in column A of the narrative sheet, creating it or updating it in place. */
  writeNarrativeSheet(paragraphs: readonly string[], sheetName?: string): Promise<HostResult<NarrativeResult>>;
  /**
   * Writes a block of values from A1 (null = leave the cell alone), creating the sheet if needed; refuses to
   * overwrite any non-empty cell of an existing sheet and reports those cells instead.
   */
  writeSheetValues(sheetName: string, values: SheetValues): Promise<HostResult<SheetWriteResult>>;
  /** Small add-in state kept in the workbook (JSON text); null when never saved. */
  loadState(key: string): Promise<HostResult<string | null>>;
  saveState(key: string, json: string): Promise<HostResult<void>>;
}

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

export function failed<T = never>(error: HostFailure): HostResult<T> {
  return { ok: false, error };
}
