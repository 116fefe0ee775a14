/**
 * What the pane needs from where the workbook lives: Excel (the open workbook, through the Office gateway)
 * or the standalone page (files chosen in the browser, read with ExcelJS). The flows (./flows) are written
 * once against this; a mode is a PaneHost and nothing else.
 *
 * Every method resolves, never rejects, and says what happened in Chinese.
 */
import type { WorkbookFacts } from '../core/tables/facts';
import type { Finding } from '../core/findings/finding';
import type { OwnSheet, OwnSheetKind } from '../core/explain/own-sheets';
import type { NarrativeFormat } from '../core/supplement';
import type { TablesModel } from '../core/tables/model';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import type { HostCapabilities, Narrated, WorkbookView } from './pane-state';
import type { SummaryNote } from './summary-view';

/** A result for the user: a message for the status line, or an error for the alert. */
export type Said = { ok: true; message: string } | { ok: false; message: string };

/**
 * Our sheets written: which, and for the page the view's new file (bytes, snapshot) once they are in its copy.
 * The flows (./explain-flows) say it in words.
 */
export type Written =
  | { ok: true; sheets: Array<{ sheet: string; kind: OwnSheetKind; created: boolean; rows: number }>; patch?: Partial<WorkbookView> }
  | { ok: false; message: string };

export type ReadResult =
  | {
      ok: true;
      snapshot: WorkbookSnapshot;
      /** What reading the file found wrong besides the check (the file reader's own findings). */
      findings: Finding[];
    }
  | { ok: false; message: string };

export interface PaneHost {
  readonly caps: HostCapabilities;
  /**
   * The workbook to work on, as it is now: Excel reads the open workbook afresh (the user may have typed
   * since); the page hands back the shown file's snapshot.
   */
  read(current: WorkbookView | undefined): Promise<ReadResult>;
  /** The page: let the user choose workbooks (inside the click: browsers open a picker only there). */
  chooseFiles?(): void;
  /** Marks the findings' cells in the workbook (Excel): what the summary says about it, and an error if it failed. */
  mark?(findings: readonly Finding[]): Promise<{ notes: SummaryNote[]; error?: string }>;
  clearMarks?(): Promise<Said>;
  /** Writes the paragraphs into the workbook's 情况说明 sheet (Excel). */
  writeNarrative?(paragraphs: readonly string[]): Promise<Said>;
  /** The 说明数据 template: a sheet in the open workbook (Excel), or a copy of the file to download (page). */
  template(model: TablesModel, format: NarrativeFormat, current: WorkbookView | undefined, facts?: WorkbookFacts): Promise<Said>;
  /**
   * Writes the add-in's own sheets (审核说明, 审核结果): into the open workbook (Excel), or into the page's copy of
   * the chosen file — its bytes and snapshot change (the patch), the file on disk never; it is downloaded with
   * downloadReviewed.
   */
  writeOwnSheets(sheets: readonly OwnSheet[], current: WorkbookView | undefined): Promise<Written>;
  /** The page: a copy of the file (with its 审核说明) with these sheets added, downloaded under the name given back. */
  downloadReviewed?(current: WorkbookView, sheets: readonly OwnSheet[]): Promise<{ ok: true; name: string } | { ok: false; message: string }>;
  /** The page: a copy of the file with the findings' cells filled. */
  downloadMarked?(current: WorkbookView): Promise<Said>;
  /** The page: the narrative as a file. */
  downloadNarrative?(current: WorkbookView, narrative: Narrated, kind: 'txt' | 'docx'): Promise<Said>;
  /** The user picked a finding: go to its cell (Excel) or show it (page). */
  goTo(finding: Finding, element: HTMLElement, current: WorkbookView | undefined): void;
  /** Another workbook is about to be shown (the page: the cell preview goes). */
  leaving?(): void;
}
