/// <reference types="office-js" />
/**
 * Inside Excel: the pane talks to the workbook only through the host port (OfficeHost). 审核 reads the
 * snapshot, checks it and marks the findings' cells in the same click; a finding click goes to its cell;
 * the narrative is generated from a fresh read (the user may have filled 说明数据 meanwhile) and written
 * to the 情况说明 sheet in place. Never loads ExcelJS.
 *
 * 审核情况说明: the pasted (or .txt/.docx) text, or the workbook's own 情况说明 sheet, reviewed against a fresh
 * read (src/core/review, a lazy chunk); its findings join the list in their own group and are never marked in
 * the workbook (their cells are the tables' figures the text disagrees with, not wrong cells).
 *
 * 自动重新审核 (off by default, remembered in the workbook's settings): host.watchChanges calls back once per
 * burst of the user's edits (never for the add-in's own writes); each burst re-runs read → check → marks, and
 * the review when there is one.
 */
import type { ChangeWatch, MarkResult, WorkbookChanges, WorkbookHost } from '../hosts/host';
import { OfficeHost } from '../hosts/office';
import { checkSnapshot, type Report } from '../core/report';
import { narrateSnapshot } from '../core/narrative';
import { readWorkbook } from '../core/read/read-workbook';
import { buildSupplementTemplate } from '../core/supplement';
import type { TablesModel } from '../core/tables/model';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { byId } from './dom';
import { copyText } from './narrative-view';
import { isReviewFinding, loadReview, reviewNote, withReview, type ReviewOutcome } from './review-panel';
import { S } from './strings';
import type { SummaryNote } from './summary-view';
import type { PaneUi } from './ui';

type Narrated = ReturnType<typeof narrateSnapshot>;
type ReviewChunk = Awaited<ReturnType<typeof loadReview>>;

/** The workbook setting (host.saveState key) that remembers 自动重新审核. */
export const LIVE_STATE_KEY = 'autoRecheck';

export function markNotes(marks: MarkResult): SummaryNote[] {
  const notes: SummaryNote[] = [{ text: S.marked(marks.marked.length) }];
  if (marks.removed) notes.push({ text: S.markReplaced(marks.removed) });
  const protectedSheets = marks.skipped.filter((s) => s.reason === 'protected');
  const missing = marks.skipped.filter((s) => s.reason === 'missing');
  if (protectedSheets.length) notes.push({ tone: 'warn', text: S.skippedProtected(protectedSheets.map((s) => `“${s.sheet}”（${s.cells.length} 个单元格）`).join('、')) });
  if (missing.length) notes.push({ tone: 'warn', text: S.skippedMissing(missing.map((s) => `“${s.sheet}”`).join('、')) });
  if (marks.unresolved.length) notes.push({ tone: 'warn', text: S.unresolved(marks.unresolved.slice(0, 5).join('、')) });
  return notes;
}

/** The review again, on a fresh snapshot: the same text, or the 情况说明 sheet as it is now. */
function rereview(chunk: ReviewChunk, snapshot: WorkbookSnapshot, previous: ReviewOutcome): ReviewOutcome | undefined {
  if (previous.source === 'sheet') {
    const sheet = chunk.narrativeFromSheet(snapshot);
    return sheet ? { ...previous, text: sheet.text, findings: chunk.reviewSnapshot(snapshot) } : undefined;
  }
  return { ...previous, findings: chunk.reviewSnapshot(snapshot, previous.text) };
}

export function startExcelMode(ui: PaneUi, host: WorkbookHost = new OfficeHost()): void {
  let model: TablesModel | undefined;
  let narrative: Narrated | undefined;
  /** The last check, and what its marks said (kept for the summary when a review is added). */
  let report: Report | undefined;
  let markSummary: SummaryNote[] = [];
  let review: ReviewOutcome | undefined;

  // Everything but 复制 works from the start: each action reads what it needs (清除标记 also removes marks
  // left by an earlier session; 生成情况说明 and 说明数据模板 do not need a check first).
  for (const action of ['check', 'clear', 'narrate', 'write-narrative', 'create-template', 'review', 'review-sheet'] as const) ui.enable(action, true);

  ui.onActivate((finding) => {
    // A review finding goes to the table cell its figure was checked against, else to its paragraph in the 情况说明 sheet.
    const ref = finding.cells[0] ?? (isReviewFinding(finding) ? finding.textCell : undefined);
    if (!ref) {
      ui.say(isReviewFinding(finding) ? S.review.shownIn(finding.paragraph + 1) : S.noCells);
      return;
    }
    // Only on a user's click or step: never move the Excel selection otherwise.
    void host.selectCell(ref).then((moved) => {
      if (moved.ok) ui.say(S.wentTo(ref));
      else ui.error(moved.error.message);
    });
  });

  const summaryNotes = (notes: SummaryNote[]) => [...notes, ...reviewNote(review)];

  /** read → check → marks (and the review again, on the same read). False when the read failed (said). */
  const check = async (): Promise<boolean> => {
    const started = performance.now();
    const read = await host.readSnapshot();
    if (!read.ok) {
      ui.error(read.error.message);
      return false;
    }
    const checked = checkSnapshot(read.value);
    model = checked.model;
    report = checked.report;
    if (review) {
      try {
        review = rereview(await loadReview(), read.value, review);
      } catch {
        // The review chunk could not be loaded now: keep the earlier review rather than fail the check.
      }
      ui.review.show(review);
    }
    // Findings first (what the user waits for), then the marks, then the summary says what was marked.
    ui.showReport(withReview(checked.report, review), { elapsedMs: performance.now() - started, notes: summaryNotes([{ text: '正在标记单元格…' }]) });
    const marks = await host.applyMarks(checked.report.findings);
    markSummary = marks.ok ? markNotes(marks.value) : [{ tone: 'warn', text: S.markFailed + marks.error.message }];
    ui.showReportSummary(withReview(checked.report, review), { elapsedMs: performance.now() - started, notes: summaryNotes(markSummary) });
    if (!marks.ok) ui.error(marks.error.message);
    return marks.ok;
  };

  ui.on('check', async () => {
    ui.finishFirstRun();
    ui.say(S.working.check);
    if (await check()) ui.say('');
  });

  ui.on('clear', async () => {
    ui.say(S.working.clear);
    const cleared = await host.clearMarks();
    if (cleared.ok) ui.say(S.cleared(cleared.value));
    else ui.error(cleared.error.message);
  });

  const narrate = async (): Promise<Narrated | undefined> => {
    ui.say(S.working.narrate);
    const read = await host.readSnapshot();
    if (!read.ok) {
      ui.error(read.error.message);
      return undefined;
    }
    narrative = narrateSnapshot(read.value, { format: ui.format() });
    model = narrative.model;
    const placeholders = narrative.findings.filter((f) => f.rule === 'narrative-missing-input').length;
    ui.showNarrative(narrative.document.title, narrative.paragraphs, S.narrativeReady(narrative.paragraphs.length) + (placeholders ? S.narrativePlaceholders(placeholders) : ''), true);
    ui.say('');
    ui.enable('copy', true);
    return narrative;
  };

  ui.on('narrate', async () => {
    await narrate();
  });

  ui.on('write-narrative', async () => {
    const result = narrative && narrative.document.format === ui.format() ? narrative : await narrate();
    if (!result) return;
    ui.say(S.working.write);
    const written = await host.writeNarrativeSheet(result.paragraphs.map((line) => line.text));
    if (!written.ok) ui.error(written.error.message);
    else if (!written.value.written) ui.error(written.value.message);
    else ui.say(S.narrativeWritten(written.value.sheet, written.value.rows, written.value.created));
  });

  ui.on('copy', async () => {
    if (!narrative) {
      ui.say(S.narrativeFirst);
      return;
    }
    ui.say((await copyText(narrative.text, ui.narrativeText)) ? S.copied : S.copyFailed);
  });

  ui.on('create-template', async () => {
    ui.say(S.working.template);
    if (!model) {
      const read = await host.readSnapshot();
      if (!read.ok) {
        ui.error(read.error.message);
        return;
      }
      model = readWorkbook(read.value).model;
    }
    const template = buildSupplementTemplate(model, { format: ui.format() });
    const rows = template.rows.map((row) => row.map((v) => (typeof v === 'boolean' ? String(v) : v)));
    const written = await host.writeSheetValues(template.sheetName, rows);
    if (!written.ok) ui.error(written.error.message);
    else if (!written.value.written) ui.error(written.value.message);
    else ui.say(S.templateWritten(written.value.sheet, written.value.created, written.value.cells));
  });

  // ------------------------------------------------------------------ 审核情况说明

  const runReview = async (source: 'text' | 'sheet'): Promise<void> => {
    const text = ui.review.value();
    if (source === 'text' && !text.trim()) {
      ui.review.say(S.review.empty);
      ui.say(S.review.empty);
      return;
    }
    ui.say(S.review.working);
    let chunk: ReviewChunk;
    try {
      chunk = await loadReview();
    } catch {
      ui.error(S.review.chunkFailed);
      return;
    }
    const read = await host.readSnapshot();
    if (!read.ok) {
      ui.error(read.error.message);
      return;
    }
    if (source === 'sheet') {
      const sheet = chunk.narrativeFromSheet(read.value);
      if (!sheet) {
        ui.review.say(S.review.noSheet);
        ui.error(S.review.noSheet);
        return;
      }
      review = { text: sheet.text, source, label: S.review.sheet, findings: chunk.reviewSnapshot(read.value) };
    } else {
      const file = ui.review.loadedFileName();
      review = { text, source, label: file ? `“${file}”` : S.review.pasted, findings: chunk.reviewSnapshot(read.value, text) };
    }
    if (!report) {
      // No 审核 yet: the tables' own findings are listed too (from the same read), but not marked.
      const checked = checkSnapshot(read.value);
      report = checked.report;
      model = checked.model;
      markSummary = [{ text: S.review.uncheckedTables }];
    }
    ui.review.show(review);
    ui.showReport(withReview(report, review), { notes: summaryNotes(markSummary) });
    ui.review.say(S.review.done(review.label, review.findings.length));
    ui.say('');
    ui.summary.focus();
  };

  ui.on('review', () => runReview('text'));
  ui.on('review-sheet', () => runReview('sheet'));

  ui.review.onFile((file) => {
    void ui.runWhenIdle(async () => {
      if (await ui.loadNarrativeFile(file)) await runReview('text');
    });
  });

  // ------------------------------------------------------------------ 自动重新审核

  const live = byId<HTMLInputElement>('auto-recheck');
  const liveNote = byId('auto-recheck-note');
  let watch: ChangeWatch | undefined;

  const showLiveNote = (text: string | undefined) => {
    liveNote.textContent = text ?? '';
    liveNote.hidden = !text;
  };

  /** One burst of the user's edits: the same read → check → marks as 审核, then says how many changes. */
  const recheck = async (changes: WorkbookChanges) => {
    if (!watch) return; // turned off while the burst was pending
    ui.say(S.working.check);
    if (await check()) ui.say(S.live.rechecked(changes.refs.length) + (changes.remote ? S.live.remote : ''));
  };

  const saveLive = async (on: boolean) => {
    const saved = await host.saveState(LIVE_STATE_KEY, JSON.stringify({ on }));
    if (!saved.ok) showLiveNote(S.live.stateFailed + saved.error.message);
  };

  /** Starts or stops the watch to match the checkbox (idempotent: quick double toggles end in the right state). */
  const applyLive = async (save: boolean) => {
    const want = live.checked;
    if (want && !watch) {
      if (!host.watchChanges) {
        live.checked = false;
        ui.error(S.live.failed + '当前环境不支持。');
        return;
      }
      const started = await host.watchChanges((changes) => ui.runWhenIdle(() => recheck(changes)), {
        onError: (failure) => ui.error(S.live.failed + failure.message),
      });
      if (!started.ok) {
        live.checked = false;
        showLiveNote(undefined);
        ui.error(started.error.message);
        return;
      }
      watch = started.value;
      showLiveNote(watch.note);
      ui.say(S.live.on);
      if (save) await saveLive(true);
    } else if (!want && watch) {
      const stopping = watch;
      watch = undefined;
      showLiveNote(undefined);
      const stopped = await stopping.stop();
      if (!stopped.ok) ui.error(stopped.error.message);
      else ui.say(S.live.off);
      if (save) await saveLive(false);
    }
  };

  live.disabled = !host.watchChanges;
  live.addEventListener('change', () => void ui.runWhenIdle(() => applyLive(true)));

  // The choice is remembered in the workbook: turn the watch back on when the pane opens again.
  void host.loadState(LIVE_STATE_KEY).then((state) => {
    if (!state.ok || state.value === null) return;
    let on = false;
    try {
      on = (JSON.parse(state.value) as { on?: unknown })?.on === true;
    } catch {
      // not ours or damaged: off
    }
    if (on && !live.checked) {
      live.checked = true;
      void ui.runWhenIdle(() => applyLive(false));
    }
  });
}
