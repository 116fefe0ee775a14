// Explanations in the core (src/core/explain): which findings take one, how one is found again (rule and cells)
// and goes stale (a covered value changed), how the 审核说明 sheet is read back (zod; bad rows reported), and
// that the add-in's own sheets are never read as tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SEED, snapshotOf } from '../helpers';
import { checkSnapshot } from '../../src/core/report';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { classifyTitle } from '../../src/core/read/title';
import { findTitleCandidates } from '../../src/core/read/locate';
import { Grid } from '../../src/core/workbook/grid';
import { FindingSchema, type Finding } from '../../src/core/findings/finding';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import {
  EXPLANATION_HEADERS,
  EXPLANATION_NOTE,
  EXPLANATION_TITLE,
  RESULTS_HEADERS,
  RESULTS_TITLE,
  type OwnSheet,
  applyExplanations,
  checkExplanationText,
  coveredValues,
  explainable,
  explanationRecord,
  explanationSheet,
  findingKey,
  readExplanations,
  readerSnapshot,
  removeExplanation,
  resultsSheet,
  upsertExplanation,
  valuesFingerprint,
} from '../../src/core/explain';
import { parseA1, splitCellRef } from '../../src/core/workbook/address';

async function seed(): Promise<WorkbookSnapshot> {
  return snapshotOf(new Uint8Array(await readFile(SEED)), 'seed-2024.xlsx');
}

/** An OwnSheet as the snapshot a host reads back (values only, from A1). */
function asSnapshotSheet(sheet: OwnSheet): SheetSnapshot {
  return { name: sheet.name, origin: { row: 0, col: 0 }, values: sheet.rows.map((row) => row.map((c) => c.value)) };
}

function withSheets(base: WorkbookSnapshot, ...sheets: OwnSheet[]): WorkbookSnapshot {
  return { ...base, sheets: [...base.sheets, ...sheets.map(asSnapshotSheet)] };
}

/** The snapshot with one cell's value replaced. */
function edited(base: WorkbookSnapshot, ref: string, value: number | string): WorkbookSnapshot {
  const copy = structuredClone(base);
  const { sheet, address } = splitCellRef(ref);
  const at = parseA1(address)!;
  const s = copy.sheets.find((x) => x.name === sheet)!;
  s.values[at.row - s.origin.row][at.col - s.origin.col] = value;
  return copy;
}

const TEXT = '核实无误：养老保险缴费部分在“事业运行”科目列支。';

test('only warnings take an explanation: an error is refused (it cannot be explained away), an info needs none', async () => {
  const { report } = checkSnapshot(await seed());
  const error = report.findings.find((f) => f.severity === 'error')!;
  const warning = report.findings.find((f) => f.severity === 'warning')!;
  const info = report.findings.find((f) => f.severity === 'info')!;
  assert.deepEqual(explainable(warning), { ok: true });
  const refused = explainable(error);
  assert.ok(!refused.ok && /错误/.test(refused.message) && /不能用说明代替/.test(refused.message), JSON.stringify(refused));
  const needless = explainable(info);
  assert.ok(!needless.ok && /不需要说明/.test(needless.message));
  // Even a record that matches an error (a hand-edited sheet) is never applied to it.
  const snapshot = await seed();
  const forced = applyExplanations([error], [explanationRecord(error, TEXT, snapshot, '2025-03-01')], snapshot);
  assert.equal(forced[0].explanation, undefined);
});

test('explain → the sheet → read back → the finding is explained; a covered value changed → stale (shown, not applied); put back → applies again', async () => {
  const base = await seed();
  const before = checkSnapshot(base).report;
  const warning = before.findings.find((f) => f.severity === 'warning')!;
  const record = explanationRecord(warning, TEXT, base, '2025-03-01');
  assert.equal(record.fingerprint, valuesFingerprint(coveredValues(base, warning.cells)));
  const explained = withSheets(base, explanationSheet([record]));

  const after = checkSnapshot(explained);
  const same = after.report.findings.find((f) => f.rule === warning.rule && findingKey(f) === findingKey(warning))!;
  assert.deepEqual(same.explanation, { text: TEXT, stale: false, date: '2025-03-01' });
  FindingSchema.parse(same);
  assert.equal(after.report.summary.explained, 1);
  assert.deepEqual({ ...after.report.summary, explained: 0 }, before.summary, 'the counts by severity do not change: an explained warning is still a warning');
  assert.equal(after.report.findings.filter((f) => f.explanation).length, 1, 'only that finding');
  assert.deepEqual(after.report.tables, before.tables, 'the 审核说明 sheet is no table');
  assert.deepEqual(after.explanations, [record]);

  // A covered cell changed (a value the explanation spoke of): stale, not counted.
  const changed = edited(explained, warning.cells[0], 99.99);
  const stale = checkSnapshot(changed).report;
  const now = stale.findings.find((f) => f.rule === warning.rule && f.cells[0] === warning.cells[0])!;
  assert.equal(now.explanation?.stale, true);
  assert.equal(now.explanation?.text, TEXT, 'the text is still shown');
  assert.equal(stale.summary.explained, 0);

  // Put back: the same values, the same fingerprint — it applies again.
  const original = coveredValues(base, [warning.cells[0]])[0].value;
  const back = checkSnapshot(edited(changed, warning.cells[0], Number(original))).report;
  assert.equal(back.summary.explained, 1);
});

test('a change to a cell the explanation does not cover leaves it applied', async () => {
  const base = await seed();
  const warning = checkSnapshot(base).report.findings.find((f) => f.severity === 'warning')!;
  const explained = withSheets(base, explanationSheet([explanationRecord(warning, TEXT, base, '2025-03-01')]));
  // A 09 cell: no 06/05 contribution finding covers it.
  const other = checkSnapshot(edited(explained, '公开01表!A1', '收入支出决算总表（修订）')).report;
  assert.ok(other.findings.some((f) => f.explanation && !f.explanation.stale));
});

test('one explanation per check: writing again replaces it, removing takes it out, others stay (also one whose finding is gone)', async () => {
  const base = await seed();
  const warnings = checkSnapshot(base).report.findings.filter((f) => f.severity === 'warning');
  const first = explanationRecord(warnings[0], '第一次', base, '2025-03-01');
  const second = explanationRecord(warnings[1], '另一条', base, '2025-03-01');
  const gone = { ...explanationRecord(warnings[2], '问题已改正', base, '2025-03-01'), rule: 'x-rule-no-longer-found' };
  let records = upsertExplanation(upsertExplanation(upsertExplanation([], first), second), gone);
  records = upsertExplanation(records, explanationRecord(warnings[0], '改写后', base, '2025-03-02'));
  assert.deepEqual(records.map((r) => r.text), ['改写后', '另一条', '问题已改正']);
  records = removeExplanation(records, warnings[1]);
  assert.deepEqual(records.map((r) => r.text), ['改写后', '问题已改正']);
  const read = readExplanations(withSheets(base, explanationSheet(records)));
  assert.deepEqual(read.records, records, 'every record survives the sheet, the orphan too');
  assert.deepEqual(read.problems, []);
});

test('findings with no cell are told apart by their table; the cells of a check that changed make it stale', async () => {
  const base = await seed();
  const a: Finding = { rule: 'read-table-missing', severity: 'warning', table: '07', message: '未找到公开07表', cells: [] };
  const b: Finding = { ...a, table: '08', message: '未找到公开08表' };
  assert.notEqual(findingKey(a), findingKey(b));
  const applied = applyExplanations([a, b], [explanationRecord(a, '本单位无政府性基金收支，07表为空表。', base, '2025-03-01')], base);
  assert.equal(applied[0].explanation?.stale, false);
  assert.equal(applied[1].explanation, undefined);
  // The same rule and first cell, but the check now names more cells: what was explained is not what is found.
  const w = checkSnapshot(base).report.findings.find((f) => f.severity === 'warning')!;
  const grown = { ...w, cells: [...w.cells, '公开05表!D99'] };
  assert.equal(applyExplanations([grown], [explanationRecord(w, TEXT, base, '2025-03-01')], base)[0].explanation?.stale, true);
});

test('the explanation text: trimmed, never empty, at most 1000 characters', () => {
  assert.deepEqual(checkExplanationText('  核实无误\r\n  '), { ok: true, text: '核实无误' });
  assert.equal(checkExplanationText('   ').ok, false);
  assert.equal(checkExplanationText('说'.repeat(1001)).ok, false);
});

test('the 审核说明 sheet is read with zod: a row with a damaged 校验码, an empty 说明 or no 规则 is reported, never guessed at; a sheet without our title is not ours', async () => {
  const base = await seed();
  const warning = checkSnapshot(base).report.findings.find((f) => f.severity === 'warning')!;
  const sheet = explanationSheet([explanationRecord(warning, TEXT, base, '2025-03-01')]);
  const good = sheet.rows[3];
  const code = EXPLANATION_HEADERS.indexOf('校验码');
  const text = EXPLANATION_HEADERS.indexOf('说明');
  const rule = EXPLANATION_HEADERS.indexOf('规则');
  const bad = (i: number, v: string) => good.map((c, j) => (j === i ? { value: v } : c));
  const damaged: OwnSheet = { ...sheet, rows: [...sheet.rows, bad(code, '被改过'), bad(text, ''), bad(rule, ''), [{ value: '' }]] };
  const read = readExplanations(withSheets(base, damaged));
  assert.equal(read.records.length, 1);
  assert.deepEqual(read.problems.map((p) => p.row), [5, 6, 7]);
  assert.match(read.problems[0].message, /校验码/);
  assert.match(read.problems[1].message, /说明/);
  // They reach the report as notes (info), naming the row, marking nothing.
  const report = checkSnapshot(withSheets(base, damaged)).report;
  const notes = report.findings.filter((f) => f.rule === 'explain-row-unreadable');
  assert.equal(notes.length, 3);
  assert.ok(notes.every((f) => f.severity === 'info' && f.cells.length === 0 && /第 \d 行/.test(f.message)));
  // Moved columns are found by their headers.
  const order = [6, 5, 4, 3, 2, 1, 0];
  const moved: OwnSheet = { ...sheet, rows: sheet.rows.map((row, r) => (r < 2 ? row : order.map((i) => row[i]))) };
  assert.equal(readExplanations(withSheets(base, moved)).records.length, 1);
  // A user's own sheet called 审核说明 (A1 not our title) is not read.
  const foreign: OwnSheet = { ...sheet, rows: [[{ value: '审核说明' }], ...sheet.rows.slice(1)] };
  assert.deepEqual(readExplanations(withSheets(base, foreign)).records, []);
  // Excel turns a typed date into a serial number: read as the date.
  const serial: OwnSheet = { ...sheet, rows: [...sheet.rows.slice(0, 3), good.map((c, j) => (j === EXPLANATION_HEADERS.indexOf('日期') ? { value: 45717 } : c))] };
  assert.equal(readExplanations(withSheets(base, serial)).records[0].date, '2025-03-01');
});

test('our sheets cannot be taken for a table: no title, header or message cell reads like one, and the reader sees the same workbook with them as without', async () => {
  const base = await seed();
  const { report } = checkSnapshot(base);
  const records = report.findings.filter((f) => f.severity === 'warning').map((f) => explanationRecord(f, TEXT, base, '2025-03-01'));
  const explanations = explanationSheet(records);
  const results = resultsSheet(applyExplanations(report.findings, records, base), report.summary, { file: 'seed-2024.xlsx', when: '2025-03-01 10:00' });
  // The fixed words: titles, the note, every header — and the sheet names.
  for (const text of [EXPLANATION_TITLE, RESULTS_TITLE, EXPLANATION_NOTE, ...EXPLANATION_HEADERS, ...RESULTS_HEADERS, '审核说明', '审核结果'])
    assert.equal(classifyTitle(text), undefined, text);
  // Every cell as written, the sample's own messages included (“…支出决算表…” ends as a sentence).
  const both = withSheets({ sheets: [] }, explanations, results);
  assert.deepEqual(findTitleCandidates(both.sheets.map((s) => new Grid(s))), []);
  // The reader, not told to skip them, finds the same tables and the same findings.
  const unfiltered = readWorkbook(withSheets(base, explanations, results));
  const plain = readWorkbook(base);
  assert.deepEqual(unfiltered.tables, plain.tables);
  assert.deepEqual(unfiltered.findings, plain.findings);
  assert.equal(unfiltered.facts.department?.name, plain.facts.department?.name);
  assert.equal(unfiltered.facts.year, plain.facts.year);
});

test('whatever the unit writes, the check never reads our sheets: a title-like explanation and a department line change nothing', async () => {
  const base = await seed();
  const { report } = checkSnapshot(base);
  const warning = report.findings.find((f) => f.severity === 'warning')!;
  const hostile = ['一般公共预算财政拨款支出决算表', '部门：长沙市某某局', '说明：长沙市某某局本年度没有政府性基金收支', '2023年度部门决算'];
  const records = hostile.map((text, i) => ({ ...explanationRecord(warning, text, base, '2025-03-01'), rule: `r${i}` }));
  const snapshot = withSheets(base, explanationSheet(records), resultsSheet(report.findings, report.summary, { file: '长沙市某某局.xlsx', when: '2025-03-01' }));
  const checked = checkSnapshot(snapshot);
  assert.deepEqual(checked.report.tables, report.tables);
  assert.deepEqual(checked.report.findings.map((f) => f.message), report.findings.map((f) => f.message));
  assert.deepEqual(readerSnapshot(snapshot).sheets.map((s) => s.name), base.sheets.map((s) => s.name));
});

test('the copy’s “.已说明” is not part of the unit’s name: the file-name witness reads as without it', async () => {
  const base = await seed();
  const named = { ...base, source: '株洲市长株潭一体化发展事务中心.xlsx' };
  const copy = { ...base, source: '株洲市长株潭一体化发展事务中心.已说明.xlsx' };
  assert.equal(readerSnapshot(copy).source, named.source);
  assert.deepEqual(
    checkSnapshot(copy).report.findings.map((f) => f.message),
    checkSnapshot(named).report.findings.map((f) => f.message),
  );
});

test('the 审核结果 sheet: one row per finding with its level, table, message, amounts, a link to its first cell, the explanation', async () => {
  const base = await seed();
  const { report } = checkSnapshot(base);
  const warning = report.findings.find((f) => f.severity === 'warning')!;
  const findings = applyExplanations(report.findings, [explanationRecord(warning, TEXT, base, '2025-03-01')], base);
  const summary = { ...report.summary, explained: 1 };
  const sheet = resultsSheet(findings, summary, { file: 'seed-2024.xlsx', when: '2025-03-01 10:00' });
  assert.equal(sheet.rows[0][0].value, RESULTS_TITLE);
  assert.match(String(sheet.rows[1][0].value), /1 个错误，5 个警告（其中 1 个已说明），3 条提示；待处理的错误和警告（未说明）共 5 个/);
  assert.deepEqual(sheet.rows[2].map((c) => c.value), [...RESULTS_HEADERS]);
  assert.equal(sheet.rows.length, 3 + findings.length);
  const col = (h: (typeof RESULTS_HEADERS)[number]) => RESULTS_HEADERS.indexOf(h);
  findings.forEach((f, i) => {
    const row = sheet.rows[3 + i];
    assert.equal(row[col('规则')].value, f.rule);
    assert.equal(row[col('表')].value, f.table ? `公开${f.table}表` : '');
    if (f.cells[0]) assert.equal(row[col('单元格')].link, f.cells[0]);
    if (f.expected) assert.deepEqual(row[col('应为')], { value: f.expected, amount: true });
  });
  const said = sheet.rows.find((r) => r[col('说明')]?.value === TEXT)!;
  assert.equal(said[col('级别')].value, '警告（已说明）');
});
