/// <reference types="office-js" />
/**
 * Writing one of the add-in's own sheets (审核说明, 审核结果) into the open workbook, in three round trips:
 *   1. is there a sheet of that name;
 *   2. if so, whose is it (A1 names the add-in, or the sheet is blank) and is it protected;
 *   3. clear it whole and write: number formats first (Text only where Excel would change the text, two
 *      decimals for amounts), values, column widths, wrapping, internal hyperlinks, row heights.
 * The sheet is updated in place, never deleted and added again (deleting a sheet clears the user's undo list
 * on desktop and loses its position); a sheet that is not ours is never written over.
 *
 * APIs and requirement sets (learn.microsoft.com, Excel JavaScript API): worksheets.getItemOrNullObject,
 * getUsedRangeOrNullObject 1.4; worksheets.add, Range.values/numberFormat, Range.clear, format.columnWidth,
 * wrapText, verticalAlignment 1.1; WorksheetProtection.protected 1.2; format.autofitRows 1.2;
 * Range.hyperlink (RangeHyperlink.documentReference, textToDisplay, screenTip) 1.7 — below 1.7 the cells hold
 * their text without a link.
 */
import { type OwnSheet, ownKindOfTitle } from '../../core/explain/own-sheets';
import { foreignSheetMessage, linkTarget } from '../../core/explain/own-sheets-write';
import { columnLetters } from '../../core/workbook/address';
import type { OwnSheetResult } from '../host';
import { needsTextFormat } from '../narrative-layout';

/** Characters (the file's unit) → points (Range.format.columnWidth): ~7 px a character at 96 dpi, plus padding. */
export function charsToPoints(chars: number): number {
  return Math.round(chars * 5.6 + 4);
}

function numberFormatOf(value: string | number | null, amount: boolean | undefined): string {
  if (amount) return '#,##0.00';
  return typeof value === 'string' && needsTextFormat(value) ? '@' : 'General';
}

export async function writeOwnSheetBatch(context: Excel.RequestContext, sheet: OwnSheet, supports: (version: string) => boolean): Promise<OwnSheetResult> {
  const sheets = context.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(sheet.name);
  existing.load('name');
  await context.sync();
  if (!existing.isNullObject) {
    const first = existing.getRange('A1');
    first.load('values');
    const used = existing.getUsedRangeOrNullObject(true);
    used.load('address');
    existing.protection.load('protected');
    await context.sync();
    if (existing.protection.protected)
      return { written: false, sheet: existing.name, message: `“${existing.name}”工作表受保护，未写入。本加载项不会撤销工作表保护，请取消保护后重试。` };
    if (!used.isNullObject && ownKindOfTitle(first.values[0]?.[0]) !== sheet.kind) return { written: false, sheet: existing.name, message: foreignSheetMessage(existing.name) };
  }
  const created = existing.isNullObject;
  const ws = created ? sheets.add(sheet.name) : existing;
  // Ours: replaced whole (values, formats, links of the earlier write).
  if (!created) ws.getRange().clear('All');
  const cols = Math.max(1, sheet.widths.length, ...sheet.rows.map((r) => r.length));
  const rows = sheet.rows.length;
  const grid = sheet.rows.map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? { value: null }));
  const range = ws.getRange(`A1:${columnLetters(cols - 1)}${rows}`);
  // The number format before the values: “2025-03-01” or “=…” written into a General cell would become a date or a formula.
  range.numberFormat = grid.map((row) => row.map((cell) => numberFormatOf(cell.value, cell.amount)));
  range.values = grid.map((row) => row.map((cell) => cell.value ?? ''));
  range.format.verticalAlignment = 'Top';
  sheet.widths.forEach((w, c) => {
    ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = charsToPoints(w);
  });
  if (rows >= sheet.headerRows) {
    for (const c of sheet.wrap) ws.getRange(`${columnLetters(c)}${sheet.headerRows}:${columnLetters(c)}${rows}`).format.wrapText = true;
  }
  let links = 0;
  if (supports('1.7')) {
    grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell.link) return;
        ws.getRange(`${columnLetters(c)}${r + 1}`).hyperlink = { documentReference: linkTarget(cell.link), textToDisplay: String(cell.value ?? cell.link), screenTip: `转到 ${cell.link}` };
        links++;
      }),
    );
  }
  range.format.autofitRows();
  await context.sync();
  return { written: true, sheet: created ? sheet.name : existing.name, created, rows: Math.max(0, rows - sheet.headerRows), links };
}
