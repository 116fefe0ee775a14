import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { tableEmptyStatementRule } from '../../src/core/rules/structure/table-empty-statement';

const rule = tableEmptyStatementRule;

test('table-empty-statement: valid on the sample (07 and 08 empty with their 说明, 09 filled)', async () => {
  assert.deepEqual(findingsOf(rule, await seedSnapshot()), []);
});

test('table-empty-statement: 07 with data but still saying 本表无数据 → the statement contradicts the data', async () => {
  const found = findingsOf(rule, withCells(await seedSnapshot(), { '公开07表!E7': 5 }));
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'warning');
  assert.equal(f.table, '07');
  assert.deepEqual(f.cells, ['公开07表!A9', '公开07表!E7']);
  assert.match(f.message, /本表无数据/);
  assert.match(f.message, /但表中有数据（如 公开07表!E7 为 5\.00）/);
});

test('table-empty-statement: 08 empty without its 说明 → warning', async () => {
  const found = findingsOf(rule, withCells(await seedSnapshot(), { '公开08表!A10': null }));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].table, '08');
  assert.deepEqual(found[0].cells, ['公开08表!A1']);
  assert.match(found[0].message, /公开08表（国有资本经营预算财政拨款支出决算表）没有数据，但表下未注明“说明：……本表无数据”/);
});

test('table-empty-statement: a 07 with data and no statement is fine; zeros are no data', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(rule, withCells(seed, { '公开07表!E7': 5, '公开07表!A9': null })), []);
  assert.deepEqual(findingsOf(rule, withCells(seed, { '公开07表!E7': 0 })), []);
  const zeroNoStatement = findingsOf(rule, withCells(seed, { '公开07表!E7': 0, '公开07表!A9': null }));
  assert.equal(zeroNoStatement.length, 1);
  assert.equal(zeroNoStatement[0].table, '07');
});

test('table-empty-statement: an all-blank 09 needs the 说明; one with the 说明 is valid', async () => {
  const blank: Record<string, null> = {};
  for (const c of 'ABCDEFGHIJKL') blank[`公开09表!${c}8`] = null;
  const seed = await seedSnapshot();
  const found = findingsOf(rule, withCells(seed, blank));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].table, '09');
  const withNote = withCells(seed, { ...blank, '公开09表!A10': '说明：我单位本年度没有“三公”经费支出，故本表无数据。' });
  assert.deepEqual(findingsOf(rule, withNote), []);
});
