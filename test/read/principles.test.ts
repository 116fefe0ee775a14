// Reading principles that the layout fuzz does not reach: which severity a missing table gets, the single
// 财政拨款收入 line of older 01 forms, a header the reader cannot place, one finding per misread column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INSTITUTION_ROWS, amountsOf, checkSnapshot, removeSheet, rowsOf, sample, setSheet, signatures } from './principles-support';
import type { CellValue } from '../../src/core/workbook/snapshot';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { reportYear } from '../../src/core/tables/report-year';

/** The sample with its titles stating a year (“2019年度收入支出决算总表”). */
function withYear(snapshot: Awaited<ReturnType<typeof sample>>, year: number) {
  for (const s of snapshot.sheets) if (typeof s.values[0]?.[0] === 'string') s.values[0][0] = `${year}年度${s.values[0][0]}`;
  return snapshot;
}

test('a table a region does not publish is one finding; its severity follows the evidence', async () => {
  const base = checkSnapshot(await sample());
  // 08 absent in a 2024 report with no 国有资本经营 figures anywhere: one warning, nothing else changes.
  const without08 = checkSnapshot(removeSheet(await sample(), '公开08表'));
  const extra = without08.report.findings.filter((f) => !signatures(base).includes(signatures({ ...without08, report: { ...without08.report, findings: [f] } })[0]));
  assert.deepEqual(extra.map((f) => [f.rule, f.severity, f.table]), [['read-table-missing', 'warning', '08']]);
  assert.match(extra[0].message, /没有应列入本表的金额/);
  // The same in a 2019 report (eight tables then): a note, not a warning.
  const old = checkSnapshot(removeSheet(withYear(await sample(), 2019), '公开08表'));
  const missing = old.report.findings.filter((f) => f.rule === 'read-table-missing');
  assert.deepEqual(missing.map((f) => [f.severity, f.table]), [['info', '08']]);
  // 09 absent while 06 shows 三公 spending (30212, 30217, 30231): an error that names those cells.
  const without09 = checkSnapshot(removeSheet(await sample(), '公开09表'));
  const f09 = without09.report.findings.filter((f) => f.rule === 'read-table-missing');
  assert.equal(f09.length, 1);
  assert.equal(f09[0].severity, 'error');
  assert.ok(f09[0].cells.includes('公开06表!F17') && f09[0].cells.includes('公开06表!F30'), f09[0].cells.join(','));
  // A core table is always an error.
  const without03 = checkSnapshot(removeSheet(await sample(), '公开03表'));
  assert.deepEqual(without03.report.findings.filter((f) => f.rule === 'read-table-missing').map((f) => f.severity), ['error']);
});

test('01 with one 财政拨款收入 line (older forms) reads and checks as the three source lines did', async () => {
  const snapshot = await sample();
  const rows = rowsOf(snapshot, '公开01表');
  // Row 7 holds 一、一般公共预算财政拨款收入; rows 8–9 the other two sources: one line instead, numbered anew.
  rows[6][0] = '一、财政拨款收入';
  rows[7][0] = null;
  rows[8][0] = null;
  const checked = checkSnapshot(setSheet(snapshot, '公开01表', rows, snapshot.sheets.find((s) => s.name === '公开01表')!.merges));
  assert.equal(checked.model['01']?.income.fiscal?.amounts.amount.value.toFixed(2), '519.63');
  assert.equal(checked.model['01']?.income.gpb, undefined);
  const base = checkSnapshot(await sample());
  assert.deepEqual(signatures(checked), signatures(base));
  // And a wrong figure there is caught by the 01 total and by 01 ↔ 02/04.
  rows[6][2] = 500;
  const wrong = checkSnapshot(setSheet(await sample(), '公开01表', rows));
  const rules = new Set(wrong.report.findings.filter((f) => f.severity === 'error' && f.cells.includes('公开01表!C7')).map((f) => f.rule));
  assert.ok(rules.has('t01-income-total') && rules.has('x01-02-income') && rules.has('x01-04-income'), [...rules].join(','));
});

test('a header that cannot be placed is one warning for the table, and none of its rules run', async () => {
  const snapshot = await sample();
  // 05 without its 基本支出 column: a column the checks need is not there to be found.
  const rows = rowsOf(snapshot, '公开05表').map((r) => [...r.slice(0, 3), ...r.slice(4)]);
  const checked = checkSnapshot(setSheet(snapshot, '公开05表', rows));
  const about05 = checked.report.findings.filter((f) => f.table === '05' || f.cells.some((c) => c.startsWith('公开05表')));
  assert.deepEqual(about05.map((f) => f.rule), ['read-table-unreadable'], about05.map((f) => f.message).join('\n'));
  assert.equal(about05[0].severity, 'warning');
  assert.match(about05[0].message, /公开05表.*未能找到/);
  assert.equal(checked.model['05'], undefined);
});

test('headers that name no column are placed by the row identity and the printed order, one finding each', async () => {
  const snapshot = await sample();
  const rows = rowsOf(snapshot, '公开03表');
  rows[3][2] = '栏目三';
  rows[3][3] = '栏目一';
  rows[3][4] = '栏目二';
  const checked = checkSnapshot(setSheet(snapshot, '公开03表', rows));
  assert.deepEqual(amountsOf(checked), amountsOf(checkSnapshot(await sample())));
  const inferred = checked.report.findings.filter((f) => f.rule === 'read-column-inferred');
  assert.deepEqual(inferred.map((f) => f.cells[0]), ['公开03表!C4', '公开03表!D4', '公开03表!E4']);
});

test('one wrong head word is read by the row identity and costs one finding', async () => {
  const snapshot = await sample();
  const rows = rowsOf(snapshot, '公开03表');
  rows[3][3] = '基本费用'; // 基本支出 mislabelled
  const checked = checkSnapshot(setSheet(snapshot, '公开03表', rows, snapshot.sheets.find((s) => s.name === '公开03表')!.merges));
  const base = checkSnapshot(await sample());
  assert.deepEqual(amountsOf(checked), amountsOf(base));
  const extra = checked.report.findings.filter((f) => f.rule.startsWith('read-'));
  assert.deepEqual(extra.map((f) => [f.rule, f.cells]), [['read-column-inferred', ['公开03表!D4']]]);
  assert.match(extra[0].message, /“基本费用”.*识别为“基本支出”/);
});

test('words down an amount column are one finding for the column, not one per cell', async () => {
  const snapshot = await sample();
  const rows = rowsOf(snapshot, '公开05表');
  // 项目支出 filled with “无” where blank, and two real figures replaced by words.
  for (let r = 8; r < 29; r++) if (rows[r][4] === null) rows[r][4] = '无';
  rows[9][4] = '见附表';
  const checked = checkSnapshot(setSheet(snapshot, '公开05表', rows, snapshot.sheets.find((s) => s.name === '公开05表')!.merges));
  const reading = checked.report.findings.filter((f) => f.rule.startsWith('read-') && f.table === '05');
  assert.ok(reading.length <= 1, reading.map((f) => f.message).join('\n'));
});

test('the 三公 rows inside a 机构运行信息表 stand in for a missing 09, with one note saying so', async () => {
  const snapshot = removeSheet(await sample(), '公开09表');
  const checked = checkSnapshot(setSheet(snapshot, '机构运行信息表', INSTITUTION_ROWS));
  const base = checkSnapshot(await sample());
  assert.deepEqual(amountsOf(checked), amountsOf(base));
  const notes = checked.report.findings.filter((f) => f.rule === 'read-table-block');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].severity, 'info');
  const rest = checked.report.findings.filter((f) => f.rule !== 'read-table-block');
  assert.deepEqual(signatures({ ...checked, report: { ...checked.report, findings: rest } }), signatures(base));
  assert.equal(checked.model['09']?.actual.total?.cell, '机构运行信息表!C4');
});

test('01 printed as one list (收入 lines, then 支出 lines, one amount column) reads as side by side', async () => {
  const snapshot = await sample();
  const rows = rowsOf(snapshot, '公开01表');
  // Rows 7–36 hold both sides: A label, C amount (收入); D label, F amount (支出).
  const list: CellValue[][] = [rows[0], rows[1], rows[2], ['项目', '金额'], ['收入', null]];
  for (let r = 6; r <= 35; r++) if (rows[r][0]) list.push([rows[r][0], rows[r][2]]);
  list.push(['支出', null]);
  for (let r = 6; r <= 35; r++) if (rows[r][3]) list.push([rows[r][3], rows[r][5]]);
  list.push([rows[36][0]]);
  const checked = checkSnapshot(setSheet(snapshot, '公开01表', list));
  const base = checkSnapshot(await sample());
  const only01 = (xs: string[]) => xs.filter((k) => k.startsWith('01.'));
  assert.deepEqual(only01(amountsOf(checked)), only01(amountsOf(base)));
  assert.equal(checked.model['01']?.classes.length, 26);
  assert.equal(checked.model['01']?.expense.grandTotal?.amounts.amount.value.toFixed(2), '519.63');
  assert.deepEqual(signatures(checked), signatures(base));
});

test('the report year comes from the tables, else the cover, else the file name; it picks the 科目 edition', async () => {
  // The sample's titles state no year; its file name (seed-2024.xlsx) does, weakly: not printed, but it picks
  // the edition.
  const seeded = readWorkbook(await sample());
  assert.deepEqual([seeded.facts.year, seeded.facts.fileYear], [undefined, 2024]);
  assert.equal(reportYear(seeded.model, seeded.facts), 2024);
  const anonymous = await sample();
  anonymous.source = 'report.xlsx';
  const plain = readWorkbook(anonymous);
  assert.equal(reportYear(plain.model, plain.facts), undefined);
  const named = await sample();
  named.source = '株洲市长株潭一体化发展事务中心2025年度部门决算.xlsx';
  const fromFile = readWorkbook(named);
  assert.equal(fromFile.facts.fileYear, 2025);
  assert.equal(reportYear(fromFile.model, fromFile.facts), 2025);
  const covered = setSheet(await sample(), '封面', [['2023年度部门决算'], ['株洲市长株潭一体化发展事务中心']]);
  covered.sheets.unshift(covered.sheets.pop()!);
  covered.source = 'x-2025.xlsx';
  assert.equal(readWorkbook(covered).facts.year, 2023, 'the cover before the file name');
  const titled = withYear(await sample(), 2019);
  titled.source = 'x-2025.xlsx';
  const t = readWorkbook(titled);
  assert.equal(reportYear(t.model, t.facts), 2019, 'the tables before everything');
});
