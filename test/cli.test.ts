import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { FindingSchema } from '../src/core/findings/finding';
import { SEED } from './helpers';
import { escapeHtml } from '../src/cli/batch-report/html';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

test('check --json prints the report contract for one file', async () => {
  const { code, out } = await run(['check', SEED, '--json']);
  const report = JSON.parse(out);
  assert.equal(report.file, SEED);
  assert.equal(report.tables.length, 9);
  assert.deepEqual(Object.keys(report.tables[0]).sort(), ['code', 'range', 'sheet', 'title']);
  assert.deepEqual(report.tables[0], { code: '01', title: '收入支出决算总表', sheet: '公开01表', range: 'A1:F38' });
  for (const f of report.findings) FindingSchema.parse(f);
  assert.deepEqual(Object.keys(report.summary).sort(), ['error', 'explained', 'info', 'warning']);
  assert.equal(code, report.summary.error > 0 ? 1 : 0);
});

test('several files give an array in order; an unreadable one is an error report, not an abort', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
  const bad = join(dir, 'bad.xlsx');
  writeFileSync(bad, 'not a workbook');
  const { code, out } = await run(['check', bad, SEED, join(dir, 'missing.xlsx'), '--json']);
  const reports = JSON.parse(out);
  assert.equal(reports.length, 3);
  assert.deepEqual(reports.map((r: { file: string }) => r.file), [bad, SEED, join(dir, 'missing.xlsx')]);
  assert.equal(reports[0].findings[0].rule, 'read-file-unreadable');
  assert.equal(reports[0].summary.error, 1);
  assert.equal(reports[1].tables.length, 9);
  assert.match(reports[2].findings[0].message, /文件不存在/);
  assert.equal(code, 1);
});

test('usage errors exit 2 with a Chinese message', async () => {
  assert.equal((await run([])).code, 2);
  const unknown = await run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /未知命令/);
  const noFile = await run(['check']);
  assert.equal(noFile.code, 2);
  assert.match(noFile.err, /请指定/);
  assert.equal((await run(['check', SEED, '--jsn'])).code, 2);
  assert.equal((await run(['--help'])).code, 0);
});

test('the text report is readable Chinese with the tables found', async () => {
  const { out } = await run(['check', SEED]);
  assert.match(out, /找到 9\/9 张表/);
  assert.match(out, /公开05表 一般公共预算财政拨款支出决算表 {2}工作表“公开05表” A1:E30/);
  assert.match(out, /审核结果：\d+ 个错误，\d+ 个警告，\d+ 条提示/);
});

test('the installed bin runs (npx juesuan)', () => {
  const result = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'juesuan.js'), 'check', SEED, '--json'], {
    encoding: 'utf8',
  });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  assert.equal(JSON.parse(result.stdout).tables.length, 9);
});

test('rules lists the catalogue, as text and as JSON', async () => {
  const text = await run(['rules']);
  assert.equal(text.code, 0);
  assert.match(text.out, /t03-row-total/);
  const json = await run(['rules', '--json']);
  const list = JSON.parse(json.out);
  assert.ok(list.length >= 10);
  assert.ok(list.every((r: { id: string; message: string }) => r.id && r.message));
});

test('narrate prints the 情况说明; --docx writes a .docx; template adds a 说明数据 sheet to a copy', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-narrate-'));
  const withNotes = join(__dirname, 'fixtures', 'seed-2024-with-notes.xlsx');
  const docx = join(dir, 'out.docx');
  const narrated = await run(['narrate', withNotes, '--docx', docx]);
  assert.equal(narrated.code, 0);
  assert.match(narrated.out, /一、收入支出决算总体情况说明/);
  assert.match(narrated.out, /社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）/);
  assert.ok(!narrated.out.includes('【请填写'), 'the bundled 说明数据 fills every placeholder');
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
  const bare = await run(['narrate', SEED]);
  assert.match(bare.out, /【请填写：/);
  assert.match(bare.err, /项需要补充的内容（文中写为【请填写：…】）/);
  const out = join(dir, 'with-template.xlsx');
  const made = await run(['template', SEED, '--out', out]);
  assert.equal(made.code, 0, made.err);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  assert.ok(wb.getWorksheet('说明数据'));
  assert.equal(wb.worksheets.length, 10);
  assert.equal((await run(['template', SEED])).code, 2);
});

test('batch: a folder → summary.html, summary.csv, one JSON per workbook, marked copies; bad files are rows', async () => {
  const { copyFileSync, readFileSync, readdirSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-batch-'));
  const input = join(dir, 'in');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(input);
  copyFileSync(SEED, join(input, 'a-单位.xlsx'));
  copyFileSync(SEED, join(input, 'b.xlsx'));
  writeFileSync(join(input, 'c-broken.xlsx'), 'garbage');
  writeFileSync(join(input, '~$a-单位.xlsx'), 'lock file');
  writeFileSync(join(input, 'notes.txt'), 'ignored');
  const out = join(dir, 'report');
  const marked = join(dir, 'marked');
  const result = await run(['check', input, '--report', out, '--marked', marked]);
  assert.equal(result.code, 1);
  assert.match(result.err, /\[3\/3\]/);
  assert.match(result.err, /个\/秒/);
  const html = readFileSync(join(out, 'summary.html'), 'utf8');
  // One row per workbook; the one script the CSP allows by its hash (test/batch-report/pages.test.ts).
  assert.equal((html.match(/<tr data-i=/g) ?? []).length, 3);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /script-src 'sha256-/);
  assert.match(html, /株洲市长株潭一体化发展事务中心/);
  // Paths relative to the folder given, never absolute — in the page, the CSV, the JSON and the detail pages.
  assert.match(html, />a-单位.xlsx</);
  const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff);
  assert.equal(csv.trim().split('\r\n').length, 4);
  assert.match(csv, /^\ufeff"序号","文件",/);
  assert.match(csv, /\r\n"1","a-单位.xlsx","株洲市长株潭一体化发展事务中心","未识别",/);
  assert.equal(readdirSync(join(out, 'reports')).length, 3);
  assert.equal(readdirSync(join(out, 'details')).length, 3);
  const written = [html, csv, ...['reports', 'details'].flatMap((d) => readdirSync(join(out, d)).map((f) => readFileSync(join(out, d, f), 'utf8')))];
  for (const text of written) assert.ok(!text.includes(dir), 'no absolute path');
  assert.match(readFileSync(join(out, 'reports', '003-c-broken.json'), 'utf8'), /"file": "c-broken.xlsx"/);
  assert.equal(readdirSync(marked).length, 2, 'no marked copy for the unreadable file');
  // The marked copy is linked from the detail page, relative to it.
  assert.match(readFileSync(join(out, 'details', '001-a-单位.html'), 'utf8'), /<a href="..\/..\/marked\/001-a-单位.标记.xlsx">标记副本<\/a>/);
});

test('batch report: a file given directly shows its name; the year comes from the file name when the tables state none', async () => {
  const { readFileSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-direct-'));
  const out = join(dir, 'report');
  const result = await run(['check', SEED, '--report', out]);
  assert.equal(result.code, 1);
  const html = readFileSync(join(out, 'summary.html'), 'utf8');
  assert.match(html, /<a class="d" href="details\/001-seed-2024.html">seed-2024.xlsx<\/a>/);
  assert.match(html, /<td class="y guess" title="取自文件名（工作簿内未写明年度）">2024<\/td>/);
  assert.ok(!html.includes(SEED.slice(0, SEED.lastIndexOf('/'))), 'no absolute path');
});

test('HTML reports render workbook text inertly', async () => {
  assert.equal(escapeHtml('<script>alert("x")</script>'), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
});
