// Which buttons the pane enables: a pure function of its state and of what the host can do, the same in
// Excel and in the standalone page (src/taskpane/pane-state.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIONS,
  type Action,
  type HostCapabilities,
  type PaneState,
  type SeverityFilter,
  type WorkbookView,
  enabledActions,
  findingCounts,
  focusAfter,
  hasPlace,
  initialState,
  matchesFilter,
  workbookReady,
} from '../../src/taskpane/pane-state';
import { readFileSync } from 'node:fs';
import { countBySeverity, type Finding } from '../../src/core/findings/finding';
import { checkSnapshot } from '../../src/core/report';
import { S } from '../../src/taskpane/strings';
import { SEED, snapshotOf } from '../helpers';
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

// The summary, the filter and the step counter count the same findings (pane-state findingCounts).
test('counts: each filter lists the summary\'s count for its severity; the stepper visits those with a place, the counter says how many others', async () => {
  const seed = checkSnapshot(await snapshotOf(readFileSync(SEED), 'seed-2024.xlsx')).report;
  const cellLess: Finding[] = [
    { rule: 'read-table-missing', severity: 'warning', table: '07', message: '未找到公开07表', cells: [] },
    { rule: 'x-note', severity: 'info', message: '说明一', cells: [] },
    { rule: 'x-note', severity: 'info', message: '说明二', cells: [] },
  ];
  for (const findings of [seed.findings, [...seed.findings, ...cellLess], cellLess]) {
    const summary = countBySeverity(findings);
    for (const filter of ['all', 'error', 'warning', 'info'] as SeverityFilter[]) {
      const counts = findingCounts(findings, filter);
      assert.equal(counts.listed, filter === 'all' ? summary.error + summary.warning + summary.info : summary[filter], `${filter}: listed = summary`);
      assert.equal(counts.located, findings.filter((f) => matchesFilter(f, filter) && f.cells.length > 0).length);
      assert.ok(counts.located <= counts.listed);
      const text = S.stepCounter(0, counts.located, counts.listed);
      assert.ok(text.includes(`共 ${counts.listed} 条`), `${filter}: “${text}” names the listed count`);
      if (counts.located < counts.listed) assert.match(text, counts.located ? new RegExp(`其中 ${counts.located} 条可逐条定位`) : /均无对应单元格/);
    }
  }
  // The sample: 9 findings; its 3 notes (尾数差异, folded) have cells: stepped like the others.
  assert.deepEqual(findingCounts(seed.findings, 'all'), { listed: 9, located: 9 });
  assert.deepEqual(findingCounts(seed.findings, 'info'), { listed: 3, located: 3 });
  assert.deepEqual(findingCounts(cellLess, 'info'), { listed: 2, located: 0 });
  assert.equal(S.stepCounter(2, 9, 12), '第 2 / 9 条（另有 3 条无单元格）');
  // A review finding has a place in the reviewed text, cells or not.
  assert.ok(hasPlace({ rule: 'review-x', severity: 'error', message: 'm', cells: [], quote: 'q', paragraph: 0, offset: 0 } as Finding));
});

test('focus after an action: its result (the summary, the preview), else back to the control; never left to chance', () => {
  assert.equal(focusAfter('check', EXCEL), 'summary');
  assert.equal(focusAfter('check', PAGE), 'return', 'in the page 审核 only opens the file chooser');
  for (const action of ['load', 'clear', 'review', 'review-sheet', 'write-results', 'explain'] as const) assert.equal(focusAfter(action, PAGE), 'summary', action);
  assert.equal(focusAfter('narrate', EXCEL), 'narrative');
  for (const action of ['download-marked', 'copy', 'download-narrative-docx', 'write-narrative'] as const) assert.equal(focusAfter(action, PAGE), 'return', action);
});
