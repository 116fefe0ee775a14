import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { readBudgetWorkbook } from '../../src/core/budget';
import { BUDGET_DEPARTMENT, BUDGET_ITEMS, budgetWorkbookBytes, type BudgetLayout } from '../support/budget-workbook';
import { expectedLines, figureLines, readBudgetBytes, readBudgetLayout } from './support';

const FIXTURE = join(__dirname, '..', 'fixtures', 'seed-2024-budget.xlsx');

test('the committed fixture is what the builder writes (deterministic, up to date)', async () => {
  const committed = await readFile(FIXTURE);
  const built = await budgetWorkbookBytes();
  assert.ok(committed.equals(built), 'test/fixtures/seed-2024-budget.xlsx differs from the builder: run `npx tsx scripts/make-budget-fixture.ts`');
});

test('the fixture reads to the published figures exactly, with no finding', async () => {
  const { figures, findings } = await readBudgetBytes(await readFile(FIXTURE), 'seed-2024-budget.xlsx');
  assert.deepEqual(findings, []);
  assert.deepEqual(figureLines(figures), expectedLines());
  // The published ones, spelled out (情况说明 五（三） and 七):
  assert.ok(figures.gpbExpenseTotal?.value.eq('580.13'));
  const byCode = new Map(figures.gpbItems.map((i) => [i.code, i]));
  for (const it of BUDGET_ITEMS) assert.ok(byCode.get(it.code)?.total.value.eq(new Decimal(it.basic).plus(it.project)), it.code);
  assert.ok(byCode.get('2010450')?.total.value.eq('476.41'));
  assert.ok(byCode.get('2101199')?.total.value.eq('14.30'));
  assert.equal(byCode.has('2010499'), false, 'a 项 without budget is not printed');
  assert.ok(figures.sangong?.total?.value.eq(19));
  assert.ok(figures.sangong?.abroad?.value.eq(7));
  assert.ok(figures.sangong?.vehicle?.value.eq(7));
  assert.ok(figures.sangong?.purchase?.value.isZero());
  assert.ok(figures.sangong?.operation?.value.eq(7));
  assert.ok(figures.sangong?.reception?.value.eq(5));
  assert.equal(figures.year, '2024');
  assert.equal(figures.department, BUDGET_DEPARTMENT);
  assert.deepEqual(
    figures.tables.map((t) => [t.kind, t.sheet, t.unit]),
    [
      ['overview', '表1 部门收支总表', '万元'],
      ['gpb-expense', '表5 一般公共预算支出表', '万元'],
      ['basic-expense', '表6 一般公共预算基本支出表', '万元'],
      ['sangong', '表7 三公经费支出表', '万元'],
    ],
  );
  assert.equal(figures.gpbExpenseTotal?.cell, '表5 一般公共预算支出表!C5');
  assert.equal(byCode.get('2010450')?.total.cell, '表5 一般公共预算支出表!C8');
  assert.equal(figures.unitNote, undefined);
});

const VARIANTS: Array<[string, BudgetLayout]> = [
  ['codes split 类 | 款 | 项', { splitCodes: true }],
  ['code and name in one cell, 三公 down a column', { codeWithName: true, sangongDown: true }],
  ['every table in 元', { yuan: true }],
  ['distractor tables and a 目录', { distractors: true }],
  ['one sheet, distractors, last year’s columns, zero lines', { oneSheet: true, distractors: true, priorYearColumns: true, zeroLines: true }],
  ['三公 down a column with last year’s budget beside', { sangongDown: true, priorYearColumns: true }],
  ['split codes in 元 on one sheet', { splitCodes: true, yuan: ['gpb-expense'], oneSheet: true }],
];

for (const [name, layout] of VARIANTS)
  test(`variant (${name}) reads to the figures it prints`, async () => {
    const { figures, findings } = await readBudgetLayout(layout);
    assert.deepEqual(figureLines(figures), expectedLines(layout));
    assert.deepEqual(
      findings.filter((f) => f.rule !== 'budget-unit-converted'),
      [],
    );
    assert.equal(figures.tables.length, 4);
  });

test('a table in 元 is converted to 万元 exactly, and says so once', async () => {
  const { figures, findings } = await readBudgetLayout({ yuan: ['gpb-expense'] });
  const item = figures.gpbItems.find((i) => i.code === '2010450');
  assert.equal(item?.total.value.toString(), '476.4055', '4,764,055.00 元, not rounded to 476.41');
  assert.equal(figures.gpbExpenseTotal?.value.toString(), '580.1265');
  assert.ok(figures.incomeTotal?.value.eq('580.13'), 'the other tables stay in 万元');
  assert.equal(figures.tables.find((t) => t.kind === 'gpb-expense')?.unit, '元');
  const notes = findings.filter((f) => f.rule === 'budget-unit-converted');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /一般公共预算支出表以“元”为单位/);
  assert.equal(figures.unitNote, notes[0].message);
  assert.equal(findings.length, 1);
});

test('distractor tables are not read in place of the real ones', async () => {
  const { figures } = await readBudgetLayout({ distractors: true });
  const sheets = figures.tables.map((t) => t.sheet);
  assert.deepEqual(sheets, ['表1 部门收支总表', '表5 一般公共预算支出表', '表6 一般公共预算基本支出表', '表7 三公经费支出表']);
  // 部门支出总表 prints 611.5 and 财政拨款收支总表 601.5: neither is taken.
  assert.ok(figures.gpbExpenseTotal?.value.eq('580.13'));
  assert.ok(figures.incomeTotal?.value.eq('580.13'));
  assert.equal(figures.gpbItems.some((i) => i.code === '2120899'), false, 'no 政府性基金 line');
});

for (const kind of ['overview', 'gpb-expense', 'basic-expense', 'sangong'] as const)
  test(`a missing ${kind} table is one finding naming what was looked for; the others are read`, async () => {
    const { figures, findings } = await readBudgetLayout({ omit: [kind], distractors: true });
    assert.deepEqual(findings.map((f) => f.rule), ['budget-table-missing']);
    const names: Record<typeof kind, RegExp> = {
      overview: /未找到“部门收支总表”（或“收支预算总表”/,
      'gpb-expense': /未找到“一般公共预算支出表”（或“一般公共预算财政拨款支出表”/,
      'basic-expense': /未找到“一般公共预算基本支出表”/,
      sangong: /未找到“一般公共预算“三公”经费支出表”/,
    };
    assert.match(findings[0].message, names[kind]);
    assert.equal(figures.tables.length, 3);
    assert.equal(figures.tables.some((t) => t.kind === kind), false);
  });

test('two tables missing: two findings', async () => {
  const { findings } = await readBudgetLayout({ omit: ['basic-expense', 'sangong'] });
  assert.deepEqual(findings.map((f) => f.rule), ['budget-table-missing', 'budget-table-missing']);
});

test('no budget table at all: one finding, not four', async () => {
  const { figures, findings } = await readBudgetLayout({ omit: ['overview', 'gpb-expense', 'basic-expense', 'sangong'], distractors: true });
  assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['budget-tables-missing', 'error']]);
  assert.match(findings[0].message, /未找到可读取的部门预算表格/);
  assert.deepEqual(figures.gpbItems, []);
});

test('a 决算 workbook given as the budget: one finding saying it is a 决算, not a 预算', async () => {
  const { figures, findings } = await readBudgetBytes(await readFile(join(__dirname, '..', 'fixtures', 'seed-2024.xlsx')), 'seed-2024.xlsx');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].rule, 'budget-is-final-accounts');
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, /是部门决算（.*决算表.*），不是部门预算/);
  assert.deepEqual(figures, { gpbItems: [], tables: [] });
});

test('an empty or odd workbook never throws', () => {
  for (const snap of [
    { sheets: [] },
    { sheets: [{ name: 'x', origin: { row: 0, col: 0 }, values: [] }] },
    { sheets: [{ name: 'x', origin: { row: 5, col: 3 }, values: [['一般公共预算支出表'], [null, '#REF!'], [true, 1e300]] }] },
  ]) {
    const r = readBudgetWorkbook(snap);
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].rule, /^budget-/);
  }
});
