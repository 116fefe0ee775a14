import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFloods, FLOOD_LIMIT } from '../../src/core/findings/flood';
import type { Finding } from '../../src/core/findings/finding';
import { checkSnapshot } from '../../src/core/report';
import { seedSnapshot, withCells } from './support';

const f = (rule: string, i: number, severity: Finding['severity'] = 'error', table = '03'): Finding => ({
  rule,
  severity,
  table,
  message: `第 ${i} 行不符`,
  cells: [`公开03表!C${i}`],
});

test('more findings than the limit from one rule on one table become one that names every cell', () => {
  const many = Array.from({ length: FLOOD_LIMIT + 3 }, (_, i) => f('t03-row-total', i + 1));
  const other = f('t03-subject-sum', 99);
  const out = mergeFloods([...many, other]);
  assert.equal(out.length, 2);
  assert.equal(out[0].rule, 't03-row-total');
  assert.equal(out[0].cells.length, FLOOD_LIMIT + 3);
  assert.match(out[0].message, new RegExp(`共有 ${FLOOD_LIMIT + 3} 处`));
  assert.deepEqual(out[1], other);
});

test('up to the limit, and rounding notes of any number, stay as they are', () => {
  const few = Array.from({ length: FLOOD_LIMIT }, (_, i) => f('t03-row-total', i + 1));
  assert.deepEqual(mergeFloods(few), few);
  const infos = Array.from({ length: 20 }, (_, i) => f('t06-class-sum', i + 1, 'info', '06'));
  assert.deepEqual(mergeFloods(infos), infos);
  // The same rule on different tables is counted per table.
  const split = [...Array.from({ length: 5 }, (_, i) => f('x', i, 'warning', '02')), ...Array.from({ length: 5 }, (_, i) => f('x', i, 'warning', '03'))];
  assert.deepEqual(mergeFloods(split), split);
});

test('a whole column shifted in 03 is one finding per rule, not one per row', async () => {
  const seed = await seedSnapshot();
  // 03's 基本支出 and 项目支出 typed one row too low (rows 8–28): every row total and 科目 sum fails.
  const sheet = seed.sheets.find((s) => s.name === '公开03表')!;
  const changes: Record<string, number | null> = {};
  for (let r = 8; r <= 29; r++)
    for (const col of ['D', 'E']) {
      const above = sheet.values[r - 2]?.[col === 'D' ? 3 : 4];
      changes[`公开03表!${col}${r}`] = typeof above === 'number' ? above : null;
    }
  const report = checkSnapshot(withCells(seed, changes)).report;
  const perRule = new Map<string, number>();
  for (const x of report.findings.filter((x) => x.severity !== 'info' && x.table === '03')) perRule.set(x.rule, (perRule.get(x.rule) ?? 0) + 1);
  assert.ok(perRule.size > 0);
  for (const [rule, n] of perRule) assert.ok(n <= FLOOD_LIMIT, `${rule}: ${n}`);
});
