/**
 * The pane's one state, and which buttons it enables: a pure function of the state and of what the host
 * can do, the same in Excel and in the standalone page (no DOM here: unit-tested in node).
 */
import type { narrateSnapshot } from '../core/narrative';
import type { WorkbookFacts } from '../core/tables/facts';
import type { Report } from '../core/report';
import type { TablesModel } from '../core/tables/model';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import type { ExplanationRecord } from '../core/explain/explanation';
import type { Finding, Severity } from '../core/findings/finding';
import { isReviewFinding } from '../core/review/schema';
import type { ReviewOutcome } from './review-panel';
import type { SummaryNote } from './summary-view';

export const ACTIONS = [
  'check',
  'clear',
  'narrate',
  'write-narrative',
  'copy',
  'create-template',
  'download-marked',
  'download-narrative-txt',
  'download-narrative-docx',
  'download-template',
  'review',
  'review-sheet',
  'write-results',
  'download-reviewed',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Narrated = ReturnType<typeof narrateSnapshot>;

/** What a host offers besides reading a workbook; the two modes differ only in these. */
export interface HostCapabilities {
  /** The workbook is open already (Excel): every action reads it. Otherwise one is chosen first (files). */
  workbookOpen: boolean;
  /** Marks findings in the workbook and removes the marks (清除标记). */
  marks: boolean;
  /** Writes sheets into the workbook: 情况说明 (写入说明表), 说明数据 (说明数据模板). */
  writesSheets: boolean;
  /** Offers files to download: a marked copy, the narrative as .txt/.docx, a copy with the 说明数据 sheet. */
  downloads: boolean;
}

/** One workbook's results: the open workbook in Excel, or one chosen file. */
export interface WorkbookView {
  /** The file name (standalone); empty for the workbook open in Excel. */
  name: string;
  /** The file's bytes (standalone: for the marked copy and the template copy). */
  bytes?: Uint8Array;
  /** What was read (absent when the file could not be read: the report says why). */
  snapshot?: WorkbookSnapshot;
  /** What reading the file found wrong besides the check (standalone: kept for every re-check of the file). */
  readFindings?: Finding[];
  report?: Report;
  model?: TablesModel;
  /** Every explanation in the workbook's 审核说明 sheet (those whose finding is gone too: a write keeps them). */
  explanations?: ExplanationRecord[];
  /** What the workbook states about itself (the best-attested department name, the year). */
  facts?: WorkbookFacts;
  unit: string;
  year: string;
  narrative?: Narrated;
  review?: ReviewOutcome;
  /** Lines for the summary besides the counts: what was marked, protected sheets, … */
  notes: SummaryNote[];
  elapsedMs?: number;
}

export interface PaneState {
  /** An action runs: every button waits. */
  busy: boolean;
  workbooks: WorkbookView[];
  /** Index of the workbook shown, -1 before any. */
  current: number;
  /** The user just asked for the narrative: the next render scrolls it into view. */
  revealNarrative: boolean;
}

export function initialState(): PaneState {
  return { busy: false, workbooks: [], current: -1, revealNarrative: false };
}

export function currentWorkbook(state: PaneState): WorkbookView | undefined {
  return state.workbooks[state.current];
}

/** A workbook the actions can work on: the open one, or a chosen file that could be read. */
export function workbookReady(state: PaneState, caps: HostCapabilities): boolean {
  return caps.workbookOpen || Boolean(currentWorkbook(state)?.snapshot);
}

/** Which buttons are enabled. Nothing while an action runs; the rest follows from the state and the host. */
export function enabledActions(state: PaneState, caps: HostCapabilities): Record<Action, boolean> {
  const ready = !state.busy && workbookReady(state, caps);
  const idle = !state.busy;
  const download = ready && caps.downloads;
  return {
    check: idle,
    clear: idle && caps.marks,
    narrate: ready,
    'write-narrative': ready && caps.writesSheets,
    copy: idle && Boolean(currentWorkbook(state)?.narrative),
    'create-template': ready && caps.writesSheets,
    'download-marked': download,
    'download-narrative-txt': download,
    'download-narrative-docx': download,
    'download-template': download,
    review: ready,
    // The workbook's own 情况说明 sheet: only where the workbook is open.
    'review-sheet': ready && caps.workbookOpen,
    // 审核结果: a sheet of the open workbook (Excel), or a copy of the chosen file to download (page).
    'write-results': ready && caps.writesSheets,
    'download-reviewed': download,
  };
}

/** The severity filter above the findings list. */
export type SeverityFilter = 'all' | Severity;

/**
 * What the summary, the filter and the step counter count, defined once so that they agree:
 * - `listed`: the findings the filter shows: every finding of that severity (all of them for 全部), those folded
 *   into a line (尾数差异, 已说明) too. The summary's count for a severity is the same number, and the filter's
 *   label shows it.
 * - `located`: those of them the stepper (上一条/下一条) visits: with a cell, or (a review finding) a place in the
 *   reviewed text. The others are listed and not stepped, and the counter says how many those are.
 */
export interface FindingCounts {
  listed: number;
  located: number;
}

export function matchesFilter(f: Finding, filter: SeverityFilter): boolean {
  return filter === 'all' || f.severity === filter;
}

/** A finding the stepper can take the user to. */
export function hasPlace(f: Finding): boolean {
  return f.cells.length > 0 || isReviewFinding(f);
}

export function findingCounts(findings: readonly Finding[], filter: SeverityFilter): FindingCounts {
  const listed = findings.filter((f) => matchesFilter(f, filter));
  return { listed: listed.length, located: listed.filter(hasPlace).length };
}

/**
 * Where focus goes when a piece of work ends. Every button waits (is disabled) while work runs, which drops the
 * focus to <body>: a keyboard or screen-reader user would be lost. So the focus goes to what the action
 * produced, where a screen reader reads it out:
 * - 'summary': the result summary's heading (审核结果: the file, the counts) — after a check, a load, a review,
 *   清除标记, 写入审核结果, an explanation saved or removed;
 * - 'narrative': the 情况说明 preview's heading (its status as the description) — after 生成情况说明;
 * - 'return': back to the control the user used (a download, 复制…); the summary when that is gone or waits;
 * - 'keep': work the user did not start (自动重新审核): focus is only put back where it was, if it was lost.
 */
export type FocusTarget = 'summary' | 'narrative' | 'return' | 'keep';

export function focusAfter(action: Action | 'load' | 'explain', caps: HostCapabilities): FocusTarget {
  switch (action) {
    case 'check':
      // In the page 审核 opens the file chooser: nothing is checked yet (the load that follows goes to the summary).
      return caps.workbookOpen ? 'summary' : 'return';
    case 'load':
    case 'clear':
    case 'review':
    case 'review-sheet':
    case 'write-results':
    case 'explain':
      return 'summary';
    case 'narrate':
      return 'narrative';
    default:
      return 'return';
  }
}
