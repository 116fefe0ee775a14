import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { differingPart, headerDepartmentRule } from '../../src/core/rules/structure/header-department';
import { headerYearRule } from '../../src/core/rules/structure/header-year';

const FIXED = '部门：株洲市长株潭一体化发展事务中心';

test('header-department: the sample gives exactly the 株州/株洲 error, covering the 02 and 06 headers', async () => {
  const found = findingsOf(headerDepartmentRule, await seedSnapshot());
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'error');
  assert.equal(f.table, '02');
  assert.deepEqual(f.cells.slice(0, 2), ['公开02表!A3', '公开06表!A3']);
  assert.equal(f.cells.length, 3, 'one cell holding the majority name');
  assert.match(f.cells[2], /^公开0[1345789]表!A3$/);
  assert.match(f.message, /公开02、06表/);
  assert.match(f.message, /“株州市长株潭一体化发展事务中心”/);
  assert.match(f.message, /“株洲市长株潭一体化发展事务中心”/);
  assert.match(f.message, /“株州”与“株洲”/);
});

test('header-department: valid once the typo is fixed; whitespace does not count', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(headerDepartmentRule, withCells(seed, { '公开02表!A3': FIXED, '公开06表!A3': FIXED })), []);
  const spaced = withCells(seed, { '公开02表!A3': '部门： 株洲市长株潭 一体化发展事务中心 ', '公开06表!A3': FIXED });
  assert.deepEqual(findingsOf(headerDepartmentRule, spaced), []);
});

test('header-department: a table with no department is not reported; a third spelling is its own finding', async () => {
  const seed = await seedSnapshot();
  const noDept = withCells(seed, { '公开02表!A3': null, '公开06表!A3': FIXED });
  assert.deepEqual(findingsOf(headerDepartmentRule, noDept), []);
  const third = withCells(seed, { '公开09表!A3': '部门：株洲市长株潭一体化发展中心' });
  const found = findingsOf(headerDepartmentRule, third);
  assert.equal(found.length, 2, JSON.stringify(found));
  const t09 = found.find((f) => f.cells[0] === '公开09表!A3');
  assert.ok(t09);
  assert.match(t09.message, /公开09表的表头部门名称“株洲市长株潭一体化发展中心”与公开01、03、04、05、07、08表的“株洲市长株潭一体化发展事务中心”不一致/);
});

test('differingPart shows the differing stretch with one character of context', () => {
  assert.deepEqual(differingPart('株州市长株潭', '株洲市长株潭'), ['株州', '株洲']);
  assert.deepEqual(differingPart('ABCD', 'ABXCD'), ['B', 'BX']);
  assert.equal(differingPart('same', 'same'), undefined);
});

test('header-year: the sample states no year (nothing to compare), agreeing years are valid', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(headerYearRule, seed), []);
  const agree = withCells(seed, { '公开02表!A1': '2024年度收入决算表', '公开03表!A1': '2024年度支出决算表' });
  assert.deepEqual(findingsOf(headerYearRule, agree), []);
});

test('header-year: a table stating another year is an error pointing at its title', async () => {
  const snap = withCells(await seedSnapshot(), {
    '公开02表!A1': '2024年度收入决算表',
    '公开03表!A1': '2023年度支出决算表',
    '公开05表!A1': '2024年度一般公共预算财政拨款支出决算表',
  });
  const found = findingsOf(headerYearRule, snap);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].severity, 'error');
  assert.equal(found[0].table, '03');
  assert.deepEqual(found[0].cells, ['公开03表!A1', '公开02表!A1']);
  assert.match(found[0].message, /公开03表标明的年度为 2023 年，与其他各表（公开02、05表）的 2024 年不一致/);
});
