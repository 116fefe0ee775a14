/**
 * Lazily loaded (chunk "explain", through ./explain-actions): the pane's explanation flows, the same in Excel
 * and in the page (they differ only in PaneHost.writeOwnSheets):
 *
 * - 保存说明 / 删除说明 on a warning: read the workbook as it is now, find the finding again (the user may have
 *   typed since the list was shown), record the explanation over the values it covers now, write the 审核说明
 *   sheet (Excel: into the workbook; page: into the page's copy of the file), and check again — the finding
 *   then shows 已说明 and its mark turns pale. A 审核结果 sheet of ours already in the workbook is brought up to
 *   date. An error is never offered the form; should one arrive here all the same, it is refused.
 * - 写入审核结果 (Excel): check afresh, then write the 审核结果 sheet.
 * - 下载审核副本 (page): a copy of the file with its 审核说明 and a 审核结果 sheet, downloaded.
 */
import {
  type ExplanationRecord,
  RESULTS_SHEET,
  checkExplanationText,
  checkTime,
  explainable,
  explanationRecord,
  explanationSheet,
  findingKey,
  ownSheetKind,
  removeExplanation,
  resultsSheet,
  sameSheetName,
  today,
  upsertExplanation,
} from '../core/explain';
import type { Finding } from '../core/findings/finding';
import { checkSnapshot } from '../core/report';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { checkWorkbook } from './flows';
import type { Pane } from './pane';
import type { Written } from './pane-host';
import { withReview } from './review-panel';
import { E } from './explain-strings';
import { S } from './strings';

export { toggleForm } from './explain-form';

/** What was written, in words. */
function said(written: Extract<Written, { ok: true }>, page: boolean): string {
  return written.sheets
    .map((s) => (s.kind === 'results' ? E.resultsWritten(s.sheet, s.rows, s.created) : page ? E.savedPage : E.saved(s.sheet)))
    .join('');
}

type Change = (records: ExplanationRecord[], found: Finding, snapshot: WorkbookSnapshot) => ExplanationRecord[];

function hasOurResults(snapshot: WorkbookSnapshot | undefined): boolean {
  return Boolean(snapshot?.sheets.some((s) => sameSheetName(s.name, RESULTS_SHEET) && ownSheetKind(s) === 'results'));
}

/** The 审核结果 sheet for what the pane shows now (the review's findings included). */
function currentResults(pane: Pane) {
  const view = pane.current!;
  const report = withReview(view.report!, view.review);
  return resultsSheet(report.findings, report.summary, { file: view.name, when: checkTime() });
}

async function changeExplanations(pane: Pane, finding: Finding, change: Change, saving: boolean): Promise<void> {
  const { ui, host } = pane;
  ui.say(host.caps.workbookOpen ? E.working : E.workingPage);
  const read = await host.read(pane.current);
  if (!read.ok) {
    ui.error(read.message);
    return;
  }
  const checked = checkSnapshot(read.snapshot, pane.current?.name || undefined, { readFindings: read.findings });
  const key = findingKey(finding);
  const found = checked.report.findings.find((f) => f.rule === finding.rule && findingKey(f) === key);
  if (!found) {
    ui.error(E.gone);
    return;
  }
  if (saving) {
    const allowed = explainable(found);
    if (!allowed.ok) {
      ui.error(allowed.message);
      return;
    }
  }
  const written = await host.writeOwnSheets([explanationSheet(change(checked.explanations, found, read.snapshot))], pane.current);
  if (!written.ok) {
    ui.error(written.message);
    return;
  }
  if (written.patch) pane.patchCurrent(written.patch);
  if (!(await checkWorkbook(pane))) return;
  let message = saving ? said(written, !host.caps.workbookOpen) : E.removed;
  if (host.caps.workbookOpen && hasOurResults(pane.current?.snapshot)) {
    const results = await host.writeOwnSheets([currentResults(pane)], pane.current);
    if (!results.ok) {
      ui.error(results.message);
      return;
    }
    message += E.resultsRefreshed;
  }
  ui.say(message);
}

export async function saveExplanation(pane: Pane, finding: Finding, text: string): Promise<void> {
  const checked = checkExplanationText(text);
  if (!checked.ok) {
    pane.ui.error(checked.message);
    return;
  }
  await changeExplanations(pane, finding, (records, found, snapshot) => upsertExplanation(records, explanationRecord(found, checked.text, snapshot, today())), true);
}

export async function removeExplanationOf(pane: Pane, finding: Finding): Promise<void> {
  await changeExplanations(pane, finding, (records, found) => removeExplanation(records, found), false);
}

/** 写入审核结果 (Excel): a fresh check (the marks too), then the sheet. */
export async function writeResults(pane: Pane): Promise<void> {
  const { ui, host } = pane;
  ui.say(S.working.check);
  if (!(await checkWorkbook(pane))) return;
  ui.say(E.resultsWorking);
  const written = await host.writeOwnSheets([currentResults(pane)], pane.current);
  if (written.ok) ui.say(said(written, false));
  else ui.error(written.message);
}

/** 下载审核副本 (page): the shown file with its 审核说明 and a 审核结果 sheet. */
export async function downloadReviewed(pane: Pane): Promise<void> {
  const { ui, host } = pane;
  const view = pane.current;
  if (!view?.snapshot || !view.report || !host.downloadReviewed) {
    ui.say(S.noFile);
    return;
  }
  ui.say(E.resultsWorking);
  const done = await host.downloadReviewed(view, [currentResults(pane)]);
  if (done.ok) ui.say(E.reviewedDownloaded(done.name));
  else ui.error(done.message);
}

