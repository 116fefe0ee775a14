import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import { seedSnapshot, withCells } from './support';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { runRules } from '../../src/core/rules/engine';
import { STRUCTURE_RULES } from '../../src/core/rules/structure';
import type { TablesModel } from '../../src/core/tables/model';

const IDS = [
  'header-department',
  'department-placeholder',
  'department-shortened',
  'department-mismatch',
  'header-year',
  'table-empty-statement',
  'subject-code-structure',
  'subject-name',
  'economic-name',
  'class-name-consistency',
  'gpb-fund-subjects',
  't09-budget-copied',
];

test('structure rules: registered with their ids, zh-CN texts and sources', () => {
  assert.deepEqual(STRUCTURE_RULES.map((r) => r.id), IDS);
  for (const r of STRUCTURE_RULES) {
    assert.match(r.title, /[\u4e00-\u9fff]/, r.id);
    assert.match(r.message, /[\u4e00-\u9fff]/, r.id);
    assert.ok(r.doc.length > 5 && r.source, r.id);
  }
});

test('structure rules on the sample: the 株州 header error and the 09 budget warning, nothing else', async () => {
  const found = runRules(readWorkbook(await seedSnapshot()).model, STRUCTURE_RULES);
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.table]),
    [
      ['header-department', 'error', '02'],
      ['t09-budget-copied', 'warning', '09'],
    ],
  );
  assert.ok(found.every((f) => f.message.length > 0 && f.cells.length > 0 && !/\{\w+\}/.test(f.message)));
});

test('structure rules on the sample with the typo fixed: only the 09 warning', async () => {
  const fixed = withCells(await seedSnapshot(), {
    '公开02表!A3': '部门：株洲市长株潭一体化发展事务中心',
    '公开06表!A3': '部门：株洲市长株潭一体化发展事务中心',
  });
  const found = runRules(readWorkbook(fixed).model, STRUCTURE_RULES);
  assert.deepEqual(found.map((f) => f.rule), ['t09-budget-copied']);
});

test('structure rules never throw on a partial model', () => {
  const meta = (code: string) => ({ code, title: 't', titleCell: 'S!A1', sheet: 'S', range: 'A1:B2', family: 'hunan' });
  const amount = { value: new Decimal(1), cell: 'S!B2', blank: false };
  const partial = {
    '02': { meta: meta('02'), columns: {}, rows: [{ code: '20101', name: '', level: '款', row: 3, codeCells: [], amounts: {} }] },
    '05': { meta: { ...meta('05'), department: { name: '  ', cell: 'S!A2' } }, columns: {}, rows: [] },
    '06': { meta: meta('06'), items: [{ code: '30101', name: '基本工资', level: '款', amount, codeCell: 'S!A3' }], unlabeled: [], groups: 1 },
    '07': { meta: meta('07'), columns: {}, rows: [] },
    '09': { meta: meta('09'), budget: { total: amount }, actual: {} },
  } as unknown as TablesModel;
  for (const model of [{} as TablesModel, partial]) {
    const found = runRules(model, STRUCTURE_RULES);
    assert.ok(found.every((f) => f.rule !== 'internal-rule-error'), JSON.stringify(found));
  }
  const found = runRules(partial, STRUCTURE_RULES);
  assert.ok(found.some((f) => f.rule === 'subject-code-structure' && f.table === '02'), JSON.stringify(found));
  assert.ok(found.some((f) => f.rule === 'table-empty-statement' && f.table === '07'), JSON.stringify(found));
});
