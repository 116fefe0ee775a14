import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { readPrior } from '../src/core/sources/prior';
import { formatMoney } from '../src/core/narrative/money';
import { SEED, snapshotOf } from './helpers';
import { PUBLISHED_PRIOR, publishedPriorWorkbook, relabelledSample } from './support/prior-year';
import { PRIOR_FIXTURE } from './support/write-source-fixtures';

/** `narrate --prior` and `check --narrative --prior`: issue 16 end to end through the CLI. */

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const blanks = (text: string) => [...text.matchAll(/【请填写：([^】]*)】/g)].map((m) => m[1]);

test('the committed --prior fixture is the builder\'s workbook at the 2023 figures the sample states', async () => {
  const fromFile = readPrior({ snapshot: await snapshotOf(await readFile(PRIOR_FIXTURE), 'seed-2023-prior.xlsx'), name: 'f' });
  const built = readPrior({ snapshot: await snapshotOf(await publishedPriorWorkbook(), 'seed-2023-prior.xlsx'), name: 'f' });
  const values = (p: typeof built) => Object.fromEntries(Object.entries(p.amounts).map(([k, e]) => [k, formatMoney(e!.value)]));
  assert.deepEqual(values(fromFile), values(built));
  assert.equal(fromFile.year, 2023);
  assert.deepEqual(values(fromFile), {
    priorTotal: PUBLISHED_PRIOR.total,
    priorFiscalTotal: PUBLISHED_PRIOR.fiscalTotal,
    priorGpbExpense: PUBLISHED_PRIOR.gpbExpense,
    sgPriorTotal: PUBLISHED_PRIOR.sangong.total,
    sgPriorAbroad: PUBLISHED_PRIOR.sangong.abroad,
    sgPriorPurchase: PUBLISHED_PRIOR.sangong.purchase,
    sgPriorOperation: PUBLISHED_PRIOR.sangong.operation,
    sgPriorReception: PUBLISHED_PRIOR.sangong.reception,
  });
  assert.deepEqual(fromFile.findings, []);
});

test('narrate --prior with the sample relabelled as 2023: no prior-year blank, every change 持平', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-prior-'));
  const prior = join(dir, '株洲市长株潭一体化发展事务中心2023年度部门决算.xlsx');
  writeFileSync(prior, await relabelledSample());
  const { code, out, err } = await run(['narrate', SEED, '--prior', prior]);
  assert.equal(code, 0, err);
  assert.deepEqual(blanks(out).filter((b) => /^上年|增减额|增减率/.test(b)), []);
  assert.match(out, /本年度收、支总计519\.63万元。与上年相比持平。/);
  assert.match(err, /已从上年决算工作簿取得 9 项上年数/);
  assert.doesNotMatch(err, /上年决算工作簿“[^”]*”是/);
});

test('narrate --prior FILE then check --narrative with the same --prior: the review finds nothing in the text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-prior-'));
  const narrated = await run(['narrate', SEED, '--prior', PRIOR_FIXTURE]);
  assert.equal(narrated.code, 0, narrated.err);
  assert.match(narrated.out, /与上年相比，减少6\.73万元，下降1\.28%/);
  const text = join(dir, 'out.txt');
  writeFileSync(text, narrated.out);
  const checked = await run(['check', SEED, '--narrative', text, '--prior', PRIOR_FIXTURE, '--json']);
  const review = JSON.parse(checked.out).findings.filter((f: { rule: string; message: string }) => f.rule.startsWith('review-') && !/待填写/.test(f.message));
  assert.deepEqual(review, []);
  // The same text checked without the prior workbook cannot have its changes checked, and with the wrong one it is wrong.
  const wrong = join(dir, '2023.xlsx');
  writeFileSync(wrong, await relabelledSample());
  const against = await run(['check', SEED, '--narrative', text, '--prior', wrong, '--json']);
  assert.ok(JSON.parse(against.out).findings.some((f: { rule: string }) => f.rule === 'review-amount' || f.rule === 'review-direction'));
  // The workbook given as last year's is this year's: the report says so (besides what the review finds).
  const same = await run(['check', SEED, '--narrative', text, '--prior', SEED, '--json']);
  const year = JSON.parse(same.out).findings.filter((f: { rule: string }) => f.rule === 'sources-prior-year');
  assert.equal(year.length, 1);
  assert.match(year[0].message, /是 2024 年度的，而本年决算为 2024 年度/);
});

test('--prior and --budget: usage and unreadable files', async () => {
  const missing = await run(['narrate', SEED, '--prior']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--prior 需要一个工作簿文件/);
  const alone = await run(['check', SEED, '--prior', PRIOR_FIXTURE]);
  assert.equal(alone.code, 2);
  assert.match(alone.err, /须与 --narrative 一起使用/);
  const template = await run(['template', SEED, '--out', join(tmpdir(), 'x.xlsx'), '--prior', PRIOR_FIXTURE]);
  assert.equal(template.code, 2);
  const gone = await run(['narrate', SEED, '--prior', join(tmpdir(), 'no-such-prior.xlsx')]);
  assert.equal(gone.code, 1);
  assert.match(gone.err, /无法读取上年决算工作簿/);
  assert.equal(gone.out, '');
});
