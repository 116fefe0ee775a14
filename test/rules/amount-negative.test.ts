import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { partialModels, runOn, shanghaiSnapshot } from './intra-support';
import { INTRA_RULES } from '../../src/core/rules/intra';
import { amountNegativeRule } from '../../src/core/rules/intra/amount-negative';
import { RULES } from '../../src/core/rules/catalogue';

test('amount-negative: metadata, registered once, runs whatever tables are present', () => {
  assert.equal(amountNegativeRule.id, 'amount-negative');
  assert.equal(amountNegativeRule.severity, 'warning');
  assert.equal(amountNegativeRule.source, 'A18');
  assert.deepEqual(amountNegativeRule.tables, []);
  assert.equal(INTRA_RULES.filter((r) => r.id === 'amount-negative').length, 1);
  assert.equal(RULES.filter((r) => r.id === 'amount-negative').length, 1);
});

test('amount-negative: valid on the sample and on the Shanghai workbook', async () => {
  assert.deepEqual(findingsOf(amountNegativeRule, await seedSnapshot()), []);
  assert.deepEqual(findingsOf(amountNegativeRule, await shanghaiSnapshot()), []);
});

test('amount-negative: one warning per negative cell, named with its table, line and column', async () => {
  const snap = withCells(await seedSnapshot(), {
    '公开03表!D10': -5, // 2010450 事业运行 基本支出
    '公开04表!G7': -1, // 一般公共服务支出 一般公共预算财政拨款
    '公开06表!C7': -0.01, // 30101 基本工资
    '公开09表!L8': -0.56, // 决算数 公务接待费
    '公开01表!C36': -519.63, // 收入 总计
  });
  const found = findingsOf(amountNegativeRule, snap);
  assert.ok(found.every((f) => f.severity === 'warning' && f.rule === 'amount-negative'));
  assert.deepEqual(
    found.map((f) => [f.table, f.cells, f.actual]),
    [
      ['01', ['公开01表!C36'], '-519.63'],
      ['03', ['公开03表!D10'], '-5.00'],
      ['04', ['公开04表!G7'], '-1.00'],
      ['06', ['公开06表!C7'], '-0.01'],
      ['09', ['公开09表!L8'], '-0.56'],
    ],
  );
  const byTable = Object.fromEntries(found.map((f) => [f.table, f.message]));
  assert.equal(
    byTable['03'],
    '公开03表（支出决算表）第 10 行“2010450 事业运行”的“基本支出”的金额为负数 -5.00。决算表金额一般不应为负（仅公开01表“结余分配”可为负），请核实。',
  );
  assert.match(byTable['01'], /^公开01表（收入支出决算总表）收入方“总计”的金额为负数 -519\.63/);
  assert.match(byTable['04'], /支出方“一、一般公共服务支出”的“一般公共预算财政拨款”栏的金额为负数 -1\.00/);
  assert.match(byTable['06'], /“30101 基本工资”的金额为负数 -0\.01/);
  assert.match(byTable['09'], /决算数“公务接待费”的金额为负数 -0\.56/);
});

test('amount-negative: 01 结余分配 may be negative; other carry-over lines may not', async () => {
  assert.deepEqual(findingsOf(amountNegativeRule, withCells(await seedSnapshot(), { '公开01表!F34': -3 })), []);
  const closing = findingsOf(amountNegativeRule, withCells(await seedSnapshot(), { '公开01表!F35': -3, '公开04表!F34': -3 }));
  assert.deepEqual(closing.map((f) => f.cells[0]), ['公开01表!F35', '公开04表!F34']);
  assert.match(closing[0].message, /支出方“年末结转和结余”的金额为负数 -3\.00/);
  assert.match(closing[1].message, /支出方“年末财政拨款结转和结余”的“合计”栏/);
});

test('amount-negative: a partial model is checked as far as it goes, never thrown on', async () => {
  for (const code of ['01', '04', '06', '09'] as const)
    for (const model of await partialModels(code))
      assert.deepEqual(runOn(model, [amountNegativeRule]), [], code);
});
