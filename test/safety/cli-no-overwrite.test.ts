// No command writes over what it reads (issue 15): every output pointed at its own input — template --out,
// narrate --docx, check --report/--marked into the input file or the folder being checked (or a folder inside
// it), --results-sheet, explain --out — and also through a symbolic link, a hard link and `./in/../in/a.xlsx`:
// exit 2, a Chinese message naming both, nothing in the workspace changed (bytes and mtimes), and for check and
// narrate the results still printed. The bin is run once as the external check will run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { englishOnlyLines, fingerprint, PRINTED_REPORT, run, workspace } from './cli-support';

const BIN = join(__dirname, '..', '..', 'bin', 'juesuan.js');

/** Runs `args`, then holds it to the refusal's promise. `printed`: what stdout must still show. */
async function refused(dir: string, args: string[], message: RegExp, printed?: RegExp): Promise<void> {
  const before = fingerprint(dir);
  const r = await run(args);
  const what = args.join(' ');
  assert.equal(r.code, 2, `${what}: exit 2\n${r.err}`);
  assert.match(r.err, message, what);
  assert.deepEqual(englishOnlyLines(r.err), [], what);
  if (printed) assert.match(r.out, printed, `${what}: the results are still printed`);
  assert.deepEqual(fingerprint(dir), before, `${what}: nothing written, nothing changed`);
}

test('every output set to its own input is refused: exit 2, a message naming both, nothing changed, results printed', async () => {
  const { dir, input, a } = workspace('self');
  await refused(dir, ['template', a, '--out', a], /--out 的输出“.*a\.xlsx”就是输入文件“.*a\.xlsx”/);
  await refused(dir, ['narrate', a, '--docx', a], /--docx 的输出.*就是输入文件/, /一、收入支出决算总体情况说明/);
  await refused(dir, ['check', a, '--report', a], /--report 的输出目录.*就是输入文件/, PRINTED_REPORT);
  await refused(dir, ['check', a, '--marked', a], /--marked 的输出目录.*就是输入文件/, PRINTED_REPORT);
  await refused(dir, ['check', a, '--results-sheet', a], /--results-sheet 的输出.*就是输入文件/, PRINTED_REPORT);
  await refused(dir, ['check', input, '--report', input], /--report 的输出目录.*就是要审核的文件夹/, PRINTED_REPORT);
  await refused(dir, ['check', input, '--marked', input], /--marked 的输出目录.*就是要审核的文件夹/, PRINTED_REPORT);
  await refused(dir, ['check', input, '--marked', join(input, 'marked')], /--marked 的输出目录.*在要审核的文件夹.*之中/, PRINTED_REPORT);
  await refused(dir, ['check', input, '--json', '--marked', input], /就是要审核的文件夹/, /"summary"/);
  // One refused output and none is written, the others included.
  await refused(dir, ['check', input, '--report', join(dir, 'report'), '--marked', input], /--marked/, PRINTED_REPORT);
  assert.ok(!existsSync(join(dir, 'report')));
  // explain answers about the finding first, then refuses the output.
  const w = JSON.parse((await run(['check', a, '--json'])).out).findings.find((f: { severity: string }) => f.severity === 'warning');
  await refused(dir, ['explain', a, '--rule', w.rule, '--cell', w.cells[0], '--text', '核实无误', '--out', a], /--out 的输出.*就是输入文件.*--in-place/);
});

test('the same file by another path is the same file: ./in/../in/a.xlsx, a symbolic link, a hard link, the narrative', async (t) => {
  const { dir, input, a } = workspace('spelling');
  const dotted = join(dir, 'in', '..', 'in', 'a.xlsx');
  await refused(dir, ['template', a, '--out', `${dir}/./in/../in/a.xlsx`], /就是输入文件/);
  await refused(dir, ['narrate', dotted, '--docx', a], /就是输入文件/);
  // Relative spellings: from the workspace as the current folder.
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await refused(dir, ['template', 'in/a.xlsx', '--out', './in/../in/a.xlsx'], /就是输入文件“in\/a\.xlsx”/);
  } finally {
    process.chdir(cwd);
  }
  const link = join(dir, 'link.xlsx');
  symlinkSync(a, link);
  await refused(dir, ['template', a, '--out', link], /就是输入文件/);
  await refused(dir, ['check', link, '--results-sheet', a], /就是输入文件/, PRINTED_REPORT);
  const folderLink = join(dir, 'in-link');
  symlinkSync(input, folderLink);
  await refused(dir, ['check', input, '--marked', folderLink], /就是要审核的文件夹/, PRINTED_REPORT);
  await refused(dir, ['check', input, '--marked', join(folderLink, 'sub')], /在要审核的文件夹.*之中/, PRINTED_REPORT);
  const hard = join(dir, 'hard.xlsx');
  linkSync(a, hard);
  await refused(dir, ['template', hard, '--out', a], /就是输入文件/);
  // The 情况说明 checked with --narrative is an input too.
  const narrative = join(dir, 'n.txt');
  writeFileSync(narrative, '一、收入支出决算总体情况说明\n');
  await refused(dir, ['check', a, '--narrative', narrative, '--results-sheet', narrative], /就是输入文件“.*n\.txt”/);
  // Case: the same file only where the file system ignores case.
  const upper = join(input, 'A.XLSX');
  if (!existsSync(upper)) t.diagnostic('this file system tells A.XLSX from a.xlsx: the case-insensitive refusal is covered by identity, not by spelling');
  else await refused(dir, ['template', a, '--out', upper], /就是输入文件/);
});

test('a different file is written as before (a path merely spelled like the input in another case, where the file system tells them apart)', { skip: process.platform === 'darwin' || process.platform === 'win32' ? 'this file system ignores case: A.XLSX is a.xlsx' : false }, async () => {
  const { input, a } = workspace('case');
  const upper = join(input, 'A.XLSX');
  if (existsSync(upper)) return; // a case-insensitive mount on Linux: nothing to show here
  const r = await run(['template', a, '--out', upper]);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(upper));
});

test('the bin, as a user runs it: check FOLDER --marked FOLDER and template FILE --out FILE leave everything as it was', () => {
  const { dir, input, a } = workspace('bin');
  for (const args of [
    ['check', input, '--marked', input],
    ['check', input, '--report', input],
    ['template', a, '--out', a],
  ]) {
    const before = fingerprint(dir);
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
    assert.equal(r.status, 2, `${args.join(' ')}\n${r.stderr}`);
    assert.match(r.stderr, /就是/);
    if (args[0] === 'check') assert.match(r.stdout, PRINTED_REPORT);
    assert.deepEqual(fingerprint(dir), before, `${args.join(' ')} in ${relative(process.cwd(), dir)}`);
  }
});
