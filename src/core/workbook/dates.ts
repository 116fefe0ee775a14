/**
 * Dates in workbooks. Excel stores a date as a number (days since 1900, or 1904) with a date number format; the
 * file readers hand the core such a cell as "YYYY-MM-DD" text (as ExcelJS does), and so does the Office reader,
 * so that a date reads the same in every host and can be named as a date (公开05表!C8 是日期（2024-01-05）).
 */

/** ExcelJS's test for a date format (utils.isDateFmt): a number with such a format reads as a date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/**
 * An Excel serial date as the snapshot holds it ("YYYY-MM-DD"), computed as ExcelJS does (excelToDate, then the
 * adapter's toISOString().slice(0, 10)); undefined where that throws (an invalid date).
 */
export function serialDate(value: unknown, date1904 = false): string | undefined {
  const ms = Math.round(((value as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** The text a snapshot holds for a date: what isDateText recognises in a cell. */
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

export function isDateText(text: string): boolean {
  return DATE_TEXT.test(text);
}
