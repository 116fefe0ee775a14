/**
 * The 情况说明 sheet's rows, from the narrative's paragraphs: which text goes in which row of column A, and
 * which rows must be Text ("@"). Pure; the Office gateway writes what this says.
 *
 * - Text format only where Excel would otherwise change the paragraph: text starting with "=", "+", "-" or
 *   "@" becomes a formula (Range.values reference: "If the returned value starts with a plus, minus, or
 *   equal sign, Excel interprets this value as a formula"), a leading apostrophe is taken as Excel's
 *   "treat as text" prefix and disappears, and short number-, date- or TRUE-like text ("2025年3月",
 *   "12.5%", "1/2") becomes a number or a date. Every other paragraph stays General: a Text-format cell
 *   holding more than 255 characters shows only "#####" (four of the sample's paragraphs are longer).
 * - A Text row never holds more than 255 characters: such a paragraph is cut at sentence, then clause
 *   boundaries into pieces that each fit (each piece keeps its exact characters; joined they are the
 *   paragraph).
 * - No row is taller than Excel allows: a row is at most 409 points ("Excel specifications and limits");
 *   a wrapped paragraph needing more is cut off in the grid. Heights are estimated conservatively for the
 *   sheet's column width and an 11 pt font (Excel's default): a full-width character 1.1 × the font size
 *   wide, other characters 0.6 of that, one character per line lost to line breaking, lines 1.5 × the font
 *   size apart. Longer paragraphs are cut at sentence boundaries as above. A row also stays under about
 *   1,000 characters: Excel shows only about the first 1,024 characters of a cell in the grid (KB 211580).
 */

export interface NarrativeRow {
  text: string;
  /** Written with the Text number format ("@"); otherwise General. */
  literal: boolean;
  /** The paragraph (0-based) this row belongs to. */
  paragraph: number;
}

export interface LayoutOptions {
  /** Width of column A in points. */
  columnWidthPt: number;
  /** Font size in points. Default 11 (Excel's default). */
  fontPt?: number;
}

/** Excel shows "#####" for a Text-format cell longer than this. */
export const TEXT_FORMAT_MAX_CHARS = 255;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT_PT = 409;
/** About what Excel displays of a cell in the grid (KB 211580: ~1,024). */
const MAX_ROW_CHARS = 1_000;

const FORMULA_START = /^[=+\-@']/;
/** Short text made only of what numbers, dates, times, percentages, fractions and currency are made of. */
const VALUE_LIKE = /^[\s\d.,，:：/%()（）¥$€+\-eE年月日时分秒]+$|^(true|false)$/i;

/** Whether Excel would turn this text into something else unless the cell is Text. */
export function needsTextFormat(text: string): boolean {
  const t = text.trim();
  return FORMULA_START.test(text) || (t.length > 0 && t.length <= 40 && /\d|true|false/i.test(t) && VALUE_LIKE.test(t));
}

function isFullWidth(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
}

interface Capacity {
  /** Width units a line holds (a full-width character is 1). */
  perLine: number;
  maxLines: number;
}

function capacity(options: LayoutOptions): Capacity {
  const font = options.fontPt ?? 11;
  const perLine = Math.max(1, Math.floor((options.columnWidthPt - 7) / (font * 1.1)) - 1);
  const maxLines = Math.max(1, Math.floor(MAX_ROW_HEIGHT_PT / (font * 1.5)));
  return { perLine, maxLines };
}

/** Lines the text takes, wrapped at perLine units (explicit line breaks start a line). */
function lines(text: string, perLine: number): number {
  let total = 0;
  for (const line of text.split(/\r?\n/)) {
    let units = 0;
    for (const ch of line) units += isFullWidth(ch.codePointAt(0)!) ? 1 : 0.6;
    total += Math.max(1, Math.ceil(units / perLine));
  }
  return total;
}

/** The estimated height of a wrapped row holding `text`, in points (for tests and diagnostics). */
export function estimatedRowHeight(text: string, options: LayoutOptions): number {
  const font = options.fontPt ?? 11;
  return lines(text, capacity(options).perLine) * font * 1.5;
}

/** Sentences (ending after 。！？；), then clauses (after ，、：), then characters: each level keeps every character. */
const BREAKS = ['。！？；!?;', '，、：,:'];

/** The text cut after every character of `after` (no look-behind regex: older Safari webviews lack it). */
function cutAfter(text: string, after: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    current += ch;
    if (after.includes(ch)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

function pieces(text: string, fits: (s: string) => boolean, level = 0): string[] {
  if (fits(text)) return [text];
  if (level >= BREAKS.length) {
    // No boundary left: as many characters as fit.
    const out: string[] = [];
    let current = '';
    for (const ch of text) {
      if (current && !fits(current + ch)) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
    if (current) out.push(current);
    return out;
  }
  const out: string[] = [];
  let current = '';
  for (const part of cutAfter(text, BREAKS[level])) {
    if (current && fits(current + part)) {
      current += part;
      continue;
    }
    if (current) out.push(current);
    if (fits(part)) current = part;
    else {
      const smaller = pieces(part, fits, level + 1);
      current = smaller.pop() ?? '';
      out.push(...smaller);
    }
  }
  if (current) out.push(current);
  return out;
}

export function layoutNarrative(paragraphs: readonly string[], options: LayoutOptions): NarrativeRow[] {
  const { perLine, maxLines } = capacity(options);
  const fitsRow = (s: string) => s.length <= MAX_ROW_CHARS && lines(s, perLine) <= maxLines;
  const fitsText = (s: string) => fitsRow(s) && s.length <= TEXT_FORMAT_MAX_CHARS;
  const rows: NarrativeRow[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const piece of pieces(paragraph, needsTextFormat(paragraph) ? fitsText : fitsRow)) {
      // A piece of a longer paragraph can itself start like a formula: then it must be Text, and short.
      for (const part of needsTextFormat(piece) ? pieces(piece, fitsText) : [piece]) {
        rows.push({ text: part, literal: needsTextFormat(part), paragraph: index });
      }
    }
  });
  return rows;
}
