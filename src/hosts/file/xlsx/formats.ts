/**
 * Number formats and text conventions exactly as ExcelJS 4.4 reads them (the fast reader's output must equal the
 * ExcelJS path's, cell for cell). test/file/fast-reader.test.ts holds each table and function to ExcelJS's own.
 */

/**
 * Built-in number formats by numFmtId, as ExcelJS names them (lib/xlsx/defaultnumformats.js): only the ids it
 * gives one code for all locales; the East Asian ids 27–36 and 50–58 have none there, so a cell using them has no
 * number format in the snapshot.
 */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A custom format code as ExcelJS keeps it: backslash escapes removed (`0.00\ "元"` → `0.00 "元"`). */
export function customFormatCode(formatCode: string): string {
  return formatCode.replace(/[\\](.)/g, '$1');
}

/** ExcelJS's second decoding of t="str" values (utils.xmlDecode): named entities only. */
export function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** `_xHHHH_` escapes in shared strings and rich-text runs (ECMA-376 ST_Xstring), decoded as ExcelJS does. */
export function decodeXEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
