// Catalogue: workbooks whose tables are missing, doubled, hidden, among many sheets, or on sheets with long or
// odd names. Each gets its message and the other tables are read exactly as in the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { markedCopy } from '../../src/hosts/file/marked-copy';
import { TABLE_NAMES, tableLabel, type TableCode } from '../../src/core/tables/codes';
import { NO_TABLES_FOUND } from '../../src/core/read/missing-table';
import {
  ALL_TABLES,
  assertOthersUnchanged,
  checkWorkbook,
  cli,
  copyValues,
  expectEntry,
  expectNoFinding,
  readFindings,
  seedWorkbook,
  tableCodes,
  TMP,
} from './support';
import { INSTITUTION_ROWS } from '../read/principles-support';

test('no tables: each of the nine is reported missing, with what was looked for; no rule runs on nothing', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议纪要');
  ws.getCell('A1').value = '2024年度部门决算编报工作会议纪要';
  ws.getCell('B3').value = 123.45;
  const { report } = await checkWorkbook(wb, 'minutes.xlsx');
  assert.deepEqual(report.tables, []);
  const missing = readFindings(report, 'read-table-missing');
  assert.deepEqual(missing.map((f) => f.table), ALL_TABLES);
  expectEntry(report, 'no-tables');
  for (const f of missing) {
    const code = f.table as TableCode;
    assert.ok(f.message.startsWith(`未找到${tableLabel(code)}：在所有工作表中查找标题含“${TABLE_NAMES[code]}”`), f.message);
  }
  assert.deepEqual(report.summary, { error: 9, warning: 0, info: 0, explained: 0 }, 'only the nine: no rule ran');
});

test('no tables: the text report says none was found, what was looked for and what to do (never “找到 0/9 张表：” and nothing)', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('会议纪要').getCell('A1').value = '2024年度部门决算编报工作会议纪要';
  const { path } = await checkWorkbook(wb, 'minutes-text.xlsx');
  const run = await cli(['check', path]);
  assert.ok(run.out.includes(NO_TABLES_FOUND), run.out);
  assert.doesNotMatch(run.out, /找到 0\/9 张表/);
  assert.match(NO_TABLES_FOUND, /“公开01表”至“公开09表”.*收入支出决算总表.*财政拨款“三公”经费支出决算表/);
  // A file that cannot be read was not searched: neither line.
  const broken = join(TMP, 'broken-text.xlsx');
  writeFileSync(broken, 'not a workbook');
  const unread = await cli(['check', broken]);
  assert.doesNotMatch(unread.out, /找到 0\/9|未找到任何部门决算公开表/);
});

test('a missing table: the other eight are read as in the sample', async () => {
  const wb = await seedWorkbook();
  wb.removeWorksheet(wb.getWorksheet('公开05表')!.id);
  const checked = await checkWorkbook(wb, 'no05.xlsx');
  assert.deepEqual(tableCodes(checked.report), ['01', '02', '03', '04', '06', '07', '08', '09']);
  expectEntry(checked.report, 'missing-table');
  await assertOthersUnchanged(checked, ['05']);
});

test('the same table twice: the one with more figures is used, the other reported', async () => {
  const wb = await seedWorkbook();
  const draft = wb.addWorksheet('公开05表（草稿）');
  copyValues(wb.getWorksheet('公开05表')!, draft);
  draft.getCell('C8').value = null; // the draft lacks a figure: the published copy has more
  const checked = await checkWorkbook(wb, 'dup05.xlsx');
  const dup = expectEntry(checked.report, 'duplicate-table');
  assert.deepEqual(dup.cells, ['公开05表!A1', '公开05表（草稿）!A1']);
  assert.equal(checked.model['05']?.meta.sheet, '公开05表');
  await assertOthersUnchanged(checked);
});

test('hidden sheets: tables on them are read (with a note); a visible copy wins over a hidden one', async () => {
  const wb = await seedWorkbook();
  wb.getWorksheet('公开06表')!.state = 'hidden';
  const checked = await checkWorkbook(wb, 'hidden.xlsx');
  assert.equal(checked.report.tables.length, 9);
  const note = expectEntry(checked.report, 'hidden-sheet');
  assert.deepEqual(note.cells, ['公开06表!A1']);
  await assertOthersUnchanged(checked);

  // A hidden older copy with more figures does not displace the visible table.
  const wb2 = await seedWorkbook();
  const old = wb2.addWorksheet('旧稿', { state: 'veryHidden' });
  copyValues(wb2.getWorksheet('公开03表')!, old);
  old.getCell('A30').value = '2990101';
  old.getCell('C30').value = 1;
  wb2.getWorksheet('公开03表')!.getCell('F8').value = null;
  const twice = await checkWorkbook(wb2, 'hidden-copy.xlsx');
  assert.equal(twice.model['03']?.meta.sheet, '公开03表');
  assert.ok(readFindings(twice.report, 'read-table-duplicate').length === 1);
  assert.deepEqual(readFindings(twice.report, 'read-table-hidden'), []);
});

test('60+ sheets: 65 sheets, the nine tables among them, read in time and without findings', async () => {
  const wb = await seedWorkbook();
  for (let i = 1; i <= 56; i++) {
    const ws = wb.addWorksheet(`附表${i}`, { state: i % 7 === 0 ? 'hidden' : 'visible' });
    ws.getCell('A1').value = `附表${i} 基础数据`;
    for (let r = 2; r < 12; r++) {
      ws.getCell(r, 1).value = `项目${r}`;
      ws.getCell(r, 2).value = r * 1.5;
    }
  }
  assert.equal(wb.worksheets.length, 65);
  const t0 = performance.now();
  const checked = await checkWorkbook(wb, 'many.xlsx');
  const ms = performance.now() - t0;
  assert.equal(checked.report.tables.length, 9);
  expectNoFinding(checked.report, 'many-sheets');
  await assertOthersUnchanged(checked);
  // Speed is the benchmark's job; the time is printed for whoever reads the log.
  process.stdout.write(`# many-sheets: 65 sheets checked in ${ms.toFixed(0)} ms\n`);
});

/** Renames the seed's sheets, puts text in one amount cell of a renamed sheet, checks, marks. */
async function renamed(names: Record<string, string>, badSheet: string, badCell: string, file: string) {
  const wb = await seedWorkbook();
  for (const [from, to] of Object.entries(names)) wb.getWorksheet(from)!.name = to;
  wb.getWorksheet(badSheet)!.getCell(badCell).value = '待定';
  const checked = await checkWorkbook(wb, file);
  assert.equal(checked.report.tables.length, 9);
  for (const t of checked.report.tables) if (names[`公开${t.code}表`]) assert.equal(t.sheet, names[`公开${t.code}表`]);
  // The marked copy finds every named cell by its reference.
  const copy = await markedCopy(checked.bytes!, checked.report.findings);
  assert.deepEqual(copy.skipped, []);
  const marked = new ExcelJS.Workbook();
  await marked.xlsx.load(copy.bytes as unknown as ExcelJS.Buffer);
  assert.ok(marked.getWorksheet(badSheet)!.getCell(badCell).note, 'the bad cell carries a note in the marked copy');
  return checked;
}

test('very long sheet names (31 characters, with Chinese): references carry them exactly', async () => {
  const long = '2024年度部门决算公开表之第五张：一般公共预算财政拨款支出表';
  assert.equal(long.length, 31);
  const checked = await renamed({ 公开05表: long }, long, 'D9', 'long-names.xlsx');
  const bad = expectEntry(checked.report, 'long-sheet-name');
  assert.deepEqual(bad.cells, [`${long}!D9`]);
  assert.equal(checked.model['05']?.total?.amounts.total.cell, `${long}!C8`);
  await assertOthersUnchanged(checked, [], ['05.201.basic']);
});

test('sheet names with spaces, quotes and "!": references stay "Sheet!A1" with the name as in the workbook', async () => {
  const names = { 公开01表: '公开01表 收入支出决算总表', 公开03表: '收入!表', 公开05表: "O'Neil 表", 公开09表: '“三公”经费 表' };
  const checked = await renamed(names, '收入!表', 'D9', 'odd-names.xlsx');
  const bad = expectEntry(checked.report, 'odd-sheet-name');
  assert.deepEqual(bad.cells, ['收入!表!D9']);
  assert.equal(checked.model['05']?.total?.amounts.total.cell, "O'Neil 表!C8");
  assert.equal(checked.model['09']?.actual.total?.cell.startsWith('“三公”经费 表!'), true);
  await assertOthersUnchanged(checked, [], ['03.20104.basic']);

  // A column no header explains, on the sheet whose name has a "!": the column letter is right.
  const wb = await seedWorkbook();
  wb.getWorksheet('公开03表')!.name = '收入!表';
  wb.getWorksheet('收入!表')!.getCell('I9').value = 5;
  const extra = await checkWorkbook(wb, 'odd-column.xlsx');
  const column = readFindings(extra.report, 'read-column-unrecognised')[0];
  assert.match(column.message, /第 I 列（无表头）/);
  assert.deepEqual(column.cells, ['收入!表!I9']);
});

test('a sheet with only an image, an empty sheet: ignored when the tables are there, named when one is missing', async () => {
  const wb = await seedWorkbook();
  const pictures = wb.addWorksheet('图片');
  const png = readFileSync(require.resolve('../../assets/icon-32.png'));
  pictures.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'B2:F20');
  wb.addWorksheet('空表');
  const all = await checkWorkbook(wb, 'pictures.xlsx');
  assert.equal(all.report.tables.length, 9);
  assert.deepEqual(readFindings(all.report), []);

  wb.removeWorksheet(wb.getWorksheet('公开07表')!.id);
  const checked = await checkWorkbook(wb, 'picture-instead.xlsx');
  expectEntry(checked.report, 'empty-sheet');
  await assertOthersUnchanged(checked, ['07']);
});

test('a table the region does not publish: one warning, the others read as in the sample', async () => {
  const wb = await seedWorkbook();
  wb.removeWorksheet(wb.getWorksheet('公开08表')!.id);
  const checked = await checkWorkbook(wb, 'no-08.xlsx');
  expectEntry(checked.report, 'table-not-published');
  assert.deepEqual(readFindings(checked.report).map((f) => f.table), ['08']);
  await assertOthersUnchanged(checked, ['08']);
});

test('a header without a column the checks need: one warning for the table, no row-by-row errors', async () => {
  const wb = await seedWorkbook();
  // 05's 基本支出 column emptied, head and figures: nothing is left to tell where 基本支出 is.
  const ws = wb.getWorksheet('公开05表')!;
  for (let r = 5; r <= 29; r++) ws.getCell(`D${r}`).value = null;
  const checked = await checkWorkbook(wb, 'no-basic.xlsx');
  expectEntry(checked.report, 'header-unplaceable');
  assert.deepEqual(checked.report.findings.filter((f) => f.table === '05' && f.severity !== 'info').map((f) => f.rule), ['read-table-unreadable']);
  await assertOthersUnchanged(checked, ['05']);
});

test('a mislabelled header: read by the row identity, one warning naming the header cell', async () => {
  const wb = await seedWorkbook();
  wb.getWorksheet('公开03表')!.getCell('D4').value = '基本费用';
  const checked = await checkWorkbook(wb, 'mislabel.xlsx');
  const f = expectEntry(checked.report, 'header-mislabel');
  assert.deepEqual(f.cells, ['公开03表!D4']);
  assert.deepEqual(readFindings(checked.report).length, 1);
  await assertOthersUnchanged(checked);
});

test('三公 rows inside a 机构运行信息表 stand in for 09', async () => {
  const wb = await seedWorkbook();
  wb.removeWorksheet(wb.getWorksheet('公开09表')!.id);
  const ws = wb.addWorksheet('机构运行信息表');
  INSTITUTION_ROWS.forEach((r) => ws.addRow(r));
  const checked = await checkWorkbook(wb, 'institution.xlsx');
  expectEntry(checked.report, 'sangong-in-other-table');
  assert.equal(checked.model['09']?.actual.total?.cell, '机构运行信息表!C4');
  await assertOthersUnchanged(checked, ['09']);
});
