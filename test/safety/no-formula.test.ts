// Data safety: text taken from a workbook and written out again can never become a formula. The 说明数据
// template (src/hosts/file/supplement-xlsx.ts) writes workbook text as strings; the batch summary CSV neutralises
// a leading =, +, -, @ (and tab/CR); the marked copy's notes are comments, not cells. (The Office gateway's
// guard is tested in test/office/write.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { summaryCsv } from '../../src/cli/batch-report/csv';
import type { BatchRow } from '../../src/cli/batch-report/model';
import { countBySeverity } from '../../src/core/findings/finding';
import { markedCopy } from '../../src/hosts/file/marked-copy';
import { loadSeed, workbookToBuffer } from '../support/variants';

const TMP = mkdtempSync(join(tmpdir(), 'juesuan-formula-'));
// The department name is read as normalised text (no spaces or quotes), so the first one has none.
const HOSTILE = ['=WEBSERVICE(A1)事务中心', '+86 0731 1234', '-5%的降幅', '@SUM(A1:A9)', '=1+1'];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** The sample with a department name and 项 names that look like formulas. */
async function hostileWorkbook(): Promise<string> {
  const wb = await loadSeed();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && /^部门[:：]/.test(cell.value)) cell.value = `部门：${HOSTILE[0]}`;
      }),
    );
  const t05 = wb.getWorksheet('公开05表')!;
  ['B11', 'B12', 'B15', 'B16'].forEach((a, i) => (t05.getCell(a).value = HOSTILE[i + 1]));
  const path = join(TMP, 'hostile.xlsx');
  writeFileSync(path, await workbookToBuffer(wb));
  return path;
}

/** Every <f> element (a formula) in every sheet of an .xlsx. */
async function formulaElements(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<f[\s>][^]*?<\/f>|<f\/>/g)) out.push(`${name}: ${m[0]}`);
  }
  return out;
}

test('the 说明数据 template writes workbook text as text: no formula, the text kept as it was', async () => {
  const input = await hostileWorkbook();
  const out = join(TMP, 'template.xlsx');
  const made = await run(['template', input, '--out', out]);
  assert.equal(made.code, 0, made.err);
  const bytes = readFileSync(out);
  assert.deepEqual(await formulaElements(bytes), []);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('说明数据')!;
  const texts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${cell.address} is a formula`);
      if (typeof cell.value === 'string') texts.push(cell.value);
    }),
  );
  assert.ok(texts.includes(HOSTILE[0]), 'the department name, starting with "=", is written as that text');
});

test('the summary CSV neutralises a leading =, +, -, @, tab and CR in every field', async () => {
  const input = await hostileWorkbook();
  const report = join(TMP, 'report');
  const checked = await run(['check', input, '--report', report]);
  assert.ok(checked.code === 0 || checked.code === 1);
  const csv = readFileSync(join(report, 'summary.csv'), 'utf8');
  assert.ok(csv.includes(`"'${HOSTILE[0]}"`), 'the unit name is neutralised');
  // Every field of every line, whatever it holds.
  const rows: BatchRow[] = HOSTILE.concat(['\t=cmd', '\r=cmd', '普通文本']).map((text) => ({
    file: text,
    unit: text,
    year: text,
    report: { file: text, tables: [], findings: [{ rule: 'x', severity: 'error', message: text, cells: [] }], summary: countBySeverity([]) },
    detailHref: '',
    jsonHref: '',
  }));
  for (const line of summaryCsv(rows).replace(/^\ufeff/, '').split('\r\n').filter(Boolean))
    for (const field of line.match(/"(?:[^"]|"")*"/g) ?? []) {
      const value = field.slice(1, -1).replace(/""/g, '"');
      assert.doesNotMatch(value, /^[=+\-@\t\r]/, `CSV field ${JSON.stringify(value)} could run as a formula`);
    }
});

test('the marked copy adds notes, never formulas', async () => {
  const input = readFileSync(await hostileWorkbook());
  const findings = [{ rule: 'x', severity: 'error' as const, message: '=HYPERLINK("http://example.invalid/")', cells: ['公开05表!C8', '公开01表!A1'] }];
  const copy = await markedCopy(input, findings);
  assert.deepEqual(await formulaElements(copy.bytes), await formulaElements(input));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.bytes as unknown as ExcelJS.Buffer);
  const cell = wb.getWorksheet('公开05表')!.getCell('C8');
  assert.equal(cell.value, 519.63);
  assert.match(String(cell.note ? (typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note)) : ''), /=HYPERLINK/);
});
