import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { SEED } from '../helpers';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { checkSnapshot } from '../../src/core/report';

async function unreadableMessage(bytes: Uint8Array): Promise<string> {
  const read = await snapshotFromXlsx(bytes, 'x.xlsx');
  assert.equal(read.ok, false);
  if (read.ok) return '';
  assert.equal(read.finding.rule, 'read-file-unreadable');
  assert.equal(read.finding.severity, 'error');
  return read.finding.message;
}

test('an empty file, a non-zip, a truncated zip, an .xls and an encrypted file each say what they are', async () => {
  assert.match(await unreadableMessage(new Uint8Array()), /文件为空/);
  assert.match(await unreadableMessage(Buffer.from('hello, this is text')), /不是 \.xlsx 工作簿/);
  assert.match(await unreadableMessage(Buffer.from('<html><table><tr><td>1</td></tr></table></html>')), /网页/);
  const seed = await readFile(SEED);
  assert.match(await unreadableMessage(seed.subarray(0, Math.floor(seed.length / 2))), /损坏或不完整/);
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  assert.match(await unreadableMessage(ole), /97-2003.*另存为 \.xlsx/);
  Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 600);
  assert.match(await unreadableMessage(ole), /密码/);
});

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('a workbook without tables reports each of the nine as missing, with what was looked for', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '会议纪要';
  ws.getCell('B2').value = 123.45;
  const read = await snapshotFromXlsx(await xlsxBytes(wb), 'none.xlsx');
  assert.ok(read.ok);
  const { report } = checkSnapshot(read.snapshot);
  assert.equal(report.tables.length, 0);
  const missing = report.findings.filter((f) => f.rule === 'read-table-missing');
  assert.equal(missing.length, 9);
  assert.match(missing[4].message, /未找到公开05表（一般公共预算财政拨款支出决算表）/);
  assert.equal(report.summary.error, 9);
});

test('a workbook with one table missing reads the other eight and names the missing one', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(SEED)) as unknown as ExcelJS.Buffer);
  wb.removeWorksheet(wb.getWorksheet('公开05表')!.id);
  const read = await snapshotFromXlsx(await xlsxBytes(wb), 'no05.xlsx');
  assert.ok(read.ok);
  const { report } = checkSnapshot(read.snapshot);
  assert.deepEqual(report.tables.map((t) => t.code), ['01', '02', '03', '04', '06', '07', '08', '09']);
  const missing = report.findings.filter((f) => f.rule === 'read-table-missing');
  assert.deepEqual(missing.map((f) => f.table), ['05']);
});

test('a 目录 listing all nine titles is not taken for the tables', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(SEED)) as unknown as ExcelJS.Buffer);
  const toc = wb.addWorksheet('目录');
  ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表'].forEach((t, i) => {
    toc.getCell(i + 2, 1).value = `公开0${i + 1}表`;
    toc.getCell(i + 2, 2).value = t;
  });
  const read = await snapshotFromXlsx(await xlsxBytes(wb), 'toc.xlsx');
  assert.ok(read.ok);
  const { report } = checkSnapshot(read.snapshot);
  assert.equal(report.tables.length, 9);
  assert.ok(report.tables.every((t) => t.sheet !== '目录'));
  assert.deepEqual(report.findings.filter((f) => f.rule.startsWith('read-')), []);
});

test('bad cells are findings naming the cell; a second copy of a table is reported', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(SEED)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('公开03表')!;
  ws.getCell('D8').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('E8').value = '待定';
  ws.getCell('C9').value = 410.654;
  const copy = wb.addWorksheet('草稿');
  copy.getCell('A1').value = '支出决算表';
  copy.getCell('A2').value = '科目代码';
  copy.getCell('B2').value = '科目名称';
  copy.getCell('C2').value = '本年支出合计';
  copy.getCell('D2').value = '基本支出';
  copy.getCell('E2').value = '项目支出';
  copy.getCell('A3').value = '合计';
  copy.getCell('C3').value = 1;
  const read = await snapshotFromXlsx(await xlsxBytes(wb), 'bad.xlsx');
  assert.ok(read.ok);
  const { report, model } = checkSnapshot(read.snapshot);
  const invalid = report.findings.filter((f) => f.rule === 'read-cell-invalid');
  assert.deepEqual(invalid.map((f) => f.cells[0]).sort(), ['公开03表!D8', '公开03表!E8']);
  assert.match(invalid.find((f) => f.cells[0] === '公开03表!D8')!.message, /#REF!/);
  assert.match(invalid.find((f) => f.cells[0] === '公开03表!E8')!.message, /待定/);
  const precision = report.findings.find((f) => f.rule === 'read-cell-precision');
  assert.equal(precision?.cells[0], '公开03表!C9');
  assert.equal(precision?.expected, '410.65');
  const dup = report.findings.find((f) => f.rule === 'read-table-duplicate');
  assert.equal(dup?.table, '03');
  assert.equal(model['03']?.meta.sheet, '公开03表', 'the copy with more figures is used');
});

test('a table whose title row was deleted is found by its sheet name, with a warning', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(SEED)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('公开02表')!;
  ws.unMergeCells('A1:I1');
  ws.spliceRows(1, 1);
  ws.name = '收入决算表';
  const read = await snapshotFromXlsx(await xlsxBytes(wb), 'notitle.xlsx');
  assert.ok(read.ok);
  const { report, model } = checkSnapshot(read.snapshot);
  assert.equal(report.tables.length, 9);
  assert.equal(model['02']?.meta.sheet, '收入决算表');
  assert.equal(model['02']?.total?.amounts.total.cell, '收入决算表!C6');
  const warning = report.findings.find((f) => f.rule === 'read-title-missing');
  assert.equal(warning?.table, '02');
});
