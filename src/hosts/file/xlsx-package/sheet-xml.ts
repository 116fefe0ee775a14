/**
 * One of our sheets (src/core/explain: OwnSheet) as SpreadsheetML. Text is written as inline strings, so the
 * workbook's shared-string table is never touched; amounts are written as the exact decimal text of the
 * finding (no float in between); links are internal hyperlinks (a `location`, no relationship), which Excel,
 * WPS and LibreOffice follow within the file. The header rows stay in view (a frozen pane).
 *
 * Element order follows the schema (CT_Worksheet): dimension, sheetViews, cols, sheetData, hyperlinks.
 */
import type { OwnCell, OwnSheet } from '../../../core/explain/own-sheets';
import { linkTarget } from '../../../core/explain/own-sheets-write';
import { a1, columnLetters } from '../../../core/workbook/address';
import type { CellStyle, StyleIds } from './styles';
import { escapeXml } from './xml';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The style of a cell: by its row (title, header) and its column. */
function styleOf(sheet: OwnSheet, row: number, col: number, cell: OwnCell): CellStyle {
  if (row === 0) return 'title';
  if (row < sheet.headerRows - 1) return 'plain';
  if (row === sheet.headerRows - 1) return 'header';
  if (cell.link) return 'link';
  if (cell.amount) return 'amount';
  return sheet.wrap.includes(col) ? 'wrap' : 'plain';
}

function cellXml(ref: string, cell: OwnCell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
  if (v === null || v === '') return '';
  if (cell.amount && DECIMAL.test(v)) return `<c r="${ref}"${s}><v>${v}</v></c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
}

export function worksheetXml(sheet: OwnSheet, styles: StyleIds, ns: { main: string; rel: string }): string {
  const cols = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.length), 1);
  const rows = Math.max(sheet.rows.length, 1);
  const frozen = sheet.headerRows;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`,
    `<dimension ref="A1:${a1(rows - 1, cols - 1)}"/>`,
    '<sheetViews><sheetView workbookViewId="0">',
    frozen > 0 ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>` : '',
    '</sheetView></sheetViews>',
  ];
  if (sheet.widths.length) {
    parts.push('<cols>');
    sheet.widths.forEach((w, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  const links: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells = row.map((cell, c) => {
      const ref = `${columnLetters(c)}${r + 1}`;
      if (cell.link) links.push(`<hyperlink ref="${ref}" location="${escapeXml(linkTarget(cell.link))}" display="${escapeXml(String(cell.value ?? ''))}"/>`);
      return cellXml(ref, cell, styles[styleOf(sheet, r, c, cell)]);
    });
    const body = cells.join('');
    if (body) parts.push(`<row r="${r + 1}">${body}</row>`);
  });
  parts.push('</sheetData>');
  if (links.length) parts.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  parts.push('</worksheet>');
  return parts.join('');
}
