// Which buttons the pane enables: a pure function of its state and of what the host can do, the same in
// Excel and in the standalone page (src/taskpane/pane-state.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, type Action, type HostCapabilities, type PaneState, type WorkbookView, enabledActions, initialState, workbookReady } from '../../src/taskpane/pane-state';
import type { Narrated } from '../../src/taskpane/pane-state';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';

const EXCEL: HostCapabilities = { workbookOpen: true, marks: true, writesSheets: true, downloads: false };
const PAGE: HostCapabilities = { workbookOpen: false, marks: false, writesSheets: false, downloads: true };

const snapshot: WorkbookSnapshot = { sheets: [] };
const narrative = {} as Narrated;
const view = (patch: Partial<WorkbookView> = {}): WorkbookView => ({ name: 'a.xlsx', unit: '', year: '', notes: [], ...patch });
const state = (workbooks: WorkbookView[], patch: Partial<PaneState> = {}): PaneState => ({ ...initialState(), workbooks, current: workbooks.length ? 0 : -1, ...patch });

/** The enabled actions, as a sorted list (easy to read in a failure). */
function enabled(s: PaneState, caps: HostCapabilities): Action[] {
  const map = enabledActions(s, caps);
  assert.deepEqual(Object.keys(map).sort(), [...ACTIONS].sort(), 'every action has an answer');
  return ACTIONS.filter((a) => map[a]);
}

test('Excel, before anything: every action that reads the open workbook (写入审核结果 checks first); no copy (nothing generated), no downloads', () => {
  assert.deepEqual(enabled(initialState(), EXCEL), ['check', 'clear', 'narrate', 'write-narrative', 'create-template', 'review', 'review-sheet', 'write-results']);
});

test('Excel, after 生成情况说明: copy too', () => {
  assert.deepEqual(enabled(state([view({ name: '', narrative })]), EXCEL), ['check', 'clear', 'narrate', 'write-narrative', 'copy', 'create-template', 'review', 'review-sheet', 'write-results']);
});

test('the page, before a file: only 审核 (choose files)', () => {
  assert.deepEqual(enabled(initialState(), PAGE), ['check']);
  assert.equal(workbookReady(initialState(), PAGE), false);
});

test('the page, a readable file shown: its downloads, narrate, review; copy once narrated; never the Excel-only actions', () => {
  const readable = state([view({ snapshot })]);
  assert.deepEqual(enabled(readable, PAGE), ['check', 'narrate', 'download-marked', 'download-narrative-txt', 'download-narrative-docx', 'download-template', 'review', 'download-reviewed']);
  assert.ok(enabled(state([view({ snapshot, narrative })]), PAGE).includes('copy'));
  for (const s of [readable, state([view({ snapshot, narrative })])]) {
    for (const a of ['clear', 'write-narrative', 'create-template', 'review-sheet', 'write-results'] as const) assert.equal(enabledActions(s, PAGE)[a], false, a);
  }
});

test('the page, an unreadable file shown (several chosen): only 审核; showing a readable one enables its actions', () => {
  const files = [view({ name: 'bad.xls' }), view({ name: 'good.xlsx', snapshot })];
  assert.deepEqual(enabled(state(files, { current: 0 }), PAGE), ['check']);
  assert.ok(enabled(state(files, { current: 1 }), PAGE).includes('download-marked'));
});

test('while an action runs nothing is enabled, in either mode', () => {
  for (const caps of [EXCEL, PAGE]) assert.deepEqual(enabled(state([view({ snapshot, narrative })], { busy: true }), caps), []);
});
