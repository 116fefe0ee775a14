import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { t09BudgetCopiedRule } from '../../src/core/rules/structure/t09-budget-copied';

const rule = t09BudgetCopiedRule;

test('t09-budget-copied: the sample (domain.md §5 item 2) gives its warning on the 预算 cells', async () => {
  const found = findingsOf(rule, await seedSnapshot());
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'warning');
  assert.equal(f.table, '09');
  assert.deepEqual(f.cells, ['公开09表!A8', '公开09表!B8', '公开09表!C8', '公开09表!E8', '公开09表!F8']);
  assert.match(f.message, /预算数与决算数完全相同，疑似将决算数填入了预算栏/);
  assert.match(f.message, /14\.32/);
});

test('t09-budget-copied: a real budget (one item differs) is valid; all zero is valid', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(rule, withCells(seed, { '公开09表!A8': 19, '公开09表!B8': 7, '公开09表!C8': 7, '公开09表!E8': 7, '公开09表!F8': 5 })), []);
  assert.deepEqual(findingsOf(rule, withCells(seed, { '公开09表!F8': 0.6 })), []);
  const zero: Record<string, number> = {};
  for (const c of 'ABCDEFGHIJKL') zero[`公开09表!${c}8`] = 0;
  assert.deepEqual(findingsOf(rule, withCells(seed, zero)), []);
});
