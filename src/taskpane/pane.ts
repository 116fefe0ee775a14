/**
 * The pane: one state (./pane-state), one render (./render), the flows (./flows) written once, and a host
 * (./pane-host) that is all that differs between Excel and the standalone page.
 */
import type { PaneHost } from './pane-host';
import { type PaneState, type WorkbookView, currentWorkbook, focusAfter, initialState, workbookReady } from './pane-state';
import { PaneRenderer } from './render';
import type { PaneUi } from './ui';

export class Pane {
  private state: PaneState = initialState();
  private readonly renderer: PaneRenderer;

  constructor(
    readonly ui: PaneUi,
    readonly host: PaneHost,
  ) {
    this.renderer = new PaneRenderer(ui, host.caps, (index) => {
      this.show(index);
      ui.focusSummary();
    });
    ui.onBusy((busy) => this.update({ busy }));
    ui.setFocusPolicy((action) => focusAfter(action, host.caps));
  }

  get current(): WorkbookView | undefined {
    return currentWorkbook(this.state);
  }

  /** A workbook to work on: the open one (Excel), or a chosen file that could be read. */
  get ready(): boolean {
    return workbookReady(this.state, this.host.caps);
  }

  /** Changes the state and renders it. */
  update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  /** Replaces the shown workbook's view with these changes (in Excel: the one workbook, created on first use). */
  patchCurrent(patch: Partial<WorkbookView>, options: { reveal?: boolean } = {}): WorkbookView {
    const index = this.state.current >= 0 ? this.state.current : 0;
    const base: WorkbookView = this.state.workbooks[index] ?? { name: '', unit: '', year: '', notes: [] };
    const view = { ...base, ...patch };
    const workbooks = [...this.state.workbooks];
    workbooks[index] = view;
    this.update({ workbooks, current: index, revealNarrative: Boolean(options.reveal) });
    return view;
  }

  /** A new set of workbooks (the files the user chose), the first one shown. */
  replaceWorkbooks(workbooks: WorkbookView[]): void {
    this.host.leaving?.();
    this.update({ workbooks, current: workbooks.length ? 0 : -1, revealNarrative: false });
  }

  show(index: number): void {
    if (index === this.state.current) return;
    this.host.leaving?.();
    this.update({ current: index, revealNarrative: false });
  }

  render(): void {
    this.renderer.render(this.state);
    // Scrolled to once, when asked for: not again on the next change.
    if (this.state.revealNarrative) this.state = { ...this.state, revealNarrative: false };
  }
}
