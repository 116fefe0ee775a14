import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, seedSnapshot, withCells } from './support';
import { snapshotOf } from '../helpers';
import { buildShanghaiWorkbook } from '../support/shanghai';
import { workbookToBuffer } from '../support/variants';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { runRules } from '../../src/core/rules/engine';
import { CROSS_RULES } from '../../src/core/rules/cross';
import { RULES } from '../../src/core/rules/catalogue';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import type { TablesModel } from '../../src/core/tables/model';

const IDS = [
  'x01-02-income',
  'x01-04-income',
  'x01-03-expense',
  'x02-03-subject',
  'x04-05-gpb',
  'x04-07-gf',
  'x04-08-soc',
  'x04-fiscal-total',
  'x03-05-bound',
  'x05-06-basic',
  'x01-04-carry-over',
  'x09-06-items',
  'x06-05-contributions',
];

function modelOf(snapshot: WorkbookSnapshot): TablesModel {
  return readWorkbook(snapshot).model;
}

test('cross rules: ids, metadata, registration in the catalogue', () => {
  assert.deepEqual(CROSS_RULES.map((r) => r.id), IDS);
  for (const rule of CROSS_RULES) {
    assert.ok(RULES.includes(rule), rule.id);
    assert.match(rule.source ?? '', /^B\d\d(, B\d\d)*$/, rule.id);
    assert.ok(rule.title && rule.doc && rule.message.includes('{expected}') && rule.message.includes('{actual}'), rule.id);
    assert.ok(rule.tables.length >= 2, rule.id);
    assert.match(rule.message, /公开0\d表（.+）.*公开0\d表（.+）/, rule.id);
  }
  const warnings = CROSS_RULES.filter((r) => r.severity === 'warning').map((r) => r.id);
  assert.deepEqual(warnings, ['x02-03-subject', 'x06-05-contributions']);
});

test('cross rules on the sample: no error, no info; only the four B14 warnings', async () => {
  const found = runRules(modelOf(await seedSnapshot()), CROSS_RULES);
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.expected, f.actual]),
    [
      ['x06-05-contributions', 'warning', '27.64', '27.89'],
      ['x06-05-contributions', 'warning', '13.82', '13.94'],
      ['x06-05-contributions', 'warning', '22.99', '23.01'],
      ['x06-05-contributions', 'warning', '17.92', '18.20'],
    ],
  );
});

test('cross rules on the Shanghai-family workbook (政府性基金, carry-over, 事业收入, 03 > 05): no finding, and they bite', async () => {
  const snap = await snapshotOf(await workbookToBuffer(await buildShanghaiWorkbook()), 'shanghai.xlsx');
  const model = modelOf(snap);
  assert.deepEqual(runRules(model, CROSS_RULES), []);
  const errorsAfter = (ref: string, delta: number) =>
    runRules(modelOf(bump(snap, ref, delta)), CROSS_RULES).filter((f) => f.severity === 'error');
  // Shanghai order: its 公开08表 sheet is the 政府性基金 table (canonical 07); 合计 row last.
  const gfClosing = errorsAfter('公开08表!J9', 1);
  assert.deepEqual(gfClosing.map((f) => [f.rule, f.cells[0], f.expected, f.actual]), [['x04-07-gf', '公开04表!F31', '65.63', '64.63']]);
  const gfClass = errorsAfter('公开04表!F16', 1).map((f) => [f.rule, f.cells[0]]);
  assert.deepEqual(gfClass, [['x04-07-gf', '公开04表!F16']]);
  const business = errorsAfter('公开01表!B9', 1).map((f) => [f.rule, f.cells[0]]);
  assert.deepEqual(business, [['x01-02-income', '公开01表!B9']]);
  const bound = errorsAfter('公开05表!F9', 200).map((f) => [f.rule, f.cells[0], f.expected]);
  // 2010650 基本支出 in 05 raised above 03's (580.70): only the bound breaks (05's own sums are intra rules).
  assert.deepEqual(bound, [['x03-05-bound', '公开03表!F9', '≥ 620.58']]);
});

test('cross rules never throw on a partial model', async () => {
  const seed = bump(await seedSnapshot(), '公开03表!C10', 1);
  const base = () => modelOf(seed);
  const mutations: Array<[string, (m: TablesModel) => void]> = [
    ['no 合计 rows', (m) => {
      for (const c of ['02', '03', '05', '07', '08'] as const) delete m[c]!.total;
    }],
    ['empty 科目 tables', (m) => {
      for (const c of ['02', '03', '05', '07', '08'] as const) {
        m[c]!.rows = [];
        m[c]!.columns = {};
      }
    }],
    ['01/04 without lines or classes', (m) => {
      for (const c of ['01', '04'] as const) {
        m[c]!.income = {};
        m[c]!.expense = {};
        m[c]!.classes = [];
        m[c]!.expenseColumns = [];
      }
    }],
    ['04 with only a 合计 column', (m) => {
      for (const line of [...m['04']!.classes, ...Object.values(m['04']!.expense)])
        if (line) for (const k of ['gpb', 'gf', 'soc'] as const) delete (line.amounts as Partial<typeof line.amounts>)[k];
    }],
    ['06 and 09 empty', (m) => {
      m['06']!.items = [];
      delete m['06']!.personnelTotal;
      delete m['06']!.publicTotal;
      m['09']!.actual = {};
      m['09']!.budget = {};
    }],
    ['tables missing', (m) => {
      delete m['07'];
      delete m['08'];
      delete m['06'];
    }],
  ];
  for (const [name, mutate] of mutations) {
    const model = base();
    mutate(model);
    const found = runRules(model, CROSS_RULES);
    assert.ok(!found.some((f) => f.rule === 'internal-rule-error'), `${name}: ${JSON.stringify(found.filter((f) => f.rule === 'internal-rule-error'))}`);
  }
});

test('without a 合计 row the 类 rows are summed, and the message says so', async () => {
  const model = modelOf(withCells(await seedSnapshot(), { '公开03表!C8': 411.65, '公开03表!C7': 520.63 }));
  delete model['03']!.total;
  const found = runRules(model, CROSS_RULES).filter((f) => f.rule === 'x01-03-expense');
  const total = found.find((f) => f.cells[0] === '公开01表!F33');
  assert.ok(total, JSON.stringify(found));
  assert.deepEqual([total.expected, total.actual], ['520.63', '519.63']);
  assert.match(total.message, /公开03表（支出决算表）各类级科目之和（该表未列“合计”行）的“本年支出合计” 520\.63/);
});
