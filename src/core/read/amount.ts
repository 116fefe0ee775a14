import Decimal from 'decimal.js';
import { isDateText } from '../workbook/dates';
import type { CellValue } from '../workbook/snapshot';

/**
 * How one amount cell reads. Money stays Decimal from here on: a number from the file is taken through its
 * 15-significant-digit form so that binary noise (0.30000000000000004) never reaches a sum.
 */
export type ParsedAmount =
  | { kind: 'empty' }
  | { kind: 'number'; value: Decimal; fromText: boolean; cents: Decimal }
  | { kind: 'invalid'; text: string; reason: InvalidReason };

/**
 * Why a cell is not an amount. 'text' (and a date, as a header's 编制日期 may be) can be a label; the others are
 * amounts gone wrong (an Excel error, a formula saved without its result, a figure too large to be one). A date
 * is what every host gives for a date-formatted cell ("YYYY-MM-DD": src/core/workbook/dates.ts).
 */
export type InvalidReason = 'excel-error' | 'text' | 'date' | 'boolean' | 'formula' | 'too-large';

/**
 * From here on a figure cannot be right: Excel keeps 15 significant digits, so an amount of 10 万亿 or more
 * has lost its 分, and no department's 决算 comes near it in any unit (a pasted ID number or a typo does).
 */
export const MAX_AMOUNT = 1e13;

/** A cell that could be a header or a label: text, not an amount gone wrong. */
export function isLabelLike(parsed: ParsedAmount): boolean {
  return parsed.kind === 'invalid' && (parsed.reason === 'text' || parsed.reason === 'date' || parsed.reason === 'boolean');
}

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '－', '一', '─', '…']);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

const EMPTY: ParsedAmount = Object.freeze({ kind: 'empty' });
const cache = new Map<string | number | boolean, ParsedAmount>();

/**
 * How a cell reads as an amount. Results are shared (they and their Decimals are immutable): the same figures
 * recur across the nine tables and across the workbooks of a batch.
 */
export function parseAmount(value: CellValue | undefined): ParsedAmount {
  if (value === null || value === undefined) return EMPTY;
  const cached = cache.get(value);
  if (cached) return cached;
  if (cache.size > 50000) cache.clear();
  const parsed = Object.freeze(parseUncached(value));
  cache.set(value, parsed);
  return parsed;
}

function parseUncached(value: CellValue): ParsedAmount {
  if (value === null) return EMPTY;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value), reason: 'text' };
    if (Math.abs(value) >= MAX_AMOUNT) return { kind: 'invalid', text: String(value), reason: 'too-large' };
    return number(new Decimal(value.toPrecision(15)), false);
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: value ? 'TRUE' : 'FALSE', reason: 'boolean' };
  return parseAmountText(value);
}

function parseAmountText(raw: string): ParsedAmount {
  // NFKC turns full-width digits, "．", "，", "－" and the ideographic space into ASCII.
  const text = raw.normalize('NFKC').replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g, '');
  if (EMPTY_MARKS.has(text) || EMPTY_MARKS.has(raw.trim())) return { kind: 'empty' };
  if (EXCEL_ERROR.test(text)) return { kind: 'invalid', text: raw.trim(), reason: 'excel-error' };
  if (/^=./.test(text)) return { kind: 'invalid', text: raw.trim(), reason: 'formula' };
  if (isDateText(text)) return { kind: 'invalid', text, reason: 'date' };
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
  if (value.abs().gte(MAX_AMOUNT)) return { kind: 'invalid', text: raw.trim(), reason: 'too-large' };
  return number(negative ? value.negated() : value, true);
}

function number(value: Decimal, fromText: boolean): ParsedAmount {
  const cents = toCents(value);
  return { kind: 'number', value, fromText, cents: cents.eq(value) ? value : cents };
}

/** Amounts are compared as printed: 2 decimals, 四舍五入. */
export function toCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
