import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { items0906 } from '../../src/core/rules/cross/items-09-06';
import { contributions0605 } from '../../src/core/rules/cross/contributions-06-05';

// Sample cells: 09 决算数 row 8 (G 合计, H 因公出国, I 小计, J 购置, K 运行维护, L 公务接待);
// 06 F17 30212 6.90, F22 30217 0.56, F30 30231 6.86, I21 31013 (blank), C12 30108, C13 30109, C14 30110,
// C15 30111, C17 30113. 05 基本支出 D16 2080505, D17 2080506, D20–D22 2101101–03, D29 2210201.

// ---------------------------------------------------------------------------------------------------------------
// x09-06-items (B12)

test('x09-06-items: valid on the sample (09 = 06 for every item)', async () => {
  assert.deepEqual(findingsOf(items0906, await seedSnapshot()), []);
});

test('x09-06-items: 因公出国 决算 below 06 30212 → error on the 09 cell', async () => {
  const errors = errorsOf(items0906, withCells(await seedSnapshot(), { '公开09表!H8': 6 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.deepEqual(f.cells, ['公开09表!H8', '公开06表!F17']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['≥ 6.90', '6.00', '-0.90']);
  assert.equal(f.table, '09');
  assert.match(
    f.message,
    /^公开09表（财政拨款“三公”经费支出决算表）决算数“因公出国（境）费”应不小于公开06表（一般公共预算财政拨款基本支出决算明细表）“30212 因公出国（境）费用”，应为 ≥ 6\.90，实为 6\.00，差额 -0\.90/,
  );
});

test('x09-06-items: an inequality — 09 above 06 (paid partly from 项目支出) gives nothing', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(items0906, withCells(seed, { '公开09表!H8': 8 })), []);
  // A car bought from 项目支出: 09 购置 25.00 with 31013 blank (seen in a real report) is not an error.
  assert.deepEqual(findingsOf(items0906, withCells(seed, { '公开09表!J8': 25 })), []);
});

test('x09-06-items: every pair is checked, a cent short is info', async () => {
  const seed = await seedSnapshot();
  for (const [ref09, ref06, value] of [
    ['公开09表!L8', '公开06表!F22', 0.5],
    ['公开09表!K8', '公开06表!F30', 6],
  ] as const) {
    const errors = errorsOf(items0906, withCells(seed, { [ref09]: value }));
    assert.deepEqual(errors.map((e) => e.cells), [[ref09, ref06]]);
  }
  const purchase = errorsOf(items0906, withCells(seed, { '公开06表!I21': 3 }));
  assert.deepEqual(purchase.map((e) => e.cells), [['公开09表!J8', '公开06表!I21']]);
  assert.match(purchase[0].message, /“公务用车购置费”应不小于.*“31013 公务用车购置”/);
  const cent = findingsOf(items0906, withCells(seed, { '公开09表!H8': 6.89 }));
  assert.deepEqual(cent.map((f) => f.severity), ['info']);
});

// ---------------------------------------------------------------------------------------------------------------
// x06-05-contributions (B14, warning)

test('x06-05-contributions: the sample gives the four known warnings (domain.md §5 #11), no error', async () => {
  const found = findingsOf(contributions0605, await seedSnapshot());
  assert.deepEqual(
    found.map((f) => [f.severity, f.cells[0], f.expected, f.actual, f.difference]),
    [
      ['warning', '公开06表!C12', '27.64', '27.89', '0.25'],
      ['warning', '公开06表!C13', '13.82', '13.94', '0.12'],
      ['warning', '公开06表!C17', '22.99', '23.01', '0.02'],
      ['warning', '公开06表!C14', '17.92', '18.20', '0.28'],
    ],
  );
  assert.deepEqual(found[0].cells, ['公开06表!C12', '公开05表!D16']);
  assert.deepEqual(found[3].cells, ['公开06表!C14', '公开06表!C15', '公开05表!D20', '公开05表!D21', '公开05表!D22']);
  assert.match(
    found[0].message,
    /^公开06表（一般公共预算财政拨款基本支出决算明细表）“30108 机关事业单位基本养老保险缴费” 27\.89 与公开05表（一般公共预算财政拨款支出决算表）“2080505 机关事业单位基本养老保险缴费支出”的“基本支出” 27\.64 不一致，差额 0\.25。缴费也可能列支在其他功能科目/,
  );
  assert.match(found[3].message, /“30110 职工基本医疗保险缴费”“30111 公务员医疗补助缴费”之和 18\.20/);
});

test('x06-05-contributions: agreement gives nothing, a cent is info, a large gap stays a warning', async () => {
  const seed = await seedSnapshot();
  const agreed = withCells(seed, { '公开06表!C12': 27.64, '公开06表!C13': 13.82, '公开06表!C17': 22.99, '公开06表!C14': 11.25 });
  assert.deepEqual(findingsOf(contributions0605, agreed), []);
  const cent = findingsOf(contributions0605, withCells(agreed, { '公开06表!C12': 27.65 }));
  assert.deepEqual(cent.map((f) => [f.severity, f.cells[0]]), [['info', '公开06表!C12']]);
  const large = findingsOf(contributions0605, withCells(agreed, { '公开06表!C17': 50 }));
  assert.deepEqual(large.map((f) => [f.severity, f.cells[0], f.difference]), [['warning', '公开06表!C17', '27.01']]);
});

test('x06-05-contributions: a pair whose 05 项 is absent is not compared', async () => {
  // 05's 2210201 relabelled: the 30113 pair has no 05 side any more.
  const found = findingsOf(contributions0605, withCells(await seedSnapshot(), { '公开05表!A29': '2210203' }));
  assert.ok(found.every((f) => f.cells[0] !== '公开06表!C17'), JSON.stringify(found));
  assert.equal(found.length, 3);
});
