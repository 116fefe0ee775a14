import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { readPrior } from '../src/core/sources/prior';
import { formatMoney } from '../src/core/util/money';
import { SEED, snapshotOf } from './helpers';
import { PUBLISHED_PRIOR, publishedPriorWorkbook, relabelledSample } from './support/prior-year';
import { PRIOR_FIXTURE } from './support/write-source-fixtures';

const BUDGET_FIXTURE = join(__dirname, 'fixtures', 'seed-2024-budget.xlsx');

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

test('narrate --prior --budget with the committed fixtures: every prior-year and budget figure stated; reviewed against both, no finding on the text', async () => {
  const alone = await run(['narrate', SEED]);
  const both = await run(['narrate', SEED, '--prior', PRIOR_FIXTURE, '--budget', BUDGET_FIXTURE]);
  assert.equal(both.code, 0, both.err);
  assert.match(both.err, /已从上年决算工作簿取得 9 项上年数、部门预算工作簿取得 \d+ 项年初预算/);
  assert.deepEqual(blanks(both.out).filter((b) => /^上年|增减额|增减率|年初预算|预算】?$|完成率/.test(b)), []);
  assert.ok(blanks(both.out).length < blanks(alone.out).length - 10, `${blanks(alone.out).length} → ${blanks(both.out).length}`);
  assert.match(both.out, /事业运行（项）。年初预算为476\.41万元，支出决算为353\.87万元，完成年初预算的74\.28%。/);
  assert.match(both.out, /“三公”经费财政拨款支出预算为19\.00万元，支出决算为14\.32万元，完成预算的75\.37%；与上年相比增加0\.97万元，增长7\.27%。/);
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-sources-'));
  const text = join(dir, 'out.txt');
  writeFileSync(text, both.out);
  const checked = await run(['check', SEED, '--narrative', text, '--prior', PRIOR_FIXTURE, '--budget', BUDGET_FIXTURE, '--json']);
  const review = JSON.parse(checked.out).findings.filter((f: { rule: string; severity: string; message: string }) => f.rule.startsWith('review-') && f.severity !== 'info' && !/待填写/.test(f.message));
  assert.deepEqual(review, []);
  const gone = await run(['narrate', SEED, '--budget', join(tmpdir(), 'no-such-budget.xlsx')]);
  assert.equal(gone.code, 1);
  assert.match(gone.err, /无法读取部门预算工作簿/);
});
