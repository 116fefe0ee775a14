// Going to a cell, writing the 情况说明 sheet in place, the 说明数据 template, add-in state — and that no
// gateway call ever writes into the tables' sheets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../src/core/report';
import { NARRATIVE_KEY, OfficeHost } from '../../src/hosts/office';
import { CONTENT_OPS, TABLE_SHEETS, fakeFrom, perturbedSeedXlsx, seedXlsx, withFake } from './support';

const sample = async (config = {}) => fakeFrom(await seedXlsx(), 'seed-2024.xlsx', config);

test('selectCell activates the sheet, then selects the cell (or range), in one round trip', async () => {
  const doc = await sample();
  assert.equal(doc.activeSheet()?.name, '公开01表');
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const moved = await host.selectCell('公开03表!C9');
    assert.ok(moved.ok, moved.ok ? '' : moved.error.detail);
    assert.equal(doc.activeSheet()?.name, '公开03表');
    assert.equal(doc.selectionRef(), '公开03表!C9');
    assert.equal(doc.stats.roundTrips, 1);
    assert.ok((await host.selectCell('公开05表!B7:D7')).ok);
    assert.equal(doc.selectionRef(), '公开05表!B7:D7');
    const missing = await host.selectCell('公开10表!A1');
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'ItemNotFound');
    assert.match(missing.error.message, /找不到工作表“公开10表”/);
    assert.equal(doc.selectionRef(), '公开05表!B7:D7', 'a failed jump leaves the selection alone');
    const bad = await host.selectCell('not a cell');
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'InvalidArgument');
  });
});

test('a cell on a hidden sheet: a clear message, no throw', async () => {
  const doc = await sample();
  doc.sheet('公开07表').visibility = 'Hidden';
  await withFake(doc, async () => {
    const moved = await new OfficeHost().selectCell('公开07表!B5');
    assert.ok(!moved.ok);
    assert.match(moved.error.message, /^定位单元格失败：/);
    assert.equal(doc.activeSheet()?.name, '公开01表');
  });
});

test('writeNarrativeSheet: created once, then updated in place — never deleted and re-added; "=1+1" stays text', async () => {
  const doc = await sample();
  const first = ['一、部门基本情况', '=1+1', '+86 0731', '-5%的降幅', '@全体', '四、其他说明'];
  const second = ['一、部门基本情况（修订）', '二、收支总体情况'];
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const written = await host.writeNarrativeSheet(first);
    assert.ok(written.ok, written.ok ? '' : written.error.detail);
    assert.deepEqual(written.value, { written: true, sheet: '情况说明', created: true, rows: 6, paragraphs: 6, split: 0 });
    assert.equal(doc.stats.roundTrips, 2);
    const sheet = doc.sheet('情况说明');
    const id = sheet.id;
    first.forEach((p, r) => {
      const cell = sheet.cell(r, 0)!;
      assert.equal(cell.value, p, `row ${r + 1} holds the paragraph as text`);
      assert.equal(cell.formula, undefined, `row ${r + 1} is not a formula`);
      assert.equal(cell.numberFormat, /^[=+\-@]/.test(p) ? '@' : undefined, `row ${r + 1}: Text only where it would otherwise be a formula`);
      assert.equal(cell.wrapText, true);
    });
    assert.equal(sheet.columnWidths.get(0), 460);
    assert.equal(doc.activeSheet()?.name, '公开01表', 'writing does not move the user to the sheet');

    doc.resetCounters();
    const again = await host.writeNarrativeSheet(second);
    assert.ok(again.ok);
    assert.deepEqual(again.value, { written: true, sheet: '情况说明', created: false, rows: 2, paragraphs: 2, split: 0 });
    assert.equal(doc.stats.roundTrips, 2);
    assert.equal(doc.sheet('情况说明').id, id, 'the same sheet');
    assert.equal(doc.writes.filter((w) => w.op === 'sheet.add' || w.op === 'sheet.delete').length, 0);
    assert.deepEqual([0, 1].map((r) => sheet.cell(r, 0)?.value), second);
    for (let r = 2; r < first.length; r++) assert.equal(sheet.cell(r, 0)?.value, undefined, `old row ${r + 1} cleared`);
    assert.equal(doc.sheets.filter((s) => s.name === '情况说明').length, 1);
  });
});

test('a 情况说明 sheet the user wrote is never overwritten; an empty one is taken over', async () => {
  const doc = await sample();
  const own = doc.addSheet('情况说明');
  own.ensure(0, 0).value = '本部门自行编写的情况说明';
  const before = doc.dumpContent();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const refused = await host.writeNarrativeSheet(['自动生成的说明']);
    assert.ok(refused.ok);
    assert.equal(refused.value.written, false);
    assert.match(refused.value.written ? '' : refused.value.message, /已有“情况说明”工作表且其中有内容/);
    assert.deepEqual(doc.dumpContent(), before);
    assert.deepEqual(doc.writes.filter((w) => CONTENT_OPS.has(w.op)), []);
    const other = await host.writeNarrativeSheet(['自动生成的说明'], '情况说明（审核助手）');
    assert.ok(other.ok && other.value.written && other.value.created);

    own.cells.clear();
    const taken = await host.writeNarrativeSheet(['自动生成的说明']);
    assert.ok(taken.ok && taken.value.written && !taken.value.created);
    assert.equal(own.cell(0, 0)?.value, '自动生成的说明');
    assert.deepEqual(JSON.parse(String(doc.settings.get(NARRATIVE_KEY))).sheets, ['情况说明（审核助手）', '情况说明']);
  });
});

test('writeSheetValues: creates the template; refuses to overwrite non-empty cells and reports them', async () => {
  const doc = await sample();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const template = [
      ['项目', '金额', '说明'],
      ['=三公经费', null, '-'],
      ['会议费', 12.5, null],
    ];
    const created = await host.writeSheetValues('说明数据', template);
    assert.ok(created.ok, created.ok ? '' : created.error.detail);
    assert.deepEqual(created.value, { written: true, sheet: '说明数据', created: true, cells: 7 });
    const sheet = doc.sheet('说明数据');
    assert.equal(sheet.cell(1, 0)?.value, '=三公经费');
    assert.equal(sheet.cell(1, 0)?.formula, undefined, 'a label starting with "=" stays text');
    assert.equal(sheet.cell(1, 2)?.value, '-');
    assert.equal(sheet.cell(2, 1)?.value, 12.5);

    const before = doc.dumpContent();
    doc.resetCounters();
    const refused = await host.writeSheetValues('说明数据', [['新项目', null, null], [null, 99, null]]);
    assert.ok(refused.ok);
    assert.equal(refused.value.written, false);
    assert.deepEqual(refused.value.written ? [] : refused.value.conflicts, ['说明数据!A1']);
    assert.deepEqual(doc.dumpContent(), before, 'nothing written');
    assert.equal(doc.stats.roundTrips, 2);

    const filled = await host.writeSheetValues('说明数据', [[null, null, null], [null, 99, null]]);
    assert.ok(filled.ok && filled.value.written);
    assert.equal(sheet.cell(1, 1)?.value, 99);
    assert.equal(sheet.cell(0, 0)?.value, '项目', 'null leaves a cell alone');
  });
});

test('loadState / saveState keep small JSON in the workbook', async () => {
  const doc = await sample();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const empty = await host.loadState('pane');
    assert.ok(empty.ok);
    assert.equal(empty.value, null);
    assert.ok((await host.saveState('pane', JSON.stringify({ filter: 'error', firstRun: false }))).ok);
    const loaded = await new OfficeHost().loadState('pane');
    assert.ok(loaded.ok);
    assert.deepEqual(JSON.parse(loaded.value!), { filter: 'error', firstRun: false });
    assert.ok(!(await host.saveState('bad key!', '{}')).ok);
  });
});

test('a whole session (read, mark, step through, narrative, clear) never writes a value or format into the tables', async () => {
  const doc = await fakeFrom(await perturbedSeedXlsx(), 'seed-2024.xlsx', { apiVersion: '1.9' });
  const contentBefore = doc.dumpContent();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    const read = await host.readSnapshot();
    assert.ok(read.ok);
    const { findings } = checkSnapshot(read.value).report;
    assert.ok((await host.applyMarks(findings)).ok);
    for (const f of findings.filter((x) => x.cells.length).slice(0, 5)) assert.ok((await host.selectCell(f.cells[0])).ok);
    assert.ok((await host.writeNarrativeSheet(['一、基本情况', '二、收支情况'])).ok);
    assert.ok((await host.writeNarrativeSheet(['一、基本情况'])).ok);
    assert.ok((await host.clearMarks()).ok);
    const onTables = doc.writes.filter((w) => CONTENT_OPS.has(w.op) && w.sheet && TABLE_SHEETS.includes(w.sheet));
    assert.deepEqual(onTables, []);
    const after = doc.dumpContent() as Record<string, unknown>;
    delete after['情况说明'];
    assert.deepEqual(after, contentBefore);
  });
});
