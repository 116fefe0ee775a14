import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { SEED, snapshotOf } from '../helpers';
import { checkSnapshot } from '../../src/core/report';
import { markedCopy, MARK_FILL_ARGB } from '../../src/hosts/file/marked-copy';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

test('a marked copy fills exactly the flagged cells, adds notes, and changes no value', async () => {
  const bytes = new Uint8Array(await readFile(SEED));
  const { report } = checkSnapshot(await snapshotOf(bytes));
  const copy = await markedCopy(bytes, report.findings);
  const flagged = new Set(report.findings.flatMap((f) => f.cells));
  assert.equal(copy.marked, flagged.size);
  const [before, after] = [await load(bytes), await load(copy.bytes)];
  let compared = 0;
  for (const ws of before.worksheets) {
    const other = after.getWorksheet(ws.name)!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        assert.deepEqual(other.getCell(cell.address).value, cell.value, `${ws.name}!${cell.address}`);
        compared++;
        const ref = `${ws.name}!${cell.address}`;
        const fill = other.getCell(cell.address).fill as ExcelJS.FillPattern | undefined;
        if (flagged.has(ref)) assert.ok(Object.values(MARK_FILL_ARGB).includes(fill?.fgColor?.argb ?? ''), ref);
        else assert.deepEqual(other.getCell(cell.address).fill, cell.fill, `${ref} keeps its own fill`);
      }),
    );
  }
  assert.ok(compared > 500);
  const error = report.findings.find((f) => f.severity === 'error')!;
  const note = after.getWorksheet('公开02表')!.getCell('A3').note;
  assert.match(typeof note === 'string' ? note : JSON.stringify(note), /【错误】/);
  assert.equal((after.getWorksheet('公开02表')!.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb, MARK_FILL_ARGB[error.severity]);
});
