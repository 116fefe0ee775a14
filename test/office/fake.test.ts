// The fake Excel object model itself, against the documented behaviour it claims (independent of the
// gateway): if these hold, the gateway tests say something about Excel.
/// <reference types="office-js" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeWorkbook, MAX_ROWS, MAX_ROW_HEIGHT, NOT_CALCULATED, WEB_PAYLOAD_LIMIT, installFakeExcel, normalizeLoad, parseArea, utf8Bytes, wrappedTextHeight } from '../fakes/excel';

function book(config = {}): FakeWorkbook {
  const doc = new FakeWorkbook(config);
  const s = doc.addSheet('Sheet1');
  s.ensure(0, 0).value = 'a';
  s.ensure(1, 1).value = 2;
  doc.addSheet('Sheet2');
  return doc;
}

async function inExcel<T>(doc: FakeWorkbook, batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
  const handle = installFakeExcel(doc);
  try {
    return await (options ? Excel.run(options, batch) : Excel.run(batch));
  } finally {
    handle.uninstall();
  }
}

const code = (error: unknown) => (error as { code?: string }).code;

test('a property read before load + sync throws PropertyNotLoaded; after, it reads', async () => {
  await inExcel(book(), async (context) => {
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
    assert.throws(() => range.values, (e) => code(e) === 'PropertyNotLoaded');
    range.load('values');
    assert.throws(() => range.values, (e) => code(e) === 'PropertyNotLoaded', 'load alone is not enough');
    await context.sync();
    assert.deepEqual(range.values, [['a', ''], ['', 2]]);
    assert.throws(() => range.address, (e) => code(e) === 'PropertyNotLoaded', 'only what was loaded');
  });
});

test('load takes a string, an array, { select } and nested objects; collections load their items', async () => {
  assert.deepEqual(normalizeLoad('a, b/c'), ['a', 'b/c']);
  assert.deepEqual(normalizeLoad(['a', 'b']), ['a', 'b']);
  assert.deepEqual(normalizeLoad({ select: 'a,b', expand: 'c' }), ['a', 'b', 'c']);
  assert.deepEqual(normalizeLoad({ a: true, format: { fill: { color: true } } }), ['a', 'format/fill/color']);
  await inExcel(book(), async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2').load({ select: 'address', expand: 'format/fill' });
    const other = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load(['rowIndex', 'columnCount']);
    await context.sync();
    assert.deepEqual(sheets.items.map((s) => s.name), ['Sheet1', 'Sheet2']);
    assert.equal(range.address, 'Sheet1!B2');
    assert.equal(range.format.fill.color, '#FFFFFF');
    assert.equal(other.rowIndex, 0);
  });
});

test('writes reach the workbook at sync, in order; sync with nothing queued costs no round trip; run syncs what is left', async () => {
  const doc = book();
  await inExcel(doc, async (context) => {
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('C3');
    range.values = [[5]];
    assert.equal(doc.sheet('Sheet1').cell(2, 2), undefined, 'queued, not applied');
    await context.sync();
    assert.equal(doc.sheet('Sheet1').cell(2, 2)?.value, 5);
    await context.sync();
    assert.equal(doc.stats.roundTrips, 1);
    assert.equal(doc.stats.syncCalls, 2);
    range.values = [[6]];
  });
  assert.equal(doc.sheet('Sheet1').cell(2, 2)?.value, 6, 'Excel.run flushed the last command');
  assert.equal(doc.stats.roundTrips, 2);
});

test('a failing command: earlier ones stay applied, later ones never run, loads of that sync are not delivered', async () => {
  const doc = book();
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.getRange('D1').values = [['before']];
    const loaded = ws.getRange('A1').load('values');
    context.workbook.worksheets.getItem('Nope').getRange('A1').values = [['x']];
    ws.getRange('D2').values = [['after']];
    await assert.rejects(context.sync(), (e) => code(e) === 'ItemNotFound' && (e as Error).name === 'OfficeExtension.Error');
    assert.equal(doc.sheet('Sheet1').cell(0, 3)?.value, 'before');
    assert.equal(doc.sheet('Sheet1').cell(1, 3), undefined);
    assert.throws(() => loaded.values, (e) => code(e) === 'PropertyNotLoaded');
  });
});

test('*OrNullObject: isNullObject after the next sync, without a load; commands to a null object fail', async () => {
  await inExcel(book(), async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
    const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
    assert.throws(() => missing.isNullObject, (e) => code(e) === 'PropertyNotLoaded');
    await context.sync();
    assert.equal(missing.isNullObject, true);
    assert.equal(present.isNullObject, false, 'sheet names are case-insensitive');
    missing.activate();
    await assert.rejects(context.sync());
  });
});

test('getUsedRangeOrNullObject(true) ignores formatting-only cells and conditional formats; merged cells read ""', async () => {
  const doc = book();
  const s = doc.sheet('Sheet1');
  s.ensure(9, 9).fill = '#FFFF00';
  s.ensure(0, 2).value = 'hidden by merge';
  s.merges = [{ top: 0, left: 1, bottom: 0, right: 2 }];
  doc.addUserConditionalFormat('Sheet1', [parseArea('Z100')!.rect], { formula: '=TRUE', fill: '#FF0000' });
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    const valuesOnly = ws.getUsedRangeOrNullObject(true).load('address,values');
    const all = ws.getUsedRangeOrNullObject(false).load('address');
    const empty = context.workbook.worksheets.getItem('Sheet2').getUsedRangeOrNullObject(true);
    await context.sync();
    assert.equal(valuesOnly.address, 'Sheet1!A1:B2');
    assert.deepEqual(valuesOnly.values, [['a', ''], ['', 2]]);
    assert.equal(all.address, 'Sheet1!A1:J10');
    assert.equal(empty.isNullObject, true);
    const merged = ws.getRange('A1:C1').load('values');
    await context.sync();
    assert.deepEqual(merged.values, [['a', '', '']]);
  });
});

test('values: "=1+1" becomes a formula unless the cell is Text ("@"); null leaves a cell alone; "" clears it', async () => {
  const doc = book();
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet2');
    ws.getRange('A1:A3').values = [['=1+1'], ['12'], ['-x']];
    const text = ws.getRange('B1');
    text.numberFormat = [['@']];
    text.values = [['=1+1']];
    ws.getRange('A2:A3').values = [[null], ['']];
    const read = ws.getRange('A1:B1').load('values,formulas');
    await context.sync();
    assert.deepEqual(read.values, [[NOT_CALCULATED, '=1+1']]);
    assert.deepEqual(read.formulas, [['=1+1', '=1+1']]);
  });
  const s = doc.sheet('Sheet2');
  assert.equal(s.cell(0, 0)?.formula, '=1+1');
  assert.equal(s.cell(0, 1)?.formula, undefined);
  assert.equal(s.cell(1, 0)?.value, 12, 'numeric text becomes a number');
  assert.equal(s.cell(2, 0), undefined);
});

test('a 2-D input of the wrong size fails with InvalidArgument; 1×1 applies to every cell', async () => {
  const doc = book();
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet2');
    ws.getRange('A1:B2').numberFormat = [['0.00']];
    await context.sync();
    ws.getRange('A1:B2').values = [[1, 2]];
    await assert.rejects(context.sync(), (e) => code(e) === 'InvalidArgument');
  });
  assert.equal(doc.sheet('Sheet2').cell(1, 1)?.numberFormat, '0.00');
});

test('conditional formats: added at the top; id is the priority in the collection; custom on another type fails', async () => {
  const doc = book();
  const user = doc.addUserConditionalFormat('Sheet1', [parseArea('A1:B2')!.rect], { type: 'CellValue', fontColor: '#FF0000' });
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    const cf = ws.getRange('B2').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=TRUE';
    cf.custom.format.fill.color = '#ffc7ce';
    cf.load('id,priority');
    await context.sync();
    assert.equal(cf.priority, 0);
    assert.equal(cf.id, '0', 'the reference: "the priority of the conditional format in the current ConditionalFormatCollection"');
    const all = ws.getRange().conditionalFormats.load('items/id,items/type');
    await context.sync();
    assert.deepEqual(all.items.map((f) => [f.id, f.type]), [['0', 'Custom'], ['1', 'CellValue']]);
    const other = ws.getRange().conditionalFormats.getItem('1');
    other.custom.rule.load('formula');
    await assert.rejects(context.sync(), (e) => code(e) === 'InvalidOperation');
    const [, userItem] = all.items;
    const ours = all.items[0].custom.rule.load('formula');
    await context.sync();
    assert.equal(ours.formula, '=TRUE');
    // Addressed by position: after the top format is deleted, "1" (and the item that was there) is gone.
    ws.getRange().conditionalFormats.getItem('0').delete();
    await context.sync();
    userItem.load('type');
    await assert.rejects(context.sync(), (e) => code(e) === 'ItemNotFound', 'what was items[1] is now position 0');
    const moved = ws.getRange().conditionalFormats.getItem('0').load('type');
    await context.sync();
    assert.equal(moved.type, 'CellValue');
  });
  assert.deepEqual(doc.sheet('Sheet1').conditionalFormats, [user]);
});

test('conditional formats addressed by position: deleting top-down in one batch skips one; bottom-up removes exactly', async () => {
  const make = () => {
    const doc = book();
    for (const cell of ['C3', 'C2', 'C1']) doc.addUserConditionalFormat('Sheet1', [parseArea(cell)!.rect], { formula: '=TRUE', fill: '#FFC7CE' });
    return doc;
  };
  /** Loads the sheet's formats, then deletes items in this order in one batch. */
  const deleteItems = (doc: FakeWorkbook, order: number[]) =>
    inExcel(doc, async (context) => {
      const formats = context.workbook.worksheets.getItem('Sheet1').getRange().conditionalFormats.load('items/type');
      await context.sync();
      for (const i of order) formats.items[i].delete();
      await context.sync();
    });
  const topDown = make();
  await deleteItems(topDown, [0, 1]);
  assert.deepEqual(topDown.dumpConditionalFormats().Sheet1.map((f) => f.ranges[0]), ['C2'], 'items[1] was C3 by then');
  const bottomUp = make();
  await deleteItems(bottomUp, [1, 0]);
  assert.deepEqual(bottomUp.dumpConditionalFormats().Sheet1.map((f) => f.ranges[0]), ['C3']);
});

test('ConditionalFormat.getRangeOrNullObject: the range, or a null object when the format applies to several ranges', async () => {
  const doc = book({ apiVersion: '1.9' });
  doc.addUserConditionalFormat('Sheet1', [parseArea('A1:A3')!.rect, parseArea('C1')!.rect], { formula: '=TRUE' });
  doc.addUserConditionalFormat('Sheet1', [parseArea('B2:B4')!.rect], { formula: '=TRUE' });
  await inExcel(doc, async (context) => {
    const formats = context.workbook.worksheets.getItem('Sheet1').getRange().conditionalFormats;
    const single = formats.getItemAt(0).getRangeOrNullObject().load('address');
    const several = formats.getItemAt(1).getRangeOrNullObject().load('address');
    const areas = formats.getItemAt(1).getRanges().load('address');
    await context.sync();
    assert.equal(single.address, 'Sheet1!B2:B4');
    assert.equal(several.isNullObject, true);
    assert.equal(areas.address, 'Sheet1!A1:A3, Sheet1!C1');
  });
});

test('requirement sets: APIs newer than the host fail with ApiNotFound; Office.context.requirements answers per test', async () => {
  const doc = book({ apiVersion: '1.7' });
  const handle = installFakeExcel(doc);
  try {
    assert.equal(Office.context.requirements.isSetSupported('ExcelApi', '1.7'), true);
    assert.equal(Office.context.requirements.isSetSupported('ExcelApi', '1.9'), false);
    assert.equal(Office.context.requirements.isSetSupported('ExcelApi', '1.10'), false);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRanges('A1, B2').conditionalFormats.add('Custom');
      await assert.rejects(context.sync(), (e) => code(e) === 'ApiNotFound');
      context.workbook.worksheets.getItem('Sheet1').getRange().conditionalFormats.getItemOrNullObject('x');
      await assert.rejects(context.sync(), (e) => code(e) === 'ApiNotFound', 'getItemOrNullObject on formats is ExcelApi 1.14');
    });
  } finally {
    handle.uninstall();
  }
});

test('protected sheet: writes fail with AccessDenied, reads work; select needs the sheet active first', async () => {
  const doc = book();
  doc.sheet('Sheet2').protected = true;
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet2');
    ws.getRange('A1').values = [[1]];
    await assert.rejects(context.sync(), (e) => code(e) === 'AccessDenied');
    ws.getRange('A1').conditionalFormats.add('Custom');
    await assert.rejects(context.sync(), (e) => code(e) === 'AccessDenied');
    ws.getRange('B2').select();
    await assert.rejects(context.sync(), (e) => code(e) === 'InvalidSelection');
    ws.activate();
    ws.getRange('B2').select();
    await context.sync();
  });
  assert.equal(doc.selectionRef(), 'Sheet2!B2');
});

test('payload limit: on by default at the web\'s 5 MB, counted in UTF-8 bytes (Chinese text is 3 bytes a character)', async () => {
  assert.equal(new FakeWorkbook().config.payloadLimitBytes, WEB_PAYLOAD_LIMIT);
  assert.equal(utf8Bytes('决算a'), 7);
  const doc = book({ payloadLimitBytes: 100_000 });
  const text = '部门决算'.repeat(10); // 40 UTF-16 units, 120 UTF-8 bytes
  const rows = 1_000;
  for (let r = 0; r < rows; r++) doc.sheet('Sheet2').ensure(r, 0).value = text;
  assert.ok(JSON.stringify(Array.from({ length: rows }, () => [text])).length < 100_000, 'under the limit in UTF-16 units');
  await inExcel(doc, async (context) => {
    context.workbook.worksheets.getItem('Sheet2').getRange(`A1:A${rows}`).load('values');
    await assert.rejects(context.sync(), (e) => code(e) === 'ResponsePayloadSizeLimitExceeded', 'over it in UTF-8 bytes');
    context.workbook.worksheets.getItem('Sheet2').getRange('B1:B1000').values = Array.from({ length: rows }, () => [text]);
    await assert.rejects(context.sync(), (e) => code(e) === 'RequestPayloadSizeLimitExceeded');
    const half = context.workbook.worksheets.getItem('Sheet2').getRange(`A1:A${rows / 2}`).load('values');
    await context.sync();
    assert.equal(half.values.length, rows / 2);
  });
});

test('getRanges: an address past 8,192 characters is cut there (documented): a broken last area fails, a clean cut loses areas silently', async () => {
  const doc = book({ apiVersion: '1.9' });
  // "AB12," is 5 characters: 8,192 = 5 × 1,638 + 2, so the cut leaves a last area "AB" (no row: invalid).
  const broken = Array.from({ length: 2000 }, () => 'AB12').join(',');
  // 1,638 areas end at character 8,189; ",C1" ends exactly at 8,192; ",C2" is beyond.
  const clean = `${Array.from({ length: 1638 }, () => 'AB12').join(',')},C1,C2`;
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.getRanges(broken).load('areaCount');
    await assert.rejects(context.sync(), (e) => code(e) === 'InvalidArgument');
    const cut = ws.getRanges(clean).load('areaCount,address');
    await context.sync();
    assert.equal(cut.areaCount, 1639, 'C2 was past the limit and is simply not there');
    assert.ok(cut.address.endsWith('Sheet1!C1'));
  });
});

test('reopen(): the same content, formats and settings; new worksheet ids (positional), old handlers gone', async () => {
  const doc = book({ apiVersion: '1.9' });
  const extra = doc.addSheet('Extra');
  doc.addUserConditionalFormat('Extra', [parseArea('A1')!.rect], { formula: '=TRUE', fill: '#FFC7CE' });
  doc.settings.set('k', '"v"');
  const content = doc.dumpContent();
  const formats = doc.dumpConditionalFormats();
  const before = doc.sheets.map((s) => s.id);
  const handle = installFakeExcel(doc);
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
    });
    assert.equal(doc.changedHandlerCount(), 1);
  } finally {
    handle.uninstall();
  }
  doc.reopen();
  assert.equal(doc.session, 2);
  assert.deepEqual(doc.sheets.map((s) => s.id), ['{00000000-0001-0000-0000-000000000000}', '{00000000-0001-0000-0001-000000000000}', '{00000000-0001-0000-0002-000000000000}']);
  assert.notDeepEqual(doc.sheets.map((s) => s.id), before);
  assert.equal(doc.changedHandlerCount(), 0);
  assert.equal(doc.settings.get('k'), '"v"');
  const strip = (d: Record<string, unknown>) => JSON.parse(JSON.stringify(d, (k, v) => (k === 'id' ? undefined : v)));
  assert.deepEqual(strip(doc.dumpContent()), strip(content));
  assert.deepEqual(strip(doc.dumpConditionalFormats()), strip(formats));
  assert.notEqual(doc.dumpConditionalFormats().Extra[0].id, formats.Extra[0].id, 'the fake\'s own format handles are renumbered too');
  assert.equal(doc.activeSheet()?.name, 'Sheet1');
  assert.equal(extra.id, doc.sheets[2].id);
});

test('undo: below ExcelApi 1.19 every writing sync clears the user\'s undo list; 1.19 one step a sync; 1.20 mergeUndoGroup one step a run, UndoNotSupported for Worksheet.delete', async () => {
  const writeTwice = (options?: Excel.RunOptions) => async (context: Excel.RequestContext) => {
    const ws = context.workbook.worksheets.getItem('Sheet2');
    ws.getRange('A1').values = [[1]];
    await context.sync();
    ws.getRange('A2').values = [[2]];
    ws.activate();
    ws.getRange('A1').select();
    await context.sync();
    void options;
  };
  const old = book({ apiVersion: '1.17' });
  await inExcel(old, writeTwice());
  assert.deepEqual({ clears: old.undo.clears, steps: old.undo.steps.length }, { clears: 2, steps: 0 });
  const recent = book({ apiVersion: '1.19' });
  await inExcel(recent, writeTwice(), { mergeUndoGroup: true });
  assert.deepEqual({ clears: recent.undo.clears, steps: recent.undo.steps.length }, { clears: 0, steps: 2 }, 'mergeUndoGroup is ExcelApi 1.20');
  const grouped = book({ apiVersion: '1.20' });
  await inExcel(grouped, writeTwice(), { mergeUndoGroup: true });
  assert.equal(grouped.undo.steps.length, 1);
  assert.deepEqual(grouped.undo.steps[0].map((w) => w.op), ['values', 'values'], 'selecting is not an undo step');
  const reads = book({ apiVersion: '1.20' });
  await inExcel(reads, async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
    await context.sync();
  });
  assert.deepEqual(reads.undo, { steps: [], clears: 0 }, 'reading is no step');
  const unsupported = book({ apiVersion: '1.20' });
  await inExcel(
    unsupported,
    async (context) => {
      context.workbook.worksheets.getItem('Sheet2').delete();
      await assert.rejects(context.sync(), (e) => code(e) === 'UndoNotSupported');
    },
    { mergeUndoGroup: true },
  );
  assert.equal(unsupported.sheets.length, 2);
});

test('autofitRows: wrapped rows as tall as their text at the column width set before, capped at 409 points', async () => {
  const doc = book();
  const short = '部门决算';
  const long = '部门决算情况说明。'.repeat(300);
  await inExcel(doc, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet2');
    ws.getRange('A:A').format.columnWidth = 460;
    const range = ws.getRange('A1:A2');
    range.values = [[short], [long]];
    range.format.wrapText = true;
    range.format.autofitRows();
    await context.sync();
  });
  const sheet = doc.sheet('Sheet2');
  assert.equal(sheet.rowHeights.get(0), wrappedTextHeight(short, 460));
  assert.ok(wrappedTextHeight(long, 460) > MAX_ROW_HEIGHT, 'this text needs more than a row can give');
  assert.equal(sheet.rowHeights.get(1), MAX_ROW_HEIGHT);
  assert.ok(wrappedTextHeight(long, 48) > wrappedTextHeight(long, 460), 'a narrower column needs more lines');
});

test('a huge read fails as on the web (RangeExceedsLimit / payload limit)', async () => {
  const doc = book({ payloadLimitBytes: 1000 });
  doc.sheet('Sheet1').ensure(MAX_ROWS - 1, 30).value = 1;
  await inExcel(doc, async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject(true).load('values');
    await assert.rejects(context.sync(), (e) => code(e) === 'RangeExceedsLimit');
    context.workbook.worksheets.getItem('Sheet1').getRange('A1:Z100').load('values');
    await assert.rejects(context.sync(), (e) => code(e) === 'ResponsePayloadSizeLimitExceeded');
  });
});

test('settings: add, getItemOrNullObject, value, delete', async () => {
  const doc = book();
  await inExcel(doc, async (context) => {
    context.workbook.settings.add('k', JSON.stringify({ a: 1 }));
    const got = context.workbook.settings.getItemOrNullObject('k').load('value');
    const none = context.workbook.settings.getItemOrNullObject('none');
    await context.sync();
    assert.equal(got.value, '{"a":1}');
    assert.equal(none.isNullObject, true);
    got.delete();
  });
  assert.equal(doc.settings.has('k'), false);
});

test('proxies cannot be used after their Excel.run', async () => {
  const doc = book();
  let kept: Excel.Range | undefined;
  await inExcel(doc, async (context) => {
    kept = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
    await context.sync();
  });
  assert.throws(() => kept!.load('values'), (e) => code(e) === 'InvalidObjectPath');
});

test('Range.hyperlink (ExcelApi 1.7): a link to a place in the workbook, textToDisplay in the top-left cell; clear(Hyperlinks) keeps the text, clear(All) takes both; kept by reopen; ApiNotFound below 1.7', async () => {
  const doc = book({ apiVersion: '1.7' });
  await inExcel(doc, async (context) => {
    const cell = context.workbook.worksheets.getItem('Sheet2').getRange('B2');
    cell.hyperlink = { documentReference: "'Sheet1'!B2", textToDisplay: 'Sheet1!B2', screenTip: '转到' };
    await context.sync();
    cell.load('hyperlink,values');
    await context.sync();
    assert.deepEqual(cell.values, [['Sheet1!B2']]);
    assert.deepEqual(cell.hyperlink, { address: undefined, documentReference: "'Sheet1'!B2", screenTip: '转到', textToDisplay: 'Sheet1!B2' });
    const none = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
    none.load('hyperlink');
    await context.sync();
    assert.equal(none.hyperlink, null);
    const empty = context.workbook.worksheets.getItem('Sheet1').getRange('C3');
    empty.hyperlink = { textToDisplay: 'x' };
    await assert.rejects(context.sync(), (e) => code(e) === 'InvalidArgument', 'a link needs a target');
  });
  doc.reopen();
  assert.equal(doc.sheet('Sheet2').cell(1, 1)?.hyperlink?.documentReference, "'Sheet1'!B2");
  await inExcel(doc, async (context) => {
    context.workbook.worksheets.getItem('Sheet2').getRange('B2').clear('Hyperlinks');
    await context.sync();
  });
  assert.equal(doc.sheet('Sheet2').cell(1, 1)?.value, 'Sheet1!B2', 'the text stays');
  assert.equal(doc.sheet('Sheet2').cell(1, 1)?.hyperlink, undefined, 'the link goes');
  await inExcel(doc, async (context) => {
    const r = context.workbook.worksheets.getItem('Sheet2').getRange('B2');
    r.hyperlink = { documentReference: "'Sheet1'!A1", textToDisplay: 'A1' };
    context.workbook.worksheets.getItem('Sheet2').getRange().clear('All');
    await context.sync();
  });
  assert.equal(doc.sheet('Sheet2').cell(1, 1), undefined);
  const old = book({ apiVersion: '1.6' });
  await inExcel(old, async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1').hyperlink = { documentReference: "'Sheet2'!A1" };
    await assert.rejects(context.sync(), (e) => code(e) === 'ApiNotFound');
  });
});
