// The batch report's model: paths shown relative to the folder given, the year never empty, the orders, the
// filters (severity, table and rule on one finding together), the per-rule overview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { type Finding, countBySeverity } from '../../src/core/findings/finding';
import { checkSnapshot } from '../../src/core/report';
import { displayPath, reportShownAs } from '../../src/cli/batch-report/paths';
import { batchYear } from '../../src/cli/batch-report/year';
import { type BatchRow, batchEntries, rulesById, filterEntries, findingTables, ruleOverview, sortEntries, tableCounts } from '../../src/cli/batch-report/model';
import { hrefOf } from '../../src/cli/batch-report/html';
import { SEED, snapshotOf } from '../helpers';

test('paths: relative to the folder given (with “/”), the deepest folder when nested, a file given directly by its name; never absolute', () => {
  const root = resolve('/data/决算/2024');
  assert.equal(displayPath(join(root, '株洲', 'a.xlsx'), [root]), '株洲/a.xlsx');
  assert.equal(displayPath(join(root, 'a.xlsx'), [`${root}${sep}`]), 'a.xlsx');
  assert.equal(displayPath(join(root, 'sub', 'b.xlsx'), [root, join(root, 'sub')]), 'sub/b.xlsx', 'the deepest folder, prefixed by its name when several paths were given');
  assert.equal(displayPath(join(root, 'x', 'c.xlsx'), [root, '/elsewhere']), '2024/x/c.xlsx');
  assert.equal(displayPath(join(root, 'given.xlsx'), [join(root, 'given.xlsx'), root]), 'given.xlsx', 'a file given directly shows its name');
  assert.equal(displayPath('/other/place/d.xlsx', [root]), 'd.xlsx');
  assert.equal(displayPath('relative/dir/e.xlsx', ['relative']), 'dir/e.xlsx');
  assert.equal(displayPath(join(root + '-old', 'f.xlsx'), [root]), 'f.xlsx', 'a sibling folder sharing the prefix is not inside');
});

test('paths: the report and the messages that quote the file show it relative', () => {
  const file = '/home/someone/决算/x/a.xlsx';
  const finding: Finding = { rule: 'read-file-unreadable', severity: 'error', message: `无法读取文件“${file}”：文件不存在。`, cells: [] };
  const shown = reportShownAs({ file, tables: [], findings: [finding], summary: countBySeverity([finding]) }, file, 'x/a.xlsx');
  assert.equal(shown.file, 'x/a.xlsx');
  assert.equal(shown.findings[0].message, '无法读取文件“x/a.xlsx”：文件不存在。');
  assert.ok(!JSON.stringify(shown).includes('/home/someone'));
});

test('year: the tables’ titles, else the cover or 目录, else the file name, else 未识别 — never empty', async () => {
  const bytes = readFileSync(SEED);
  // The bundled sample (Hunan layout) states no year in its cells: the file name does.
  const fromName = checkSnapshot(await snapshotOf(bytes, 'seed-2024.xlsx'));
  assert.deepEqual(batchYear(fromName.model, fromName.facts), { year: '2024', yearSource: 'file' });
  const nothing = checkSnapshot(await snapshotOf(bytes, 'other.xlsx'));
  assert.deepEqual(batchYear(nothing.model, nothing.facts), { year: '未识别', yearSource: 'none' });
  // The same workbook with “2023年度” in its titles, as many Hunan files print it: the tables win over the name.
  const titled = await snapshotOf(bytes, 'seed-2024.xlsx');
  for (const sheet of titled.sheets) {
    const title = sheet.values[0]?.[0];
    if (typeof title === 'string') sheet.values[0][0] = `株洲市长株潭一体化发展事务中心2023年度${title}`;
  }
  const fromTitles = checkSnapshot(titled);
  assert.deepEqual(batchYear(fromTitles.model, fromTitles.facts), { year: '2023', yearSource: 'tables' });
  assert.deepEqual(batchYear({}, { year: 2022, fileYear: 2024 }), { year: '2022', yearSource: 'workbook' });
});

function finding(rule: string, severity: Finding['severity'], table: string, explained?: 'yes' | 'stale'): Finding {
  const f: Finding = { rule, severity, table, message: `${rule} 的问题`, cells: [`公开${table}表!C7`] };
  if (explained) f.explanation = { text: '已核实', stale: explained === 'stale' };
  return f;
}

function row(file: string, unit: string, year: string, findings: Finding[]): BatchRow {
  return { file, unit, year, report: { file, tables: [], findings, summary: countBySeverity(findings) }, detailHref: '', jsonHref: '' };
}

const ROWS: BatchRow[] = [
  row('a.xlsx', '乙单位', '2024', [finding('t02-row-total', 'error', '02'), finding('x06-05-contributions', 'warning', '06')]),
  row('b.xlsx', '甲单位', '2023', [finding('x06-05-contributions', 'warning', '06', 'yes'), finding('t06-class-sum', 'info', '06')]),
  row('c.xlsx', '', '未识别', [finding('t06-class-sum', 'error', '06'), finding('t06-class-sum', 'error', '06'), finding('t09-budget-copied', 'warning', '09', 'stale')]),
  row('d.xlsx', '丙单位', '2024', []),
];
const files = (list: ReturnType<typeof batchEntries>) => list.map((e) => e.row.file);

test('sorting: open findings most first (ties in file order), either direction; names in Chinese order with 未识别 last', () => {
  const entries = batchEntries(ROWS);
  assert.deepEqual(entries.map((e) => e.open), [2, 0, 3, 0], 'open = errors + warnings − explained (a stale explanation does not count)');
  assert.deepEqual(files(sortEntries(entries, 'open')), ['c.xlsx', 'a.xlsx', 'b.xlsx', 'd.xlsx']);
  assert.deepEqual(files(sortEntries(entries, 'open', 'asc')), ['b.xlsx', 'd.xlsx', 'a.xlsx', 'c.xlsx'], 'ties stay in file order in both directions');
  assert.deepEqual(files(sortEntries(entries, 'error')), ['c.xlsx', 'a.xlsx', 'b.xlsx', 'd.xlsx']);
  assert.deepEqual(files(sortEntries(entries, 'explained')), ['b.xlsx', 'a.xlsx', 'c.xlsx', 'd.xlsx']);
  assert.deepEqual(files(sortEntries(entries, 'file', 'desc')), ['d.xlsx', 'c.xlsx', 'b.xlsx', 'a.xlsx']);
  assert.deepEqual(files(sortEntries(entries, 'unit')), ['d.xlsx', 'b.xlsx', 'a.xlsx', 'c.xlsx'], '丙 (bǐng) < 甲 (jiǎ) < 乙 (yǐ); no unit last');
  assert.deepEqual(files(sortEntries(entries, 'year')), ['a.xlsx', 'd.xlsx', 'b.xlsx', 'c.xlsx'], 'newest first, 未识别 last');
  assert.deepEqual(files(sortEntries(entries, 'year', 'asc')), ['b.xlsx', 'a.xlsx', 'd.xlsx', 'c.xlsx'], '未识别 last in either direction');
  assert.deepEqual(files(sortEntries(entries, 'unit', 'desc')), ['a.xlsx', 'b.xlsx', 'd.xlsx', 'c.xlsx']);
});

test('filters: severity, table and rule match one finding together; open leaves out explained warnings; clean; text', () => {
  const entries = batchEntries(ROWS);
  assert.deepEqual(files(filterEntries(entries, {})), ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { severity: 'error' })), ['a.xlsx', 'c.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { severity: 'warning' })), ['a.xlsx', 'b.xlsx', 'c.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { severity: 'open', table: '06' })), ['a.xlsx', 'c.xlsx'], 'b’s warning in 06 is explained');
  assert.deepEqual(files(filterEntries(entries, { severity: 'error', table: '06' })), ['c.xlsx'], 'a has an error (in 02) and a warning in 06, but no error in 06');
  assert.deepEqual(files(filterEntries(entries, { severity: 'open', table: '09' })), ['c.xlsx'], 'a stale explanation leaves the warning open');
  assert.deepEqual(files(filterEntries(entries, { rule: 't06-class-sum' })), ['b.xlsx', 'c.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { rule: 't06-class-sum', severity: 'error' })), ['c.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { severity: 'clean' })), ['b.xlsx', 'd.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { severity: 'clean', rule: 't06-class-sum' })), ['b.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { text: '甲' })), ['b.xlsx']);
  assert.deepEqual(files(filterEntries(entries, { text: '未识别' })), ['c.xlsx'], 'a workbook without a unit, as the page shows it');
  assert.deepEqual(files(filterEntries(entries, { text: ' C.XLSX ' })), ['c.xlsx'], 'trimmed, case-insensitive');
});

test('overview: one line per rule and severity, workbooks and findings counted apart, most workbooks first', () => {
  const lines = ruleOverview(batchEntries(ROWS));
  const byKey = new Map(lines.map((l) => [`${l.rule}/${l.severity}`, l]));
  assert.deepEqual(
    lines.map((l) => `${l.rule}/${l.severity}`),
    ['x06-05-contributions/warning', 't02-row-total/error', 't06-class-sum/error', 't09-budget-copied/warning', 't06-class-sum/info'],
  );
  assert.deepEqual(byKey.get('x06-05-contributions/warning'), { rule: 'x06-05-contributions', severity: 'warning', title: byKey.get('x06-05-contributions/warning')!.title, workbooks: 2, findings: 2, explained: 1 });
  assert.equal(byKey.get('t06-class-sum/error')!.workbooks, 1);
  assert.equal(byKey.get('t06-class-sum/error')!.findings, 2, 'two findings in one workbook: one workbook');
  assert.equal(byKey.get('t09-budget-copied/warning')!.explained, 0, 'a stale explanation is not counted as explained');
  assert.equal(byKey.get('x06-05-contributions/warning')!.title, rulesById().get('x06-05-contributions')!.title, 'the catalogue’s title');
  assert.equal(ruleOverview(batchEntries([row('x.xlsx', '', '未识别', [finding('read-file-unreadable', 'error', '01')])]))[0].title, '文件无法读取', 'a reader finding: its family');
  assert.deepEqual([...tableCounts(batchEntries(ROWS))], [['02', 1], ['05', 2], ['06', 3], ['09', 1]], 'x06-05 touches 05 and 06 (its rule’s tables)');
});

test('a finding’s tables: its own, its rule’s, and the tables whose sheets hold its cells', () => {
  const report = { file: 'x', tables: [{ code: '04', title: 't', sheet: '财拨总表', range: 'A1:B2' }], findings: [], summary: countBySeverity([]) };
  assert.deepEqual(findingTables({ rule: 'custom', severity: 'warning', message: 'm', cells: ['财拨总表!C7', "'其他 表'!A1"] }, report), ['04']);
  assert.deepEqual(findingTables({ rule: 'x06-05-contributions', severity: 'warning', message: 'm', cells: [] }, report), ['05', '06']);
});

test('links to files we wrote: Chinese kept, “#”, “%”, “?” and spaces encoded so the file opens from disk', () => {
  assert.equal(hrefOf('details/001-株洲#2%.html'), 'details/001-株洲%232%25.html');
  assert.equal(hrefOf('../标记 副本/a?.xlsx'), '../标记%20副本/a%3F.xlsx');
});
