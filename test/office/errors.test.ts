// Office errors become Chinese messages in a failed HostResult; the gateway never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL_EDIT_MESSAGE, OfficeHost, describeOfficeError } from '../../src/hosts/office';
import { FakeOfficeError } from '../fakes/excel';
import { flushPromises } from '../support/fake-clock';
import { fakeFrom, seedXlsx, withFake } from './support';

const sample = async (config = {}) => fakeFrom(await seedXlsx(), 'seed-2024.xlsx', config);

test('cell edit mode on a host that cannot delay: the Chinese message, not a throw', async () => {
  const doc = await sample({ supportsDelayForCellEdit: false });
  doc.enterCellEditMode();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    for (const call of [() => host.readSnapshot(), () => host.applyMarks([]), () => host.clearMarks(), () => host.selectCell('公开01表!A1'), () => host.writeNarrativeSheet(['x'])]) {
      const result = await call();
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'InvalidOperationInCellEditMode');
      assert.equal(result.error.message, CELL_EDIT_MESSAGE);
    }
    assert.equal(doc.sheets.some((s) => s.name === '情况说明'), false);
  });
});

test('cell edit mode where the host honours delayForCellEdit: the request waits for the user, then runs', async () => {
  const doc = await sample();
  doc.enterCellEditMode();
  await withFake(doc, async () => {
    let done = false;
    const pending = new OfficeHost().readSnapshot().then((r) => {
      done = true;
      return r;
    });
    // Everything the fake does is promise work: once that has run out, a request that did not wait is done.
    await flushPromises();
    assert.equal(done, false, 'waiting while the user types (the gateway asked for delayForCellEdit)');
    doc.exitCellEditMode();
    const result = await pending;
    assert.ok(result.ok);
    assert.equal(result.value.sheets.length, 9);
  });
});

test('an Excel older than the floor (ExcelApi 1.3): “当前 Excel 版本不支持此功能…”', async () => {
  const doc = await sample({ apiVersion: '1.3' });
  await withFake(doc, async () => {
    const result = await new OfficeHost().readSnapshot();
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'ApiNotFound');
    assert.match(result.error.message, /^读取工作簿失败：当前 Excel 版本不支持此功能/);
  });
});

test('a protected narrative sheet: AccessDenied in words, and the add-in does not unprotect it', async () => {
  const doc = await sample();
  await withFake(doc, async () => {
    const host = new OfficeHost();
    assert.ok((await host.writeNarrativeSheet(['一'])).ok);
    doc.sheet('情况说明').protected = true;
    const result = await host.writeNarrativeSheet(['二']);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'AccessDenied');
    assert.match(result.error.message, /受保护/);
    assert.equal(doc.sheet('情况说明').cell(0, 0)?.value, '一');
    assert.ok(doc.writes.every((w) => w.op !== 'sheet.unprotect'));
  });
});

test('outside Excel (no office.js): a failure that says so', async () => {
  const result = await new OfficeHost().readSnapshot();
  assert.ok(!result.ok);
  assert.equal(result.error.code, 'NotInExcel');
  assert.match(result.error.message, /不在 Excel 中运行/);
});

test('every mapped code has a Chinese message; unknown codes and plain errors too', () => {
  const codes = [
    'InvalidOperationInCellEditMode',
    'ItemNotFound',
    'AccessDenied',
    'ApiNotFound',
    'RequestPayloadSizeLimitExceeded',
    'ResponsePayloadSizeLimitExceeded',
    'RangeExceedsLimit',
    'GeneralException',
    'InactiveWorkbook',
    'SomethingNew',
  ];
  for (const code of codes) {
    const failure = describeOfficeError(new FakeOfficeError(code, 'english text'), '标记单元格');
    assert.equal(failure.code, code);
    assert.match(failure.message, /\p{Script=Han}/u, code);
    assert.doesNotMatch(failure.message, /english text/, 'the localised Office message is not shown to the user');
    assert.match(failure.detail ?? '', /english text/, 'but kept for a bug report');
  }
  assert.equal(describeOfficeError(new FakeOfficeError('InvalidOperationInCellEditMode'), '读取工作簿').message, CELL_EDIT_MESSAGE);
  assert.match(describeOfficeError(new FakeOfficeError('ApiNotFound')).message, /^当前 Excel 版本不支持此功能/);
  const internal = describeOfficeError(new TypeError('x is undefined'));
  assert.equal(internal.code, 'InternalError');
  assert.match(internal.message, /加载项内部错误/);
});
