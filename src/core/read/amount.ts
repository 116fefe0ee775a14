import Decimal from 'decimal.js';
import type { CellValue } from '../workbook/snapshot';

/**
 * How one amount cell reads. Money stays Decimal from here on: a number from the file is taken through its
 * 15-significant-digit form so that binary noise (0.30000000000000004) never reaches a sum.
 */
export type ParsedAmount =
  | { kind: 'empty' }
  | { kind: 'number'; value: Decimal; fromText: boolean }
  | { kind: 'invalid'; text: string; reason: 'excel-error' | 'text' | 'boolean' };

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '－', '一', '─', '…']);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function parseAmount(value: CellValue | undefined): ParsedAmount {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value), reason: 'text' };
    return { kind: 'number', value: new Decimal(value.toPrecision(15)), fromText: false };
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: value ? 'TRUE' : 'FALSE', reason: 'boolean' };
  return parseAmountText(value);
}

function parseAmountText(raw: string): ParsedAmount {
  // NFKC turns full-width digits, "．", "，", "－" and the ideographic space into ASCII.
  const text = raw.normalize('NFKC').replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g, '');
  if (EMPTY_MARKS.has(text) || EMPTY_MARKS.has(raw.trim())) return { kind: 'empty' };
  if (EXCEL_ERROR.test(text)) return { kind: 'invalid', text: raw.trim(), reason: 'excel-error' };
  let body = text.replace(/^[¥￥]/, '').replace(/(万元|元)$/, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    negative = true;
    body = paren[1];
  }
  const sign = /^([+\-−])(.*)$/.exec(body);
  if (sign) {
    if (negative) return { kind: 'invalid', text: raw.trim(), reason: 'text' };
    negative = sign[1] !== '+';
    body = sign[2];
  }
  // Thousands separators only where they group by three; "1,2" is not a number.
  if (body.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) return { kind: 'invalid', text: raw.trim(), reason: 'text' };
    body = body.replace(/,/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) return { kind: 'invalid', text: raw.trim(), reason: 'text' };
  const value = new Decimal(body);
  return { kind: 'number', value: negative ? value.negated() : value, fromText: true };
}

/** Amounts are compared as printed: 2 decimals, 四舍五入. */
export function toCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
