import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logicalAmounts, readSeed, readXlsx } from '../helpers';
import { VARIANTS, buildVariant } from '../support/variants';
import { TABLE_CODES } from '../../src/core/tables/codes';

test('every layout variant of the sample yields the same nine tables and the same amounts', async () => {
  const baseline = logicalAmounts((await readSeed()).model);
  assert.equal(baseline.size, 214);
  for (const variant of VARIANTS) {
    const { tables, findings, model } = await readXlsx(await buildVariant(variant), `${variant.name}.xlsx`);
    assert.deepEqual(tables.map((t) => t.code), [...TABLE_CODES], variant.name);
    const problems = findings.filter((f) => f.severity !== 'info');
    assert.deepEqual(problems, [], `${variant.name}: ${problems.map((f) => f.message).join('\n')}`);
    assert.deepEqual([...logicalAmounts(model)].sort(), [...baseline].sort(), variant.name);
  }
});

test('variants keep cell addresses honest: the stacked and offset tables point at their new cells', async () => {
  const stacked = await readXlsx(await buildVariant(VARIANTS.find((v) => v.name === 'stacked')!));
  assert.equal(new Set(stacked.tables.map((t) => t.sheet)).size, 1);
  const rows = stacked.tables.map((t) => Number(/^[A-Z]+(\d+)/.exec(t.range)![1]));
  assert.deepEqual([...rows].sort((a, b) => a - b), rows, 'tables in order down the sheet');
  const offset = await readXlsx(await buildVariant(VARIANTS.find((v) => v.name === 'offset')!));
  assert.equal(offset.model['01']?.income.grandTotal?.amounts.amount.cell.split('!')[1], 'E39');
  assert.equal(offset.model['01']?.meta.range, 'C4:H41');
});
