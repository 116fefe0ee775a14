// Marking findings with conditional formats through the fake: ≤ 2 round trips (also for 500 findings),
// the right colour on exactly the findings' cells, user content and formats untouched, protected sheets
// skipped and reported, and 清除标记 removing exactly what was added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../src/core/report';
import type { Finding, Severity } from '../../src/core/findings/finding';
import { MARKS_KEY, MARK_FORMULA, OfficeHost } from '../../src/hosts/office';
import { MARK_FILL, chunkAddresses, coalesce, parseRef, planMarks } from '../../src/hosts/mark-plan';
import { type FakeWorkbook, WEB_PAYLOAD_LIMIT, parseArea } from '../fakes/excel';
import { CONTENT_OPS, TABLE_SHEETS, fakeFrom, perturbedSeedXlsx, seedSnapshot, syntheticFindings, withFake } from './support';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

async function markedSample(config = {}) {
  const bytes = await perturbedSeedXlsx();
  return fakeFrom(bytes, 'seed-2024.xlsx', config);
}

/** The fill a cell shows because of the add-in's marks (the top-priority "=TRUE" format covering it). */
function shownMark(doc: FakeWorkbook, ref: string): string | undefined {
  const r = parseRef(ref)!;
  const sheet = doc.sheet(r.sheet);
  const cf = sheet.conditionalFormats.find(
    (f) => f.formula === MARK_FORMULA && f.ranges.some((q) => r.top >= q.top && r.top <= q.bottom && r.left >= q.left && r.left <= q.right),
  );
  return cf?.fill;
}

function expectedFills(findings: readonly Finding[]): Map<string, string> {
  const best = new Map<string, Severity>();
  for (const f of findings)
    for (const ref of f.cells) {
      const cur = best.get(ref);
      if (!cur || RANK[f.severity] > RANK[cur]) best.set(ref, f.severity);
    }
  return new Map([...best].map(([ref, sev]) => [ref, MARK_FILL[sev]]));
}

function ourFormatCount(doc: FakeWorkbook): number {
  return doc.sheets.reduce((n, s) => n + s.conditionalFormats.filter((f) => f.formula === MARK_FORMULA).length, 0);
}

test('the sample with a wrong amount: its findings are marked in 2 round trips after the read, each cell in its severity colour', async () => {
  const doc = await markedSample();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const read = await host.readSnapshot();
    assert.ok(read.ok);
    const { findings } = checkSnapshot(read.value).report;
    const withCells = findings.filter((f) => f.cells.length);
    assert.ok(withCells.some((f) => f.severity === 'error'), 'the perturbed sample has an error with cells');
    doc.resetCounters();
    const marked = await host.applyMarks(findings);
    assert.ok(marked.ok, marked.ok ? '' : marked.error.detail);
    assert.ok(doc.stats.roundTrips <= 2, `round trips: ${doc.stats.roundTrips}`);
    assert.equal(doc.stats.roundTrips, 2);
    const expected = expectedFills(findings);
    assert.deepEqual(new Set(marked.value.marked), new Set(expected.keys()));
    for (const [ref, fill] of expected) assert.equal(shownMark(doc, ref), fill, ref);
    assert.deepEqual(marked.value.skipped, []);
    const stored = JSON.parse(String(doc.settings.get(MARKS_KEY)));
    const ids = Object.values(stored.sheets as Record<string, string[]>).flat();
    assert.equal(ids.length, marked.value.formats);
    assert.equal(ids.length, ourFormatCount(doc));
    assert.deepEqual(doc.writes.filter((w) => CONTENT_OPS.has(w.op)), [], 'marking writes no value and no format');
  });
});

for (const apiVersion of ['1.7', '1.9'] as const) {
  test(`500 findings (ExcelApi ${apiVersion}): marked in ≤ 2 round trips, cleared in 3, nothing else changed`, async () => {
    // Under the web's 5 MB request/response cap, so that a too-large batch would fail here.
    const doc = await markedSample({ apiVersion, payloadLimitBytes: WEB_PAYLOAD_LIMIT });
    const findings = syntheticFindings(await seedSnapshot(), 500);
    // The user's own formatting, which must come through untouched.
    doc.sheet('公开01表').ensure(6, 1).fill = '#00B050';
    doc.sheet('公开03表').ensure(8, 2).numberFormat = '0.0%';
    const userFormat = doc.addUserConditionalFormat('公开02表', [parseArea('C7:D20')!.rect], { type: 'CellValue', fontColor: '#FF0000' });
    const contentBefore = doc.dumpContent();
    const formatsBefore = doc.dumpConditionalFormats();
    await withFake(doc, async () => {
      const host = new OfficeHost();
      assert.ok((await host.readSnapshot()).ok);
      doc.resetCounters();
      const marked = await host.applyMarks(findings);
      assert.ok(marked.ok, marked.ok ? '' : marked.error.detail);
      assert.ok(doc.stats.roundTrips <= 2, `round trips: ${doc.stats.roundTrips}`);
      for (const [ref, fill] of expectedFills(findings)) assert.equal(shownMark(doc, ref), fill, ref);
      const adds = doc.writes.filter((w) => w.op === 'cf.add');
      if (apiVersion === '1.9') {
        assert.ok(adds.length <= 9 * 3, `one format per sheet and severity chunk (${adds.length})`);
        assert.ok(adds.every((w) => (w.address ?? '').length <= 4000));
      } else {
        assert.ok(adds.every((w) => !(w.address ?? '').includes(',')), 'ExcelApi 1.7: one range per format');
      }
      assert.deepEqual(doc.dumpContent(), contentBefore, 'values and user formats unchanged while marked');

      doc.resetCounters();
      const cleared = await host.clearMarks();
      assert.ok(cleared.ok);
      assert.equal(cleared.value, marked.value.formats);
      assert.equal(doc.stats.roundTrips, 3);
      assert.equal(ourFormatCount(doc), 0, 'no conditional format of ours remains');
      assert.deepEqual(doc.dumpContent(), contentBefore, 'every value and every user format as before');
      assert.deepEqual(doc.dumpConditionalFormats(), formatsBefore, "the user's own conditional format is still there, unchanged");
      assert.ok(doc.sheet('公开02表').conditionalFormats.includes(userFormat));
      assert.equal(doc.settings.has(MARKS_KEY), false, 'the record of marks is removed');
      assert.deepEqual(doc.writes.filter((w) => CONTENT_OPS.has(w.op)), []);
    });
  });
}

test('a protected sheet is not marked, is reported as skipped, and nothing is written to it', async () => {
  const doc = await markedSample();
  doc.sheet('公开02表').protected = true;
  const findings: Finding[] = [
    { rule: 'a', severity: 'error', message: 'x', cells: ['公开02表!C9', '公开01表!B7'] },
    { rule: 'b', severity: 'warning', message: 'y', cells: ['公开02表!D10'] },
  ];
  await withFake(doc, async () => {
    const host = new OfficeHost();
    assert.ok((await host.readSnapshot()).ok);
    const marked = await host.applyMarks(findings);
    assert.ok(marked.ok);
    assert.deepEqual(marked.value.skipped, [{ sheet: '公开02表', reason: 'protected', cells: ['公开02表!C9', '公开02表!D10'] }]);
    assert.deepEqual(marked.value.marked, ['公开01表!B7']);
    assert.equal(doc.sheet('公开02表').conditionalFormats.length, 0);
    assert.deepEqual(doc.writes.filter((w) => w.sheet === '公开02表'), []);
    assert.ok(doc.writes.every((w) => w.op !== 'sheet.unprotect'), 'never unprotects');
  });
});

test('marking again replaces the earlier marks; marking without a read first reads the state itself', async () => {
  const doc = await markedSample();
  const first: Finding[] = [{ rule: 'a', severity: 'error', message: 'x', cells: ['公开01表!B7', '公开01表!B8'] }];
  const second: Finding[] = [{ rule: 'b', severity: 'info', message: 'y', cells: ['公开03表!C9'] }];
  await withFake(doc, async () => {
    const cold = await new OfficeHost().applyMarks(first);
    assert.ok(cold.ok);
    assert.equal(doc.stats.roundTrips, 4, 'state (2) + marks (2) when no read came first');
    const host = new OfficeHost(); // a new session: the marks are known only from workbook.settings
    assert.ok((await host.readSnapshot()).ok);
    doc.resetCounters();
    const again = await host.applyMarks(second);
    assert.ok(again.ok);
    assert.equal(doc.stats.roundTrips, 2);
    assert.equal(again.value.removed, 1);
    assert.equal(shownMark(doc, '公开01表!B7'), undefined);
    assert.equal(shownMark(doc, '公开03表!C9'), MARK_FILL.info);
    assert.equal(ourFormatCount(doc), 1);
  });
});

test('a mark the user deleted by hand, a renamed sheet, a deleted sheet: marking and clearing still work', async () => {
  const doc = await markedSample();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    assert.ok((await host.readSnapshot()).ok);
    const marked = await host.applyMarks([
      { rule: 'a', severity: 'error', message: 'x', cells: ['公开01表!B7'] },
      { rule: 'b', severity: 'warning', message: 'y', cells: ['公开04表!C9'] },
      { rule: 'c', severity: 'warning', message: 'y', cells: ['公开08表!C9'] },
    ]);
    assert.ok(marked.ok);
    // After our read, the user removes one mark (条件格式 > 管理规则), renames a sheet and deletes another.
    const sheet1 = doc.sheet('公开01表');
    sheet1.conditionalFormats = sheet1.conditionalFormats.filter((f) => f.formula !== MARK_FORMULA);
    doc.sheet('公开04表').name = '公开04表（旧）';
    doc.sheets.splice(doc.sheets.indexOf(doc.sheet('公开08表')), 1);
    doc.resetCounters();
    const again = await host.applyMarks([{ rule: 'd', severity: 'error', message: 'z', cells: ['公开05表!B7', '公开04表!B7'] }]);
    assert.ok(again.ok, again.ok ? '' : again.error.detail);
    assert.ok(doc.stats.failedRoundTrips >= 1, 'the stale state failed once (ItemNotFound), then was read again');
    assert.deepEqual(again.value.skipped, [{ sheet: '公开04表', reason: 'missing', cells: ['公开04表!B7'] }]);
    assert.equal(again.value.removed, 1, 'the mark on the renamed sheet is found by its worksheet id and removed');
    assert.equal(ourFormatCount(doc), 1);
    const cleared = await host.clearMarks();
    assert.ok(cleared.ok);
    assert.equal(cleared.value, 1);
    assert.equal(ourFormatCount(doc), 0);
    assert.equal(doc.settings.has(MARKS_KEY), false);
  });
});

test('marks on a sheet renamed in a later session are still cleared', async () => {
  const doc = await markedSample();
  await withFake(doc, async () => {
    assert.ok((await new OfficeHost().applyMarks([{ rule: 'a', severity: 'error', message: 'x', cells: ['公开06表!B7'] }])).ok);
    doc.sheet('公开06表').name = '表六';
    const cleared = await new OfficeHost().clearMarks();
    assert.ok(cleared.ok);
    assert.equal(cleared.value, 1);
    assert.equal(ourFormatCount(doc), 0);
  });
});

test('clearing when nothing is marked: one round trip, nothing written', async () => {
  const doc = await markedSample();
  await withFake(doc, async () => {
    const cleared = await new OfficeHost().clearMarks();
    assert.ok(cleared.ok);
    assert.equal(cleared.value, 0);
    assert.equal(doc.stats.roundTrips, 1);
    assert.deepEqual(doc.writes, []);
  });
});

test('mark planning: highest severity per cell, rectangles, chunks, unreadable references', () => {
  const plan = planMarks([
    { rule: 'a', severity: 'info', message: 'm', cells: ['S!B2', 'S!B3', 'S!C2', 'S!C3', 'S!B4'] },
    { rule: 'b', severity: 'error', message: 'm', cells: ['S!B4', "'T x'!A1:A3", 'garbage', 'S!ZZZZ1'] },
  ]);
  assert.deepEqual(plan.unresolved, ['garbage', 'S!ZZZZ1']);
  const s = plan.sheets.find((p) => p.sheet === 'S')!;
  assert.deepEqual(s.severities, [
    { severity: 'info', rects: [{ top: 1, left: 1, bottom: 2, right: 2 }] },
    { severity: 'error', rects: [{ top: 3, left: 1, bottom: 3, right: 1 }] },
  ]);
  assert.deepEqual(plan.sheets.find((p) => p.sheet === 'T x')!.cells, ['T x!A1', 'T x!A2', 'T x!A3']);
  assert.deepEqual(coalesce([{ row: 0, col: 0 }, { row: 2, col: 0 }, { row: 0, col: 1 }]), [
    { top: 0, left: 0, bottom: 0, right: 1 },
    { top: 2, left: 0, bottom: 2, right: 0 },
  ]);
  const many = Array.from({ length: 450 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2, right: 0 }));
  const chunks = chunkAddresses(many);
  assert.equal(chunks.length, 3);
  assert.ok(chunks.every((c) => c.split(',').length <= 200 && c.length <= 4000));
  assert.equal(chunks.join(',').split(',').length, 450);
  assert.ok(TABLE_SHEETS.length === 9);
});
