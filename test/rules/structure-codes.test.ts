import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { subjectCodeStructureRule } from '../../src/core/rules/structure/subject-code-structure';
import { gpbFundSubjectsRule } from '../../src/core/rules/structure/gpb-fund-subjects';
import { fundingKindOf } from '../../src/core/subjects/functional';

const rule = subjectCodeStructureRule;

test('subject-code-structure: valid on the sample (02, 03, 05, 07, 08)', async () => {
  assert.deepEqual(findingsOf(rule, await seedSnapshot()), []);
});

test('subject-code-structure: a 项 whose 款 is not listed is an orphan', async () => {
  const found = findingsOf(rule, withCells(await seedSnapshot(), { '公开03表!A11': '2010599' }));
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'error');
  assert.equal(f.table, '03');
  assert.deepEqual(f.cells, ['公开03表!A11']);
  assert.match(f.message, /第 11 行的项级科目 2010599“其他发展与改革事务支出”缺少所属款级科目 20105“统计信息事务”/);
});

test('subject-code-structure: the 项 of a missing 款 make one finding; a 款 without its 类 is an orphan too', async () => {
  const seed = await seedSnapshot();
  const found = errorsOf(rule, withCells(seed, { '公开02表!A13': '20806' }));
  const orphan = found.find((f) => f.message.includes('缺少所属款级科目 20805'));
  assert.ok(orphan, JSON.stringify(found));
  assert.deepEqual(orphan.cells, ['公开02表!A14', '公开02表!A15', '公开02表!A16']);
  assert.match(orphan.message, /第 14、15、16 行的项级科目 2080502、2080505、2080506 缺少/);
  const noClass = errorsOf(rule, withCells(seed, { '公开05表!A18': null, '公开05表!B18': null }));
  const f = noClass.find((e) => e.cells[0] === '公开05表!A19');
  assert.ok(f, JSON.stringify(noClass));
  assert.match(f.message, /款级科目 21011“行政事业单位医疗”缺少所属类级科目 210“卫生健康支出”/);
});

test('subject-code-structure: a 项 listed under a different 类 block is an error naming where its 款 is', async () => {
  const found = findingsOf(rule, withCells(await seedSnapshot(), { '公开03表!A25': '2010401' }));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].severity, 'error');
  assert.deepEqual(found[0].cells, ['公开03表!A25', '公开03表!A9']);
  assert.match(found[0].message, /第 25 行的科目 2010401.*列在款级科目 21101“环境保护管理事务”（第 24 行）的区块内，但其所属款级科目 20104“发展与改革事务”在第 9 行/);
  const section = errorsOf(rule, withCells(await seedSnapshot(), { '公开03表!A24': '20801' }));
  assert.ok(section.some((f) => f.cells[0] === '公开03表!A24' && /所属类级科目 208“社会保障和就业支出”在第 12 行/.test(f.message)), JSON.stringify(section));
});

test('subject-code-structure: a parent listed below its child', async () => {
  // 208 block: the 款 row 20805 moved (by code) below its 项 rows.
  const snap = withCells(await seedSnapshot(), { '公开05表!A14': '2080501', '公开05表!A17': '20805' });
  const found = errorsOf(rule, snap);
  assert.ok(found.some((f) => f.cells[0] === '公开05表!A14' && /列在所属款级科目 20805“行政事业单位养老支出”（第 17 行）之前/.test(f.message)), JSON.stringify(found));
});

test('subject-code-structure: a duplicate code is an error; siblings out of order only a warning', async () => {
  const seed = await seedSnapshot();
  const dup = findingsOf(rule, withCells(seed, { '公开03表!A11': '2010450' }));
  assert.equal(dup.length, 1, JSON.stringify(dup));
  assert.equal(dup[0].severity, 'error');
  assert.deepEqual(dup[0].cells, ['公开03表!A11', '公开03表!A10']);
  assert.match(dup[0].message, /第 11 行的科目 2010450.*重复出现（与第 10 行相同）/);
  const swapped = findingsOf(rule, withCells(seed, { '公开03表!A10': '2010499', '公开03表!A11': '2010450' }));
  assert.equal(swapped.length, 1, JSON.stringify(swapped));
  assert.equal(swapped[0].severity, 'warning');
  assert.deepEqual(swapped[0].cells, ['公开03表!A11', '公开03表!A10']);
  assert.match(swapped[0].message, /未按科目代码顺序排列/);
});

test('gpb-fund-subjects: valid on the sample (05 holds 一般公共预算 科目 only)', async () => {
  assert.deepEqual(findingsOf(gpbFundSubjectsRule, await seedSnapshot()), []);
});

test('gpb-fund-subjects: a 政府性基金 科目 in 05 is an error on its code cell', async () => {
  assert.equal(fundingKindOf('2120803'), 'gf');
  const found = findingsOf(gpbFundSubjectsRule, withCells(await seedSnapshot(), { '公开05表!A12': '2120803' }));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].severity, 'error');
  assert.equal(found[0].table, '05');
  assert.deepEqual(found[0].cells, ['公开05表!A12']);
  assert.match(found[0].message, /科目 2120803.*属于政府性基金预算支出科目.*应列入公开07表/);
});

test('gpb-fund-subjects: a 国有资本经营 款 with its 项 is one finding listing every code cell', async () => {
  assert.equal(fundingKindOf('22301'), 'soc');
  const snap = withCells(await seedSnapshot(), { '公开05表!A10': '22301', '公开05表!A11': '2230101', '公开05表!A12': '2230102' });
  const found = findingsOf(gpbFundSubjectsRule, snap);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual(found[0].cells, ['公开05表!A10', '公开05表!A11', '公开05表!A12']);
  assert.match(found[0].message, /属于国有资本经营预算支出科目.*应列入公开08表/);
});
