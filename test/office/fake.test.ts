// The fake Excel object model itself, against the documented behaviour it claims (independent of the
// gateway): if these hold, the gateway tests say something about Excel.
/// <reference types="office-js" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeWorkbook, MAX_ROWS, NOT_CALCULATED, installFakeExcel, normalizeLoad, parseArea } from '../fakes/excel';

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

test('conditional formats: added at the top with an id, custom rule and fill; getItem(id).delete(); custom on another type fails', async () => {
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
    const all = ws.getRange().conditionalFormats.load('items/id,items/type');
    await context.sync();
    assert.deepEqual(all.items.map((f) => f.id), [cf.id, user.id]);
    const other = ws.getRange().conditionalFormats.getItem(user.id);
    other.custom.rule.load('formula');
    await assert.rejects(context.sync(), (e) => code(e) === 'InvalidOperation');
    ws.getRange().conditionalFormats.getItem(cf.id).delete();
    await context.sync();
    ws.getRange().conditionalFormats.getItem(cf.id).delete();
    await assert.rejects(context.sync(), (e) => code(e) === 'ItemNotFound');
  });
  assert.deepEqual(doc.sheet('Sheet1').conditionalFormats, [user]);
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
