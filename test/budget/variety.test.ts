// Layout variety of published 部门预算 workbooks: the real tables of other regions and years (sources B6–B10 in
// docs/budget-layouts.md, rebuilt cell for cell from the published text) and the spellings and placements the
// builder's switches produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBudgetWorkbook, type BudgetReadResult } from '../../src/core/budget';
import { classifyBudgetTitle } from '../../src/core/budget/title';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { BUDGET_TOTAL } from '../support/budget-workbook';
import { readBudgetLayout, snapshot } from './support';

const sangongOf = (r: BudgetReadResult) =>
  Object.fromEntries(Object.entries(r.figures.sangong ?? {}).map(([k, f]) => [k, `${f.value.toString()}@${f.cell.split('!').pop()}`]));
const notMissing = (r: BudgetReadResult) => r.findings.filter((f) => !/missing/.test(f.rule)).map((f) => `${f.rule}: ${f.message}`);

test('titles: more spellings of the four tables, and a 财政拨款支出表 kept apart from the 一般公共预算 one', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2024年一般公共预算财政拨款支出预算表', 'gpb-expense'],
    ['一般公共预算支出功能分类预算表', 'gpb-expense'],
    ['一般公共预算支出预算表（按功能科目）', 'gpb-expense'],
    ['一般公共预算财政拨款基本支出表', 'basic-expense'],
    ['一般公共预算基本支出部门预算经济分类预算表', 'basic-expense'],
    ['部门预算资金安排的“三公”经费情况表', 'sangong'], // B10
    ['2017年一般公共预算安排的行政经费及“三公”经费预算表', 'sangong'], // B9
    ['台创园2017年度部门“三公”经费预算情况表', 'sangong'], // B6
    ['“三公”经费财政拨款预算表', 'sangong'],
    ['一般公共预算支出表（单位：万元）', 'gpb-expense'],
    // Every 财政拨款 (政府性基金 and 国有资本经营 too): not the 一般公共预算 one.
    ['财政拨款支出预算表（按功能分类）', 'fiscal-expense'],
    ['2024年财政拨款支出表', 'fiscal-expense'],
    ['财政拨款安排的支出预算表', 'fiscal-expense'],
    ['一般公共预算和政府性基金预算支出表', 'fiscal-expense'],
    ['政府性基金预算拨款支出预算表', 'gov-fund'], // B10
    ['政府性基金预算财政拨款支出表', 'gov-fund'],
    ['部门预算支出总表', 'expense'],
    ['部门支出预算表', 'expense'],
  ];
  for (const [title, kind] of cases) assert.equal(classifyBudgetTitle(title.normalize('NFKC').replace(/[“”]/g, '')), kind, title);
});

test('a 财政拨款支出表 alone is not read as the 一般公共预算 one: the missing finding names it', async () => {
  const { figures, findings } = await readBudgetLayout({ fiscalExpense: true, omit: ['gpb-expense'] });
  assert.equal(figures.gpbExpenseTotal, undefined, 'its 合计 590.13 holds 政府性基金 10');
  assert.deepEqual(figures.gpbItems, []);
  const missing = findings.filter((f) => f.rule === 'budget-table-missing');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /工作表“表4-1 财政拨款支出表”A1的“2024年财政拨款支出表”含政府性基金等全部财政拨款，不是一般公共预算支出表/);
  assert.deepEqual(missing[0].cells, ['表4-1 财政拨款支出表!A1']);
  const both = await readBudgetLayout({ fiscalExpense: true });
  assert.equal(both.figures.gpbExpenseTotal?.value.toString(), BUDGET_TOTAL.total);
  assert.match(both.figures.gpbExpenseTotal!.cell, /^表5 一般公共预算支出表!/);
});

test('单位 in the title, alone on a row far right, or as 金额单位：千元 above the header', async () => {
  for (const unitPlace of ['title', 'own-row'] as const) {
    const { figures, findings } = await readBudgetLayout({ unitPlace, yuan: ['gpb-expense'] });
    assert.equal(figures.gpbExpenseTotal?.value.toString(), '580.1265', unitPlace);
    assert.equal(figures.tables.find((t) => t.kind === 'gpb-expense')?.unit, '元');
    assert.deepEqual(findings.map((f) => f.rule), ['budget-unit-converted'], unitPlace);
  }
  // 千元 was not seen in any published 部门预算 (docs/budget-layouts.md); stated, it converts all the same.
  const r = readBudgetWorkbook(
    snapshot({
      表: [
        ['2024年一般公共预算支出表'],
        [null, null, null, null, null, null, '金额单位：千元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, 5801.3, 3731.3, 2070],
        ['2010450', '事业运行', 5801.3, 3731.3, 2070],
      ],
    }),
  );
  assert.equal(r.figures.gpbExpenseTotal?.value.toString(), '580.13');
  assert.equal(r.figures.gpbItems[0].project?.value.toString(), '207');
  assert.match(r.figures.unitNote ?? '', /以“千元”为单位/);
});

test('行次 and 栏次, 合计 at the bottom, split codes, title far right: the 合计 is the bottom row', async () => {
  const { figures, findings } = await readBudgetLayout({ lineNumbers: true, totalAtBottom: true, splitCodes: true, titleRight: true, sangongDown: true });
  assert.deepEqual(findings, []);
  // Header 2 rows + 栏次 + 16 lines under the unit row: the 合计 on row 22, amounts from column F (类 款 项 名称 in A–D, 行次 in E).
  assert.equal(figures.gpbExpenseTotal?.cell, '表5 一般公共预算支出表!F22');
  assert.equal(figures.gpbItems.find((i) => i.code === '2010450')?.total.cell, '表5 一般公共预算支出表!F8');
  assert.equal(figures.sangong?.total?.cell, '表7 三公经费支出表!C10');
  assert.equal(figures.tables.find((t) => t.kind === 'gpb-expense')?.title, '2024年一般公共预算支出表');
});

test('三公 down a column with a 行次 column and a bare 预算数 header: the 行次 numbers are not the budget', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [['2024年一般公共预算“三公”经费支出表'], ['单位：万元'], ['项目', '行次', '预算数'], ['合计', 1, 19], ['因公出国（境）费', 2, 7], ['公务用车购置及运行费', 3, 7], ['其中：公务用车购置费', 4, 0], ['公务用车运行费', 5, 7], ['公务接待费', 6, 5]],
    }),
  );
  assert.deepEqual(sangongOf(r), { total: '19@C4', abroad: '7@C5', vehicle: '7@C6', purchase: '0@C7', operation: '7@C8', reception: '5@C9' });
  assert.deepEqual(notMissing(r), []);
});

test('B6 岳阳县 2017: 单位:元, “2016-执行数 | 2017-预算数”, 一、支出合计, 相关统计数 lines (辆, 批, 人) not read', () => {
  const rows: CellValue[][] = [
    ['台创园2017年度部门“三公”经费预算情况表'],
    [null, null, '单位:元'],
    ['项目', '2016-执行数', '2017-预算数'],
    ['一、支出合计', 260000, 250000],
    ['1、因公出国(境)费用', null, null],
    ['2、公务接待费', 160000, 150000],
    ['3、公务用车费', 100000, 100000],
    ['其中:(1)公务用车运行维护费', 100000, 100000],
    ['(2)公务用车购置', null, null],
    ['二、相关统计数', null, null],
    ['1.因公出国(境)团组数(个)', null, 0],
    ['3.公务用车购置数(辆)', null, null],
    ['4.公务用车保有量(辆)', null, 1],
    ['5.公务接待批次(批)', null, 10],
    ['6.公务接待人数(人)', null, 500],
  ];
  const r = readBudgetWorkbook(snapshot({ s: rows }));
  assert.deepEqual(sangongOf(r), { total: '25@C4', abroad: '0@C5', vehicle: '10@C7', purchase: '0@C9', operation: '10@C8', reception: '15@C6' });
  assert.equal(r.figures.year, '2017');
  assert.deepEqual(notMissing(r).map((m) => m.split(':')[0]), ['budget-unit-converted']);
  // The year alone tells the columns apart too: “2016-预算数 | 2017-预算数” gives 2017's.
  const byYear = readBudgetWorkbook(snapshot({ s: rows.map((row, i) => (i === 2 ? ['项目', '2016-预算数', '2017-预算数'] : row)) }));
  assert.equal(sangongOf(byYear).total, '25@C4');
});

test('B7 富源县 2018: 本年年初预算数 | 上年年初预算数 | 增减额 | 增减幅度, “公务用车购置及运行” without 费', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        ['富源县人民政府办公室2018年度“三公”经费预算情况表'],
        ['部门:富源县人民政府办公室', null, null, '单位:万元'],
        ['项目', '本年年初预算数', '上年年初预算数', '本年预算比上年增减情况', null],
        [null, null, null, '增减额', '增减幅度'],
        ['合计', 16.4, 18.8, -2.4, '-13%'],
        ['1.因公出国(境)费', null, null, null, null],
        ['2.公务接待费', 2.4, 4.8, -2.4, '-50.00%'],
        ['3.公务用车购置及运行', 14, 14, 0, '0.00%'],
        ['其中:(1)公务用车购置费', null, null, null, null],
        ['(2)公务用车运行费', 14, 14, 0, '0.00%'],
      ],
    }),
  );
  assert.deepEqual(sangongOf(r), { total: '16.4@B5', abroad: '0@B6', vehicle: '14@B8', purchase: '0@B9', operation: '14@B10', reception: '2.4@B7' });
  assert.equal(r.figures.sangong?.vehicle?.from, undefined, 'the printed line, not the sum of its parts');
  assert.deepEqual(notMissing(r), []);
});

test('B9 徐闻县 2017: 行政经费 line, “三公”经费 as the total, 公务用车 subtotal left blank over its printed part', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        ['表8'],
        ['2017年一般公共预算安排的行政经费及“三公”经费预算表'],
        ['单位名称:徐闻县经济信息化和科技局', '单位:万元'],
        ['项目', '2017年预算'],
        ['行政经费', 177.5],
        ['“三公”经费', 5.6],
        ['其中:(一)因公出国(境)支出', null],
        ['(二)公务用车购置及运行维护支出', null],
        ['1.公务用车购置', null],
        ['2.公务用车运行维护费', 3.6],
        ['(三)公务接待费支出', 2],
      ],
    }),
  );
  assert.deepEqual(sangongOf(r), { total: '5.6@B6', abroad: '0@B7', vehicle: '3.6@B9', purchase: '0@B9', operation: '3.6@B10', reception: '2@B11' });
  assert.deepEqual(r.figures.sangong?.vehicle?.from, ['s!B9', 's!B10']);
  assert.deepEqual(notMissing(r), [], 'a blank subtotal is not a printed 0 that fails to add up');
});

test('B8 2019 (广东): columns by fund source 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算: the 一般公共预算 one', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        ['2019年财政拨款安排的行政经费及“三公”经费预算表'],
        [null, null, null, null, '单位:万元'],
        ['项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        ['行政经费', 312.23, 312.23, 0, 0],
        ['“三公”经费', 30, 29, 1, 0],
        ['其中:(一)因公出国(境)支出', 0, 0, 0, 0],
        ['(二)公务用车购置及运行维护支出', 29, 28, 1, 0],
        ['1.公务用车购置', 0, 0, 0, 0],
        ['2.公务用车运行维护费', 29, 28, 1, 0],
        ['(三)公务接待费支出', 1, 1, 0, 0],
      ],
    }),
  );
  // (政府性基金 1 added to the published figures so that the column chosen shows.)
  assert.deepEqual(sangongOf(r), { total: '29@C5', abroad: '0@C6', vehicle: '28@C7', purchase: '0@C8', operation: '28@C9', reception: '1@C10' });
  assert.deepEqual(notMissing(r), []);
});

test('an empty 三公 table is zero budgets, not a missing table: a statement, a blank data row, or zeros', () => {
  const header = [['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'], [null, null, '小计', '购置费', '运行费', null]];
  const cases: Array<[string, CellValue[][], string]> = [
    ['statement', [['本单位无“三公”经费预算。']], 'A3'],
    ['statement in a merged note', [[null], ['说明：本单位2024年未安排“三公”经费。']], 'A4'],
    ['blank data row', [...header, [null, null, null, null, null, null]], 'A1'],
  ];
  for (const [name, body, cell] of cases) {
    const r = readBudgetWorkbook(snapshot({ s: [['2024年一般公共预算“三公”经费支出表'], ['单位：万元'], ...body] }));
    const s = r.figures.sangong;
    assert.ok(s, name);
    for (const k of ['total', 'abroad', 'vehicle', 'purchase', 'operation', 'reception'] as const) {
      assert.ok(s[k]?.value.isZero(), `${name}: ${k}`);
      assert.equal(s[k]?.cell, `s!${cell}`, `${name}: ${k}`);
    }
    assert.deepEqual(r.findings.filter((f) => /sangong|三公/.test(f.message) && f.rule !== 'budget-sangong-nil').map((f) => f.rule), [], name);
    assert.equal(r.findings.filter((f) => f.rule === 'budget-sangong-nil').length, 1, name);
    assert.equal(r.findings.find((f) => f.rule === 'budget-sangong-nil')?.severity, 'info');
  }
  const zeros = readBudgetWorkbook(snapshot({ s: [['2024年一般公共预算“三公”经费支出表'], ['单位：万元'], ...header, [0, 0, 0, 0, 0, 0]] }));
  assert.ok(zeros.figures.sangong?.total?.value.isZero());
  assert.equal(zeros.figures.sangong?.total?.cell, 's!A5', 'printed zeros are read as printed');
  // Not a 三公 table by its words alone: a title with a stray note and no item named stays unread.
  const stray = readBudgetWorkbook(snapshot({ s: [['2024年一般公共预算“三公”经费支出表'], ['单位：万元'], ['见附件']] }));
  assert.equal(stray.figures.sangong, undefined);
  assert.ok(stray.findings.some((f) => f.rule === 'budget-table-unreadable' || f.rule === 'budget-tables-missing'));
});

/** A snapshot whose sheets carry visibility, as both hosts give it. */
function withVisibility(sheets: Array<[string, CellValue[][], 'visible' | 'hidden']>): WorkbookSnapshot {
  return { source: 'mem.xlsx', sheets: sheets.map(([name, values, visibility]) => ({ name, origin: { row: 0, col: 0 }, values, visibility })) };
}

test('hidden sheets: the only copy of a table is read (one note); a visible copy wins over a hidden one', () => {
  const table = (total: number): CellValue[][] => [['2024年部门收支总表'], ['单位：万元'], ['项目', '预算数', '项目', '预算数'], ['收入总计', total, '支出总计', total]];
  const only = readBudgetWorkbook(withVisibility([['底稿', table(1), 'hidden']]));
  assert.equal(only.figures.incomeTotal?.cell, '底稿!B4');
  const notes = only.findings.filter((f) => f.rule === 'budget-table-hidden');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /部门收支总表（隐藏的工作表“底稿”）是从隐藏的工作表读取的/);
  const both = readBudgetWorkbook(withVisibility([['底稿', table(1), 'hidden'], ['公开', table(2), 'visible']]));
  assert.equal(both.figures.incomeTotal?.cell, '公开!B4');
  assert.deepEqual(both.findings.filter((f) => !/missing/.test(f.rule)).map((f) => f.rule), ['budget-table-duplicate']);
});

test('a title typed far right of its table (or in a merged cell’s top-left) is found', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        [null, null, null, null, null, null, '2024年一般公共预算支出表'],
        ['部门：测试局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, 10, 10, null],
        ['2010101', '行政运行', 10, 10, null],
      ],
    }),
  );
  assert.equal(r.figures.gpbExpenseTotal?.cell, 's!C4');
  assert.equal(r.figures.tables[0].title, '2024年一般公共预算支出表');
});

test('B5 山东 2019 收支预算总表: the expense side printed four ways (支出类别, 政府/部门预算经济分类, 功能分类)', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        ['2019年收支预算总表'],
        [null, null, null, null, null, null, null, null, null, '单位:万元'],
        ['收入', null, '支出', null, null, null, null, null, null, null],
        ['项目', '本年预算数', '支出类别', '本年预算数', '政府预算经济分类', '本年预算数', '部门预算经济分类', '本年预算数', '功能分类', '本年预算数'],
        ['一、财政拨款收入', 100, '一、基本支出', 80, '一、机关工资福利支出', 70, '一、工资福利支出', 70, '一般公共服务支出', 100],
        [null, null, '二、项目支出', 20, '二、机关商品和服务支出', 30, '二、商品和服务支出', 30, null, null],
        ['收入总计', 100, '支出总计', 100, '支出总计', 100, '支出总计', 100, '支出总计', 100],
      ],
    }),
  );
  assert.equal(r.figures.incomeTotal?.cell, 's!B7');
  assert.equal(r.figures.expenseTotal?.cell, 's!D7', 'the first 支出总计');
  assert.deepEqual(notMissing(r), []);
});

test('基本支出 printed as 小计 | 人员经费 | 公用经费 in the 一般公共预算支出表: 基本支出 is the 小计, its parts no finding', () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        ['2024年一般公共预算支出表'],
        ['部门：测试局', null, null, null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出'],
        [null, null, null, '小计', '人员经费', '公用经费', null],
        ['合计', null, 100, 80, 60, 20, 20],
        ['2010101', '行政运行', 100, 80, 60, 20, 20],
      ],
    }),
  );
  assert.equal(r.figures.gpbExpenseTotal?.cell, 's!C5');
  assert.deepEqual(
    [r.figures.gpbItems[0].total.cell, r.figures.gpbItems[0].basic?.cell, r.figures.gpbItems[0].project?.cell],
    ['s!C6', 's!D6', 's!G6'],
  );
  assert.deepEqual(notMissing(r), []);
});

test('a table number at the corner (“预算05表” under the title) does not end the table', async () => {
  const r = readBudgetWorkbook(
    snapshot({
      s: [
        ['2024年一般公共预算支出表'],
        ['部门：测试局', null, null, '单位：万元', '预算05表'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, 10, 10, null],
        ['2010101', '行政运行', 10, 10, null],
      ],
    }),
  );
  assert.equal(r.figures.gpbExpenseTotal?.cell, 's!C4');
  for (const t of ['预算05表', '部门预算公开3表', '单位预算12表']) assert.equal(classifyBudgetTitle(t), undefined, t);
  const built = await readBudgetLayout({ cornerNumbers: true });
  assert.deepEqual(built.findings, []);
  assert.equal(built.figures.tables.length, 4);
});
