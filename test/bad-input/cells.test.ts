// Catalogue: bad cells — mixed 金额单位, numbers as text, text and Excel errors in amount cells, a formula
// without its result, huge and negative numbers. Each names its table, cell and column; the rest is read as in
// the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { amountCells, cellText, eachValueCell, toFullWidth } from '../support/variants';
import {
  ALL_TABLES,
  assertOthersUnchanged,
  checkWorkbook,
  expectEntry,
  expectNoFinding,
  readFindings,
  seedBaseline,
  seedWorkbook,
} from './support';

test('mixed 金额单位: one table in 元 is named with its unit cell; every table is still read', async () => {
  const wb = await seedWorkbook();
  wb.getWorksheet('公开05表')!.getCell('E3').value = '金额单位：元';
  const checked = await checkWorkbook(wb, 'unit.xlsx');
  const f = expectEntry(checked.report, 'unit-mixed');
  assert.deepEqual(f.cells, ['公开05表!E3']);
  assert.equal(f.expected, '万元');
  assert.equal(f.actual, '元');
  await assertOthersUnchanged(checked);
});

test('numbers as text or full-width read exactly as the numbers they show, with no finding', async () => {
  const wb = await seedWorkbook();
  let n = 0;
  for (const ws of wb.worksheets)
    for (const cell of amountCells(ws)) {
      const v = cell.value as number;
      const text = v.toFixed(2);
      const [int, dec] = text.split('.');
      const grouped = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
      cell.value = [text, toFullWidth(text), ` ${grouped} `, `${v}`, v < 0 ? `(${(-v).toFixed(2)})` : `＋${text}`][n++ % 5];
    }
  assert.ok(n > 200, `${n} amounts rewritten as text`);
  const checked = await checkWorkbook(wb, 'text-numbers.xlsx');
  expectNoFinding(checked.report, 'text-numbers');
  await assertOthersUnchanged(checked);
  const seed = await seedBaseline();
  assert.deepEqual(
    checked.report.findings.map((f) => [f.rule, f.message]),
    seed.report.findings.map((f) => [f.rule, f.message]),
    'the same findings as the sample',
  );
});

test('a date in an amount cell is named as a date, not as text; the rest goes on', async () => {
  const wb = await seedWorkbook();
  const cell = wb.getWorksheet('公开05表')!.getCell('C8');
  // A style of its own: ExcelJS shares style objects between cells.
  cell.value = new Date(Date.UTC(2024, 0, 5));
  cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
  const checked = await checkWorkbook(wb, 'date.xlsx');
  const f = expectEntry(checked.report, 'date-in-amount');
  assert.deepEqual(f.cells, ['公开05表!C8']);
  assert.equal(f.actual, '2024-01-05');
  assert.doesNotMatch(f.message, /文本/);
  assert.equal(readFindings(checked.report, 'read-cell-invalid').length, 1, 'one cell, one finding');
});

test('text in an amount cell: named with table, cell and column; counted as 0; the rest goes on', async () => {
  const wb = await seedWorkbook();
  const ws = wb.getWorksheet('公开03表')!;
  ws.getCell('E9').value = '56.78万';
  ws.getCell('D12').value = '待定';
  const checked = await checkWorkbook(wb, 'text.xlsx');
  const f = expectEntry(checked.report, 'text-in-amount');
  assert.deepEqual(f.cells, ['公开03表!E9']);
  assert.equal(f.actual, '56.78万');
  assert.deepEqual(readFindings(checked.report, 'read-cell-invalid').map((x) => x.cells[0]).sort(), ['公开03表!D12', '公开03表!E9']);
  assert.equal(checked.model['03']?.rows.find((r) => r.code === '20104')?.amounts.project.blank, true);
  await assertOthersUnchanged(checked, [], ['03.20104.project', '03.208.basic']);
});

test('#REF! and #VALUE! as real error cells, one in every table (合计 rows too): all nine tables read', async () => {
  const wb = await seedWorkbook();
  const placed: Array<{ sheet: string; cell: string; error: string }> = [];
  for (const code of ALL_TABLES) {
    const ws = wb.getWorksheet(`公开${code}表`)!;
    const cells = amountCells(ws);
    // The first amount of each table (often its 合计 row) gets #REF!, a later one #VALUE!. The sample's 07 and
    // 08 are empty: their 合计 row's first amount cell gets it.
    let first = cells[0];
    if (!first) {
      let total: ExcelJS.Cell | undefined;
      eachValueCell(ws, (cell, _r, c) => {
        if (!total && c === 1 && cellText(cell).trim() === '合计') total = cell;
      });
      first = ws.getCell(Number(total!.row), 3);
    }
    first.value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    placed.push({ sheet: ws.name, cell: first.address, error: '#REF!' });
    if (cells.length > 4) {
      cells[4].value = { formula: `${first.address}*2`, result: { error: '#VALUE!' } } as unknown as ExcelJS.CellValue;
      placed.push({ sheet: ws.name, cell: cells[4].address, error: '#VALUE!' });
    }
  }
  const checked = await checkWorkbook(wb, 'errors.xlsx');
  assert.equal(checked.report.tables.length, 9, 'an error in a 合计 row does not hide the table');
  const invalid = readFindings(checked.report, 'read-cell-invalid');
  for (const p of placed) {
    const f = invalid.find((x) => x.cells[0] === `${p.sheet}!${p.cell}`);
    assert.ok(f, `${p.sheet}!${p.cell} (${p.error}) is reported`);
    assert.equal(f.actual, p.error);
    assert.match(f.message, new RegExp(`Excel 错误值“${p.error.replace(/[!/]/g, '\\$&')}”`));
  }
  const ref = expectEntry(checked.report, 'ref-error');
  assert.deepEqual(ref.cells, ['公开03表!C7']);
  expectEntry(checked.report, 'value-error');
});

test('a formula without a cached result: named, with its formula, instead of silently blank', async () => {
  const wb = await seedWorkbook();
  const ws = wb.getWorksheet('公开03表')!;
  ws.getCell('C7').value = { formula: 'SUM(C8,C12,C17,C23,C26)' } as ExcelJS.CellFormulaValue;
  ws.getCell('D7').value = { formula: 'SUM(D8,D12,D17,D23,D26)', result: 455.65 } as ExcelJS.CellFormulaValue;
  const checked = await checkWorkbook(wb, 'formula.xlsx');
  const f = expectEntry(checked.report, 'formula-uncalculated');
  assert.deepEqual(f.cells, ['公开03表!C7']);
  assert.equal(f.actual, '=SUM(C8,C12,C17,C23,C26)');
  // The formula with a cached result reads as its result.
  assert.equal(checked.model['03']?.total?.amounts.basic.value.toFixed(2), '455.65');
  assert.equal(readFindings(checked.report).length, 1);
  await assertOthersUnchanged(checked, [], ['03.合计.total']);
});

test('huge (1e15) and negative numbers: the huge one is refused with a reason, the negative one warned', async () => {
  const wb = await seedWorkbook();
  const ws = wb.getWorksheet('公开03表')!;
  ws.getCell('C10').value = 1e15;
  ws.getCell('C11').value = -56.78;
  ws.getCell('E11').value = '1e300';
  const checked = await checkWorkbook(wb, 'huge.xlsx');
  const huge = expectEntry(checked.report, 'huge-number');
  assert.deepEqual(huge.cells, ['公开03表!C10']);
  const negative = expectEntry(checked.report, 'negative-number');
  assert.deepEqual(negative.cells, ['公开03表!C11']);
  // No message carries a figure of more than 16 digits.
  for (const f of checked.report.findings) assert.doesNotMatch(f.message, /\d{17}/, f.message);
  assert.equal(checked.report.tables.length, 9);
  await assertOthersUnchanged(checked, [], ['03.2010450.total', '03.2010499.total', '03.2010499.project']);
});

test('words down an amount column: one finding for the column, every cell named', async () => {
  const wb = await seedWorkbook();
  const ws = wb.getWorksheet('公开05表')!;
  ws.getCell('E10').value = '见附表';
  ws.getCell('E12').value = '无';
  ws.getCell('E13').value = '无';
  const checked = await checkWorkbook(wb, 'words.xlsx');
  const f = expectEntry(checked.report, 'column-of-words');
  assert.deepEqual(f.cells, ['公开05表!E10', '公开05表!E12', '公开05表!E13']);
  assert.equal(readFindings(checked.report, 'read-cell-invalid').length, 1);
});
