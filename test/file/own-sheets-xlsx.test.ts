// Writing 审核说明 and 审核结果 into a copy of an .xlsx (src/hosts/file/own-sheets-xlsx.ts): added last or
// replaced whole, every other part of the file byte for byte as it was, the XML well-formed, internal links as
// Excel writes them, and never over a sheet of that name that is not ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SEED } from '../helpers';
import { checkSnapshot } from '../../src/core/report';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { writeOwnSheets } from '../../src/hosts/file/own-sheets-xlsx';
import { type ExplanationRecord, explanationRecord, explanationSheet, resultsSheet } from '../../src/core/explain';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';

async function read(bytes: Uint8Array, name = 'seed-2024.xlsx'): Promise<WorkbookSnapshot> {
  const r = await snapshotFromXlsx(bytes, name);
  assert.ok(r.ok);
  return r.snapshot;
}

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}

async function setup() {
  const bytes = new Uint8Array(await readFile(SEED));
  const snapshot = await read(bytes);
  const { report } = checkSnapshot(snapshot);
  const warning = report.findings.find((f) => f.severity === 'warning')!;
  const record = explanationRecord(warning, '核实无误：缴费在“事业运行”列支。', snapshot, '2025-03-01');
  return { bytes, snapshot, report, warning, record };
}

const FIXED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

test('both sheets added last: every other part of the file unchanged, byte for byte; the XML well-formed; read back, the warning is explained', async () => {
  const { bytes, snapshot, report, warning, record } = await setup();
  const out = await writeOwnSheets(bytes, snapshot, [explanationSheet([record]), resultsSheet(report.findings, report.summary, { file: 'seed-2024.xlsx', when: '2025-03-01 10:00' })]);
  assert.ok(out.ok, !out.ok ? out.message : '');
  assert.deepEqual(out.created, ['审核说明', '审核结果']);
  const [before, after] = [await parts(bytes), await parts(out.bytes)];
  for (const [name, content] of before) if (!FIXED.includes(name)) assert.ok(after.get(name)?.equals(content), `${name} unchanged`);
  const added = [...after.keys()].filter((n) => !before.has(n));
  assert.deepEqual(added.sort(), ['xl/worksheets/sheet10.xml', 'xl/worksheets/sheet11.xml']);
  // The workbook lists them last; the user's sheets keep their ids and order.
  const wb = after.get('xl/workbook.xml')!.toString('utf8');
  assert.deepEqual([...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]), [...snapshot.sheets.map((s) => s.name), '审核说明', '审核结果']);
  assert.ok(wb.startsWith(before.get('xl/workbook.xml')!.toString('utf8').split('</sheets>')[0]), 'only appended to the sheet list');
  // Well-formed (xmllint, where installed: CI installs it).
  if (spawnSync('xmllint', ['--version']).status === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-xml-'));
    for (const name of [...added, ...FIXED]) {
      const path = join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(path, after.get(name)!);
      const lint = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
      assert.equal(lint.status, 0, `${name}: ${lint.stderr}`);
    }
  }
  // Read back by the product's reader and by ExcelJS (a full load, as other tools read it).
  const again = checkSnapshot(await read(out.bytes));
  assert.equal(again.report.findings.find((f) => f.rule === warning.rule && f.cells.join() === warning.cells.join())?.explanation?.stale, false);
  assert.deepEqual(again.report.tables, report.tables);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(out.bytes) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('审核说明')!;
  assert.equal(sheet.getCell('A1').value, '审核说明（决算审核助手）');
  assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['规则', '单元格', '问题', '说明', '日期', '所涉数值', '校验码']);
  assert.equal(sheet.getCell('D4').value, record.text);
  const i = report.findings.findIndex((f) => f.expected);
  assert.equal(book.getWorksheet('审核结果')!.getCell(`E${4 + i}`).value, Number(report.findings[i].expected), 'an amount reads as a number');
});

test('审核结果: amounts are numbers with two decimals, links are internal (location, no relationship) to the finding’s first cell', async () => {
  const { bytes, snapshot, report } = await setup();
  const out = await writeOwnSheets(bytes, snapshot, [resultsSheet(report.findings, report.summary, { file: 'x.xlsx', when: '2025-03-01 10:00' })]);
  assert.ok(out.ok);
  const xml = (await parts(out.bytes)).get('xl/worksheets/sheet10.xml')!.toString('utf8');
  const links = [...xml.matchAll(/<hyperlink ([^>]*)\/>/g)].map((m) => m[1]);
  const withCells = report.findings.filter((f) => f.cells.length);
  assert.equal(links.length, withCells.length);
  assert.ok(links.every((l) => !/r:id=/.test(l)), 'no external relationship');
  assert.match(links[0], new RegExp(`location="'${withCells[0].cells[0].split('!')[0]}'!${withCells[0].cells[0].split('!')[1]}"`));
  const amount = report.findings.find((f) => f.expected)!;
  assert.ok(xml.includes(`<v>${amount.expected}</v>`), 'the exact decimal text, no float in between');
  assert.ok(!(await parts(out.bytes)).has('xl/worksheets/_rels/sheet10.xml.rels'));
});

test('written again: replaced in place (same part, no second sheet, styles not growing); the explanations the sheet had are what the writer is given', async () => {
  const { bytes, snapshot, record, report } = await setup();
  const first = await writeOwnSheets(bytes, snapshot, [explanationSheet([record]), resultsSheet(report.findings, report.summary, { file: '', when: 't1' })]);
  assert.ok(first.ok);
  const again = checkSnapshot(await read(first.bytes));
  const records: ExplanationRecord[] = [...again.explanations, { ...record, rule: 'second', text: '第二条' }];
  const second = await writeOwnSheets(first.bytes, await read(first.bytes), [explanationSheet(records), resultsSheet(report.findings, report.summary, { file: '', when: 't2' })]);
  assert.ok(second.ok);
  assert.deepEqual(second.replaced, ['审核说明', '审核结果']);
  const [p1, p2] = [await parts(first.bytes), await parts(second.bytes)];
  assert.deepEqual([...p2.keys()].sort(), [...p1.keys()].sort(), 'no part added');
  assert.ok(p2.get('xl/styles.xml')!.equals(p1.get('xl/styles.xml')!), 'the formats added the first time are reused');
  assert.equal((p2.get('xl/workbook.xml')!.toString().match(/name="审核说明"/g) ?? []).length, 1);
  const snap = await read(second.bytes);
  assert.deepEqual(checkSnapshot(snap).explanations.map((r) => r.text), [record.text, '第二条']);
  assert.match(String(snap.sheets.find((s) => s.name === '审核结果')!.values[1][0]), /t2/);
});

test('a sheet called 审核说明 that is not ours is never written over; a blank one is taken', async () => {
  const { bytes, record } = await setup();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  book.addWorksheet('审核说明').getCell('A1').value = '本单位自己的说明：……';
  const theirs = new Uint8Array(await book.xlsx.writeBuffer());
  const refused = await writeOwnSheets(theirs, await read(theirs), [explanationSheet([record])]);
  assert.ok(!refused.ok);
  assert.match(refused.message, /不是决算审核助手生成的.*未写入/);
  book.removeWorksheet(book.getWorksheet('审核说明')!.id);
  book.addWorksheet('审核说明');
  const blank = new Uint8Array(await book.xlsx.writeBuffer());
  const taken = await writeOwnSheets(blank, await read(blank), [explanationSheet([record])]);
  assert.ok(taken.ok);
  assert.deepEqual(taken.replaced, ['审核说明']);
});

test('a file that is not an .xlsx package is a message, never a throw', async () => {
  const out = await writeOwnSheets(new TextEncoder().encode('not a zip'), { sheets: [] }, [explanationSheet([])]);
  assert.ok(!out.ok);
  assert.match(out.message, /原文件未改动/);
});
