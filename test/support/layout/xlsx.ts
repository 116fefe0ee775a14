/** A generated snapshot written as a real .xlsx with ExcelJS (values, merges), to keep the file path honest. */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';

export async function snapshotToXlsx(snapshot: WorkbookSnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(sheet.origin.row + r + 1, sheet.origin.col + c + 1);
        cell.value = v;
        if (typeof v === 'number' && !Number.isInteger(v)) cell.numFmt = '#,##0.00';
        if (typeof v === 'string' && /\n/.test(v)) cell.alignment = { wrapText: true };
      }),
    );
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
