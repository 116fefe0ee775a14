import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { partialModels, runOn, shanghaiSnapshot } from './intra-support';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { T09_RULES } from '../../src/core/rules/intra';
import { t09TotalRule } from '../../src/core/rules/intra/t09-total';
import { t09VehicleSubtotalRule } from '../../src/core/rules/intra/t09-vehicle-subtotal';
import type { Finding } from '../../src/core/findings/finding';

// Seed 公开09表 row 8: 预算数 A 合计 | B 因公出国 | C 小计 | D 购置 | E 运行维护 | F 接待; 决算数 G–L likewise.
const S = '公开09表!';
const figures = (f: Finding) => [f.expected, f.actual, f.difference];

test('09 rules: ids, metadata and registration', () => {
  assert.deepEqual(
    T09_RULES.map((r) => [r.id, r.severity, r.source]),
    [
      ['t09-total', 'error', 'A17'],
      ['t09-vehicle-subtotal', 'error', 'A17'],
    ],
  );
  for (const r of T09_RULES) {
    assert.deepEqual(r.tables, ['09']);
    assert.match(r.message, /^公开09表（财政拨款“三公”经费支出决算表）\{block\}.*\{expected\}.*\{actual\}.*\{difference\}/);
  }
});

test('09 rules: valid on the sample (14.32 = 6.90 + 6.86 + 0.56, both blocks) and on the interleaved Shanghai table', async () => {
  const seed = await seedSnapshot();
  const shanghai = await shanghaiSnapshot();
  for (const rule of T09_RULES) {
    assert.deepEqual(findingsOf(rule, seed), [], rule.id);
    assert.deepEqual(findingsOf(rule, shanghai), [], `${rule.id} (Shanghai)`);
  }
});

test('t09-total: 合计 = 因公出国 + 公务用车小计 + 公务接待, 预算数 block', async () => {
  const errors = errorsOf(t09TotalRule, bump(await seedSnapshot(), `${S}B8`, 1));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['15.32', '14.32', '-1.00']);
  assert.deepEqual(errors[0].cells, [`${S}A8`, `${S}B8`, `${S}C8`, `${S}F8`]);
  assert.equal(
    errors[0].message,
    '公开09表（财政拨款“三公”经费支出决算表）预算数的“合计”应等于因公出国（境）费、公务用车购置及运行维护费小计、公务接待费之和 15.32，实为 14.32，差额 -1.00。',
  );
});

test('t09-total: 决算数 block, and the 合计 itself', async () => {
  const errors = errorsOf(t09TotalRule, bump(await seedSnapshot(), `${S}L8`, 1));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['15.32', '14.32', '-1.00']);
  assert.equal(errors[0].cells[0], `${S}G8`);
  assert.ok(errors[0].cells.includes(`${S}L8`));
  assert.match(errors[0].message, /决算数的“合计”/);
  const total = errorsOf(t09TotalRule, bump(await seedSnapshot(), `${S}G8`, 1));
  assert.deepEqual(figures(total[0]), ['14.32', '15.32', '1.00']);
  assert.match(total[0].message, /决算数/);
});

test('t09-vehicle-subtotal: 小计 = 购置费 + 运行维护费, both blocks', async () => {
  const budget = errorsOf(t09VehicleSubtotalRule, withCells(await seedSnapshot(), { [`${S}D8`]: 1 })); // 购置 blank → 1
  assert.equal(budget.length, 1);
  assert.deepEqual(figures(budget[0]), ['7.86', '6.86', '-1.00']);
  assert.deepEqual(budget[0].cells, [`${S}C8`, `${S}D8`, `${S}E8`]);
  assert.equal(
    budget[0].message,
    '公开09表（财政拨款“三公”经费支出决算表）预算数的“公务用车购置及运行维护费小计”应等于公务用车购置费、公务用车运行维护费之和 7.86，实为 6.86，差额 -1.00。',
  );
  const actual = errorsOf(t09VehicleSubtotalRule, bump(await seedSnapshot(), `${S}K8`, 1));
  assert.equal(actual.length, 1);
  assert.deepEqual(figures(actual[0]), ['7.86', '6.86', '-1.00']);
  assert.equal(actual[0].cells[0], `${S}I8`);
  assert.match(actual[0].message, /决算数/);
});

test('t09-total: without a 小计 figure in the model, 购置费 + 运行维护费 stand for it; without a 预算 block, 决算 alone is checked', async () => {
  const model = readWorkbook(withCells(await seedSnapshot(), { [`${S}K8`]: 7.86 })).model;
  delete model['09']!.actual.vehicleTotal;
  delete (model['09'] as { budget?: unknown }).budget;
  const found = runOn(model, [t09TotalRule]);
  assert.equal(found.length, 1);
  assert.deepEqual(figures(found[0]), ['15.32', '14.32', '-1.00']);
  assert.deepEqual(found[0].cells, [`${S}G8`, `${S}H8`, `${S}K8`, `${S}L8`, `${S}J8`]);
});

test('09 rules: a partial model is skipped, never thrown on', async () => {
  for (const model of await partialModels('09')) {
    const found = runOn(model, T09_RULES);
    assert.deepEqual(found.filter((f) => f.rule === 'internal-rule-error'), []);
  }
});
