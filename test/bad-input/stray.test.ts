// Catalogue: a stray value in the very last row (1,048,576) and column (XFD). It must cost neither a million
// rows nor sixteen thousand columns: memory stays small (the time is printed; speed is the benchmark's job, not a
// test's), the nine tables keep their own ranges, and the stray cells are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOthersUnchanged, checkWorkbook, expectEntry, measure, readFindings, seedBaseline, seedWorkbook } from './support';

test('a stray value at row 1,048,576 (and one at XFD1048576): small, tables read, stray cells named', async () => {
  const wb = await seedWorkbook();
  wb.getWorksheet('公开03表')!.getCell('A1048576').value = '备用';
  wb.getWorksheet('公开01表')!.getCell('XFD1048576').value = 5;
  wb.getWorksheet('公开06表')!.getCell('XFD1').value = 'x';
  const { result: checked, ms, heapMb } = await measure(() => checkWorkbook(wb, 'stray.xlsx'));
  // Measured on the reference machine: ~0.3 s and a few MB (before the fix: ~2 s and ~200 MB for the check).
  process.stdout.write(`# stray-last-row: file check ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB\n`);
  assert.ok(heapMb < 150, `heap grew ${heapMb.toFixed(0)} MB`);
  const seed = await seedBaseline();
  // Every table keeps its own range (the XFD1 value on 06's first row widens nothing but that row).
  assert.deepEqual(
    checked.report.tables.filter((t) => t.code !== '06'),
    seed.report.tables.filter((t) => t.code !== '06'),
  );
  const f = expectEntry(checked.report, 'stray-last-row');
  assert.deepEqual(f.cells, ['公开03表!A1048576']);
  assert.deepEqual(readFindings(checked.report, 'read-cells-outside-table').map((x) => x.cells[0]).sort(), ['公开01表!XFD1048576', '公开03表!A1048576']);
  await assertOthersUnchanged(checked);
});
