/**
 * A shared formula's text in one of the cells it covers, translated from its master cell as ExcelJS translates it
 * (lib/utils/shared-formula.js `slideFormula`): relative references move by the offset between the two cells.
 * Only used for a cell saved without a cached result (read as "=" + formula). Out-of-range columns are not for
 * sure (ExcelJS throws there and the adapter falls back to other text).
 */
import { notForSure } from './scanner';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

export function columnLetters(n: number): string {
  if (!(n >= 1 && n <= 16384)) notForSure(`column ${n}`);
  let s = '';
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

/** Cell positions are 1-based, as in an A1 address. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(CANDIDATE, (refMatch: string, sheet: string | undefined, _sheetName: string, addrPart: string, trailingParen: string | undefined) => {
    if (trailingParen) return refMatch;
    const match = CELL_REF.exec(addrPart);
    if (!match) return refMatch;
    const [, colDollar, colText, rowDollar, rowText] = match;
    const letters = colText.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return refMatch;
    let col = columnNumber(letters);
    let row = parseInt(rowText, 10);
    if (!colDollar) col += to.col - from.col;
    if (!rowDollar) row += to.row - from.row;
    return (sheet || '') + (colDollar || '') + columnLetters(col) + (rowDollar || '') + row;
  });
}
