// Output problems (issue 15): a file where a folder is expected, no permission, a name too long — each output
// option says in Chinese which path and why, exits 2, and check still prints its results. Missing folders are
// created for every output option; a write goes through a temporary file (none is left behind). Disk full and a
// read-only disk cannot be made in a test without privileges: their Chinese reasons are held here through the
// one module that maps Node's codes (fs-errors.ts), with the error Node gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsReason, writeFailure } from '../../src/hosts/file/fs-errors';
import { writeOutput, OutputProblem } from '../../src/cli/output-paths';
import { main } from '../../src/cli/main';
import { englishOnlyLines, fingerprint, NODE_WORDS, PRINTED_REPORT, run, workspace } from './cli-support';

const BIN = join(__dirname, '..', '..', 'bin', 'juesuan.js');

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

test('a regular file where a folder is expected: every output option names the path and the file in the way, exit 2', async () => {
  const { dir, a } = workspace('blocked');
  const blocker = join(dir, 'not-a-folder');
  writeFileSync(blocker, 'x');
  const cases: [string[], RegExp | undefined][] = [
    [['template', a, '--out', join(blocker, 'out.xlsx')], undefined],
    [['narrate', a, '--docx', join(blocker, 'out.docx')], /一、收入支出决算总体情况说明/],
    [['check', a, '--report', join(blocker, 'report')], PRINTED_REPORT],
    [['check', a, '--marked', join(blocker, 'marked')], PRINTED_REPORT],
    [['check', a, '--marked', blocker], PRINTED_REPORT],
    [['check', a, '--results-sheet', join(blocker, 'r.xlsx')], PRINTED_REPORT],
  ];
  for (const [args, printed] of cases) {
    const before = fingerprint(dir);
    const r = await run(args);
    const what = args.join(' ');
    assert.equal(r.code, 2, `${what}\n${r.err}`);
    assert.match(r.err, /无法写入“[^”]+”：“[^”]*not-a-folder”是文件而不是文件夹/, what);
    assert.doesNotMatch(r.err, NODE_WORDS, what);
    assert.deepEqual(englishOnlyLines(r.err), [], what);
    if (printed) assert.match(r.out, printed, `${what}: results still printed`);
    assert.deepEqual(fingerprint(dir), before, what);
  }
  // explain --out too (a warning of the sample, so that the output is reached).
  const w = JSON.parse((await run(['check', a, '--json'])).out).findings.find((f: { severity: string }) => f.severity === 'warning');
  const ex = await run(['explain', a, '--rule', w.rule, '--cell', w.cells[0], '--text', '核实无误', '--out', join(blocker, 'x.xlsx')]);
  assert.equal(ex.code, 2);
  assert.match(ex.err, /是文件而不是文件夹/);
});

test('a write that fails midway (summary.html is a folder): said once, the rest of that output stops, the results printed in full, exit 2', async () => {
  const { dir, input } = workspace('midway');
  const report = join(dir, 'report');
  mkdirSync(join(report, 'summary.html'), { recursive: true });
  const r = await run(['check', input, '--report', report, '--marked', join(dir, 'marked')]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /无法写入“[^”]*summary\.html”：这是文件夹，不是文件。--report 的其余文件不再写出；审核照常进行。/);
  assert.doesNotMatch(r.err, /汇总已写入/);
  assert.match(r.err, /标记副本已写入/, 'the other output is not stopped by it');
  assert.equal((r.out.match(/^文件：/gm) ?? []).length, 2, 'with no summary.html, each workbook is printed in full');
  assert.equal(readdirSync(join(report, 'reports')).length, 2, 'what was written before stays');
});

test('a name too long: the reason in Chinese, exit 2, the check printed', async () => {
  const { dir, a } = workspace('long');
  const long = join(dir, `${'长'.repeat(100)}.xlsx`); // 300 bytes in UTF-8: over the 255 a name may have
  const template = await run(['template', a, '--out', long]);
  assert.equal(template.code, 2);
  assert.match(template.err, /无法写入“.*”：文件名或路径太长/);
  const check = await run(['check', a, '--results-sheet', long]);
  assert.equal(check.code, 2);
  assert.match(check.err, /文件名或路径太长/);
  assert.match(check.out, PRINTED_REPORT);
  assert.deepEqual(readdirSync(dir).sort(), ['in'], 'no temporary file left behind');
});

test('missing folders are created for every output option; nothing temporary is left', async () => {
  const { dir, a, input } = workspace('mkdir');
  const deep = (name: string) => join(dir, 'new', name, 'deeper');
  assert.equal((await run(['template', a, '--out', join(deep('t'), 'out.xlsx')])).code, 0);
  assert.equal((await run(['narrate', a, '--docx', join(deep('n'), 'out.docx')])).code, 0);
  const checked = await run(['check', input, '--report', deep('r'), '--marked', deep('m')]);
  assert.equal(checked.code, 1, checked.err); // the sample has an error; every output written
  assert.equal((await run(['check', a, '--results-sheet', join(deep('s'), 'r.xlsx')])).code, 1);
  const w = JSON.parse((await run(['check', a, '--json'])).out).findings.find((f: { severity: string }) => f.severity === 'warning');
  assert.equal((await run(['explain', a, '--rule', w.rule, '--cell', w.cells[0], '--text', '核实无误', '--out', join(deep('e'), 'x.xlsx')])).code, 0);
  for (const path of [join(deep('t'), 'out.xlsx'), join(deep('n'), 'out.docx'), join(deep('r'), 'summary.html'), join(deep('m'), '001-a.标记.xlsx'), join(deep('s'), 'r.xlsx'), join(deep('e'), 'x.xlsx')])
    assert.ok(existsSync(path), path);
  assert.equal(readFileSync(join(deep('n'), 'out.docx')).subarray(0, 2).toString(), 'PK');
  const leftovers: string[] = [];
  const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : /\.tmp$|juesuan-/.test(e.name) && leftovers.push(e.name)));
  walk(dir);
  assert.deepEqual(leftovers, []);
});

test('no permission (a read-only folder): Chinese reason, exit 2, the check printed', async (t) => {
  const { dir, a } = workspace('perm');
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  chmodSync(locked, 0o555);
  const args = [
    ['check', a, '--marked', join(locked, 'm'), '--results-sheet', join(locked, 'r.xlsx')],
    ['template', a, '--out', join(locked, 't.xlsx')],
  ];
  const root = process.getuid?.() === 0;
  if (!root) {
    for (const argv of args) {
      const r = await run(argv);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /无法写入“[^”]*locked[^”]*”：没有权限/);
      assert.doesNotMatch(r.err, NODE_WORDS);
      if (argv[0] === 'check') assert.match(r.out, PRINTED_REPORT);
    }
    return;
  }
  // As root chmod denies nothing: run the bin as the unprivileged user `nobody`, where setpriv is at hand and
  // nobody can run the program at all (one probe, before any assertion).
  const asNobody = (argv: string[]) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...argv], { encoding: 'utf8', cwd: dir });
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'in'), 0o755);
  chmodSync(a, 0o644);
  const probe = asNobody(['--version']);
  if (probe.status !== 0) {
    t.skip(`running as root, where chmod does not deny, and the user nobody cannot run the program here (${(probe.error?.message ?? probe.stderr ?? '').trim().slice(0, 120)})`);
    return;
  }
  for (const argv of args) {
    const r = asNobody(argv);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /无法写入“[^”]*locked[^”]*”：没有权限/);
    assert.doesNotMatch(r.stderr, NODE_WORDS);
    if (argv[0] === 'check') assert.match(r.stdout, PRINTED_REPORT);
  }
  assert.deepEqual(readdirSync(locked), []);
});

test('disk full, read-only disk and the rest: one module says each of Node\'s codes in Chinese, naming the path', () => {
  assert.equal(fsReason(errno('ENOSPC', 'no space left on device')), '磁盘空间已满');
  assert.equal(fsReason(errno('EROFS', 'read-only file system')), '所在的磁盘或共享是只读的');
  assert.match(fsReason(errno('EACCES', 'permission denied')), /^没有权限/);
  assert.equal(fsReason(errno('ENAMETOOLONG', 'name too long')), '文件名或路径太长');
  assert.match(fsReason(errno('EBUSY', 'resource busy')), /正被其他程序使用/);
  assert.equal(writeFailure('/x/报告.xlsx', errno('ENOSPC', 'no space left on device')), '无法写入“/x/报告.xlsx”：磁盘空间已满。');
  // A code not in the list keeps Node's words, inside a Chinese sentence that says what they are.
  assert.match(fsReason(errno('EWHATEVER', 'odd failure')), /^操作系统报告的错误（英文原文）：EWHATEVER: odd failure$/);
});

test('a write that fails leaves the target as it was (the temporary file is removed, the old file kept)', async () => {
  const { dir } = workspace('atomic');
  const target = join(dir, 'out.xlsx');
  writeFileSync(target, 'old');
  // A folder named like the temporary file cannot be written as a file: simulate by making the target a folder's child of a file.
  await assert.rejects(writeOutput(join(target, 'inner.xlsx'), new Uint8Array([1])), (e: unknown) => e instanceof OutputProblem && /是文件而不是文件夹/.test(e.message));
  assert.equal(readFileSync(target, 'utf8'), 'old');
  // A target that is a folder: the rename fails, the temporary file goes.
  const folder = join(dir, 'folder.xlsx');
  mkdirSync(folder);
  await assert.rejects(writeOutput(folder, new Uint8Array([1])), (e: unknown) => e instanceof OutputProblem && /这是文件夹/.test(e.message));
  assert.deepEqual(readdirSync(dir).sort(), ['folder.xlsx', 'in', 'out.xlsx']);
});

test('the catch-all never prints raw English alone: an unexpected failure is an internal error for the developer', async () => {
  const { a } = workspace('internal');
  let err = '';
  const code = await main(['check', a], {
    out: () => {
      throw new TypeError('boom');
    },
    err: (t) => (err += `${t}\n`),
  });
  assert.equal(code, 1);
  assert.match(err, /^内部错误（请把以下信息告诉开发者）：TypeError: boom$/m);
});
