// `juesuan explain` and `check --results-sheet`, run as a user runs them: `npx juesuan …` (the package's bin, on
// the lib that `npm ci` builds), on files outside the repository. The first test is the acceptance sequence:
// explain the sample's first warning → check --json the copy (explained, not stale; a readable 审核说明 sheet)
// → change a covered value (stale) → an error refused with exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { SEED } from './helpers';
import { FindingSchema, type Finding } from '../src/core/findings/finding';
import type { Report } from '../src/core/report';
import { main } from '../src/cli/main';

const ROOT = resolve(__dirname, '..');

/** `npx juesuan ARGS` from the package's folder (as `npm ci` left it), files elsewhere. */
function npx(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('npx', ['--no-install', 'juesuan', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function sample(name = 'X.xlsx'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-explain-'));
  const file = join(dir, name);
  copyFileSync(SEED, file);
  return { dir, file };
}

const same = (a: Finding, b: Finding) => a.rule === b.rule && a.cells.join() === b.cells.join();

test('acceptance: npx juesuan explain the first warning → check --json: explained, not stale, a readable 审核说明 → a covered value changed: stale → an error refused (exit 2)', { timeout: 120_000 }, async () => {
  const { dir, file } = sample();
  const checked = npx(['check', file, '--json']);
  const report = JSON.parse(checked.out) as Report;
  const warning = report.findings.find((f) => f.severity === 'warning')!;
  const text = '核实无误：该项缴费部分在“事业运行”科目列支，两表口径不同。';

  const explained = npx(['explain', file, '--rule', warning.rule, '--cell', warning.cells[0], '--text', text]);
  assert.equal(explained.code, 0, explained.err);
  const copy = join(dir, 'X.已说明.xlsx');
  assert.equal(explained.out.trim(), copy, 'the copy’s path on stdout');
  assert.match(explained.err, /已写入.*该问题现为“已说明”.*原文件未改动/);
  assert.deepEqual(readFileSync(file), readFileSync(SEED), 'the input is untouched');

  const after = JSON.parse(npx(['check', copy, '--json']).out) as Report;
  const found = after.findings.find((f) => same(f, warning))!;
  assert.deepEqual(found.explanation?.text, text);
  assert.equal(found.explanation?.stale, false);
  FindingSchema.parse(found);
  assert.equal(after.summary.explained, 1);
  assert.equal(after.summary.warning, report.summary.warning, 'still counted as a warning');
  assert.deepEqual(after.tables, report.tables, 'the 审核说明 sheet is not read as a table');

  // A readable sheet: its name, its title, its headers and the row, for anyone opening the file.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(copy);
  const sheet = book.getWorksheet('审核说明');
  assert.ok(sheet, 'a sheet named 审核说明');
  assert.equal(sheet.state, 'visible');
  assert.equal(sheet.getCell('A1').value, '审核说明（决算审核助手）');
  assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['规则', '单元格', '问题', '说明', '日期', '所涉数值', '校验码']);
  assert.equal(sheet.getCell('A4').value, warning.rule);
  assert.match(String(sheet.getCell('B4').value), new RegExp(warning.cells[0].replace(/[()]/g, '.')));
  assert.equal(sheet.getCell('D4').value, text);
  assert.match(String(sheet.getCell('E4').value), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(String(sheet.getCell('F4').value), new RegExp(`${warning.cells[0]} = ${warning.actual}`));

  // Change a covered value (the cell the warning names first), as a user editing the copy would.
  const [sheetName, address] = warning.cells[0].split('!');
  book.getWorksheet(sheetName)!.getCell(address).value = Number(warning.actual) + 1;
  await book.xlsx.writeFile(copy);
  const stale = JSON.parse(npx(['check', copy, '--json']).out) as Report;
  const now = stale.findings.find((f) => f.rule === warning.rule && f.cells[0] === warning.cells[0])!;
  assert.equal(now.explanation?.text, text, 'shown');
  assert.equal(now.explanation?.stale, true, 'not applied');
  assert.equal(stale.summary.explained, 0);

  // An error cannot be explained away.
  const error = report.findings.find((f) => f.severity === 'error')!;
  const refused = npx(['explain', file, '--rule', error.rule, '--cell', error.cells[0], '--text', '已核实']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /这是错误.*不能用说明代替/);
  assert.ok(!existsSync(join(dir, 'X.已说明 (2).xlsx')));
});

test('explain: an info needs none (exit 2); no such finding lists the warnings (exit 2); several findings of one rule ask for --cell; missing options say what is missing', async () => {
  const { file } = sample();
  const report = JSON.parse((await run(['check', file, '--json'])).out) as Report;
  const info = report.findings.find((f) => f.severity === 'info')!;
  const needless = await run(['explain', file, '--rule', info.rule, '--cell', info.cells[0], '--text', 'x']);
  assert.equal(needless.code, 2);
  assert.match(needless.err, /提示.*不需要说明/);
  const unknown = await run(['explain', file, '--rule', 'no-such-rule', '--text', 'x']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /没有找到规则“no-such-rule”[\s\S]*可填写说明的警告有/);
  const many = report.findings.filter((f) => f.rule === 'x06-05-contributions');
  assert.ok(many.length > 1);
  const ambiguous = await run(['explain', file, '--rule', 'x06-05-contributions', '--text', 'x']);
  assert.equal(ambiguous.code, 2);
  assert.match(ambiguous.err, /有 \d+ 个问题，请用 --cell 指定/);
  // Any cell of the finding will do, quoted as Excel writes it or with $ signs.
  const second = many[0].cells[1];
  const [s, a] = second.split('!');
  const byOther = await run(['explain', file, '--rule', 'x06-05-contributions', '--cell', `'${s}'!$${a.replace(/(\d+)/, '$$$1')}`, '--text', '核实无误', '--out', join(file, '..', 'o.xlsx')]);
  assert.equal(byOther.code, 0, byOther.err);
  for (const args of [['explain'], ['explain', file], ['explain', file, '--rule', 'r'], ['explain', file, '--rule', 'r', '--text', 'x', '--remove'], ['explain', file, '--rule', 'r', '--text', 'x', '--in-place', '--out', 'o.xlsx']]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /用法/);
  }
  const empty = await run(['explain', file, '--rule', many[0].rule, '--cell', many[0].cells[0], '--text', '   ']);
  assert.equal(empty.code, 2);
  assert.match(empty.err, /说明不能为空/);
});

test('explain never writes over the input or an earlier copy unless told: --out to the input is refused, an existing copy is refused with the way on, --in-place writes the file itself; --remove takes one out', async () => {
  const { dir, file } = sample();
  const report = JSON.parse((await run(['check', file, '--json'])).out) as Report;
  const [w1, w2] = report.findings.filter((f) => f.severity === 'warning');
  const args = (w: Finding, text: string) => ['--rule', w.rule, '--cell', w.cells[0], '--text', text];
  const before = statSync(file).mtimeMs;
  const intoInput = await run(['explain', file, ...args(w1, 'a'), '--out', file]);
  assert.equal(intoInput.code, 2);
  assert.match(intoInput.err, /就是输入文件.*不会改动输入文件.*--in-place/);
  assert.equal((await run(['explain', file, ...args(w1, '第一条')])).code, 0);
  const copy = join(dir, 'X.已说明.xlsx');
  const again = await run(['explain', file, ...args(w2, '第二条')]);
  assert.equal(again.code, 2, 'the copy of the first explanation is not overwritten');
  assert.match(again.err, /已存在[\s\S]*--in-place/);
  const chained = await run(['explain', copy, ...args(w2, '第二条')]);
  assert.equal(chained.code, 2, 'a copy is not copied again by default either');
  assert.equal((await run(['explain', copy, ...args(w2, '第二条'), '--in-place'])).code, 0);
  assert.equal(statSync(file).mtimeMs, before, 'the original never written');
  let r = JSON.parse((await run(['check', copy, '--json'])).out) as Report;
  assert.deepEqual(r.findings.filter((f) => f.explanation).map((f) => f.explanation!.text), ['第一条', '第二条']);
  // Rewriting one replaces it; removing one leaves the other.
  assert.equal((await run(['explain', copy, ...args(w1, '改写'), '--in-place'])).code, 0);
  const removed = await run(['explain', copy, '--rule', w2.rule, '--cell', w2.cells[0], '--remove', '--in-place']);
  assert.equal(removed.code, 0, removed.err);
  r = JSON.parse((await run(['check', copy, '--json'])).out) as Report;
  assert.deepEqual(r.findings.filter((f) => f.explanation).map((f) => f.explanation!.text), ['改写']);
  assert.equal((await run(['explain', copy, '--rule', w2.rule, '--cell', w2.cells[0], '--remove', '--in-place'])).code, 2, 'nothing to remove');
  // The text report says so too.
  assert.match((await run(['check', copy])).out, /\[警告·已说明\][\s\S]*说明（\d{4}-\d{2}-\d{2}）：改写/);
});

test('check --results-sheet: a copy with 审核结果 (one row per finding, links, explanations), written again → replaced; never the input; not read as a table', async () => {
  const { dir, file } = sample();
  const input = readFileSync(file);
  const out1 = join(dir, 'R1.xlsx');
  const first = await run(['check', file, '--results-sheet', out1]);
  assert.equal(first.code, 1, 'the sample has an error: the exit code is the check’s');
  assert.match(first.err, /审核结果已写入/);
  assert.deepEqual(readFileSync(file), input);
  const report = JSON.parse((await run(['check', file, '--json'])).out) as Report;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out1);
  const sheet = book.getWorksheet('审核结果')!;
  assert.equal(sheet.getCell('A1').value, '审核结果（决算审核助手）');
  assert.equal(sheet.rowCount, 3 + report.findings.length);
  assert.equal(sheet.getCell('J4').value, report.findings[0].rule);
  // Explain a warning in that copy, then write the trail again from it: replaced, with the explanation.
  const w = report.findings.find((f) => f.severity === 'warning')!;
  assert.equal((await run(['explain', out1, '--rule', w.rule, '--cell', w.cells[0], '--text', '核实无误', '--in-place'])).code, 0);
  const refreshed = new ExcelJS.Workbook();
  await refreshed.xlsx.readFile(out1);
  const levels: unknown[] = [];
  refreshed.getWorksheet('审核结果')!.eachRow((row, n) => n > 3 && levels.push(row.getCell(2).value));
  assert.ok(levels.includes('警告（已说明）'), 'explain brings an existing 审核结果 up to date');
  const out2 = join(dir, 'R2.xlsx');
  await run(['check', out1, '--results-sheet', out2]);
  const second = new ExcelJS.Workbook();
  await second.xlsx.readFile(out2);
  assert.equal(second.worksheets.filter((s) => s.name.startsWith('审核结果')).length, 1, 'replaced, not added again');
  // 审核结果 came first (check --results-sheet), 审核说明 after it (explain): each stays where it was added.
  assert.deepEqual(second.worksheets.map((s) => s.name).slice(-2), ['审核结果', '审核说明']);
  const again = JSON.parse((await run(['check', out2, '--json'])).out) as Report;
  assert.deepEqual(again.tables, report.tables);
  assert.equal(again.summary.explained, 1);
  // Usage: the input as output, several workbooks.
  const self = await run(['check', file, '--results-sheet', file]);
  assert.equal(self.code, 2);
  assert.match(self.err, /就是输入文件/);
  assert.match(self.out, /审核结果：/, 'the check still runs and prints');
  assert.deepEqual(readFileSync(file), input);
  assert.equal((await run(['check', file, out1, '--results-sheet', join(dir, 'R3.xlsx')])).code, 2);
});

test('batch: summary.html counts explained and open findings, lists the most open first, the detail page shows the explanation; summary.csv has both columns', async () => {
  const { dir, file } = sample('b-原件.xlsx');
  const report = JSON.parse((await run(['check', file, '--json'])).out) as Report;
  const w = report.findings.find((f) => f.severity === 'warning')!;
  assert.equal((await run(['explain', file, '--rule', w.rule, '--cell', w.cells[0], '--text', '核实无误<b>粗</b>', '--out', join(dir, 'a-已说明.xlsx')])).code, 0);
  const out = join(dir, 'report');
  await run(['check', dir, '--report', out]);
  const html = readFileSync(join(out, 'summary.html'), 'utf8');
  // One row per workbook, most open first (the page's script re-sorts; its data attributes carry the counts).
  const rows = [...html.matchAll(/<tr data-i="(\d+)" data-o="(\d+)"[^>]* data-x="(\d+)"[^>]*>[\s\S]*?<a class="d"[^>]*>([^<]+)<\/a>[\s\S]*?<td class="n c-x[^"]*">(\d+)<\/td>/g)].map((m) => ({ n: Number(m[1]) + 1, file: m[4], open: Number(m[2]), explained: Number(m[3]), shown: Number(m[5]) }));
  assert.deepEqual(rows, [
    { n: 2, file: 'b-原件.xlsx', open: 6, explained: 0, shown: 0 },
    { n: 1, file: 'a-已说明.xlsx', open: 5, explained: 1, shown: 1 },
  ]);
  const detail = readFileSync(join(out, 'details', '001-a-已说明.html'), 'utf8');
  assert.match(detail, /已说明：<\/span>核实无误&lt;b&gt;粗&lt;\/b&gt;/, 'the explanation, escaped');
  assert.match(detail, /其中 <span class="said">1 个已说明<\/span>/);
  const csv = readFileSync(join(out, 'summary.csv'), 'utf8').replace(/^\ufeff/, '').split('\r\n');
  assert.match(csv[0], /"提示","已说明","待处理"/);
  assert.match(csv[1], /"3","1","5"/);
});
