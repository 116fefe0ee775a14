// (Also: cell references split back into sheet and address.)
// The grid walks only the rows a sparse snapshot holds, and rows shorter than the sheet: a stray cell at
// XFD1048576 costs neither a million rows nor sixteen thousand columns per row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grid } from '../../src/core/workbook/grid';
import { splitCellRef } from '../../src/core/workbook/address';
import type { CellValue } from '../../src/core/workbook/snapshot';

test('rowsBetween/nextRow list the present rows; rowTexts reads ragged rows', () => {
  const values: CellValue[][] = [];
  values[0] = ['收入决算表'];
  values[2] = ['项目', null, '合计'];
  values[1_048_575] = [];
  values[1_048_575][16_383] = 5;
  const grid = new Grid({ name: 'S', origin: { row: 0, col: 0 }, values });
  assert.equal(grid.bottom, 1_048_575);
  assert.equal(grid.right, 16_383);
  assert.deepEqual(grid.rowsBetween(0, grid.bottom), [0, 2, 1_048_575]);
  assert.deepEqual(grid.rowsBetween(1, 2), [2]);
  assert.equal(grid.nextRow(3), 1_048_575);
  assert.equal(grid.nextRow(1_048_576), grid.bottom + 1);
  assert.deepEqual(grid.rowTexts(2), [[0, '项目'], [2, '合计']]);
  assert.deepEqual(grid.rowTexts(1), []);
  assert.deepEqual(grid.rowTexts(1_048_575), [[16_383, '5']]);
  assert.equal(grid.value(2, 16_000), null);
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) grid.rowsBetween(0, grid.bottom);
  assert.ok(performance.now() - t0 < 500, 'cheap on a sparse sheet');
});

test('splitCellRef keeps an unquoted sheet name exactly (quotes, "!" and all); a quoted one is unescaped', () => {
  assert.deepEqual(splitCellRef("O''Neil 表!C8"), { sheet: "O''Neil 表", address: 'C8' });
  assert.deepEqual(splitCellRef('收入!表!D9'), { sheet: '收入!表', address: 'D9' });
  assert.deepEqual(splitCellRef("'O''Neil 表'!C8"), { sheet: "O'Neil 表", address: 'C8' });
});
