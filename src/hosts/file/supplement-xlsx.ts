import type ExcelJS from 'exceljs';
import { findSupplementSheet } from '../../core/supplement/read-supplement';
import { buildSupplementTemplate, type SupplementTemplate, type SupplementTemplateOptions } from '../../core/supplement/template';
import type { TablesModel } from '../../core/tables/model';
import { loadExcelJS } from './exceljs-module';
import { snapshotFromExcelJS } from './exceljs-snapshot';
import { errorText } from '../../core/util/error-text';

/**
 * Writes the 说明数据 template (src/core/supplement/template.ts) into an ExcelJS workbook: values as built by the
 * core, plus formatting (widths, bold headers, amount formats, codes as text). The CLI uses
 * `addSupplementTemplateToXlsx` to hand back a copy of the user's file with the sheet added.
 */
export function addSupplementSheet(workbook: ExcelJS.Workbook, template: SupplementTemplate): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(template.sheetName);
  template.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const amountRows = new Set(template.fieldRows.filter((f) => f.kind === 'amount').map((f) => f.row));
  const itemRows = new Set(template.itemRows);
  template.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      // The reference 决算数 column holds 2-decimal strings from the core; Excel shows them as numbers.
      if (itemRows.has(r) && c === template.itemColumns.actual && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
        cell.value = Number(value);
        cell.numFmt = '0.00';
      } else cell.value = value;
    });
    if (amountRows.has(r)) row.getCell(template.valueColumn + 1).numFmt = '0.00';
    if (itemRows.has(r)) {
      row.getCell(template.itemColumns.code + 1).numFmt = '@';
      row.getCell(template.itemColumns.budget + 1).numFmt = '0.00';
      row.getCell(template.itemColumns.fullYearBudget + 1).numFmt = '0.00';
    }
    for (const c of [template.itemColumns.usage, template.itemColumns.reason, 3])
      if (r > template.titleRow) row.getCell(c + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getRow(template.titleRow + 1).font = { bold: true, size: 14 };
  for (const r of template.headerRows) {
    const row = ws.getRow(r + 1);
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
  }
  for (const r of template.groupRows) ws.getRow(r + 1).font = { bold: true };
  for (const f of template.fieldRows) {
    const cell = ws.getRow(f.row + 1).getCell(template.valueColumn + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  }
  return ws;
}

export type AddTemplateResult = { ok: true; bytes: Uint8Array; template: SupplementTemplate } | { ok: false; message: string };

/**
 * A copy of the .xlsx with the 说明数据 sheet added (the original bytes are not touched). Refuses when the
 * workbook already has one, unless `replace` (then the old sheet is removed first).
 */
export async function addSupplementTemplateToXlsx(
  bytes: Uint8Array,
  model: TablesModel,
  options: SupplementTemplateOptions & { replace?: boolean } = {},
): Promise<AddTemplateResult> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { ok: false, message: `无法打开工作簿：${errorText(error)}` };
  }
  const existing = findSupplementSheet(snapshotFromExcelJS(workbook));
  if (existing) {
    if (!options.replace) return { ok: false, message: `工作簿中已有工作表“${existing.name}”，未作改动（如需重新生成模板，请先删除或改名该工作表）。` };
    const ws = workbook.getWorksheet(existing.name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  const template = buildSupplementTemplate(model, options);
  addSupplementSheet(workbook, template);
  const out = await workbook.xlsx.writeBuffer();
  return { ok: true, bytes: new Uint8Array(out as ArrayBuffer), template };
}
