// Folders (issue 15): a walk leaves out what this tool wrote — marked copies (“….标记.xlsx” of the command line,
// “X（标记副本）.xlsx” of the page) and report folders — and says how many and why; the same file given twice
// (twice by name, by a folder and a file inside it, by a link) is checked once, with a notice. A copy named on
// the command line is still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/core/report';
import { englishOnlyLines, run, workspace } from './cli-support';

const filesOf = (out: string) => (JSON.parse(out) as Report[]).map((r) => r.file);

test('a folder with marked copies an earlier run wrote into it (put there by hand) is checked without them, with a notice', async () => {
  const { dir, input, a, b } = workspace('walk');
  // An earlier run writes its copies and report elsewhere (writing into the folder itself is refused)…
  const marked = join(dir, 'marked');
  const report = join(dir, 'report');
  assert.equal((await run(['check', input, '--marked', marked, '--report', report])).code, 1);
  const copies = readdirSync(marked);
  assert.deepEqual(copies, ['001-a.标记.xlsx', '002-b.标记.xlsx']);
  // …and the user moves them in, with an older marked copy of a copy, the page's download, and the report
  // folder holding copies too.
  for (const c of copies) copyFileSync(join(marked, c), join(input, c));
  copyFileSync(join(marked, copies[0]), join(input, '001-001-a.标记.标记.xlsx'));
  copyFileSync(join(marked, copies[0]), join(input, 'a（标记副本）.xlsx'));
  copyFileSync(join(marked, copies[0]), join(input, 'a（标记副本） (1).xlsx'));
  cpSync(report, join(input, 'report'), { recursive: true });
  copyFileSync(join(marked, copies[0]), join(input, 'report', copies[0]));
  const r = await run(['check', input, '--json']);
  assert.deepEqual(filesOf(r.out), [a, b], 'only the workbooks, once each');
  assert.match(r.err, /已跳过 5 个本工具写出的标记副本（“[^”]+001-001-a\.标记\.标记\.xlsx”、/);
  assert.match(r.err, /已跳过 1 个本工具写出的审核报告文件夹（“[^”]+report”/);
  assert.deepEqual(englishOnlyLines(r.err), []);
  // Named on the command line, a copy is checked.
  const named = await run(['check', join(input, copies[0]), '--json']);
  assert.equal((JSON.parse(named.out) as Report).file, join(input, copies[0]));
  assert.doesNotMatch(named.err, /已跳过/);
});

test('a report folder without workbooks is left out silently; 已说明 copies are the unit’s workbooks and are checked', async () => {
  const { dir, input, a, b } = workspace('walk-quiet');
  assert.equal((await run(['check', input, '--report', join(input, '..', 'r')])).code, 1);
  cpSync(join(dir, 'r'), join(input, 'r'), { recursive: true });
  const explained = join(input, 'a.已说明.xlsx');
  copyFileSync(a, explained);
  const r = await run(['check', input, '--json']);
  assert.deepEqual(filesOf(r.out), [explained, a, b]); // the walk's order (names compared as zh-CN sorts them)
  assert.doesNotMatch(r.err, /已跳过/);
});

test('the same file given twice is checked once, with a notice: by name, by folder and name, by a link', async () => {
  const { dir, input, a, b } = workspace('twice');
  const twice = await run(['check', a, a, '--json']);
  assert.deepEqual(filesOf(twice.out), [a]);
  assert.match(twice.err, /“[^”]+a\.xlsx”与“[^”]+a\.xlsx”是同一个文件，只审核一次/);
  const folderAndFile = await run(['check', input, join(dir, 'in', '..', 'in', 'b.xlsx'), '--json']);
  assert.deepEqual(filesOf(folderAndFile.out), [a, b]);
  assert.match(folderAndFile.err, /是同一个文件，只审核一次/);
  const link = join(dir, 'link.xlsx');
  symlinkSync(a, link);
  const linked = await run(['check', link, input, '--json']);
  assert.deepEqual(filesOf(linked.out), [link, b], 'the first path given is the one kept');
  // Many repeats: one line, not one per file.
  mkdirSync(join(dir, 'more'));
  const many = await run(['check', input, input, input, '--json']);
  assert.equal(filesOf(many.out).length, 2);
  assert.equal(many.err.split('\n').filter((l) => /同一个文件/.test(l)).length, 1);
  assert.match(many.err, /有 4 个文件重复给出/);
  // A missing file given twice is reported once too.
  const missing = join(dir, 'missing.xlsx');
  assert.deepEqual(filesOf((await run(['check', missing, missing, '--json'])).out), [missing]);
});
