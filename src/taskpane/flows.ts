/**
 * What the pane's buttons do, written once for both modes: check, review, narrate, copy, the template, the
 * downloads. Each flow reads through the host (the open workbook in Excel, the chosen file in the page),
 * runs the core, and puts the result into the state; the render shows it.
 */
import type { Finding } from '../core/findings/finding';
import { checkSnapshot } from '../core/report';
import { readWorkbook } from '../core/read/read-workbook';
import { unitAndYear } from '../core/tables/unit-and-year';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { readerSnapshot } from '../core/explain/own-sheets';
import { lazyChunk } from './lazy-chunk';
import { copyText } from './narrative-view';
import type { Pane } from './pane';
import type { Said } from './pane-host';
import { type Narrated, type WorkbookView, focusAfter } from './pane-state';
import { isReviewFinding } from '../core/review/schema';
import { loadReview, type ReviewOutcome } from './review-panel';
import { S } from './strings';

type ReviewChunk = Awaited<ReturnType<typeof loadReview>>;

/** The generator and the 说明数据 template, one lazy chunk (a check needs neither). */
export const loadNarrative = lazyChunk(() => import(/* webpackChunkName: "narrative" */ './narrative-chunk.js'));
type NarrativeChunk = Awaited<ReturnType<typeof loadNarrative>>;

/** The check of one snapshot, with what reading the file found wrong merged in (as the CLI does). */
export function checkedView(
  snapshot: WorkbookSnapshot,
  name: string,
  readFindings: readonly Finding[] = [],
): Pick<WorkbookView, 'snapshot' | 'report' | 'model' | 'facts' | 'unit' | 'year' | 'explanations'> {
  const checked = checkSnapshot(snapshot, name || undefined, { readFindings });
  return { snapshot, report: checked.report, model: checked.model, facts: checked.facts, explanations: checked.explanations, ...unitAndYear(checked.model, checked.facts) };
}

function say(pane: Pane, said: Said): void {
  if (said.ok) pane.ui.say(said.message);
  else pane.ui.error(said.message);
}

/** The review again, on a fresh snapshot: the same text, or the 情况说明 sheet as it is now. */
function rereview(chunk: ReviewChunk, snapshot: WorkbookSnapshot, previous: ReviewOutcome): ReviewOutcome | undefined {
  if (previous.source === 'sheet') {
    const sheet = chunk.narrativeFromSheet(snapshot);
    return sheet ? { ...previous, text: sheet.text, findings: chunk.reviewSnapshot(snapshot) } : undefined;
  }
  return { ...previous, findings: chunk.reviewSnapshot(snapshot, previous.text) };
}

/**
 * Read → check → (the review again, on the same read) → marks. The findings show first (what the user waits
 * for), then the summary says what was marked. False when the read failed (said). Also the live re-check.
 */
export async function checkWorkbook(pane: Pane): Promise<boolean> {
  const { host } = pane;
  const started = performance.now();
  const read = await host.read(pane.current);
  if (!read.ok) {
    pane.ui.error(read.message);
    return false;
  }
  const checked = checkedView(read.snapshot, pane.current?.name ?? '', read.findings);
  let review = pane.current?.review;
  if (review) {
    try {
      review = rereview(await loadReview(), readerSnapshot(read.snapshot), review);
    } catch {
      // The review chunk could not be loaded now: keep the earlier review rather than fail the check.
    }
  }
  const marking = host.mark ? [{ text: '正在标记单元格…' }] : [];
  pane.patchCurrent({ ...checked, review, notes: marking, elapsedMs: performance.now() - started });
  if (!host.mark) return true;
  const marked = await host.mark(checked.report!.findings);
  pane.patchCurrent({ notes: marked.notes, elapsedMs: performance.now() - started });
  if (marked.error) pane.ui.error(marked.error);
  return !marked.error;
}

/**
 * The narrative of the shown workbook in the chosen format. `fresh`: read the workbook again first (Excel's
 * 生成情况说明: the user may have filled 说明数据 meanwhile); otherwise one generated earlier is reused.
 * `revealKept`: scroll to a reused one too (the user asked to see it), not only to a new one.
 */
export async function narrate(pane: Pane, fresh: boolean, revealKept = true): Promise<Narrated | undefined> {
  const format = pane.ui.format();
  const kept = pane.current?.narrative;
  if (!fresh && kept && kept.document.format === format) {
    if (revealKept) pane.patchCurrent({}, { reveal: true });
    return kept;
  }
  if (!pane.ready) {
    pane.ui.say(S.noFile);
    return undefined;
  }
  pane.ui.say(S.working.narrate);
  const read = await pane.host.read(pane.current);
  if (!read.ok) {
    pane.ui.error(read.message);
    return undefined;
  }
  let chunk: NarrativeChunk;
  try {
    chunk = await loadNarrative();
  } catch {
    pane.ui.error(S.narrativeChunkFailed);
    return undefined;
  }
  const narrative = chunk.narrateSnapshot(readerSnapshot(read.snapshot), { format });
  pane.patchCurrent({ narrative, model: narrative.model }, { reveal: true });
  pane.ui.say('');
  return narrative;
}

async function copyNarrative(pane: Pane): Promise<void> {
  const narrative = pane.current?.narrative;
  if (!narrative) {
    pane.ui.say(S.narrativeFirst);
    return;
  }
  pane.ui.say((await copyText(narrative.text, pane.ui.narrativeText)) ? S.copied : S.copyFailed);
}

async function writeNarrative(pane: Pane): Promise<void> {
  const { host } = pane;
  if (!host.writeNarrative) return;
  const narrative = await narrate(pane, false, false);
  if (!narrative) return;
  pane.ui.say(S.working.write);
  say(pane, await host.writeNarrative(narrative.paragraphs.map((line) => line.text)));
}

async function template(pane: Pane): Promise<void> {
  const { host, ui } = pane;
  if (!pane.ready) {
    ui.say(S.noFile);
    return;
  }
  ui.say(S.working.template);
  let model = pane.current?.model;
  let facts = pane.current?.facts;
  if (!model) {
    const read = await host.read(pane.current);
    if (!read.ok) {
      ui.error(read.message);
      return;
    }
    ({ model, facts } = readWorkbook(readerSnapshot(read.snapshot)));
  }
  say(pane, await host.template(model, ui.format(), pane.current, facts));
}

/** 审核说明 (the text in the box) or 审核“情况说明”表 (the open workbook's sheet), against a fresh read. */
export async function review(pane: Pane, source: 'text' | 'sheet'): Promise<void> {
  const { ui, host } = pane;
  const text = ui.review.value();
  if (source === 'text' && !text.trim()) {
    ui.review.say(S.review.empty);
    ui.say(S.review.empty);
    return;
  }
  if (!pane.ready) {
    ui.review.say(S.review.needWorkbook);
    ui.say(S.review.needWorkbook);
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
  const read = await host.read(pane.current);
  if (!read.ok) {
    ui.error(read.message);
    return;
  }
  // The add-in's own sheets (审核说明, 审核结果) are no part of the 决算 the text is checked against.
  const tables = readerSnapshot(read.snapshot);
  let outcome: ReviewOutcome;
  if (source === 'sheet') {
    const sheet = chunk.narrativeFromSheet(tables);
    if (!sheet) {
      ui.review.say(S.review.noSheet);
      ui.error(S.review.noSheet);
      return;
    }
    outcome = { text: sheet.text, source, label: S.review.sheet, findings: chunk.reviewSnapshot(tables) };
  } else {
    const file = ui.review.loadedFileName();
    outcome = { text, source, label: file ? `“${file}”` : S.review.pasted, findings: chunk.reviewSnapshot(tables, text) };
  }
  // No 审核 yet (Excel): the tables' own findings are listed too, from the same read, but not marked.
  const unchecked = pane.current?.report ? {} : { ...checkedView(read.snapshot, ''), notes: [{ text: S.review.uncheckedTables }] };
  pane.patchCurrent({ ...unchecked, review: outcome });
  // One wording with the CLI: “未能识别可核对的内容” when nothing could be checked, never a false “未发现”.
  ui.review.say(chunk.reviewSummary(outcome.findings, outcome.label));
  ui.say('');
}

/** A .txt/.docx for the reviewer: into the text box, then reviewed against the workbook (if there is one). */
export async function reviewFile(pane: Pane, file: File): Promise<void> {
  if (!(await pane.ui.loadNarrativeFile(file))) return;
  if (pane.ready) await review(pane, 'text');
  else pane.ui.say(S.review.needWorkbook);
}

async function download(pane: Pane, run: (view: WorkbookView) => Promise<Said> | undefined): Promise<void> {
  const view = pane.current;
  if (!view?.snapshot) {
    pane.ui.say(S.noFile);
    return;
  }
  const said = run(view);
  if (said) say(pane, await said);
}

/** The buttons, the finding clicks and the reviewer's file chooser, wired to the flows. */
export function registerFlows(pane: Pane): void {
  const { ui, host } = pane;
  ui.on('check', async () => {
    if (host.chooseFiles) {
      host.chooseFiles();
      return;
    }
    ui.finishFirstRun();
    ui.say(S.working.check);
    if (await checkWorkbook(pane)) ui.say('');
  });
  ui.on('clear', async () => {
    if (!host.clearMarks) return;
    ui.say(S.working.clear);
    say(pane, await host.clearMarks());
  });
  ui.on('narrate', async () => {
    await narrate(pane, host.caps.workbookOpen);
  });
  ui.on('write-narrative', () => writeNarrative(pane));
  ui.on('copy', () => copyNarrative(pane));
  ui.on('create-template', () => template(pane));
  ui.on('download-template', () => template(pane));
  ui.on('download-marked', () =>
    download(pane, (view) => {
      ui.say(S.working.marked);
      return host.downloadMarked?.(view);
    }),
  );
  for (const kind of ['txt', 'docx'] as const) {
    ui.on(`download-narrative-${kind}`, () =>
      download(pane, () =>
        narrate(pane, false).then((narrative) => (narrative && host.downloadNarrative ? host.downloadNarrative(pane.current!, narrative, kind) : { ok: true, message: '' })),
      ),
    );
  }
  ui.on('review', () => review(pane, 'text'));
  ui.on('review-sheet', () => review(pane, 'sheet'));
  ui.review.onFile((file) => void ui.runWhenIdle(() => reviewFile(pane, file), focusAfter('review', host.caps)));
  ui.onActivate((finding, element) => {
    if (!finding.cells.length && !(host.caps.workbookOpen && isReviewFinding(finding) && finding.textCell)) {
      ui.say(isReviewFinding(finding) ? S.review.shownIn(finding.paragraph + 1) : S.noCells);
      host.leaving?.();
      return;
    }
    host.goTo(finding, element, pane.current);
  });
}
