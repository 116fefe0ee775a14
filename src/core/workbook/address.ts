/** A1-style addresses; rows and columns are 0-based in code, 1-based and lettered in Excel. */

const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  // Every amount's address is built from these: computed once per column.
  const known = LETTERS[col];
  if (known !== undefined) return known;
  const letters = computeLetters(col);
  if (col >= 0 && col < 16384) LETTERS[col] = letters;
  return letters;
}

function computeLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `Sheet!A1`: the sheet name exactly as in the workbook, unquoted (the CLI contract). */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}

export function rangeRef(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? `${sheet}!${start}` : `${sheet}!${start}:${end}`;
}

/** Parses `A1` into 0-based row/col; undefined for anything else. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Splits `Sheet!A1` (sheet names may contain "!"; the address is after the last one). */
export function splitCellRef(ref: string): { sheet: string; address: string } {
  const at = ref.lastIndexOf('!');
  // Only a quoted name ('My ''Sheet''') has its quotes doubled; an unquoted one is the name exactly.
  const raw = ref.slice(0, at);
  const quoted = /^'(.*)'$/.exec(raw);
  return { sheet: quoted ? quoted[1].replace(/''/g, "'") : raw, address: ref.slice(at + 1) };
}

/** "Sheet!A1:B3" → every cell ref in it; a single cell stays itself; ranges over `cap` cells are dropped. */
export function expandCellRefs(refs: readonly string[], cap = 2000): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const { sheet, address } = splitCellRef(ref);
    const [startText, endText] = address.split(':');
    const start = parseA1(startText);
    const end = endText ? parseA1(endText) : start;
    if (!start || !end) {
      out.push(ref);
      continue;
    }
    if ((end.row - start.row + 1) * (end.col - start.col + 1) > cap) continue;
    for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push(cellRef(sheet, r, c));
  }
  return out;
}
