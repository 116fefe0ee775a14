import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { shanghaiSnapshot, partialModels, runOn } from './intra-support';
import { T01_RULES } from '../../src/core/rules/intra';
import { t01IncomeTotalRule } from '../../src/core/rules/intra/t01-income-total';
import { t01ExpenseTotalRule } from '../../src/core/rules/intra/t01-expense-total';
import { t01IncomeGrandTotalRule } from '../../src/core/rules/intra/t01-income-grand-total';
import { t01ExpenseGrandTotalRule } from '../../src/core/rules/intra/t01-expense-grand-total';
import { t01BalanceRule } from '../../src/core/rules/intra/t01-balance';

const S = '公开01表!';

test('01 rules: ids, metadata and registration', () => {
  assert.deepEqual(
    T01_RULES.map((r) => [r.id, r.severity, r.source]),
    [
      ['t01-income-total', 'error', 'A01'],
      ['t01-expense-total', 'error', 'A02'],
      ['t01-income-grand-total', 'error', 'A03'],
      ['t01-expense-grand-total', 'error', 'A04'],
      ['t01-balance', 'error', 'A05'],
    ],
  );
  for (const r of T01_RULES) {
    assert.deepEqual(r.tables, ['01']);
    assert.match(r.message, /^公开01表（收入支出决算总表）.*\{expected\}.*\{actual\}.*\{difference\}/);
  }
});

test('01 rules: valid on the sample and on the Shanghai workbook (24 类 rows, carry-over)', async () => {
  const seed = await seedSnapshot();
  const shanghai = await shanghaiSnapshot();
  for (const rule of T01_RULES) {
    assert.deepEqual(findingsOf(rule, seed), [], rule.id);
    assert.deepEqual(findingsOf(rule, shanghai), [], `${rule.id} (Shanghai)`);
  }
});

test('t01-income-total: 本年收入合计 = Σ 一…八, total first then the lines', async () => {
  const errors = errorsOf(t01IncomeTotalRule, bump(await seedSnapshot(), `${S}C7`, 1)); // 一般公共预算 519.63 → 520.63
  assert.equal(errors.length, 1);
  const f = errors[0];
  assert.deepEqual([f.expected, f.actual, f.difference], ['520.63', '519.63', '-1.00']);
  assert.equal(f.cells[0], `${S}C33`);
  assert.equal(f.cells[1], `${S}C7`);
  assert.deepEqual(f.cells.slice(2).sort(), ['C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14'].map((c) => S + c).sort());
  assert.equal(f.message, '公开01表（收入支出决算总表）“本年收入合计”应等于收入各项之和 520.63，实为 519.63，差额 -1.00。');
  // A blank line that gets a figure.
  const other = errorsOf(t01IncomeTotalRule, withCells(await seedSnapshot(), { [`${S}C14`]: 1 }));
  assert.equal(other.length, 1);
  assert.ok(other[0].cells.includes(`${S}C14`));
  assert.equal(other[0].expected, '520.63');
});

test('t01-income-total: a cent within the rounding bound is info', async () => {
  const found = findingsOf(t01IncomeTotalRule, withCells(await seedSnapshot(), { [`${S}C7`]: 519.64 }));
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.deepEqual([found[0].expected, found[0].actual, found[0].difference, found[0].tolerance], ['519.64', '519.63', '-0.01', '0.01']);
  assert.match(found[0].message, /尾数差异/);
});

test('t01-expense-total: 本年支出合计 = Σ 类', async () => {
  const errors = errorsOf(t01ExpenseTotalRule, bump(await seedSnapshot(), `${S}F14`, 1)); // 社会保障和就业 47.30 → 48.30
  assert.equal(errors.length, 1);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['520.63', '519.63', '-1.00']);
  assert.equal(errors[0].cells[0], `${S}F33`);
  assert.ok(errors[0].cells.includes(`${S}F14`));
  assert.match(errors[0].message, /“本年支出合计”应等于各类支出之和 520\.63，实为 519\.63，差额 -1\.00/);
  const raised = errorsOf(t01ExpenseTotalRule, bump(await seedSnapshot(), `${S}F33`, 1));
  assert.deepEqual([raised[0].expected, raised[0].actual, raised[0].difference], ['519.63', '520.63', '1.00']);
});

test('t01-income-grand-total: 收入总计 = 本年收入合计 + 使用非财拨结余 + 年初结转和结余', async () => {
  const errors = errorsOf(t01IncomeGrandTotalRule, withCells(await seedSnapshot(), { [`${S}C35`]: 1 })); // 年初 blank → 1
  assert.equal(errors.length, 1);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['520.63', '519.63', '-1.00']);
  assert.deepEqual(errors[0].cells.slice(0, 3), [`${S}C36`, `${S}C33`, `${S}C35`]);
  assert.match(errors[0].message, /收入“总计”应等于本年收入合计 \+ 使用非财政拨款结余 \+ 年初结转和结余 = 520\.63/);
  const viaNonFiscal = errorsOf(t01IncomeGrandTotalRule, withCells(await seedSnapshot(), { [`${S}C34`]: 2 }));
  assert.ok(viaNonFiscal[0].cells.includes(`${S}C34`));
  assert.equal(viaNonFiscal[0].expected, '521.63');
});

test('t01-expense-grand-total: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (结余分配 may be negative)', async () => {
  const errors = errorsOf(t01ExpenseGrandTotalRule, withCells(await seedSnapshot(), { [`${S}F34`]: -1 }));
  assert.equal(errors.length, 1);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['518.63', '519.63', '1.00']);
  assert.deepEqual(errors[0].cells.slice(0, 3), [`${S}F36`, `${S}F33`, `${S}F34`]);
  // A consistent negative 结余分配 with a matching 年末 is fine.
  assert.deepEqual(findingsOf(t01ExpenseGrandTotalRule, withCells(await seedSnapshot(), { [`${S}F34`]: -1, [`${S}F35`]: 1 })), []);
  const closing = errorsOf(t01ExpenseGrandTotalRule, bump(await seedSnapshot(), `${S}F35`, 1));
  assert.ok(closing[0].cells.includes(`${S}F35`));
});

test('t01-balance: 收入总计 = 支出总计', async () => {
  const errors = errorsOf(t01BalanceRule, bump(await seedSnapshot(), `${S}F36`, 1));
  assert.equal(errors.length, 1);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference, errors[0].tolerance], ['519.63', '520.63', '1.00', '0.01']);
  assert.deepEqual(errors[0].cells, [`${S}F36`, `${S}C36`]);
  assert.equal(errors[0].message, '公开01表（收入支出决算总表）支出“总计”应等于收入“总计” 519.63，实为 520.63，差额 1.00。');
  const income = errorsOf(t01BalanceRule, bump(await seedSnapshot(), `${S}C36`, 1));
  assert.ok(income[0].cells.includes(`${S}C36`));
});

test('01 rules: a partial model (lines or 类 rows missing) is skipped, never thrown on', async () => {
  for (const model of await partialModels('01')) {
    const found = runOn(model, T01_RULES);
    assert.deepEqual(found.filter((f) => f.rule === 'internal-rule-error'), []);
  }
});
