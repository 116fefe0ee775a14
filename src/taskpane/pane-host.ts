/**
 * What the pane needs from where the workbook lives: Excel (the open workbook, through the Office gateway)
 * or the standalone page (files chosen in the browser, read with ExcelJS). The flows (./flows) are written
 * once against this; a mode is a PaneHost and nothing else.
 *
 * Every method resolves, never rejects, and says what happened in Chinese.
 */
import type { WorkbookFacts } from '../core/tables/facts';
import type { Finding } from '../core/findings/finding';
import type { NarrativeFormat } from '../core/supplement';
import type { TablesModel } from '../core/tables/model';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import type { HostCapabilities, Narrated, WorkbookView } from './pane-state';
import type { SummaryNote } from './summary-view';

/** A result for the user: a message for the status line, or an error for the alert. */
export type Said = { ok: true; message: string } | { ok: false; message: string };

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
  /** The page: a copy of the file with the findings' cells filled. */
  downloadMarked?(current: WorkbookView): Promise<Said>;
  /** The page: the narrative as a file. */
  downloadNarrative?(current: WorkbookView, narrative: Narrated, kind: 'txt' | 'docx'): Promise<Said>;
  /** The user picked a finding: go to its cell (Excel) or show it (page). */
  goTo(finding: Finding, element: HTMLElement, current: WorkbookView | undefined): void;
  /** Another workbook is about to be shown (the page: the cell preview goes). */
  leaving?(): void;
}
