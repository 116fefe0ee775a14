import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { expense0103 } from '../../src/core/rules/cross/expense-01-03';
import { subject0203 } from '../../src/core/rules/cross/subject-02-03';
import { bound0305 } from '../../src/core/rules/cross/bound-03-05';

// Sample cells: 01 支出 F7 201 … F16 211, F17 212, F25 221, F33 本年支出合计, C35 年初结转和结余; 02/03 合计 row 7,
// 201 row 8, 2010450 row 10, 211 row 23, 2210201 row 28 (C 合计, D 基本, E 项目); 05 合计 row 8, 2010450 row 11,
// 2210201 row 29.

// ---------------------------------------------------------------------------------------------------------------
// x01-03-expense (B04)

test('x01-03-expense: valid on the sample (本年支出合计 and every 类)', async () => {
  assert.deepEqual(findingsOf(expense0103, await seedSnapshot()), []);
});

test('x01-03-expense: 01 本年支出合计 against 03 合计', async () => {
  const errors = errorsOf(expense0103, bump(await seedSnapshot(), '公开03表!C7', 1));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开01表!F33', '公开03表!C7']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['520.63', '519.63', '-1.00']);
  assert.match(errors[0].message, /^公开01表（收入支出决算总表）“本年支出合计”应等于公开03表（支出决算表）“合计”行的“本年支出合计” 520\.63，实为 519\.63，差额 -1\.00。$/);
});

test('x01-03-expense: a wrong 类 amount in 01', async () => {
  const errors = errorsOf(expense0103, bump(await seedSnapshot(), '公开01表!F7', 1));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.deepEqual(f.cells, ['公开01表!F7', '公开03表!C8']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['410.65', '411.65', '1.00']);
  assert.match(f.message, /“一般公共服务支出”（类 201）应等于公开03表（支出决算表）第 8 行“201 一般公共服务支出”的“本年支出合计” 410\.65，实为 411\.65/);
});

test('x01-03-expense: a 类 present in 03 but missing from 01 → error naming the 03 cell', async () => {
  // 01's 十、节能环保支出 row wiped (label and amount): 03 still has 211 with 7.20.
  const errors = errorsOf(expense0103, withCells(await seedSnapshot(), { '公开01表!D16': null, '公开01表!F16': null }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.equal(f.cells[0], '公开03表!C23');
  assert.ok(f.cells.includes('公开03表!A23'));
  assert.equal(f.table, '03');
  assert.deepEqual([f.expected, f.actual, f.difference], ['7.20', '0.00', '-7.20']);
  assert.match(f.message, /未列“节能环保支出”类级支出行（按 0 计），该类应等于公开03表（支出决算表）第 23 行“211 节能环保支出”的“本年支出合计” 7\.20，实为 0\.00/);
});

test('x01-03-expense: a 类 row of 01 left blank while 03 has money → both cells, the blank 01 cell first', async () => {
  const errors = errorsOf(expense0103, withCells(await seedSnapshot(), { '公开01表!F25': null }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开01表!F25', '公开03表!C26']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['22.99', '0.00', '-22.99']);
});

test('x01-03-expense: a 类 with money in 01 that 03 does not list → error naming the 01 cell', async () => {
  const errors = errorsOf(expense0103, withCells(await seedSnapshot(), { '公开01表!F17': 3 }));
  const f = errors.find((e) => e.cells[0] === '公开01表!F17');
  assert.ok(f, JSON.stringify(errors));
  assert.deepEqual(f.cells, ['公开01表!F17']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['0.00', '3.00', '3.00']);
  assert.match(f.message, /“城乡社区支出”（类 212）应等于公开03表（支出决算表）“212 城乡社区支出”类级科目（该表未列此科目，按 0 计）/);
});

// ---------------------------------------------------------------------------------------------------------------
// x02-03-subject (B13, warning)

test('x02-03-subject: nothing on the sample (02 = 03 for every 科目)', async () => {
  assert.deepEqual(findingsOf(subject0203, await seedSnapshot()), []);
});

test('x02-03-subject: 02 ≠ 03 for one 科目, no carry-over in 01 → a warning (not an error) mentioning 结转', async () => {
  const found = findingsOf(subject0203, bump(await seedSnapshot(), '公开03表!C10', 1));
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.cells, ['公开03表!C10', '公开02表!C10']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['353.87', '354.87', '1.00']);
  assert.match(f.message, /第 10 行“2010450 事业运行”的“本年支出合计” 354\.87 与公开02表（收入决算表）同一科目的“本年收入合计” 353\.87 不一致/);
  assert.match(f.message, /结转结余，差异可能是正常的/);
});

test('x02-03-subject: skipped when 01 shows carry-over (年初 or 年末)', async () => {
  const seed = await seedSnapshot();
  const changed = bump(seed, '公开03表!C10', 1);
  assert.deepEqual(findingsOf(subject0203, withCells(changed, { '公开01表!C35': 5 })), []);
  assert.deepEqual(findingsOf(subject0203, withCells(changed, { '公开01表!F35': 5 })), []);
});

// ---------------------------------------------------------------------------------------------------------------
// x03-05-bound (B09)

test('x03-05-bound: valid on the sample (03 = 05 everywhere)', async () => {
  assert.deepEqual(findingsOf(bound0305, await seedSnapshot()), []);
});

test('x03-05-bound: 05 exceeds 03 → error on the 03 cell, expected “≥ 05”', async () => {
  const errors = errorsOf(bound0305, bump(await seedSnapshot(), '公开05表!D11', 1));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.deepEqual(f.cells, ['公开03表!D10', '公开05表!D11']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['≥ 354.87', '353.87', '-1.00']);
  assert.match(
    f.message,
    /^公开03表（支出决算表）第 10 行“2010450 事业运行”的“基本支出”应不小于公开05表（一般公共预算财政拨款支出决算表）同一科目的“基本支出”，应为 ≥ 354\.87，实为 353\.87，差额 -1\.00。$/,
  );
});

test('x03-05-bound: the 合计 row too', async () => {
  const errors = errorsOf(bound0305, bump(await seedSnapshot(), '公开05表!C8', 2));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开03表!C7', '公开05表!C8']);
  assert.match(errors[0].message, /“合计”行的“本年支出合计”应不小于公开05表（一般公共预算财政拨款支出决算表）“合计”行的“合计”，应为 ≥ 521\.63/);
});

test('x03-05-bound: an inequality — 03 above 05 is fine (other funds), a cent below is info', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(bound0305, bump(seed, '公开03表!D10', 1)), []);
  const found = findingsOf(bound0305, withCells(seed, { '公开05表!E12': 56.79 }));
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
});

test('x03-05-bound: a 05 科目 absent from 03 → error on the 05 row', async () => {
  // 03's 2210201 relabelled 2210203: 05's 2210201 (22.99) no longer has a twin in 03.
  const errors = errorsOf(bound0305, withCells(await seedSnapshot(), { '公开03表!A28': '2210203' }));
  const f = errors.find((e) => e.table === '05');
  assert.ok(f, JSON.stringify(errors));
  assert.equal(f.cells[0], '公开05表!C29');
  assert.deepEqual([f.expected, f.actual, f.difference], ['≥ 22.99', '0.00', '-22.99']);
  assert.match(f.message, /未列“2210201 住房公积金”科目（按 0 计），该科目的“本年支出合计”应不小于公开05表（一般公共预算财政拨款支出决算表）第 29 行“2210201 住房公积金”的“合计”/);
  assert.equal(errors.length, 1, JSON.stringify(errors));
});
