// A 40-file corrupted batch through the CLI: `juesuan check DIR --json --report OUT` in-process over 40
// corrupted copies of the sample (fixed seed) gives 40 reports, every one well-formed and none an internal
// error, no stack trace anywhere, exit code 1. Then again with --marked: the batch still completes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FindingSchema } from '../../src/core/findings/finding';
import type { Report } from '../../src/core/report';
import { corruptedCopies } from './corrupt';

const SEED = 20241128;

/** Runs the CLI, also catching whatever a library prints to the console or stderr meanwhile. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string; console: string }> {
  let out = '';
  let err = '';
  let printed = '';
  const original = { log: console.log, warn: console.warn, error: console.error, write: process.stderr.write };
  const capture = (...xs: unknown[]) => void (printed += `${xs.map(String).join(' ')}\n`);
  console.log = console.warn = console.error = capture;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
    return { code, out, err, console: printed };
  } finally {
    Object.assign(console, { log: original.log, warn: original.warn, error: original.error });
    process.stderr.write = original.write;
  }
}

test(`40 corrupted copies (seed ${SEED}) → 40 reports, no stack trace, exit 1`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-corrupt-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  const files = await corruptedCopies(40, SEED);
  for (const f of files) writeFileSync(join(input, f.name), f.bytes);
  const out = join(dir, 'out');

  const result = await run(['check', input, '--json', '--report', out]);
  for (const text of [result.out, result.err, result.console]) assert.doesNotMatch(text, /^ {4}at /m, `stack trace printed (seed ${SEED})`);
  assert.equal(result.code, 1);
  const reports = JSON.parse(result.out) as Report[];
  assert.equal(reports.length, 40);
  assert.equal(readdirSync(join(out, 'reports')).length, 40);
  assert.equal(readdirSync(join(out, 'details')).length, 40);
  const internal: string[] = [];
  reports.forEach((r, i) => {
    assert.equal(r.file, join(input, files[i].name));
    for (const f of r.findings) FindingSchema.parse(f);
    for (const f of r.findings) if (f.rule.startsWith('internal')) internal.push(`${files[i].name}: ${f.message}`);
    assert.ok(r.findings.length > 0 || r.tables.length === 9, `${files[i].name}: a report says something`);
  });
  assert.deepEqual(internal, [], 'no internal error: every corruption is a reading finding');
  // Every kind was exercised, and some files were still readable.
  assert.equal(new Set(files.map((f) => f.kind)).size, 10);
  assert.ok(reports.some((r) => r.tables.length > 0));
  assert.ok(reports.some((r) => r.findings.some((f) => f.rule === 'read-file-unreadable')));

  const marked = await run(['check', input, '--json', '--marked', join(dir, 'marked')]);
  for (const text of [marked.out, marked.err, marked.console]) assert.doesNotMatch(text, /^ {4}at /m);
  assert.equal(JSON.parse(marked.out).length, 40);
  assert.doesNotMatch(marked.err, /内部错误/);
  assert.equal(readdirSync(join(dir, 'marked')).length, reports.filter((r) => !r.findings.some((f) => f.rule === 'read-file-unreadable')).length);
});
