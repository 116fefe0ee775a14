import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { subjectNameRule } from '../../src/core/rules/structure/subject-name';
import { economicNameRule } from '../../src/core/rules/structure/economic-name';
import { classNameConsistencyRule } from '../../src/core/rules/structure/class-name-consistency';
import { functionalName } from '../../src/core/subjects/functional';

test('subject-name, economic-name, class-name-consistency: nothing at all on the sample', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(subjectNameRule, seed), []);
  assert.deepEqual(findingsOf(economicNameRule, seed), []);
  assert.deepEqual(findingsOf(classNameConsistencyRule, seed), []);
});

test('subject-name: a wrong name is a warning giving the dictionary name', async () => {
  const found = findingsOf(subjectNameRule, withCells(await seedSnapshot(), { '公开03表!B10': '事业运营' }));
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'warning');
  assert.equal(f.table, '03');
  assert.deepEqual(f.cells, ['公开03表!B10', '公开03表!A10']);
  assert.match(f.message, /第 10 行科目 2010450“事业运营”与科目表不符，2024 年科目表中该代码的名称为“事业运行”/);
});

test('subject-name: an unknown code is a warning; an older name only info; a blank name a warning', async () => {
  const seed = await seedSnapshot();
  assert.equal(functionalName('2010498'), undefined);
  const unknown = findingsOf(subjectNameRule, withCells(seed, { '公开02表!A11': '2010498' }));
  assert.equal(unknown.length, 1, JSON.stringify(unknown));
  assert.equal(unknown[0].severity, 'warning');
  assert.equal(unknown[0].cells[0], '公开02表!A11');
  assert.match(unknown[0].message, /科目代码不在 2024 年功能分类科目表中/);
  const alias = findingsOf(subjectNameRule, withCells(seed, { '公开02表!B13': '行政事业单位离退休' }));
  assert.equal(alias.length, 1, JSON.stringify(alias));
  assert.equal(alias[0].severity, 'info');
  assert.match(alias[0].message, /“行政事业单位离退休”为旧称.*“行政事业单位养老支出”/);
  const blank = findingsOf(subjectNameRule, withCells(seed, { '公开05表!B9': null }));
  assert.equal(blank.length, 1, JSON.stringify(blank));
  assert.match(blank[0].message, /科目 201未填科目名称，应为“一般公共服务支出”/);
});

test('economic-name: a wrong 06 name is a warning with the dictionary name', async () => {
  const found = findingsOf(economicNameRule, withCells(await seedSnapshot(), { '公开06表!B7': '工资' }));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].table, '06');
  assert.deepEqual(found[0].cells, ['公开06表!B7', '公开06表!A7']);
  assert.match(found[0].message, /科目 30101“工资”与科目表不符，2024 年科目表中该代码的名称为“基本工资”/);
});

test('class-name-consistency: a name differing between tables names both cells', async () => {
  const found = findingsOf(classNameConsistencyRule, withCells(await seedSnapshot(), { '公开03表!B10': '事业运营' }));
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.cells, ['公开03表!B10', '公开02表!B10']);
  assert.match(f.message, /科目 2010450 在公开03表第 10 行的名称为“事业运营”，而在公开02表第 10 行、公开05表第 11 行为“事业运行”/);
});

test('class-name-consistency: the dictionary spelling is the reference even when fewer tables use it', async () => {
  const snap = withCells(await seedSnapshot(), { '公开02表!B13': '行政事业单位离退休', '公开03表!B13': '行政事业单位离退休' });
  const found = findingsOf(classNameConsistencyRule, snap);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual(found[0].cells, ['公开02表!B13', '公开03表!B13', '公开05表!B14']);
  assert.match(found[0].message, /而在公开05表第 14 行为“行政事业单位养老支出”/);
});
