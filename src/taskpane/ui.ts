/**
 * The pane's shell shared by both modes: the command bar (elements with data-action), the status and
 * alert lines, the summary, the findings list and the narrative preview. The pane (./pane) registers a
 * handler per action and says which buttons are enabled (./pane-state); the shell runs one action at a
 * time, reports when it is busy (every button then waits), and turns any unexpected exception into a
 * Chinese message instead of a silent failure. Work that arrives while another action runs (the live
 * re-check after an edit) waits for it: runWhenIdle.
 */
import type { Finding } from '../core/findings/finding';
import type { NarrativeLine } from '../core/narrative';
import type { NarrativeFormat } from '../core/supplement';
import type { Report } from '../core/report';
import { byId, clear, h } from './dom';
import { FindingsView } from './findings-view';
import type { ExplainHandlers } from './explain-view';
import { renderNarrative } from './narrative-view';
import { readNarrativeFile } from './narrative-file';
import { isReviewFinding } from '../core/review/schema';
import { ReviewPanel } from './review-panel';
import { S } from './strings';
import { renderSummary, type SummaryExtras } from './summary-view';

import type { Action, FocusTarget } from './pane-state';
import { errorText } from '../core/util/error-text';


export type PaneMode = 'loading' | 'excel' | 'standalone';

const FIRST_RUN_KEY = 'juesuan.firstRunDone';

export class PaneUi {
  readonly summary = byId('summary');
  readonly status = byId('status');
  readonly alert = byId('alert');
  readonly firstRun = byId('first-run');
  readonly narrativeSection = byId('narrative');
  readonly narrativeText = byId('narrative-text');
  readonly narrativeStatus = byId('narrative-status');
  readonly formatSelect = byId<HTMLSelectElement>('narrative-format');
  readonly findingsView: FindingsView;
  readonly review = new ReviewPanel();
  private busy = false;
  /** Settles when the running task ends (runWhenIdle waits on it). */
  private running: Promise<void> = Promise.resolve();
  private readonly handlers = new Map<Action, () => Promise<void>>();
  private activateHandler: (finding: Finding, element: HTMLElement) => void = () => {};
  private busyListener: (busy: boolean) => void = () => {};
  private focusPolicy: (action: Action) => FocusTarget = () => 'return';

  constructor() {
    this.findingsView = new FindingsView({
      list: byId('findings'),
      filter: byId('severity-filter'),
      previous: byId<HTMLButtonElement>('step-previous'),
      next: byId<HTMLButtonElement>('step-next'),
      position: byId('step-position'),
      onActivate: (finding, element) => {
        if (isReviewFinding(finding)) this.review.reveal(finding);
        this.activateHandler(finding, element);
      },
      excerpt: (finding) => this.review.excerpt(finding),
    });
    for (const button of this.actionButtons()) {
      button.addEventListener('click', () => void this.run(button.dataset.action as Action));
    }
    byId('start').addEventListener('click', () => void this.run('check'));
    try {
      if (localStorage.getItem(FIRST_RUN_KEY)) this.firstRun.hidden = true;
    } catch {
      // storage refused (private mode, strict webview): show the explanation every time
    }
    document.body.dataset.firstRun = String(!this.firstRun.hidden);
  }

  setMode(mode: PaneMode, note?: string): void {
    document.body.dataset.mode = mode;
    const el = byId('host-note');
    el.textContent = note ?? '';
    el.hidden = !note;
    const badge = byId('mode-badge');
    badge.textContent = mode === 'excel' ? 'Excel' : mode === 'standalone' ? '网页版' : '';
    badge.hidden = mode === 'loading';
  }

  on(action: Action, handler: () => Promise<void>): void {
    this.handlers.set(action, handler);
  }

  onActivate(handler: (finding: Finding, element: HTMLElement) => void): void {
    this.activateHandler = handler;
  }

  /** Warnings offer 填写说明 from the next render on. */
  onExplain(handlers: ExplainHandlers): void {
    this.findingsView.setExplain(handlers);
  }

  actionButtons(action?: Action): HTMLButtonElement[] {
    const selector = action ? `button[data-action="${action}"]` : 'button[data-action]';
    return [...document.querySelectorAll<HTMLButtonElement>(selector)];
  }

  /** Told when an action starts and ends (the pane disables every button meanwhile). */
  onBusy(listener: (busy: boolean) => void): void {
    this.busyListener = listener;
  }

  /** Enables exactly the actions the pane's state allows. */
  applyEnabled(enabled: Readonly<Record<Action, boolean>>): void {
    for (const b of this.actionButtons()) b.disabled = !enabled[b.dataset.action as Action];
  }

  /** Where focus goes when each action ends (pane-state focusAfter, which depends on the host). */
  setFocusPolicy(policy: (action: Action) => FocusTarget): void {
    this.focusPolicy = policy;
  }

  /** Runs one action at a time; the pane disables the buttons meanwhile and enables what the result allows. */
  async run(action: Action): Promise<void> {
    const handler = this.handlers.get(action);
    if (handler) await this.task(handler, this.focusPolicy(action));
  }

  /**
   * Runs any piece of work (an action, files dropped) under the same one-at-a-time rule; when it ends, focus goes
   * to `focus` (pane-state FocusTarget): never left on <body>, where the disabled buttons dropped it.
   */
  async task(work: () => Promise<void>, focus: FocusTarget = 'keep'): Promise<void> {
    if (this.busy) return;
    const before = document.activeElement;
    this.busy = true;
    let done = () => {};
    this.running = new Promise<void>((resolve) => (done = resolve));
    document.body.setAttribute('aria-busy', 'true');
    this.hideAlert();
    try {
      this.busyListener(true);
      await work();
    } catch (error) {
      this.error(S.unexpected('操作', errorText(error)));
    } finally {
      this.busy = false;
      try {
        this.busyListener(false);
      } catch (error) {
        this.error(S.unexpected('操作', errorText(error)));
      }
      document.body.removeAttribute('aria-busy');
      this.settleFocus(focus, before);
      done();
    }
  }

  /** Like task(), but waits for a running action to finish instead of being dropped. */
  async runWhenIdle(work: () => Promise<void>, focus: FocusTarget = 'keep'): Promise<void> {
    while (this.busy) await this.running;
    await this.task(work, focus);
  }

  /** The summary's heading (the file and the counts; focusable, read out on focus), or the summary before any. */
  focusSummary(): void {
    (this.summary.querySelector<HTMLElement>('[data-summary-heading]') ?? this.summary).focus();
  }

  private settleFocus(focus: FocusTarget, before: Element | null): void {
    if (focus === 'summary') return this.focusSummary();
    if (focus === 'narrative' && !this.narrativeSection.hidden) return byId('narrative-title').focus();
    const active = document.activeElement;
    const lost = !active || active === document.body;
    const usable = before instanceof HTMLElement && before !== document.body && before.isConnected && !before.closest('[hidden]') && !(before as HTMLButtonElement).disabled;
    // The summary is redrawn when a check ends (自动重新审核 too): focus on its old heading moves to the new one.
    if (lost && before instanceof HTMLElement && !before.isConnected && before.hasAttribute('data-summary-heading')) this.focusSummary();
    else if (usable && (lost || focus !== 'keep')) before.focus();
    // A user's action whose control is gone or waits (a failed 生成情况说明 too): its result, the summary.
    else if (lost && focus !== 'keep') this.focusSummary();
  }

  /**
   * A .txt/.docx chosen in the reviewer panel: its text into the box. False (and the reason shown) when it
   * cannot be read. Call inside a task.
   */
  async loadNarrativeFile(file: File): Promise<boolean> {
    this.review.say(S.review.readingFile(file.name));
    const read = await readNarrativeFile(file);
    if (!read.ok) {
      this.review.say('');
      this.error(read.message);
      return false;
    }
    this.review.setText(read.text, file.name);
    this.review.say(S.review.fileRead(file.name, read.text.split('\n').length));
    return true;
  }

  finishFirstRun(): void {
    this.firstRun.hidden = true;
    document.body.dataset.firstRun = 'false';
    try {
      localStorage.setItem(FIRST_RUN_KEY, '1');
    } catch {
      // see constructor
    }
  }

  say(text: string): void {
    this.status.textContent = text;
  }

  /** An error for the user (Office errors arrive here as the host's Chinese message). */
  error(text: string): void {
    clear(this.alert);
    this.alert.appendChild(h('span', { className: 'alert__text', text }));
    this.alert.hidden = false;
    this.status.textContent = '';
  }

  hideAlert(): void {
    clear(this.alert);
    this.alert.hidden = true;
  }

  showReport(report: Report, extras: SummaryExtras = {}): void {
    renderSummary(this.summary, report, extras);
    this.findingsView.render(report.findings);
    byId('findings-tools').hidden = report.findings.length === 0;
  }

  /** Re-renders only the summary (e.g. once the marks are in), leaving the list and the user's place in it. */
  showReportSummary(report: Report, extras: SummaryExtras = {}): void {
    renderSummary(this.summary, report, extras);
  }

  format(): NarrativeFormat {
    return this.formatSelect.value === 'shanghai' ? 'shanghai' : 'hunan';
  }

  /** `reveal`: the user asked for it now — scroll the preview into view. */
  showNarrative(title: string, lines: readonly NarrativeLine[], status: string, reveal = false): void {
    this.narrativeSection.hidden = false;
    this.narrativeStatus.textContent = status;
    renderNarrative(this.narrativeText, title, lines);
    if (reveal) this.narrativeSection.scrollIntoView({ block: 'start' });
  }

  hideNarrative(): void {
    this.narrativeSection.hidden = true;
    clear(this.narrativeText);
    this.narrativeStatus.textContent = '';
  }
}
