/// <reference types="office-js" />
// The Office gateway reading through the fake Excel object model: the same report as the file path, in
// exactly two round trips for the sample and for 60 sheets, blocks only for far-reaching used ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../src/core/report';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { OfficeHost } from '../../src/hosts/office';
import { outsideWindow, parseAreasAddress, rowBlocks } from '../../src/hosts/office/read-snapshot';
import { snapshotOf } from '../helpers';
import { MAX_COLS, MAX_ROWS, WEB_PAYLOAD_LIMIT, fakeWorkbookFromSnapshot } from '../fakes/excel';
import { fakeFrom, findingKey, perturbedSeedXlsx, seedSnapshot, seedXlsx, wideWorkbookSnapshot, withFake } from './support';

async function readThroughFake(bytes: Uint8Array, name: string, config = {}) {
  const doc = await fakeFrom(bytes, name, config);
  return withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    return { snapshot: result.value, stats: { ...doc.stats }, doc };
  });
}

/** Cell values as the core reads them ("" and missing both mean empty). */
function cellMap(snapshot: WorkbookSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of snapshot.sheets)
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== '' && v !== undefined) out.set(`${s.name}!${s.origin.row + r},${s.origin.col + c}`, v);
      }),
    );
  return out;
}

for (const [label, load] of [
  ['the sample', seedXlsx],
  ['the sample with a wrong amount', perturbedSeedXlsx],
] as const) {
  test(`${label}: reading through Excel gives the same report as reading the file, in exactly 2 round trips`, async () => {
    const bytes = await load();
    const fromFile = checkSnapshot(await snapshotOf(bytes, 'seed-2024.xlsx')).report;
    const { snapshot, stats } = await readThroughFake(bytes, 'seed-2024.xlsx');
    const fromExcel = checkSnapshot(snapshot).report;
    assert.equal(stats.roundTrips, 2, 'sheet list, then every used range at once');
    assert.equal(stats.syncCalls, 2);
    assert.deepEqual(fromExcel.findings.map(findingKey), fromFile.findings.map(findingKey));
    assert.deepEqual(fromExcel.tables, fromFile.tables);
    assert.deepEqual(fromExcel.summary, fromFile.summary);
    if (label !== 'the sample') assert.ok(fromFile.summary.error > 0, 'the perturbed sample has errors to compare');
    assert.deepEqual(cellMap(snapshot), cellMap(await snapshotOf(bytes, 'seed-2024.xlsx')));
    assert.equal(snapshot.source, 'seed-2024.xlsx');
    assert.ok(snapshot.sheets.every((s) => s.merges === undefined), 'no merged areas below ExcelApi 1.13');
  });
}

test('60 sheets are read in exactly 2 round trips, with positions, visibility and protection', async () => {
  const wide = await wideWorkbookSnapshot(60);
  const doc = fakeWorkbookFromSnapshot(wide);
  doc.sheet('附表30').protected = true;
  await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok);
    assert.equal(doc.stats.roundTrips, 2);
    const sheets = result.value.sheets;
    assert.equal(sheets.length, 60);
    const filler = sheets.find((s) => s.name === '附表12')!;
    assert.deepEqual(filler.origin, { row: 2, col: 1 });
    assert.equal(filler.values.length, 40);
    assert.equal(filler.values[3][4], 304.25);
    assert.equal(sheets.find((s) => s.name === '附表30')!.protected, true);
    assert.equal(sheets.find((s) => s.name === '附表18')!.visibility, 'hidden');
    assert.deepEqual(cellMap(result.value), cellMap(wide));
  });
});

test('ExcelApi 1.13: merged areas in one more round trip; the findings stay the same', async () => {
  const bytes = await perturbedSeedXlsx();
  const file = await snapshotOf(bytes, 'seed-2024.xlsx');
  const { snapshot, stats } = await readThroughFake(bytes, 'seed-2024.xlsx', { apiVersion: '1.13' });
  assert.equal(stats.roundTrips, 3);
  assert.ok(file.sheets.every((s) => (s.merges?.length ?? 0) > 0), 'the sample has merged headers on every sheet');
  for (const sheet of file.sheets) {
    const read = snapshot.sheets.find((s) => s.name === sheet.name)!;
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
    assert.deepEqual((read.merges ?? []).map(key).sort(), (sheet.merges ?? []).map(key).sort(), sheet.name);
  }
  assert.deepEqual(checkSnapshot(snapshot).report.findings.map(findingKey), checkSnapshot(file).report.findings.map(findingKey));
});

test('more than 512 merged areas: merges are left out, the read still succeeds', async () => {
  const doc = fakeWorkbookFromSnapshot({ sheets: [{ name: 'S', origin: { row: 0, col: 0 }, values: [[1]] }] }, { apiVersion: '1.13' });
  const s = doc.sheet('S');
  s.ensure(2000, 3).value = 'x';
  s.merges = Array.from({ length: 600 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2, right: 1 }));
  await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok);
    assert.equal(result.value.sheets[0].merges, undefined);
  });
});

test('a stray cell at row 1,048,576 and column XFD: read in a few more round trips, never as a million dense rows', async () => {
  const doc = fakeWorkbookFromSnapshot(
    {
      sheets: [
        { name: '封面', origin: { row: 0, col: 0 }, values: [['部门决算']] },
        { name: '数据', origin: { row: 0, col: 0 }, values: Array.from({ length: 40 }, (_, r) => Array.from({ length: 6 }, (_, c) => r * 10 + c)) },
      ],
    },
    { payloadLimitBytes: WEB_PAYLOAD_LIMIT },
  );
  const data = doc.sheet('数据');
  data.ensure(MAX_ROWS - 1, 0).value = '误输入';
  data.ensure(4, MAX_COLS - 1).value = 7;
  await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok, result.ok ? '' : result.error.detail);
    // 2 + one to find what lies beyond the window + one to read it.
    assert.equal(doc.stats.roundTrips, 4);
    assert.equal(doc.stats.failedRoundTrips, 0, 'no request ever exceeded the web payload limit');
    const sheet = result.value.sheets.find((s) => s.name === '数据')!;
    assert.deepEqual(sheet.origin, { row: 0, col: 0 });
    assert.equal(sheet.values.length, MAX_ROWS);
    assert.equal(sheet.values[MAX_ROWS - 1][0], '误输入');
    assert.equal(sheet.values[4][MAX_COLS - 1], 7);
    assert.equal(sheet.values[39][5], 395);
    const defined = sheet.values.reduce((n) => n + 1, 0);
    assert.ok(defined <= 41, `rows materialised: ${defined}`);
    assert.equal(result.value.sheets.find((s) => s.name === '封面')!.values[0][0], '部门决算');
  });
});

test('too much for one response (web, 5 MB): the used ranges are read again in blocks, same content', async () => {
  const wide = await wideWorkbookSnapshot(12);
  const doc = fakeWorkbookFromSnapshot(wide, { payloadLimitBytes: 20_000 });
  await withFake(doc, async () => {
    const result = await new OfficeHost({ limits: { tripCells: 2_000, blockCells: 1_000, tripBytes: 10_000 } }).readSnapshot();
    assert.ok(result.ok, result.ok ? '' : result.error.detail);
    assert.equal(doc.stats.failedRoundTrips, 1, 'the one-trip read was refused by the host; every block after it fit');
    assert.deepEqual(cellMap(result.value), cellMap(wide));
    assert.deepEqual(checkSnapshot(result.value).report.findings.map(findingKey), checkSnapshot(wide).report.findings.map(findingKey));
  });
});

test('30,000 rows of Chinese text (over the web\'s 5 MB in one response): read in round trips sized under the limit, none refused, same content', async () => {
  const rows = 30_000;
  const text = (r: number) => `第${r + 1}项：部门决算公开说明文字示例，用于检验分块读取是否在网页版单次五兆字节上限以内完成`;
  const values = Array.from({ length: rows }, (_, r) => [text(r), '某某市长株潭一体化发展事务中心', r * 1.25]);
  const doc = fakeWorkbookFromSnapshot({ sheets: [{ name: '封面', origin: { row: 0, col: 0 }, values: [['部门决算']] }, { name: '明细', origin: { row: 0, col: 0 }, values }] });
  assert.equal(doc.config.payloadLimitBytes, WEB_PAYLOAD_LIMIT, 'the web limit is on by default');
  // The premise: the whole sheet in one response is over the limit.
  await withFake(doc, async () => {
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('明细').getUsedRange(true).load('values,numberFormat');
        await context.sync();
      }),
      (e: { code?: string }) => e.code === 'ResponsePayloadSizeLimitExceeded',
    );
  });
  doc.resetCounters();
  await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok, result.ok ? '' : result.error.detail);
    // Sheets; the window (rows 1–10,000, ~2.4 MB) with protection and format types; the used part below it;
    // then 20,000 rows (~4.7 MB) in 3 round trips of at most 2.5 MB as estimated from the window (+25 %).
    assert.equal(doc.stats.roundTrips, 6);
    assert.equal(doc.stats.failedRoundTrips, 0, 'every round trip was sized under the limit');
    const sheet = result.value.sheets.find((s) => s.name === '明细')!;
    assert.equal(sheet.values.length, rows);
    for (const r of [0, 9_999, 10_000, 19_999, 20_000, rows - 1]) assert.deepEqual(sheet.values[r], values[r], `row ${r + 1}`);
  });
});

test('an empty sheet and a used range that starts at C5', async () => {
  const doc = fakeWorkbookFromSnapshot({
    sheets: [
      { name: '空白', origin: { row: 0, col: 0 }, values: [] },
      { name: '偏移', origin: { row: 4, col: 2 }, values: [['a', null, 'b'], [null, 2, null]] },
    ],
  });
  doc.sheet('空白').ensure(3, 3).fill = '#FFFF00'; // formatting only: valuesOnly ignores it
  await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok);
    const [blank, offset] = result.value.sheets;
    assert.deepEqual(blank.values, []);
    assert.deepEqual(offset.origin, { row: 4, col: 2 });
    assert.deepEqual(offset.values, [['a', '', 'b'], ['', 2, '']]);
    assert.deepEqual(offset.numberFormats, [['General', 'General', 'General'], ['General', 'General', 'General']]);
  });
});

test('read helpers: window remainder, row blocks, RangeAreas addresses', () => {
  const window = { top: 0, left: 0, bottom: 9999, right: 99 };
  assert.deepEqual(outsideWindow({ top: 0, left: 0, bottom: 40, right: 5 }, window), []);
  assert.deepEqual(outsideWindow({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: 5 }, window), [{ top: 10000, left: 0, bottom: MAX_ROWS - 1, right: 5 }]);
  assert.deepEqual(outsideWindow({ top: 3, left: 0, bottom: 40, right: 200 }, window), [{ top: 3, left: 100, bottom: 40, right: 200 }]);
  assert.deepEqual(rowBlocks({ top: 0, left: 0, bottom: 9, right: 9 }, 30), [
    { top: 0, left: 0, bottom: 2, right: 9 },
    { top: 3, left: 0, bottom: 5, right: 9 },
    { top: 6, left: 0, bottom: 8, right: 9 },
    { top: 9, left: 0, bottom: 9, right: 9 },
  ]);
  assert.deepEqual(parseAreasAddress("公开01表!A1:F1, 公开01表!B3, 'a, b'!C4:D5"), [
    { top: 0, left: 0, bottom: 0, right: 5 },
    { top: 2, left: 1, bottom: 2, right: 1 },
    { top: 3, left: 2, bottom: 4, right: 3 },
  ]);
});

test('a date in an amount cell (in Excel: a number with a date format) is named as a date, as in the file path', async () => {
  const seed = await seedSnapshot();
  const doc = fakeWorkbookFromSnapshot(seed);
  const sheet = doc.sheets.find((s) => s.name === '公开05表')!;
  // 公开05表!C8 holds 2024-01-05 as Excel stores it: serial 45296, formatted as a date.
  const cell = sheet.ensure(7, 2);
  cell.value = 45296;
  cell.numberFormat = 'yyyy/m/d';
  const snapshot = await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(result.ok);
    return result.value;
  });
  const sheet05 = snapshot.sheets.find((s) => s.name === '公开05表')!;
  assert.equal(sheet05.values[7 - sheet05.origin.row][2 - sheet05.origin.col], '2024-01-05');
  const f = checkSnapshot(snapshot).report.findings.find((x) => x.rule === 'read-cell-invalid');
  assert.ok(f, 'the date is reported');
  assert.match(f.message, /公开05表!C8（本年支出\/小计）是日期（2024-01-05），应为金额/);
  assert.deepEqual(f.cells, ['公开05表!C8']);
});
