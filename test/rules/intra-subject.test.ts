import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { subjectSumRule } from '../../src/core/rules/intra/subject-sum';
import { carryOverRule, rowTotalRule } from '../../src/core/rules/intra/row-total';

const t03Sum = subjectSumRule('03');
const t03Row = rowTotalRule('03');

test('t03-subject-sum: valid on the sample, every column and level', async () => {
  assert.deepEqual(findingsOf(t03Sum, await seedSnapshot()), []);
});

test('t03-subject-sum: a wrong 项 is named with its 款, expected, actual and difference', async () => {
  const snap = bump(await seedSnapshot(), '公开03表!D10', 1); // 2010450 基本支出 353.87 → 354.87
  const errors = errorsOf(t03Sum, snap);
  const f = errors.find((e) => e.cells[0] === '公开03表!D9');
  assert.ok(f, JSON.stringify(errors));
  assert.equal(f.expected, '354.87');
  assert.equal(f.actual, '353.87');
  assert.equal(f.difference, '-1.00');
  assert.ok(f.cells.includes('公开03表!D10'));
  assert.match(f.message, /第 9 行“20104 发展与改革事务”的“基本支出”应等于所属各项之和 354\.87，实为 353\.87，差额 -1\.00/);
});

test('t03-subject-sum: a cent within the rounding bound is info, not error', async () => {
  const snap = withCells(await seedSnapshot(), { '公开03表!D15': 27.65 }); // 2080505 27.64 → 27.65
  const found = findingsOf(t03Sum, snap);
  assert.ok(found.length > 0);
  assert.ok(found.every((f) => f.severity === 'info'), JSON.stringify(found));
  assert.equal(found[0].tolerance, '0.02');
  assert.match(found[0].message, /尾数差异/);
});

test('t03-subject-sum: 合计 = Σ类', async () => {
  const snap = bump(await seedSnapshot(), '公开03表!C7', 1);
  const f = errorsOf(t03Sum, snap).find((e) => e.cells[0] === '公开03表!C7');
  assert.ok(f);
  assert.match(f.message, /“合计”行的“本年支出合计”应等于各类级科目之和 519\.63/);
});

test('t03-row-total: 本年支出合计 = 基本 + 项目 + …, per row', async () => {
  assert.deepEqual(findingsOf(t03Row, await seedSnapshot()), []);
  const snap = withCells(await seedSnapshot(), { '公开03表!E11': 57.78 });
  const f = errorsOf(t03Row, snap).find((e) => e.cells[0] === '公开03表!C11');
  assert.ok(f);
  assert.deepEqual([f.expected, f.actual, f.difference], ['57.78', '56.78', '-1.00']);
  assert.ok(f.cells.includes('公开03表!E11'));
});

test('rules for 02, 05, 07, 08 are valid on the sample and bite', async () => {
  const seed = await seedSnapshot();
  for (const code of ['02', '05', '07', '08'] as const) {
    assert.deepEqual(findingsOf(subjectSumRule(code), seed), [], code);
    assert.deepEqual(findingsOf(rowTotalRule(code), seed), [], code);
  }
  assert.ok(errorsOf(rowTotalRule('02'), bump(seed, '公开02表!D12', 1)).some((f) => f.cells.includes('公开02表!D12')));
  assert.ok(errorsOf(subjectSumRule('05'), bump(seed, '公开05表!E12', 1)).some((f) => f.cells.includes('公开05表!E12')));
  // 07 is empty in the sample: a figure in its 合计 row has no 类 beneath it.
  assert.ok(errorsOf(subjectSumRule('07'), withCells(seed, { '公开07表!E7': 5 })).some((f) => f.cells[0] === '公开07表!E7'));
  assert.ok(errorsOf(rowTotalRule('07'), withCells(seed, { '公开07表!E7': 5 })).some((f) => f.cells[0] === '公开07表!E7'));
  assert.ok(errorsOf(carryOverRule('07'), withCells(seed, { '公开07表!C7': 5 })).some((f) => f.cells[0] === '公开07表!H7'));
  assert.deepEqual(findingsOf(carryOverRule('07'), seed), []);
});

test('t08-row-total and t08-carry-over bite on 08 (central 3-column and Shanghai 6-column layouts)', async () => {
  const seed = await seedSnapshot();
  const rowErrors = errorsOf(rowTotalRule('08'), withCells(seed, { '公开08表!C8': 5 }));
  assert.ok(rowErrors.some((f) => f.cells[0] === '公开08表!C8' && f.expected === '0.00' && f.actual === '5.00'));
  assert.deepEqual(findingsOf(carryOverRule('08'), withCells(seed, { '公开08表!C8': 5 })), [], 'no carry-over columns: nothing to check');
  const { buildShanghaiWorkbook } = await import('../support/shanghai.js');
  const { workbookToBuffer } = await import('../support/variants.js');
  const { snapshotOf } = await import('../helpers.js');
  const wb = await buildShanghaiWorkbook();
  const sheet = wb.worksheets.find((ws) => ws.getCell('A2').text.includes('国有资本经营'))!;
  let totalRow = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).text === '合计' || row.getCell(4).text === '合计') totalRow = n;
  });
  assert.ok(totalRow > 0, 'the 08 合计 row');
  const snap = await snapshotOf(await workbookToBuffer(wb));
  assert.deepEqual(findingsOf(carryOverRule('08'), snap), []);
  const firstAmountCol = [...Array(12).keys()].map((i) => i + 1).find((c) => /年初/.test(sheet.getRow(4).getCell(c).text + sheet.getRow(5).getCell(c).text))!;
  const ref = `${sheet.name}!${sheet.getRow(totalRow).getCell(firstAmountCol).address}`;
  const errors = errorsOf(carryOverRule('08'), withCells(snap, { [ref]: 3 }));
  assert.ok(errors.some((f) => f.cells.includes(ref)), JSON.stringify(errors));
});
