import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { FindingSchema } from '../src/core/findings/finding';
import { SEED } from './helpers';

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
  assert.deepEqual(Object.keys(report.summary).sort(), ['error', 'info', 'warning']);
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
