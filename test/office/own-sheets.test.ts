// The Office gateway writing 审核说明 and 审核结果 (src/hosts/office/own-sheet-write.ts) on the fake Excel:
// explain → write → save and reopen (doc.reopen) → read → explained; a covered value typed over → stale;
// written again → replaced in place; links (Range.hyperlink, ExcelApi 1.7) to each finding's first cell;
// never over a sheet of that name that is not ours, never on a protected one, never a value in the tables;
// explained warnings marked paler, still found and cleared as the add-in's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../src/core/report';
import {
  RESULTS_HEADERS,
  explanationRecord,
  explanationSheet,
  findingKey,
  resultsSheet,
} from '../../src/core/explain';
import type { Finding } from '../../src/core/findings/finding';
import { OfficeHost, isMarkFormula, markFormula, markSeverity } from '../../src/hosts/office';
import { MARK_FILL } from '../../src/hosts/mark-plan';
import { CONTENT_OPS, TABLE_SHEETS, fakeFrom, seedXlsx, withFake } from './support';

async function readChecked(host: OfficeHost) {
  const read = await host.readSnapshot();
  assert.ok(read.ok, read.ok ? '' : read.error.detail);
  return { snapshot: read.value, ...checkSnapshot(read.value) };
}

const TEXT = '核实无误：缴费在“事业运行”科目列支。';
const sameCheck = (a: Finding) => (b: Finding) => a.rule === b.rule && findingKey(a) === findingKey(b);

test('explain in Excel → save and reopen → the warning is explained; the cell typed over → stale; the tables never written', async () => {
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.9' });
  const tablesBefore = JSON.stringify(Object.fromEntries(Object.entries(doc.dumpContent()).filter(([name]) => TABLE_SHEETS.includes(name))));
  let warning!: Finding;
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const { snapshot, report, explanations } = await readChecked(host);
    warning = report.findings.find((f) => f.severity === 'warning')!;
    doc.resetCounters();
    const written = await host.writeOwnSheet(explanationSheet([...explanations, explanationRecord(warning, TEXT, snapshot, '2025-03-01')]));
    assert.ok(written.ok && written.value.written, JSON.stringify(written));
    assert.deepEqual({ created: written.value.created, rows: written.value.rows, links: written.value.links }, { created: true, rows: 1, links: 1 });
    assert.equal(doc.stats.roundTrips, 2, 'new sheet: find it, write it');
    assert.deepEqual([...new Set(doc.writes.filter((w) => CONTENT_OPS.has(w.op) || w.op === 'hyperlink').map((w) => w.sheet))], ['审核说明'], 'only our sheet is written');
  });
  doc.reopen();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const { report } = await readChecked(host);
    const again = report.findings.find(sameCheck(warning))!;
    assert.deepEqual(again.explanation, { text: TEXT, stale: false, date: '2025-03-01' });
    assert.equal(report.summary.explained, 1);
    // The sheet as a reviewer sees it: title, note, headers, the row; the 单元格 cell links to the first cell.
    const sheet = doc.sheet('审核说明');
    assert.equal(sheet.cell(0, 0)?.value, '审核说明（决算审核助手）');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((c) => sheet.cell(2, c)?.value), ['规则', '单元格', '问题', '说明', '日期', '所涉数值', '校验码']);
    assert.equal(sheet.cell(3, 3)?.value, TEXT);
    assert.equal(sheet.cell(3, 4)?.value, '2025-03-01', 'the date stays text (Text format before the value)');
    assert.equal(sheet.cell(3, 4)?.numberFormat, '@');
    const [name, address] = warning.cells[0].split('!');
    assert.deepEqual(sheet.cell(3, 1)?.hyperlink, { address: undefined, documentReference: `'${name}'!${address}`, screenTip: `转到 ${warning.cells[0]}` });
    // The user types over a covered cell: the explanation is stale.
    doc.userEdit(name, address, 123.45);
    const stale = (await readChecked(host)).report.findings.find((f) => f.rule === warning.rule && f.cells[0] === warning.cells[0])!;
    assert.equal(stale.explanation?.stale, true);
  });
  // The user's tables: every value and format as before, apart from the one cell the user typed.
  const after = Object.fromEntries(Object.entries(doc.dumpContent()).filter(([name]) => TABLE_SHEETS.includes(name))) as Record<string, { cells: Record<string, unknown>; id: string }>;
  const before = JSON.parse(tablesBefore) as typeof after;
  const [name, address] = warning.cells[0].split('!');
  delete after[name].cells[address];
  delete before[name].cells[address];
  for (const s of Object.keys(after)) {
    assert.deepEqual(after[s].cells, before[s].cells, `${s} unchanged`);
  }
});

test('审核结果: one row per finding, each 单元格 linked to its first cell; written again → replaced in place (old rows and links gone, the sheet not added twice)', async () => {
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.9' });
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const { report } = await readChecked(host);
    const first = await host.writeOwnSheet(resultsSheet(report.findings, report.summary, { file: '', when: '第一次' }));
    assert.ok(first.ok && first.value.written && first.value.created);
    const sheet = doc.sheet('审核结果');
    assert.equal(first.value.rows, report.findings.length);
    assert.deepEqual(RESULTS_HEADERS.map((_, c) => sheet.cell(2, c)?.value), [...RESULTS_HEADERS]);
    const linked = report.findings.filter((f) => f.cells.length).length;
    assert.equal(first.value.links, linked);
    report.findings.forEach((f, i) => {
      const link = sheet.cell(3 + i, 7)?.hyperlink;
      if (f.cells[0]) assert.match(link?.documentReference ?? '', new RegExp(`'${f.cells[0].split('!')[0]}'!${f.cells[0].split('!')[1]}$`));
      if (f.expected) assert.equal(sheet.cell(3 + i, 4)?.value, Number(f.expected), 'an amount becomes a number');
      if (f.expected) assert.equal(sheet.cell(3 + i, 4)?.numberFormat, '#,##0.00');
    });
    // Again, with fewer findings: the rows and links of the first write are gone, the sheet is the same one.
    const fewer = report.findings.slice(0, 2);
    const id = sheet.id;
    const second = await host.writeOwnSheet(resultsSheet(fewer, report.summary, { file: '', when: '第二次' }));
    assert.ok(second.ok && second.value.written && !second.value.created);
    assert.equal(doc.sheet('审核结果').id, id, 'updated in place, never deleted and added again');
    assert.equal(doc.sheets.filter((s) => s.name.startsWith('审核结果')).length, 1);
    assert.match(String(sheet.cell(1, 0)?.value), /第二次/);
    assert.equal(sheet.cell(5, 7)?.hyperlink, undefined, 'the third row’s link is gone');
    assert.equal(sheet.cell(5, 0)?.value, undefined);
    assert.ok(!doc.writes.some((w) => w.op === 'sheet.delete'));
  });
});

test('below ExcelApi 1.7 the cells hold their text without links; a protected or foreign sheet of that name is left alone and said so', async () => {
  const old = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.6' });
  await withFake(old, async () => {
    const host = new OfficeHost();
    const { report } = await readChecked(host);
    const written = await host.writeOwnSheet(resultsSheet(report.findings, report.summary, { file: '', when: 't' }));
    assert.ok(written.ok && written.value.written, JSON.stringify(written));
    assert.equal(written.value.links, 0);
    assert.match(String(old.sheet('审核结果').cell(3, 7)?.value), new RegExp(`^${report.findings[0].cells[0]}`));
    assert.equal(old.sheet('审核结果').cell(3, 7)?.hyperlink, undefined);
  });
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.9' });
  doc.addSheet('审核说明').ensure(0, 0).value = '我们自己的说明';
  await withFake(doc, async () => {
    const foreign = await new OfficeHost().writeOwnSheet(explanationSheet([]));
    assert.ok(foreign.ok && !foreign.value.written);
    assert.match(foreign.value.message, /不是决算审核助手生成的/);
    assert.equal(doc.sheet('审核说明').cell(0, 0)?.value, '我们自己的说明');
  });
  const locked = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.9' });
  await withFake(locked, async () => {
    const host = new OfficeHost();
    assert.ok((await host.writeOwnSheet(explanationSheet([]))).ok);
    locked.sheet('审核说明').protected = true;
    const refused = await host.writeOwnSheet(explanationSheet([]));
    assert.ok(refused.ok && !refused.value.written);
    assert.match(refused.value.message, /受保护/);
  });
});

test('marks: an explained warning gets its own paler mark, recognised as the add-in’s; 清除标记 removes it too', async () => {
  assert.equal(markFormula('explained'), '=N("决算审核助手:已说明")=0');
  assert.equal(markSeverity(markFormula('explained')), 'explained');
  assert.ok(isMarkFormula(' =n( "决算审核助手：已说明" ) = 0 '));
  assert.notEqual(MARK_FILL.explained, MARK_FILL.warning);
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.9' });
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const { snapshot, report, explanations } = await readChecked(host);
    const warning = report.findings.find((f) => f.severity === 'warning')!;
    await host.writeOwnSheet(explanationSheet([...explanations, explanationRecord(warning, TEXT, snapshot, '2025-03-01')]));
    const checked = await readChecked(host);
    const marked = await host.applyMarks(checked.report.findings);
    assert.ok(marked.ok);
    const [name] = warning.cells[0].split('!');
    const kinds = doc.sheet(name).conditionalFormats.map((cf) => markSeverity(cf.formula));
    assert.ok(kinds.includes('explained'), `marks on ${name}: ${kinds}`);
    const explainedMark = doc.sheet(name).conditionalFormats.find((cf) => markSeverity(cf.formula) === 'explained')!;
    assert.equal(explainedMark.fill, MARK_FILL.explained);
    // Its own cells (not shared with an open finding) carry the pale mark only.
    assert.ok(explainedMark.ranges.length > 0);
    // The same findings again: nothing rewritten (the marks are diffed, explained kind included).
    doc.resetCounters();
    const again = await host.applyMarks(checked.report.findings);
    assert.ok(again.ok && again.value.formats === 0 && again.value.removed === 0);
    const cleared = await host.clearMarks();
    assert.ok(cleared.ok);
    assert.equal(doc.sheets.flatMap((s) => s.conditionalFormats).filter((cf) => isMarkFormula(cf.formula)).length, 0);
  });
});
