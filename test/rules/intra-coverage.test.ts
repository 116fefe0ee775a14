import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, seedSnapshot } from './support';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { allAmounts } from '../../src/core/tables/amounts';
import { runRules } from '../../src/core/rules/engine';
import { T01_RULES, T04_RULES, T06_RULES, T09_RULES } from '../../src/core/rules/intra';
import { amountNegativeRule } from '../../src/core/rules/intra/amount-negative';

const RULES = [...T01_RULES, ...T04_RULES, ...T06_RULES, ...T09_RULES, amountNegativeRule];

test('the rules of 01/04/06/09 on the sample: no error, no warning, only the three 06 尾数 infos', async () => {
  const found = runRules(readWorkbook(await seedSnapshot()).model, RULES);
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.expected, f.actual]),
    [
      ['t06-class-sum', 'info', '291.37', '291.36'],
      ['t06-class-sum', 'info', '154.81', '154.79'],
      ['t06-class-sum', 'info', '8.11', '8.12'],
    ],
  );
});

test('raising any printed amount of 01, 04, 06 or 09 by 1.00 gives an error that names the cell', async () => {
  const seed = await seedSnapshot();
  const model = readWorkbook(seed).model;
  const cells = allAmounts(model)
    .filter(({ table, amount }) => ['01', '04', '06', '09'].includes(table) && !amount.blank)
    .map(({ amount }) => amount);
  assert.ok(cells.length >= 70, `${cells.length} amounts`);
  const missed: string[] = [];
  for (const amount of cells) {
    const bumped = readWorkbook(bump(seed, amount.cell, 1)).model;
    const same = allAmounts(bumped).find((a) => a.amount.cell === amount.cell);
    assert.equal(same?.amount.value.toFixed(2), amount.value.plus(1).toFixed(2), amount.cell);
    const errors = runRules(bumped, RULES).filter((f) => f.severity === 'error' && f.cells.includes(amount.cell));
    if (errors.length === 0) missed.push(amount.cell);
  }
  assert.deepEqual(missed, []);
});
