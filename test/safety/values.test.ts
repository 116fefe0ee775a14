// Data safety: the file path never changes a cell value. For the sample, every layout variant and a workbook
// with formulas: the input file's bytes are untouched by a check; the snapshot holds exactly the values ExcelJS
// reads; and the marked copy (with the check's findings, and with a mark on every cell) holds every value,
// formula and cached result of the original, cell for cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbookFile } from '../../src/cli/workbook-check';
import type { Finding } from '../../src/core/findings/finding';
import { cellRef } from '../../src/core/workbook/address';
import { markedCopy } from '../../src/hosts/file/marked-copy';
import { snapshotFromExcelJS } from '../../src/hosts/file/exceljs-snapshot';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { SEED } from '../helpers';
import { VARIANTS, buildVariant, loadSeed, workbookToBuffer } from '../support/variants';

const TMP = mkdtempSync(join(tmpdir(), 'juesuan-safety-'));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every stored cell of every sheet, as "Sheet!A1" → its value model (value, formula and result, error…). */
function cellValues(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.value === null || cell.value === undefined) return;
        out.set(cellRef(ws.name, r - 1, c - 1), JSON.stringify(cell.value));
      }),
    );
  return out;
}

/** A finding on every non-empty cell: the heaviest marking a copy can get. */
function everyCell(wb: ExcelJS.Workbook): Finding[] {
  return [...cellValues(wb).keys()].map((ref) => ({ rule: 'test-mark', severity: 'warning' as const, message: `=HYPERLINK("x") 标记 ${ref}`, cells: [ref] }));
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function formulaWorkbook(): Promise<Buffer> {
  const wb = await loadSeed();
  const ws = wb.getWorksheet('公开03表')!;
  ws.getCell('C7').value = { formula: 'SUM(C8,C12,C17,C23,C26)', result: 519.63 } as ExcelJS.CellFormulaValue;
  ws.getCell('C8').value = { formula: 'C9', result: 410.65 } as ExcelJS.CellFormulaValue;
  ws.getCell('J1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('J2').value = 0.1 + 0.2; // binary noise stays as stored
  ws.getCell('J3').value = '=not a formula, just text';
  ws.getCell('J4').value = new Date(Date.UTC(2024, 11, 31));
  ws.getCell('J5').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] };
  ws.getCell('J6').value = { text: '财政部', hyperlink: 'https://example.invalid/' };
  ws.addConditionalFormatting({ ref: 'C8:C28', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }] });
  // ExcelJS has worksheet.dataValidations at run time but not in its typings.
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('D8', {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
  });
  return workbookToBuffer(wb);
}

const CASES: Array<{ name: string; bytes: () => Promise<Uint8Array> }> = [
  { name: 'seed', bytes: async () => readFileSync(SEED) },
  ...VARIANTS.map((v) => ({ name: v.name, bytes: () => buildVariant(v) })),
  { name: 'formulas', bytes: formulaWorkbook },
];

for (const c of CASES) {
  test(`file path keeps every value: ${c.name}`, async () => {
    const bytes = await c.bytes();
    const path = join(TMP, `${c.name}.xlsx`);
    writeFileSync(path, bytes);
    const before = sha(readFileSync(path));

    // read → check: the file on disk is not touched.
    const checked = await checkWorkbookFile(path);
    assert.equal(sha(readFileSync(path)), before, 'the input file is unchanged');
    assert.ok(checked.bytes);
    assert.equal(sha(checked.bytes!), before);

    // The snapshot the check reads (ExcelJS skipping the parts of a sheet it never looks at) holds exactly what
    // a full ExcelJS load reads: numbers bit for bit, text as stored, formulas as their results.
    const original = await load(bytes);
    const read = await snapshotFromXlsx(bytes, c.name);
    assert.ok(read.ok);
    const snapshot = read.snapshot;
    assert.deepEqual(snapshot.sheets.map((s) => s.merges), snapshotFromExcelJS(original).sheets.map((s) => s.merges));
    for (const [i, ws] of original.worksheets.entries()) {
      const sheet = snapshot.sheets[i];
      assert.equal(sheet.name, ws.name);
      ws.eachRow((row, r) =>
        row.eachCell((cell, col) => {
          if (cell.isMerged && cell.master !== cell) return;
          const v = sheet.values[r - 1 - sheet.origin.row]?.[col - 1 - sheet.origin.col] ?? null;
          const raw = cell.value as unknown;
          const o = raw as Record<string, unknown> | null;
          const expected =
            typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean'
              ? raw
              : o && typeof o === 'object' && 'result' in o && typeof o.result === 'number'
                ? o.result
                : o && typeof o === 'object' && 'hyperlink' in o
                  ? o.text
                  : undefined;
          if (expected === '') return;
          if (expected !== undefined) assert.ok(Object.is(v, expected), `${ws.name}!${cell.address}: ${String(v)} ≠ ${String(expected)}`);
        }),
      );
    }

    // read → check → marked copy: every value, formula and result identical; with the check's findings and
    // with every cell marked.
    const values = cellValues(original);
    for (const findings of [checked.report.findings, everyCell(original)]) {
      const copy = await markedCopy(bytes, findings);
      assert.equal(copy.error, undefined);
      const marked = await load(copy.bytes);
      assert.deepEqual(cellValues(marked), values, 'every cell value identical in the marked copy');
      assert.deepEqual(
        marked.worksheets.map((w) => w.name),
        original.worksheets.map((w) => w.name),
      );
    }
    assert.equal(sha(readFileSync(path)), before, 'still unchanged after marking');
  });
}
