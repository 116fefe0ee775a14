// What the command line says (issue 15): --version and -v; a damaged file's library words wrapped in Chinese;
// narrate's blanks listed on stderr — every 【请填写：…】 of the text named with the 说明数据 cell to fill,
// one line per part of the 情况说明, not one per blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from './helpers';
import { englishOnlyLines, run } from './safety/cli-support';
import { missingInputLines } from '../src/cli/missing-inputs';
import type { Finding } from '../src/core/findings/finding';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

test('--version and -v print “juesuan <version>” from package.json, exit 0 (in-process and from the bin)', async () => {
  for (const flag of ['--version', '-v']) {
    const r = await run([flag]);
    assert.equal(r.code, 0);
    assert.equal(r.out, `juesuan ${VERSION}\n`);
    const bin = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'juesuan.js'), flag], { encoding: 'utf8' });
    assert.equal(bin.status, 0, bin.stderr);
    assert.equal(bin.stdout.trim(), `juesuan ${VERSION}`);
  }
  assert.match((await run(['--help'])).out, /--version/);
});

test('a truncated workbook: the zip library’s English is explained in Chinese, in the text report and in JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-msg-'));
  const cut = join(dir, 'cut.xlsx');
  writeFileSync(cut, readFileSync(SEED).subarray(0, 3000));
  const text = await run(['check', cut]);
  assert.equal(text.code, 1);
  assert.match(text.out, /文件已损坏或不完整/);
  assert.match(text.out, /文件不完整或已损坏（zip 结构残缺.*）（技术信息：.*(zip|central directory)/i);
  assert.doesNotMatch(text.out, /实为 .*Corrupted/, 'not presented as a figure');
  assert.deepEqual(englishOnlyLines(text.out), []);
  const json = JSON.parse((await run(['check', cut, '--json'])).out);
  assert.match(json.findings[0].actual, /^文件不完整或已损坏.*（技术信息：/);
});

test('narrate lists every blank on stderr, one line per part, each with its 说明数据 cell once the sheet exists', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-blanks-'));
  const bare = await run(['narrate', SEED]);
  assert.equal(bare.code, 0);
  const placeholders = [...new Set([...bare.out.matchAll(/【请填写：(.+?)】/g)].map((m) => m[1]))];
  assert.ok(placeholders.length > 40);
  const lines = bare.err.trim().split('\n');
  assert.ok(lines.length < 20, `concise: ${lines.length} lines for ${placeholders.length} blanks`);
  assert.match(lines[0], /^情况说明中有 \d+ 项需要补充的内容.*没有“说明数据”工作表：请先运行 juesuan template/);
  assert.ok(lines.some((l) => /^ {2}第一部分：上年收入支出总计；收支总计增减变化的主要原因$/.test(l)));
  // Every blank of the text is named (a 科目's fields once, with the 科目).
  for (const p of placeholders) {
    const item = /^(\d{3,7} .+) (\S+)$/.exec(p);
    assert.ok(item ? bare.err.includes(item[1]) && bare.err.includes(item[2]) : bare.err.includes(p), `blank “${p}” listed`);
  }
  // With the template sheet: the cells to fill.
  const copy = join(dir, 'with-template.xlsx');
  assert.equal((await run(['template', SEED, '--out', copy])).code, 0);
  const filled = await run(['narrate', copy]);
  assert.match(filled.err, /请在工作表“说明数据”中填写/);
  assert.match(filled.err, /第一部分：上年收入支出总计（B\d+）；收支总计增减变化的主要原因（B\d+）/);
  assert.match(filled.err, /年初预算（C\d+–C\d+）和差异原因（F\d+–F\d+），共 \d+ 个科目：2010450 事业运行、/);
  // The fully filled sample: nothing listed.
  const full = await run(['narrate', join(__dirname, 'fixtures', 'seed-2024-with-notes.xlsx')]);
  assert.doesNotMatch(full.err, /需要补充/);
});

test('the blank list: a 科目 alone keeps its cells; a line not in the usual shape is printed whole; a row missing from the sheet says so', () => {
  const f = (message: string, cells: string[] = []): Finding => ({ rule: 'narrative-missing-input', severity: 'warning', message, cells });
  const lines = missingInputLines(
    [
      f('情况说明第五（三）部分需要“2010450 事业运行 年初预算”，请在工作表“说明数据”C107填写；文中暂写为【请填写：2010450 事业运行 年初预算】。', ['说明数据!C107']),
      f('情况说明第五（三）部分需要“2010450 事业运行 差异原因”，请在工作表“说明数据”F107填写；文中暂写为【请填写：2010450 事业运行 差异原因】。', ['说明数据!F107']),
      f('情况说明第十部分需要“会议人数”，工作表“说明数据”中没有这一项；文中暂写为【请填写：会议人数】。'),
      f('某个新的提示，没有占位符。'),
    ],
    '说明数据',
    'x.xlsx',
  );
  assert.deepEqual(lines.slice(1), ['  某个新的提示，没有占位符。', '  第五（三）部分：2010450 事业运行（年初预算 C107，差异原因 F107）', '  第十部分：会议人数（无此行）']);
  assert.deepEqual(missingInputLines([], '说明数据', 'x.xlsx'), []);
});
