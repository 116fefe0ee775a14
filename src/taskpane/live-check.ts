/**
 * 自动重新审核 (Excel only; off by default, remembered in the workbook's settings): host.watchChanges calls
 * back once per burst of the user's edits (never for the add-in's own writes); each burst runs the same
 * check as 审核 (./flows checkWorkbook: read → check → marks, and the review when there is one). Marks that
 * would not change are not written again (src/hosts/mark-diff.ts), so an edit that changes no finding
 * leaves the user's undo list alone.
 *
 * Beside the switch the pane says what a re-check does to Excel's undo (Ctrl+Z) on this Excel: below
 * ExcelApi 1.19 any write by an add-in empties the user's undo list; from 1.19 it is a step of it, and on 1.20
 * one re-check is one step (Excel.run { mergeUndoGroup }).
 */
import type { ChangeWatch, WorkbookChanges, WorkbookHost } from '../hosts/host';
import { byId, h } from './dom';
import { checkWorkbook } from './flows';
import type { Pane } from './pane';
import { S } from './strings';

/** The workbook setting (host.saveState key) that remembers 自动重新审核. */
export const LIVE_STATE_KEY = 'autoRecheck';

/** The undo note, as its own line under the switch (referenced by the checkbox's description). */
function undoNote(host: WorkbookHost, live: HTMLInputElement): void {
  const note = h('p', { className: 'options__undo', attrs: { id: 'auto-recheck-undo' }, data: { undoNote: host.undoBehaviour?.() ?? 'clears' }, text: S.live.undo[host.undoBehaviour?.() ?? 'clears'] });
  live.closest('.options')?.insertAdjacentElement('afterend', note);
  live.setAttribute('aria-describedby', [live.getAttribute('aria-describedby'), 'auto-recheck-undo'].filter(Boolean).join(' '));
}

export function startLiveCheck(pane: Pane, host: WorkbookHost): void {
  const { ui } = pane;
  const live = byId<HTMLInputElement>('auto-recheck');
  const liveNote = byId('auto-recheck-note');
  let watch: ChangeWatch | undefined;
  undoNote(host, live);

  const showLiveNote = (text: string | undefined) => {
    liveNote.textContent = text ?? '';
    liveNote.hidden = !text;
  };

  /** One burst of the user's edits: the same check as 审核, then says how many changes. */
  const recheck = async (changes: WorkbookChanges) => {
    if (!watch) return; // turned off while the burst was pending
    ui.say(S.working.check);
    if (await checkWorkbook(pane)) ui.say(S.live.rechecked(changes.refs.length) + (changes.remote ? S.live.remote : ''));
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
