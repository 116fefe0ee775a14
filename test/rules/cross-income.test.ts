import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { income0102 } from '../../src/core/rules/cross/income-01-02';
import { income0104 } from '../../src/core/rules/cross/income-01-04';
import { carryOver0104 } from '../../src/core/rules/cross/carry-over-01-04';

// Sample cells: 01 收入 C7 一般公共预算 … C14 其他收入, C33 本年收入合计, C35 年初结转和结余, F35 年末结转和结余;
// 02 合计 row 7 (C 本年收入合计, D 财政拨款收入, E 上级补助 … I 其他收入); 04 收入 C7–C9, C33 本年收入合计,
// C34 年初财政拨款结转和结余, 支出 row 34 年末 (F 合计).

// ---------------------------------------------------------------------------------------------------------------
// x01-02-income (B01/B02)

test('x01-02-income: valid on the sample', async () => {
  assert.deepEqual(findingsOf(income0102, await seedSnapshot()), []);
});

test('x01-02-income: 01 本年收入合计 against 02 合计 — the 01 cell first, 02 合计 expected', async () => {
  const snap = bump(await seedSnapshot(), '公开02表!C7', 1);
  const errors = errorsOf(income0102, snap);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.deepEqual(f.cells, ['公开01表!C33', '公开02表!C7']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['520.63', '519.63', '-1.00']);
  assert.equal(f.table, '01');
  assert.match(
    f.message,
    /^公开01表（收入支出决算总表）“本年收入合计”应等于公开02表（收入决算表）“合计”行的“本年收入合计” 520\.63，实为 519\.63，差额 -1\.00。$/,
  );
});

test('x01-02-income: 01 一+二+三 against 02 财政拨款收入, naming the 01 cell that holds the money', async () => {
  const snap = bump(await seedSnapshot(), '公开01表!C7', 1);
  const errors = errorsOf(income0102, snap);
  const f = errors.find((e) => e.message.includes('财政拨款收入”之和'));
  assert.ok(f, JSON.stringify(errors));
  assert.equal(f.cells[0], '公开01表!C7');
  assert.ok(f.cells.includes('公开02表!D7'));
  assert.deepEqual([f.expected, f.actual, f.difference], ['519.63', '520.63', '1.00']);
  // 本年收入合计 itself was not touched: only the fiscal line differs.
  assert.equal(errors.length, 1);
});

test('x01-02-income: 02 事业收入 with money and 01 事业收入 blank', async () => {
  const snap = withCells(await seedSnapshot(), { '公开02表!F7': 5 });
  const f = errorsOf(income0102, snap).find((e) => e.cells[0] === '公开01表!C11');
  assert.ok(f);
  assert.deepEqual(f.cells, ['公开01表!C11', '公开02表!F7']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['5.00', '0.00', '-5.00']);
  assert.match(f.message, /“事业收入”应等于公开02表（收入决算表）“合计”行的“事业收入” 5\.00/);
});

test('x01-02-income: a cent is 尾数差异 (info)', async () => {
  const found = findingsOf(income0102, withCells(await seedSnapshot(), { '公开02表!D7': 519.64 }));
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /尾数差异/);
});

// ---------------------------------------------------------------------------------------------------------------
// x01-04-income (B02/B03)

test('x01-04-income: valid on the sample', async () => {
  assert.deepEqual(findingsOf(income0104, await seedSnapshot()), []);
});

test('x01-04-income: 01 一般公共预算 ≠ 04 一般公共预算', async () => {
  const errors = errorsOf(income0104, bump(await seedSnapshot(), '公开04表!C7', 1));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.deepEqual(f.cells, ['公开01表!C7', '公开04表!C7']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['520.63', '519.63', '-1.00']);
  assert.match(f.message, /公开01表（收入支出决算总表）“一般公共预算财政拨款收入”应等于公开04表（财政拨款收入支出决算总表）收入方“一般公共预算财政拨款” 520\.63/);
});

test('x01-04-income: 01 一+二+三 ≠ 04 本年收入合计', async () => {
  const errors = errorsOf(income0104, withCells(await seedSnapshot(), { '公开04表!C33': 530 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.equal(f.cells[0], '公开01表!C7');
  assert.ok(f.cells.includes('公开04表!C33'));
  assert.deepEqual([f.expected, f.actual, f.difference], ['530.00', '519.63', '-10.37']);
  assert.match(f.message, /之和应等于公开04表（财政拨款收入支出决算总表）收入方“本年收入合计”/);
});

test('x01-04-income: a 政府性基金 income only in 01 → both the line and the sum differ', async () => {
  const errors = errorsOf(income0104, withCells(await seedSnapshot(), { '公开01表!C8': 5 }));
  assert.equal(errors.length, 2, JSON.stringify(errors));
  const line = errors.find((e) => e.cells[0] === '公开01表!C8');
  assert.ok(line);
  assert.deepEqual([line.expected, line.actual, line.difference], ['0.00', '5.00', '5.00']);
  const sum = errors.find((e) => e.cells.includes('公开04表!C33'));
  assert.ok(sum);
  assert.deepEqual([sum.expected, sum.actual], ['519.63', '524.63']);
});

// ---------------------------------------------------------------------------------------------------------------
// x01-04-carry-over (B11)

test('x01-04-carry-over: valid on the sample (no carry-over at all)', async () => {
  assert.deepEqual(findingsOf(carryOver0104, await seedSnapshot()), []);
});

test('x01-04-carry-over: 04 年初 财政拨款结转 with 01 年初 blank → error on the 01 cell', async () => {
  const errors = errorsOf(carryOver0104, withCells(await seedSnapshot(), { '公开04表!C34': 10 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.deepEqual(f.cells, ['公开01表!C35', '公开04表!C34']);
  assert.deepEqual([f.expected, f.actual, f.difference], ['≥ 10.00', '0.00', '-10.00']);
  assert.match(f.message, /“年初结转和结余”应不小于公开04表（财政拨款收入支出决算总表）“年初财政拨款结转和结余”/);
});

test('x01-04-carry-over: 年末 — 04 合计 column against 01', async () => {
  const errors = errorsOf(carryOver0104, withCells(await seedSnapshot(), { '公开04表!F34': 10, '公开01表!F35': 8 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开01表!F35', '公开04表!F34']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['≥ 10.00', '8.00', '-2.00']);
});

test('x01-04-carry-over: an inequality — 01 larger than 04 is fine, a cent short is info', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(carryOver0104, withCells(seed, { '公开04表!C34': 10, '公开01表!C35': 25 })), []);
  const found = findingsOf(carryOver0104, withCells(seed, { '公开04表!C34': 10.01, '公开01表!C35': 10 }));
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
});
