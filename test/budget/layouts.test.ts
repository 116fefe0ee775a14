// Layouts seen in published budgets (docs/budget-layouts.md) and the reader's checks, on in-memory sheets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBudgetWorkbook } from '../../src/core/budget';
import { classifyBudgetTitle } from '../../src/core/budget/title';
import { snapshot } from './support';

const GPB = (rows: Array<Array<string | number | null>>, title = '2024年一般公共预算支出表', unit = '单位：万元') => [
  [title],
  ['部门：测试局', null, null, null, unit],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ...rows,
];

test('三公 down a column as 桂林 2015 published it: 本年预算数 | 其中：公共预算财政拨款, “3.公务用车费”, “其中：(1)…”', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({
      三公: [
        ['2024年测试局部门“三公”经费情况统计表'],
        [null, '单位：万元'],
        ['项目', '本年预算数', '其中：公共预算财政拨款'],
        ['合计', 34.35, 34.35],
        ['1.因公出国（境）费用', 0, 0],
        ['2.公务接待费', 1.7, 1.7],
        ['3.公务用车费', 0, 0],
        ['其中：（1）公务用车运行维护费', 32.65, 32.65],
        ['（2）公务用车购置', 0, 0],
      ],
    }),
  );
  const s = figures.sangong!;
  assert.deepEqual(
    [s.total, s.abroad, s.reception, s.vehicle, s.operation, s.purchase].map((f) => `${f?.value.toString()}@${f?.cell}`),
    ['34.35@三公!B4', '0@三公!B5', '1.7@三公!B6', '0@三公!B7', '32.65@三公!B8', '0@三公!B9'],
  );
  // As published, 公务用车费 prints 0 over its parts 32.65 + 0, and the 合计 is not Σ items: one finding says so.
  const mismatch = findings.filter((f) => f.rule === 'budget-total-mismatch');
  assert.equal(mismatch.length, 1);
  assert.match(mismatch[0].message, /有 2 处金额不平.*公务用车购置及运行费与购置费、运行费之和（B7 填 0\.00，合计为 32\.65）/);
  assert.equal(findings.filter((f) => f.rule === 'budget-table-missing').length, 3);
});

test('三公 down a column, 2016 南通 style: “单位不需填列”, 会议费 and 培训费 rows, 公务用车费 printed only as its parts', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({
      表: [
        ['2016年市国资委财政拨款“三公”经费预算表'],
        ['金额单位：万元'],
        ['项目', '2016年预算数', null],
        [null, '小计', '其中：一般公共预算安排数'],
        ['一、“三公”经费合计', 21.63, 21.63],
        ['（一）因公出国（境）费', '单位不需填列', '单位不需填列'],
        ['（二）公务接待费', 14.83, 14.83],
        ['1.公务用车购置费', null, null],
        ['2.公务用车运行维护费', 6.8, 6.8],
        ['二、会议费', 7.59, 7.59],
        ['三、培训费', 15.86, 15.86],
      ],
    }),
  );
  const s = figures.sangong!;
  assert.equal(s.total?.value.toString(), '21.63');
  assert.equal(s.abroad, undefined, '“单位不需填列” is no figure, not a misprint');
  assert.equal(s.reception?.value.toString(), '14.83');
  assert.equal(s.operation?.value.toString(), '6.8');
  assert.equal(s.purchase?.value.toString(), '0');
  assert.equal(s.vehicle?.value.toString(), '6.8', '购置费 + 运行维护费');
  assert.deepEqual(s.vehicle?.from, ['表!B8', '表!B9']);
  assert.equal(findings.filter((f) => !/missing/.test(f.rule)).length, 0, findings.map((f) => f.message).join('\n'));
});

test('lines that do not add up to the 合计: one budget-total-mismatch finding naming the cells; the 尾数 within tolerance is none', () => {
  const rows = [
    ['合计', null, 100.01, 80, 20],
    ['201', '一般公共服务支出', 100, 80, 20],
    ['2010101', '行政运行', 80, 80, null],
    ['2010102', '一般行政管理事务', 20, null, 20],
  ];
  const ok = readBudgetWorkbook(snapshot({ 表: GPB(rows) }));
  assert.equal(ok.findings.filter((f) => f.rule === 'budget-total-mismatch').length, 0, '0.01 is within 0.005 × 4 amounts');
  const bad = readBudgetWorkbook(snapshot({ 表: GPB(rows.map((r) => (r[0] === '2010102' ? ['2010102', '一般行政管理事务', 25, null, 25] : r))) }));
  const mismatch = bad.findings.filter((f) => f.rule === 'budget-total-mismatch');
  assert.equal(mismatch.length, 1);
  assert.match(mismatch[0].message, /201的合计与其下各科目之和（C5 填 100\.00，合计为 105\.00）/);
  assert.ok(mismatch[0].cells.includes('表!C5') && mismatch[0].cells.includes('表!C7'));
  assert.equal(mismatch[0].severity, 'warning');
  // The figures are still given as printed: the finding says they may be wrong.
  assert.equal(bad.figures.gpbItems.find((i) => i.code === '2010102')?.total.value.toString(), '25');
});

test('a 元 table with 分 converts exactly (4,764,123.45 元 = 476.412345 万元)', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({ 表: GPB([['合计', null, 4764123.45, 4764123.45, null], ['2010450', '事业运行', 4764123.45, 4764123.45, null]], '2024年一般公共预算支出表', '单位：元') }),
  );
  assert.equal(figures.gpbExpenseTotal?.value.toString(), '476.412345');
  assert.equal(figures.gpbItems[0].basic?.value.toString(), '476.412345');
  assert.equal(figures.gpbItems[0].project?.value.toString(), '0');
  assert.ok(findings.some((f) => f.rule === 'budget-unit-converted'));
});

test('an 上年执行数 block, a 增减 column and another year’s 预算数 are not read as this year’s budget', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({
      表: [
        ['2024年一般公共预算财政拨款支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '2023年执行数', '2023年预算数', '2024年预算数', null, null, '增减额', '增减率'],
        [null, null, null, null, '小计', '基本支出', '项目支出', null, null],
        ['合计', null, 90, 95, 100, 80, 20, 10, '11.11%'],
        ['2010101', '行政运行', 90, 95, 100, 80, 20, 10, '11.11%'],
      ],
    }),
  );
  assert.equal(figures.gpbExpenseTotal?.value.toString(), '100');
  assert.equal(figures.gpbExpenseTotal?.cell, '表!E5');
  assert.equal(figures.gpbItems[0].project?.cell, '表!G6');
  assert.deepEqual(findings.filter((f) => !/missing/.test(f.rule)), []);
});

test('基本支出表 printed like 公开06表: “人员经费合计 … 公用经费合计” lines', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({
      表: [
        ['2024年一般公共预算基本支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '预算数', '科目编码', '科目名称', '预算数'],
        ['301', '工资福利支出', 235, '302', '商品和服务支出', 127.87],
        ['303', '对个人和家庭的补助', 10.26, null, null, null],
        ['人员经费合计', null, 245.26, '公用经费合计', null, 127.87],
      ],
    }),
  );
  assert.equal(figures.basic?.personnel?.value.toString(), '245.26');
  assert.equal(figures.basic?.publicUse?.value.toString(), '127.87');
  assert.equal(figures.basic?.total, undefined);
  assert.deepEqual(findings.filter((f) => !/missing/.test(f.rule)), []);
});

test('收支总表 with 总计 on both sides and an expense side printed by fund source', () => {
  const { figures } = readBudgetWorkbook(
    snapshot({
      表: [
        ['2024年收支预算总表'],
        ['单位：万元'],
        ['收入', null, '支出', null, null],
        ['项目', '预算数', '项目', '合计', '一般公共预算'],
        ['一、一般公共预算拨款', 580.13, '一、一般公共服务支出', 476.41, 476.41],
        ['总计', 580.13, '总计', 581, 580.13],
      ],
    }),
  );
  assert.equal(figures.incomeTotal?.cell, '表!B6');
  assert.equal(figures.expenseTotal?.value.toString(), '581');
  assert.equal(figures.expenseTotal?.cell, '表!D6');
});

test('tables of different years in one workbook: a warning naming them', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({
      a: GPB([['合计', null, 1, 1, null], ['2010101', '行政运行', 1, 1, null]]),
      b: [['2023年部门收支总表'], ['单位：万元'], ['项目', '预算数', '项目', '预算数'], ['收入总计', 1, '支出总计', 1]],
    }),
  );
  assert.equal(figures.year, '2024', 'the 一般公共预算支出表 decides a tie');
  const mixed = findings.filter((f) => f.rule === 'budget-year-mixed');
  assert.equal(mixed.length, 1, findings.map((f) => f.message).join('\n'));
  assert.match(mixed[0].message, /多数为 2024 年，但 A1 为 2023 年/);
});

test('two copies of a table: the budget year’s is read, the other named', () => {
  const { figures, findings } = readBudgetWorkbook(
    snapshot({
      a: GPB([['合计', null, 1, 1, null], ['2010101', '行政运行', 1, 1, null]]),
      b: [['2023年部门收支总表'], ['单位：万元'], ['项目', '预算数', '项目', '预算数'], ['收入总计', 1, '支出总计', 1]],
      c: [['2024年部门收支总表'], ['单位：万元'], ['项目', '预算数', '项目', '预算数'], ['收入总计', 2, '支出总计', 2]],
    }),
  );
  assert.equal(figures.incomeTotal?.cell, 'c!B4');
  assert.deepEqual(findings.filter((f) => !/missing/.test(f.rule)).map((f) => f.rule), ['budget-table-duplicate']);
  assert.match(findings.find((f) => f.rule === 'budget-table-duplicate')!.message, /使用工作表“c”A1“2024年部门收支总表”；工作表“b”A1“2023年部门收支总表”未读取/);
});

test('titles: the four tables and their variants, the other budget tables, and 决算 tables', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2024年部门收支总表', 'overview'],
    ['收支预算总表', 'overview'],
    ['2024年收支总表', 'overview'],
    ['2024年一般公共预算支出表', 'gpb-expense'],
    ['一般公共预算财政拨款支出表', 'gpb-expense'],
    ['一般公共预算支出预算表', 'gpb-expense'],
    ['2024年一般公共预算基本支出表', 'basic-expense'],
    ['一般公共预算基本支出表（部门预算支出经济分类）', 'basic-expense'],
    ['财政拨款安排的基本支出预算表', 'basic-expense'],
    ['2024年一般公共预算“三公”经费支出表', 'sangong'],
    ['2016年市国资委财政拨款“三公”经费预算表', 'sangong'],
    ['2021年区本级“三公”经费预算支出表', 'sangong'],
    ['部门收入总表', 'income'],
    ['收入预算表', 'income'],
    ['部门支出总表', 'expense'],
    ['支出预算表', 'expense'],
    ['财政拨款收支总表', 'fiscal-overview'],
    ['财政拨款收支预算表', 'fiscal-overview'],
    ['2024年政府性基金预算支出表', 'gov-fund'],
    ['国有资本经营预算支出表', 'state-capital'],
    ['项目支出绩效目标表', 'performance'],
    ['政府采购预算表', 'procurement'],
    ['一般公共预算支出表（部门预算经济分类）', 'economic'],
    ['一般公共预算财政拨款支出决算表', 'final-accounts'],
    ['财政拨款“三公”经费支出决算表', 'final-accounts'],
    ['收入支出决算总表', 'final-accounts'],
    ['2024年部门预算', undefined],
    ['注：本表反映部门本年度一般公共预算支出表', undefined],
  ];
  for (const [title, kind] of cases) assert.equal(classifyBudgetTitle(title.normalize('NFKC').replace(/[“”]/g, '')), kind, title);
});
