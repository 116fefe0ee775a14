import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { subjectNameRule } from '../../src/core/rules/structure/subject-name';
import { economicNameRule } from '../../src/core/rules/structure/economic-name';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { reportYear } from '../../src/core/tables/report-year';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';

/** The seed's nine titles (A1 of each sheet); “2025年度” in front states the year as real workbooks do. */
const TITLES: Record<string, string> = {
  公开01表: '收入支出决算总表',
  公开02表: '收入决算表',
  公开03表: '支出决算表',
  公开04表: '财政拨款收入支出决算总表',
  公开05表: '一般公共预算财政拨款支出决算表',
  公开06表: '一般公共预算财政拨款基本支出决算明细表',
  公开07表: '政府性基金预算财政拨款收入支出决算表',
  公开08表: '国有资本经营预算财政拨款支出决算表',
  公开09表: '财政拨款“三公”经费支出决算表',
};

async function seedOf(year: number | undefined, changes: Record<string, CellValue> = {}): Promise<WorkbookSnapshot> {
  const titles = year === undefined ? {} : Object.fromEntries(Object.entries(TITLES).map(([sheet, title]) => [`${sheet}!A1`, `${year}年度${title}`]));
  return withCells(await seedSnapshot(), { ...titles, ...changes });
}

/** 20805 under its name before the 2021 edition, in 02, 03 and 05 (rows 13, 13, 14 of the seed). */
const OLD_20805 = { '公开02表!B13': '行政事业单位离退休', '公开03表!B13': '行政事业单位离退休', '公开05表!B14': '行政事业单位离退休' };

test('the year stated in the titles is the report year: majority, none when no title states one', async () => {
  assert.equal(reportYear(readWorkbook(await seedOf(undefined)).model), undefined);
  assert.equal(reportYear(readWorkbook(await seedOf(2025)).model), 2025);
  const mixed = await seedOf(2023, { '公开02表!A1': '2022年度收入决算表', '公开03表!A1': '2022年度支出决算表' });
  assert.equal(reportYear(readWorkbook(mixed).model), 2023);
});

test('a 2019 workbook with 2019 names gets no subject-name finding; the same names in 2024 are 旧称 (info)', async () => {
  assert.deepEqual(findingsOf(subjectNameRule, await seedOf(2019, OLD_20805)), []);
  const in2024 = findingsOf(subjectNameRule, await seedOf(2024, OLD_20805));
  assert.deepEqual(in2024.map((f) => [f.severity, f.table]), [['info', '02'], ['info', '03'], ['info', '05']]);
  assert.match(in2024[0].message, /“行政事业单位离退休”为旧称，2024 年科目表中的名称为“行政事业单位养老支出”/);
});

test('a name one edition off is an info, two editions off a warning', async () => {
  // 2130599 as the 2022 edition names it, in a 2021 workbook (neighbour edition) and a 2020 one (two years off).
  const change = { '公开02表!A11': '2130599', '公开02表!B11': '其他巩固脱贫衔接乡村振兴支出' };
  const in2021 = findingsOf(subjectNameRule, await seedOf(2021, change));
  assert.equal(in2021.length, 1, JSON.stringify(in2021));
  assert.equal(in2021[0].severity, 'info');
  assert.match(in2021[0].message, /为 2022 年科目表中的名称，2021 年科目表中该代码的名称为“其他扶贫支出”/);
  const in2020 = findingsOf(subjectNameRule, await seedOf(2020, { ...OLD_20805, ...change }));
  assert.deepEqual(in2020.map((f) => f.severity), ['warning']);
  assert.match(in2020[0].message, /与科目表不符，2020 年科目表中该代码的名称为“其他扶贫支出”/);
});

test('a 2025 workbook with 2025 names (上海 2025 决算 rows) gets no subject-name warning', async () => {
  // Rows of 上海市普陀区文化和旅游局 2025 决算 收入决算表 (GBC wenlv_narrative_truth_page_data.json) put into 02.
  const rows: Array<[string, string]> = [
    ['212', '城乡社区支出'],
    ['21219', '国有土地使用权出让收入对应专项债务收入安排的支出'],
    ['2121999', '其他国有土地使用权出让收入对应专项债务收入安排的支出'],
    ['207', '文化旅游体育与传媒支出'],
    ['20709', '旅游发展基金支出'],
    ['2070904', '地方旅游开发项目补助'],
    ['2079903', '文化产业发展专项支出'],
  ];
  const changes = Object.fromEntries(rows.flatMap(([code, name], i) => [[`公开02表!A${22 + i}`, code], [`公开02表!B${22 + i}`, name]]));
  const found = findingsOf(subjectNameRule, await seedOf(2025, changes));
  assert.deepEqual(found, []);
});

test('a code added in 2025 is right in a 2025 workbook, next year\'s code (info) in 2024, unknown in 2023', async () => {
  const change = { '公开02表!A11': '22911', '公开02表!B11': '中央金融机构注资特别国债财务基金支出' };
  assert.deepEqual(findingsOf(subjectNameRule, await seedOf(2025, change)), []);
  const in2024 = findingsOf(subjectNameRule, await seedOf(2024, change));
  assert.deepEqual(in2024.map((f) => f.severity), ['info']);
  assert.match(in2024[0].message, /为 2025 年科目表中的科目，2024 年科目表中没有该代码/);
  const in2023 = findingsOf(subjectNameRule, await seedOf(2023, change));
  assert.deepEqual(in2023.map((f) => f.severity), ['warning']);
  assert.match(in2023[0].message, /科目代码不在 2023 年功能分类科目表中/);
});

test('a year outside 2019–2026 uses the nearest edition and says so once, not per row', async () => {
  const in2018 = findingsOf(subjectNameRule, await seedOf(2018, OLD_20805));
  assert.equal(in2018.length, 1, JSON.stringify(in2018));
  assert.equal(in2018[0].severity, 'info');
  assert.match(in2018[0].message, /科目名称按 2019 年科目表核对：各表标明的年度为 2018 年/);
  const in2031 = findingsOf(subjectNameRule, await seedOf(2031));
  assert.deepEqual(in2031.map((f) => f.severity), ['info']);
  assert.match(in2031[0].message, /按 2026 年科目表核对/);
});

test('10 unknown codes in one table are one warning listing every code and its cells', async () => {
  const codes = ['2010498', '2010497', '2080598', '2080597', '2101198', '2101197', '2110198', '2110197', '2210298', '2210297'];
  const rows = [10, 11, 14, 15, 19, 20, 21, 22, 25, 28];
  const changes = Object.fromEntries(codes.map((code, i) => [`公开02表!A${rows[i]}`, code]));
  const found = findingsOf(subjectNameRule, await seedOf(2024, changes));
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
  const [f] = found;
  assert.equal(f.severity, 'warning');
  assert.equal(f.table, '02');
  assert.match(f.message, /科目代码有 10 个不在 2024 年功能分类科目表中/);
  for (const code of codes) assert.ok(f.message.includes(code), code);
  assert.match(f.message, /2010498（第 10 行）/);
  for (const row of rows) {
    assert.ok(f.cells.includes(`公开02表!A${row}`), `A${row}`);
    assert.ok(f.cells.includes(`公开02表!B${row}`), `B${row}`);
  }
});

test('up to 5 wrong names are one warning each; more in one table are one warning for the table', async () => {
  const wrong = (rows: number[]) => Object.fromEntries(rows.map((r) => [`公开03表!B${r}`, `名称${r}`]));
  const few = findingsOf(subjectNameRule, await seedOf(2024, wrong([10, 11, 14])));
  assert.deepEqual(few.map((f) => [f.severity, f.cells[0]]), [
    ['warning', '公开03表!B10'],
    ['warning', '公开03表!B11'],
    ['warning', '公开03表!B14'],
  ]);
  const many = findingsOf(subjectNameRule, await seedOf(2024, wrong([10, 11, 14, 15, 16, 19])));
  assert.equal(many.length, 1, JSON.stringify(many.map((f) => f.message)));
  assert.equal(many[0].severity, 'warning');
  assert.match(many[0].message, /公开03表.*科目名称有 6 处与 2024 年功能分类科目表不符（2010450“名称10”应为“事业运行”/);
  assert.match(many[0].message, /报表年度、所用科目表版本不对或科目代码列错位/);
  assert.equal(many[0].cells.length, 12);
});

test('economic-name: several unknown 06 codes are one warning; the sample stays clean in every year', async () => {
  for (const year of [2019, 2022, 2024, 2026]) assert.deepEqual(findingsOf(economicNameRule, await seedOf(year)), [], String(year));
  const found = findingsOf(economicNameRule, await seedOf(2024, { '公开06表!A7': '30198', '公开06表!A8': '30197', '公开06表!A9': '30196' }));
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
  assert.match(found[0].message, /科目代码有 3 个不在 2024 年部门预算支出经济分类科目表中：30198（公开06表!A7）/);
});
