/**
 * The pane's one render: the state (./pane-state) onto the page. Called after every change of state; each
 * part is redrawn only when what it shows changed (by identity: the flows replace what they change), so the
 * findings list keeps the user's place, filter and step when only the summary changes (the marks are in),
 * and a summary the screen reader reads aloud is not re-announced when a button merely waits.
 */
import type { Report } from '../core/report';
import { renderBatch } from './batch-view';
import { byId } from './dom';
import { type HostCapabilities, type Narrated, type PaneState, type WorkbookView, currentWorkbook, enabledActions } from './pane-state';
import { type ReviewOutcome, reviewNote, withReview } from './review-panel';
import { S } from './strings';
import type { SummaryNote } from './summary-view';
import type { PaneUi } from './ui';

interface Shown {
  view?: WorkbookView;
  report?: Report;
  review?: ReviewOutcome;
  notes?: SummaryNote[];
  elapsedMs?: number;
  narrative?: Narrated;
  workbooks?: WorkbookView[];
  current?: number;
  reviewShown?: ReviewOutcome | null;
}

export class PaneRenderer {
  private shown: Shown = {};

  constructor(
    private readonly ui: PaneUi,
    private readonly caps: HostCapabilities,
    /** The batch table's 查看: show that workbook. */
    private readonly onView: (index: number) => void,
  ) {}

  render(state: PaneState): void {
    this.ui.applyEnabled(enabledActions(state, this.caps));
    const view = currentWorkbook(state);
    this.renderReview(view);
    this.renderReport(view);
    this.renderNarrative(view, state.revealNarrative);
    if (!this.caps.workbookOpen) this.renderBatch(state);
  }

  private renderReview(view: WorkbookView | undefined): void {
    const review = view?.review ?? null;
    if (this.shown.reviewShown === review) return;
    this.shown.reviewShown = review;
    this.ui.review.show(review ?? undefined);
  }

  private renderReport(view: WorkbookView | undefined): void {
    const was = this.shown;
    if (!view?.report) return;
    const sameList = was.view?.name === view.name && was.report === view.report && was.review === view.review;
    const sameSummary = sameList && was.notes === view.notes && was.elapsedMs === view.elapsedMs;
    if (sameSummary) return;
    const report = withReview(view.report, view.review);
    const subtitle = [view.unit, view.year && `${view.year}年度`].filter(Boolean).join(' · ');
    const title = this.caps.workbookOpen ? undefined : subtitle ? `${view.name}（${subtitle}）` : view.name;
    const extras = { title, elapsedMs: view.elapsedMs, notes: [...view.notes, ...reviewNote(view.review)] };
    if (sameList) this.ui.showReportSummary(report, extras);
    else this.ui.showReport(report, extras);
    Object.assign(this.shown, { view, report: view.report, review: view.review, notes: view.notes, elapsedMs: view.elapsedMs });
  }

  private renderNarrative(view: WorkbookView | undefined, reveal: boolean): void {
    const narrative = view?.narrative;
    if (this.shown.narrative === narrative && !reveal) return;
    this.shown.narrative = narrative;
    if (!narrative) {
      this.ui.hideNarrative();
      return;
    }
    const placeholders = narrative.findings.filter((f) => f.rule === 'narrative-missing-input').length;
    // Figures left out because the tables disagree are not the 说明数据's to fill: the tables come first.
    const doubtful = narrative.findings.filter((f) => f.rule === 'narrative-figure-doubtful' || f.rule === 'narrative-impossible-figure').length;
    const status =
      S.narrativeReady(narrative.paragraphs.length) +
      (placeholders ? S.narrativePlaceholders(placeholders) : '') +
      (doubtful ? S.narrativeDoubtful(doubtful) : '') +
      sourcesStatus(narrative);
    this.ui.showNarrative(narrative.document.title, narrative.paragraphs, status, reveal);
  }

  private renderBatch(state: PaneState): void {
    if (this.shown.workbooks === state.workbooks && this.shown.current === state.current) return;
    this.shown.workbooks = state.workbooks;
    this.shown.current = state.current;
    const rows = state.workbooks.map((w) => ({ name: w.name, unit: w.unit, year: w.year, report: w.report!, readable: Boolean(w.snapshot) }));
    renderBatch(byId('batch'), rows, state.current, this.onView);
  }
}

/** What the 上年决算 / 部门预算 workbooks gave, and what about them needs a look (year, unit, disagreements). */
function sourcesStatus(narrative: Narrated): string {
  const { prior, budget } = narrative.filled;
  const notes = narrative.findings.filter((f) => f.rule.startsWith('sources-') || f.rule === 'supplement-source-conflict');
  return (prior || budget ? S.narrativeSources(prior, budget) : '') + notes.map((f) => f.message).join('');
}
