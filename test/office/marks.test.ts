// Marking findings with conditional formats through the fake: ≤ 2 round trips (also for 500 findings), the
// right colour on exactly the findings' cells, user content and formats untouched, protected sheets skipped
// and reported; marks found by their rule formula — after the file is reopened (new worksheet ids, formats
// renumbered), on renamed sheets — never a user's rule of the same colour or a user's "=TRUE"; a re-check
// whose findings did not change writes nothing, a changed one writes only what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../src/core/report';
import type { Finding, Severity } from '../../src/core/findings/finding';
import { OfficeHost, isMarkFormula, markFormula, markSeverity } from '../../src/hosts/office';
import { MARK_FILL, chunkAddresses, coalesce, parseRef, planMarks } from '../../src/hosts/mark-plan';
import { diffMarks, wantedFormats } from '../../src/hosts/mark-diff';
import { type FakeWorkbook, WEB_PAYLOAD_LIMIT, parseArea } from '../fakes/excel';
import { CONTENT_OPS, TABLE_SHEETS, fakeFrom, perturbedSeedXlsx, seedSnapshot, syntheticFindings, withFake } from './support';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

async function markedSample(config = {}) {
  const bytes = await perturbedSeedXlsx();
  return fakeFrom(bytes, 'seed-2024.xlsx', config);
}

/** The fill a cell shows because of the add-in's marks (the highest-priority mark covering it). */
function shownMark(doc: FakeWorkbook, ref: string): string | undefined {
  const r = parseRef(ref)!;
  const sheet = doc.sheet(r.sheet);
  const cf = sheet.conditionalFormats.find(
    (f) => isMarkFormula(f.formula) && f.ranges.some((q) => r.top >= q.top && r.top <= q.bottom && r.left >= q.left && r.left <= q.right),
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
  return doc.sheets.reduce((n, s) => n + s.conditionalFormats.filter((f) => isMarkFormula(f.formula)).length, 0);
}

/** A user's own rules that look like ours: the same colours, "=TRUE", a formula naming the add-in without a severity. */
function addLookalikeRules(doc: FakeWorkbook) {
  const rect = (a: string) => [parseArea(a)!.rect];
  return [
    doc.addUserConditionalFormat('公开01表', rect('B7:C9'), { formula: '=TRUE', fill: MARK_FILL.error }),
    doc.addUserConditionalFormat('公开02表', rect('C7'), { formula: '=TRUE', fill: MARK_FILL.warning }),
    doc.addUserConditionalFormat('公开03表', rect('D8'), { formula: '=N("决算审核助手")=0', fill: MARK_FILL.info }),
    doc.addUserConditionalFormat('公开03表', rect('A1:F40'), { type: 'ColorScale' }),
  ];
}

test('the mark formula: always true, names the add-in and the severity; nothing else reads as a mark', () => {
  assert.equal(markFormula('error'), '=N("决算审核助手:错误")=0');
  for (const severity of ['error', 'warning', 'info'] as const) assert.equal(markSeverity(markFormula(severity)), severity);
  assert.equal(markSeverity(' =n( "决算审核助手：警告" ) = 0 '), 'warning', 'spacing, case and a full-width colon as Excel may give it back');
  for (const other of ['=TRUE', '=N("决算审核助手")=0', '=N("决算审核助手:错误")=1', '=AND(TRUE,"决算审核助手:错误")', '=$A$1>0', '', undefined, 7]) {
    assert.equal(markSeverity(other), undefined, String(other));
  }
});

test('the sample with a wrong amount: marked in 1 round trip after the read (no custom format to look into), each cell in its severity colour, nothing stored in settings', async () => {
  const doc = await markedSample();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const read = await host.readSnapshot();
    assert.ok(read.ok);
    const { findings } = checkSnapshot(read.value).report;
    assert.ok(findings.some((f) => f.severity === 'error' && f.cells.length), 'the perturbed sample has an error with cells');
    doc.resetCounters();
    const marked = await host.applyMarks(findings);
    assert.ok(marked.ok, marked.ok ? '' : marked.error.detail);
    assert.equal(doc.stats.roundTrips, 1, 'the read saw no custom format: nothing to scan, one write');
    const expected = expectedFills(findings);
    assert.deepEqual(new Set(marked.value.marked), new Set(expected.keys()));
    for (const [ref, fill] of expected) assert.equal(shownMark(doc, ref), fill, ref);
    assert.deepEqual(marked.value.skipped, []);
    assert.equal(marked.value.formats, ourFormatCount(doc));
    for (const sheet of doc.sheets)
      for (const cf of sheet.conditionalFormats) assert.equal(cf.fill, MARK_FILL[markSeverity(cf.formula)!], 'the fill matches the severity in the formula');
    assert.deepEqual([...doc.settings.keys()], [], 'no ids kept anywhere');
    assert.deepEqual(doc.writes.filter((w) => CONTENT_OPS.has(w.op)), [], 'marking writes no value and no format');
  });
});

for (const apiVersion of ['1.7', '1.9'] as const) {
  test(`500 findings (ExcelApi ${apiVersion}): marked in ≤ 2 round trips, cleared in 4, nothing else changed`, async () => {
    const doc = await markedSample({ apiVersion, payloadLimitBytes: WEB_PAYLOAD_LIMIT });
    const findings = syntheticFindings(await seedSnapshot(), 500);
    // The user's own formatting, which must come through untouched.
    doc.sheet('公开01表').ensure(6, 1).fill = '#00B050';
    doc.sheet('公开03表').ensure(8, 2).numberFormat = '0.0%';
    const userFormat = doc.addUserConditionalFormat('公开02表', [parseArea('C7:D20')!.rect], { type: 'CellValue', fontColor: '#FF0000' });
    addLookalikeRules(doc);
    const contentBefore = doc.dumpContent();
    const formatsBefore = doc.dumpConditionalFormats();
    await withFake(doc, async () => {
      const host = new OfficeHost();
      assert.ok((await host.readSnapshot()).ok);
      doc.resetCounters();
      const marked = await host.applyMarks(findings);
      assert.ok(marked.ok, marked.ok ? '' : marked.error.detail);
      assert.ok(doc.stats.roundTrips <= 2, `round trips: ${doc.stats.roundTrips}`);
      assert.equal(doc.stats.failedRoundTrips, 0);
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
      assert.equal(doc.stats.roundTrips, 4, 'sheets, format types, find the marks, remove them');
      assert.equal(ourFormatCount(doc), 0, 'no conditional format of ours remains');
      assert.deepEqual(doc.dumpContent(), contentBefore, 'every value and every user format as before');
      assert.deepEqual(doc.dumpConditionalFormats(), formatsBefore, "the user's own conditional formats are all there, unchanged");
      assert.ok(doc.sheet('公开02表').conditionalFormats.includes(userFormat));
      assert.deepEqual(doc.writes.filter((w) => CONTENT_OPS.has(w.op)), []);
    });
  });
}

test('清除标记 after reopening (new worksheet ids, renumbered formats, a renamed sheet): every mark found by its formula; the user\'s lookalike rules untouched', async () => {
  for (const apiVersion of ['1.7', '1.9']) {
    const doc = await markedSample({ apiVersion });
    const lookalikes = addLookalikeRules(doc);
    const findings: Finding[] = [
      { rule: 'a', severity: 'error', message: 'x', cells: ['公开01表!B7', '公开01表!B8', '公开02表!C9'] },
      { rule: 'b', severity: 'warning', message: 'y', cells: ['公开03表!D8', '公开06表!E10'] },
      { rule: 'c', severity: 'info', message: 'z', cells: ['公开06表!F11'] },
    ];
    const contentBefore = doc.dumpContent();
    await withFake(doc, async () => {
      const marked = await new OfficeHost().applyMarks(findings);
      assert.ok(marked.ok);
      assert.equal(ourFormatCount(doc), marked.value.formats);
    });
    const idsBefore = doc.sheets.map((s) => s.id);
    doc.reopen();
    assert.notDeepEqual(doc.sheets.map((s) => s.id), idsBefore, 'the next session has other worksheet ids');
    doc.sheet('公开06表').name = '表六';
    await withFake(doc, async () => {
      const cleared = await new OfficeHost().clearMarks();
      assert.ok(cleared.ok, cleared.ok ? '' : cleared.error.detail);
      assert.equal(cleared.value, 5, `ExcelApi ${apiVersion}: every mark removed, also on the renamed sheet`);
    });
    assert.equal(ourFormatCount(doc), 0);
    const left = doc.sheets.flatMap((s) => s.conditionalFormats);
    assert.equal(left.length, lookalikes.length);
    for (const rule of lookalikes) assert.ok(left.includes(rule), `${rule.formula ?? rule.type} (${rule.fill ?? ''}) is still there`);
    const after = doc.dumpContent() as Record<string, { name?: string }>;
    assert.deepEqual(Object.keys(after), Object.keys(contentBefore).map((n) => (n === '公开06表' ? '表六' : n)));
  }
});

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

test('live re-check: findings unchanged → nothing written (no undo step, undo list not cleared); one finding changed → only its marks rewritten', async () => {
  for (const apiVersion of ['1.7', '1.9', '1.20']) {
    const doc = await markedSample({ apiVersion });
    addLookalikeRules(doc);
    const findings = syntheticFindings(await seedSnapshot(), 60);
    await withFake(doc, async () => {
      const host = new OfficeHost();
      assert.ok((await host.readSnapshot()).ok);
      const first = await host.applyMarks(findings);
      assert.ok(first.ok);
      if (apiVersion === '1.20') assert.equal(doc.undo.steps.length, 1, 'one click, one undo step (mergeUndoGroup)');
      else if (apiVersion === '1.7') assert.equal(doc.undo.clears, 1, 'below 1.19 the write clears the undo list');

      // The same findings again (the user typed a value that changed nothing): read, check, mark.
      assert.ok((await host.readSnapshot()).ok);
      doc.resetCounters();
      const again = await host.applyMarks(findings);
      assert.ok(again.ok);
      assert.deepEqual([...doc.writes], [], `ExcelApi ${apiVersion}: no write at all`);
      assert.deepEqual(doc.undo, { steps: [], clears: 0 });
      assert.equal(doc.stats.roundTrips, 1, 'one round trip to see the marks are right');
      assert.deepEqual([again.value.formats, again.value.removed, again.value.kept], [0, 0, first.value.formats]);

      // One new error on 公开05表: only that sheet's formats change; every other mark stays as it is.
      const sheetsBefore = new Map(doc.sheets.map((s) => [s.name, [...s.conditionalFormats]]));
      const changed = [...findings, { rule: 'new', severity: 'error' as const, message: '新', cells: ['公开05表!B9'] }];
      assert.ok((await host.readSnapshot()).ok);
      doc.resetCounters();
      const third = await host.applyMarks(changed);
      assert.ok(third.ok);
      assert.ok(doc.writes.length > 0);
      assert.deepEqual([...new Set(doc.writes.map((w) => w.sheet))], ['公开05表'], 'writes touch only the sheet whose findings changed');
      assert.ok(doc.writes.filter((w) => w.op === 'cf.add').length <= 2);
      assert.equal(doc.stats.roundTrips, 2);
      for (const [name, before] of sheetsBefore) if (name !== '公开05表') assert.deepEqual(doc.sheet(name).conditionalFormats, before, name);
      assert.equal(shownMark(doc, '公开05表!B9'), MARK_FILL.error);
      for (const [ref, fill] of expectedFills(changed)) assert.equal(shownMark(doc, ref), fill, ref);
      if (apiVersion === '1.20') assert.equal(doc.undo.steps.length, 1);
    });
  }
});

test('rules the user adds or changes between the read and the marking: the stale positions are noticed, the marks still land exactly', async () => {
  const doc = await markedSample({ apiVersion: '1.9' });
  await withFake(doc, async () => {
    const host = new OfficeHost();
    assert.ok((await host.readSnapshot()).ok);
    assert.ok((await host.applyMarks([{ rule: 'a', severity: 'error', message: 'x', cells: ['公开01表!B7', '公开01表!D9'] }])).ok);
    assert.ok((await host.readSnapshot()).ok);
    // After our read, the user adds a colour scale (not custom) on top, and a custom rule of their own.
    const scale = doc.addUserConditionalFormat('公开01表', [parseArea('A1:F30')!.rect], { type: 'ColorScale' });
    const own = doc.addUserConditionalFormat('公开01表', [parseArea('B7')!.rect], { formula: '=B7>0', fill: '#FF0000' });
    const marked = await host.applyMarks([{ rule: 'b', severity: 'warning', message: 'y', cells: ['公开01表!C8'] }]);
    assert.ok(marked.ok, marked.ok ? '' : marked.error.detail);
    assert.equal(marked.value.removed, 1);
    assert.deepEqual(
      doc.sheet('公开01表').conditionalFormats.map((f) => f.formula ?? f.type),
      [markFormula('warning'), own.formula, 'ColorScale'],
      'the old mark gone, the new one on top, both user rules kept',
    );
    assert.ok(doc.sheet('公开01表').conditionalFormats.includes(scale));
  });
});

test('several stale marks and user rules interleaved on one sheet: removed bottom-up, so no user rule is ever hit', async () => {
  const doc = await markedSample({ apiVersion: '1.7' });
  const rect = (a: string) => [parseArea(a)!.rect];
  // Priority order (top first): mark, user, mark, user, mark — as a user working between checks leaves them.
  const user1 = doc.addUserConditionalFormat('公开04表', rect('A1'), { formula: '=TRUE', fill: MARK_FILL.error });
  doc.addUserConditionalFormat('公开04表', rect('B7'), { formula: markFormula('error'), fill: MARK_FILL.error });
  const user2 = doc.addUserConditionalFormat('公开04表', rect('A2'), { formula: '=TRUE', fill: MARK_FILL.warning });
  doc.addUserConditionalFormat('公开04表', rect('C8'), { formula: markFormula('warning'), fill: MARK_FILL.warning });
  doc.sheet('公开04表').conditionalFormats.push({ id: 'mark-at-bottom', type: 'Custom', ranges: rect('D9'), formula: markFormula('info'), fill: MARK_FILL.info, stopIfTrue: false });
  await withFake(doc, async () => {
    const cleared = await new OfficeHost().clearMarks();
    assert.ok(cleared.ok);
    assert.equal(cleared.value, 3);
  });
  assert.deepEqual(doc.sheet('公开04表').conditionalFormats, [user2, user1]);
  const deletes = doc.writes.filter((w) => w.op === 'cf.delete').map((w) => (w.detail as { priority: number }).priority);
  assert.deepEqual(deletes, [4, 2, 0], 'highest position first');
});

test('marking without a read first reads the state itself; a mark deleted by hand, a renamed sheet, a deleted sheet', async () => {
  const doc = await markedSample();
  await withFake(doc, async () => {
    const cold = await new OfficeHost().applyMarks([{ rule: 'a', severity: 'error', message: 'x', cells: ['公开01表!B7', '公开04表!C9', '公开08表!C9'] }]);
    assert.ok(cold.ok);
    assert.equal(doc.stats.roundTrips, 3, 'state (2) + marks (1) when no read came first (no custom format yet: nothing to find)');
    const host = new OfficeHost();
    assert.ok((await host.readSnapshot()).ok);
    // After our read, the user removes one mark (条件格式 > 管理规则), renames a sheet and deletes another.
    const sheet1 = doc.sheet('公开01表');
    sheet1.conditionalFormats = sheet1.conditionalFormats.filter((f) => !isMarkFormula(f.formula));
    doc.sheet('公开04表').name = '公开04表（旧）';
    doc.sheets.splice(doc.sheets.indexOf(doc.sheet('公开08表')), 1);
    doc.resetCounters();
    const again = await host.applyMarks([{ rule: 'd', severity: 'error', message: 'z', cells: ['公开05表!B7', '公开04表!B7'] }]);
    assert.ok(again.ok, again.ok ? '' : again.error.detail);
    assert.ok(doc.stats.failedRoundTrips >= 1, 'the stale state failed once, then was read again');
    assert.deepEqual(again.value.skipped, [{ sheet: '公开04表', reason: 'missing', cells: ['公开04表!B7'] }]);
    assert.equal(again.value.removed, 1, 'the mark on the renamed sheet is found by its formula and removed');
    assert.equal(ourFormatCount(doc), 1);
    const cleared = await host.clearMarks();
    assert.ok(cleared.ok);
    assert.equal(cleared.value, 1);
    assert.equal(ourFormatCount(doc), 0);
  });
});

test('clearing when the workbook has no custom conditional format: 2 round trips, nothing written', async () => {
  const doc = await markedSample();
  doc.addUserConditionalFormat('公开02表', [parseArea('C7:D20')!.rect], { type: 'CellValue', fontColor: '#FF0000' });
  await withFake(doc, async () => {
    const cleared = await new OfficeHost().clearMarks();
    assert.ok(cleared.ok);
    assert.equal(cleared.value, 0);
    assert.equal(doc.stats.roundTrips, 2);
    assert.deepEqual(doc.writes, []);
  });
});

test('mark planning and diffing: highest severity per cell, rectangles, chunks, unreadable references; keep / remove / add', () => {
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

  const wanted = wantedFormats(s, true);
  assert.deepEqual(wanted.map((w) => [w.severity, w.address]), [['info', 'B2:C3'], ['error', 'B4']]);
  const diff = diffMarks(wanted, [
    { index: 0, severity: 'info', areas: ['$B$2:$C$3'] },
    { index: 3, severity: 'error', areas: ['B5'] },
    { index: 5, severity: 'warning', areas: null },
  ]);
  assert.deepEqual(diff.keep.map((m) => m.index), [0], 'the same areas (absolute or not) are the same mark');
  assert.deepEqual(diff.remove.map((m) => m.index), [5, 3], 'removal highest position first; an unreadable mark is replaced');
  assert.deepEqual(diff.add.map((w) => w.address), ['B4']);
});
