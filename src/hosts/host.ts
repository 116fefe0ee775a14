/**
 * The host port: what every host (the Office.js gateway inside Excel, the file host for an .xlsx, test
 * fakes) offers the task pane. The core never sees a host; the pane talks to the core and to one host.
 *
 * Every operation resolves, never rejects: a failure caused by the environment (the user is typing in a
 * cell, a sheet is protected, the Excel version is too old) comes back as `{ ok: false, error }` with a
 * message in Chinese that the pane can show as it is.
 */
import type { Finding } from '../core/findings/finding';
import type { OwnSheet } from '../core/explain/own-sheets';
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
  /** The add-in's earlier marks removed (those the new findings no longer want). */
  removed: number;
  /** The add-in's earlier marks left in place because the new findings want exactly them (nothing written). */
  kept: number;
  /** Cell references in findings that could not be read as A1 addresses. */
  unresolved: string[];
}

export type NarrativeResult =
  /** rows: rows written; split: paragraphs written over several rows (too tall for one row). */
  | { written: true; sheet: string; created: boolean; rows: number; paragraphs: number; split: number }
  /** A sheet of that name exists, holds content and was not written by the add-in: left untouched. */
  | { written: false; sheet: string; message: string };

export type SheetValues = ReadonlyArray<ReadonlyArray<string | number | null>>;

export type SheetWriteResult =
  | { written: true; sheet: string; created: boolean; cells: number }
  /** The target cells already hold content: nothing was written; conflicts lists them ("Sheet!A1"). */
  | { written: false; sheet: string; conflicts: string[]; message: string };

export type OwnSheetResult =
  /** rows: rows below the headers; links: cells given an internal hyperlink (none below ExcelApi 1.7). */
  | { written: true; sheet: string; created: boolean; rows: number; links: number }
  /** A sheet of that name is not the add-in's (or is protected): left untouched. */
  | { written: false; sheet: string; message: string };

/** The changed cells of one sheet in a burst of edits. */
export interface SheetChanges {
  /** The sheet's name when the burst was reported (its id when the name could not be read). */
  sheet: string;
  /** The worksheet id (survives renames). */
  sheetId: string;
  /** Changed areas on that sheet ("B7", "C9:C12"), each once, in the order they changed. */
  addresses: string[];
  /** Some of these changes came from a co-author (event source "Remote"). */
  remote: boolean;
}

/** One debounced burst of edits: what the live re-check is told. */
export interface WorkbookChanges {
  /** Changed sheets in workbook order (sheets deleted since come last). */
  sheets: SheetChanges[];
  /** Every changed area as "Sheet!A1" / "Sheet!A1:B2", the cell-reference form used everywhere else. */
  refs: string[];
  /** Change events gathered into this burst. */
  events: number;
  /** Some of the changes came from a co-author. */
  remote: boolean;
}

/** Time and timers, as the live re-check uses them; tests pass a fake one so that no test waits in real time. */
export interface WatchClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WatchChangesOptions {
  /** Quiet time after the last edit before the callback runs. Default 1500 ms. */
  debounceMs?: number;
  /** Longest a burst of continuous edits is held back, counted from its first edit. Default 10000 ms. */
  maxWaitMs?: number;
  /**
   * Re-check after a co-author's edits too (source "Remote"). Default true: their edits change the numbers
   * the findings are about just as much as the user's own.
   */
  includeRemote?: boolean;
  /** Sheets whose edits never call back (names, case-insensitive). Default none. */
  ignoreSheets?: readonly string[];
  /**
   * Hosts without ExcelApi 1.14 (no triggerSource): how long after one of the add-in's own writes ends a
   * change on a sheet it wrote still counts as the add-in's own. Default 1000 ms.
   */
  writeGraceMs?: number;
  /** A callback that threw or rejected (the watch goes on). */
  onError?: (failure: HostFailure) => void;
  /** The clock the debounce runs on. Default the real one (Date.now, setTimeout, clearTimeout). */
  clock?: WatchClock;
}

export interface ChangeWatch {
  /** workbook: every sheet, also ones added later (ExcelApi 1.9). sheets: only the sheets that existed when watching began (ExcelApi 1.7–1.8). */
  readonly scope: 'workbook' | 'sheets';
  /** How the add-in's own writes are told apart: triggerSource (ExcelApi 1.14) or a window around each write. */
  readonly ownWrites: 'triggerSource' | 'writeWindow';
  /** A limitation to show the user (Chinese), when there is one. */
  readonly note?: string;
  /** False after stop(). */
  readonly active: boolean;
  /** Counters, for diagnostics: events received, ignored as the add-in's own, callbacks made. */
  readonly stats: { readonly events: number; readonly ownWrites: number; readonly ignored: number; readonly callbacks: number };
  /** Stops for good: no callback after this is called; the handlers are removed. Resolves, never rejects. */
  stop(): Promise<HostResult<void>>;
}

/**
 * What the add-in's writes do to the user's undo list (Ctrl+Z): 'grouped' — one undo step per action
 * (ExcelApi 1.20, Excel.run { mergeUndoGroup }); 'steps' — undoable, one step per write (ExcelApi 1.19);
 * 'clears' — every write empties the user's undo list (older Excel: Office 2016–2024, older Microsoft 365).
 */
export type UndoBehaviour = 'grouped' | 'steps' | 'clears';

/** What the live re-check runs; return its promise so that bursts during a re-check wait for it. */
export type ChangeCallback = (changes: WorkbookChanges) => void | Promise<unknown>;

export interface WorkbookHost {
  /** Every sheet's used range as plain data. */
  readSnapshot(): Promise<HostResult<WorkbookSnapshot>>;
  /** Colours the cells of the findings by severity, replacing the add-in's earlier marks. Protected sheets are skipped. */
  applyMarks(findings: readonly Finding[]): Promise<HostResult<MarkResult>>;
  /** Removes exactly the marks the add-in added; resolves to how many were removed. */
  clearMarks(): Promise<HostResult<number>>;
  /** Shows a cell ("Sheet!A1" or "Sheet!A1:B2") to the user: activates its sheet and selects it. */
  selectCell(ref: string): Promise<HostResult<void>>;
  /**
   * Writes the paragraphs in column A of the narrative sheet, one per row (a paragraph too tall for one row
   * over several), creating the sheet or updating it in place; never over a sheet of that name it did not write.
   */
  writeNarrativeSheet(paragraphs: readonly string[], sheetName?: string): Promise<HostResult<NarrativeResult>>;
  /**
   * Writes a block of values from A1 (null = leave the cell alone), creating the sheet if needed; refuses to
   * overwrite any non-empty cell of an existing sheet and reports those cells instead.
   */
  writeSheetValues(sheetName: string, values: SheetValues): Promise<HostResult<SheetWriteResult>>;
  /**
   * Writes one of the add-in's own sheets (审核说明, 审核结果: src/core/explain) whole: created last, or replacing
   * the content of the add-in's sheet of that name in place (never deleted and added again). A sheet of that
   * name that is not the add-in's (its A1 does not say so) and holds anything is left alone and reported.
   */
  writeOwnSheet(sheet: OwnSheet): Promise<HostResult<OwnSheetResult>>;
  /** Small add-in state kept in the workbook (JSON text); null when never saved. */
  loadState(key: string): Promise<HostResult<string | null>>;
  saveState(key: string, json: string): Promise<HostResult<void>>;
  /**
   * Optional live re-check (hosts that can watch the workbook): calls back once per burst of edits, never for
   * the add-in's own writes. Resolves to a failure, never rejects, where the host cannot watch.
   */
  watchChanges?(onChange: ChangeCallback, options?: WatchChangesOptions): Promise<HostResult<ChangeWatch>>;
  /** Hosts that write into the open workbook: what their writes do to the user's undo list. */
  undoBehaviour?(): UndoBehaviour;
}

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

export function failed<T = never>(error: HostFailure): HostResult<T> {
  return { ok: false, error };
}
