/**
 * The narrative as given, and a normalised view of it for matching.
 *
 * `clean` drops every whitespace character (PDF extractions put spaces around numbers and break sentences over
 * lines: “完成\n\n年初预算的 98.79%”) and maps look-alike characters to one form (half-width brackets and
 * colons to full-width, full-width digits and ％ to ASCII, a comma between digits stays a thousands separator).
 * Every clean character keeps the index of the original character it came from, so a match on the clean text
 * gives back the exact original quote and its line/offset.
 */
export interface Span {
  /** Clean-text index of the first character. */
  start: number;
  /** Clean-text index after the last character. */
  end: number;
}

export interface Position {
  /** 0-based line index of the original text. */
  paragraph: number;
  /** Offset within that line. */
  offset: number;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

export class NarrativeText {
  readonly clean: string;
  /** clean index → original index. */
  private readonly map: number[];
  /** Original index of the start of each line. */
  readonly lineStarts: number[];
  /** Line (paragraph) of each clean character. */
  private readonly lineOfClean: number[];

  constructor(readonly original: string) {
    this.lineStarts = [0];
    for (let i = 0; i < original.length; i++) if (original[i] === '\n') this.lineStarts.push(i + 1);
    const chars: string[] = [];
    const map: number[] = [];
    const lines: number[] = [];
    let line = 0;
    for (let i = 0; i < original.length; i++) {
      const c = original[i];
      if (c === '\n') {
        line++;
        continue;
      }
      if (WHITESPACE.test(c)) continue;
      chars.push(normalizeChar(original, i));
      map.push(i);
      lines.push(line);
    }
    this.clean = chars.join('');
    this.map = map;
    this.lineOfClean = lines;
  }

  /** The original text of a clean span (whitespace inside it included). */
  quote(span: Span): string {
    if (span.end <= span.start) return '';
    return this.original.slice(this.map[span.start], this.map[span.end - 1] + 1);
  }

  /** Line and offset of a clean index (the end of the text maps to the last line's end). */
  position(cleanIndex: number): Position {
    if (this.map.length === 0) return { paragraph: 0, offset: 0 };
    const i = Math.min(Math.max(cleanIndex, 0), this.map.length - 1);
    const original = this.map[i];
    const paragraph = this.lineOfClean[i];
    return { paragraph, offset: original - this.lineStarts[paragraph] };
  }

  /** The line of a clean index. */
  lineOf(cleanIndex: number): number {
    return this.position(cleanIndex).paragraph;
  }

  /** First clean index at or after the start of an original line (clean length when none). */
  cleanIndexOfLine(line: number): number {
    let lo = 0;
    let hi = this.lineOfClean.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lineOfClean[mid] < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when the clean character at `i` is the first one of its line. */
  startsLine(i: number): boolean {
    return i === 0 || (i < this.lineOfClean.length && this.lineOfClean[i - 1] !== this.lineOfClean[i]);
  }

  /** Absolute original offset of a position (for tests and hosts that hold the text as one string). */
  absolute(p: Position): number {
    return (this.lineStarts[p.paragraph] ?? this.original.length) + p.offset;
  }
}

function normalizeChar(text: string, i: number): string {
  const c = text[i];
  switch (c) {
    case '(':
      return '（';
    case ')':
      return '）';
    case ':':
      return '：';
    case ';':
      return '；';
    case '％':
      return '%';
    case '．':
      return '.';
    case '，':
      return '，';
    case ',':
      // A thousands separator: a digit before, exactly three after.
      return isDigit(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5)) ? ',' : '，';
    case '"':
    case '〝':
    case '〞':
      return c;
    default:
      break;
  }
  const code = c.charCodeAt(0);
  // Full-width digits and Latin letters.
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
    return String.fromCharCode(code - 0xfee0);
  return c;
}

function isDigit(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
}
