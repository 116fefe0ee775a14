/**
 * A small, strict XML pull scanner for the parts of an .xlsx the fast reader reads (no DOM, no dependency).
 *
 * Strict on purpose: the fast reader must never be more lenient than the XML parser ExcelJS uses (saxes), since a
 * document saxes rejects makes the ExcelJS path report the file as damaged. Anything this scanner does not accept
 * for sure — a DOCTYPE, CDATA, processing instructions, non-ASCII or odd names, whitespace characters inside
 * attribute values, characters XML forbids, a second root, trailing text — throws `NotForSure`, and the caller
 * reads the file with ExcelJS instead. What it accepts it decodes as saxes does: the five predefined entities and
 * character references, line ends normalised to "\n" in text, a leading byte-order mark ignored.
 */

/** The fast reader met something it does not handle for sure: read the file with ExcelJS instead. */
export class NotForSure extends Error {
  override name = 'NotForSure';
}

export function notForSure(why: string): never {
  throw new NotForSure(why);
}

/** Token kinds returned by `next()`. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const EQUALS = 61; // =
const QUOT = 34; // "
const APOS = 39; // '
const AMP = 38; // &

/** ASCII name characters: 1 = may start a name, 2 = may continue one. Other names (non-ASCII) are not for sure. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1;
  else if (/[0-9.\-]/.test(ch)) NAME[c] = 2;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Characters XML 1.0 forbids (saxes fails on each): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|\p{Cs}/u;

const DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

const ENTITY = /&([^;&]*);/g;
const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function validChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Decodes entity and character references; any other `&` is not for sure (saxes fails on it). */
function decodeEntities(raw: string): string {
  if (raw.replace(ENTITY, '').includes('&')) notForSure('bare &');
  return raw.replace(ENTITY, (_m, ref: string) => {
    const named = NAMED.get(ref);
    if (named !== undefined) return named;
    const m = /^#(?:([0-9]{1,7})|x([0-9A-Fa-f]{1,6}))$/.exec(ref);
    if (!m) notForSure(`entity &${ref};`);
    const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2], 16);
    if (!validChar(code)) notForSure(`character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

export class XmlScanner {
  /** Name of the element of the last OPEN or CLOSE token. */
  name = '';
  /** Whether the last OPEN token was `<x/>` (its CLOSE token follows). */
  selfClosing = false;
  private readonly xml: string;
  private pos = 0;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private pendingClose = false;
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];
  private attrCount = 0;
  private textStart = 0;
  private textEnd = 0;
  private decoded: string | undefined;
  private readonly hasCR: boolean;
  private nextAmp: number;

  constructor(xml: string) {
    if (FORBIDDEN.test(xml)) notForSure('character XML forbids');
    if (xml.includes(']]>')) notForSure(']]>');
    this.xml = xml;
    this.hasCR = xml.includes('\r');
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (xml.startsWith('<?', this.pos)) {
      const m = DECLARATION.exec(xml.slice(this.pos, this.pos + 200));
      if (!m) notForSure('XML declaration');
      this.pos += m[0].length;
    }
    this.nextAmp = xml.indexOf('&', this.pos);
  }

  /** Depth of the element being read (1 inside the root element). */
  get depth(): number {
    return this.stack.length;
  }

  /** The next token: OPEN, CLOSE, TEXT (inside the root element) or END. */
  next(): number {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.name = this.stack.pop()!;
      return CLOSE;
    }
    const xml = this.xml;
    for (;;) {
      const start = this.pos;
      if (start >= xml.length) {
        if (this.stack.length > 0) notForSure(`unclosed <${this.stack[this.stack.length - 1]}>`);
        if (!this.rootSeen) notForSure('no root element');
        return END;
      }
      if (xml.charCodeAt(start) !== LT) {
        let lt = xml.indexOf('<', start);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        if (this.stack.length === 0) {
          for (let i = start; i < lt; i++) if (!isSpace(xml.charCodeAt(i))) notForSure('text outside the root element');
          continue;
        }
        this.textStart = start;
        this.textEnd = lt;
        this.decoded = undefined;
        if (this.nextAmp >= 0 && this.nextAmp < start) this.nextAmp = xml.indexOf('&', start);
        // References are checked now, read or not: saxes fails on a bad one anywhere.
        if (this.nextAmp >= 0 && this.nextAmp < lt) this.decoded = this.decodeText();
        return TEXT;
      }
      const c1 = xml.charCodeAt(start + 1);
      if (c1 === SLASH) return this.closeTag(start);
      if (c1 === BANG) {
        if (!xml.startsWith('<!--', start)) notForSure('DOCTYPE or CDATA');
        const end = xml.indexOf('-->', start + 4);
        if (end < 0 || xml.slice(start + 4, end).includes('--')) notForSure('comment');
        this.pos = end + 3;
        continue;
      }
      if (c1 === QUESTION) notForSure('processing instruction');
      return this.openTag(start);
    }
  }

  /** Whether the last OPEN or CLOSE token was of element `name`. */
  is(name: string): boolean {
    return this.name === name;
  }

  /** Reads up to the root element's OPEN token, which must be `name`. */
  root(name: string): void {
    if (this.next() !== OPEN || this.name !== name) notForSure(`root element is not <${name}>`);
  }

  /** The text of the last TEXT token, decoded. */
  get text(): string {
    if (this.decoded === undefined) this.decoded = this.decodeText();
    return this.decoded;
  }

  /** An attribute of the last OPEN token, decoded; undefined when absent. */
  attr(name: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++) if (this.attrNames[i] === name) return this.attrValues[i];
    return undefined;
  }

  /**
   * The next child element of the element open at `depth` (an OPEN token; true), or false once that element has
   * closed. Text between children is passed over. Each child must be read to its end before asking for the next.
   */
  child(depth: number): boolean {
    for (;;) {
      const t = this.next();
      if (t === OPEN) {
        if (this.stack.length !== depth + 1) notForSure('child element left unread');
        return true;
      }
      if (t === CLOSE && this.stack.length < depth) return false;
    }
  }

  /** After the root element has closed: only whitespace and comments may follow. */
  end(): void {
    if (this.next() !== END) notForSure('content after the root element');
  }

  /**
   * After an OPEN token: skips the element, checking what it holds. `forbidden` names elements that must not
   * occur inside (ExcelJS would read them wherever they are).
   */
  skipElement(forbidden?: ReadonlySet<string>): void {
    const depth = this.stack.length;
    for (;;) {
      const t = this.next();
      if (t === CLOSE && this.stack.length < depth) return;
      if (t === OPEN && forbidden?.has(this.name)) notForSure(`<${this.name}> nested`);
    }
  }

  /** After an OPEN token of a text-only element: its text ("" when empty). Any child element is not for sure. */
  readText(): string {
    const depth = this.stack.length;
    let text = '';
    for (;;) {
      const t = this.next();
      if (t === TEXT) text += this.text;
      else if (t === CLOSE && this.stack.length < depth) return text;
      else notForSure(`<${this.name}> inside a text element`);
    }
  }

  private decodeText(): string {
    let raw = this.xml.slice(this.textStart, this.textEnd);
    if (this.hasCR) raw = raw.replace(/\r\n?/g, '\n');
    return raw.includes('&') ? decodeEntities(raw) : raw;
  }

  private readName(at: number): number {
    const xml = this.xml;
    const c = xml.charCodeAt(at);
    if (!(c < 128 && NAME[c] === 1)) notForSure('name');
    let p = at + 1;
    for (;;) {
      const d = xml.charCodeAt(p);
      if (d < 128 && NAME[d] !== 0) p++;
      else if (d >= 128) notForSure('non-ASCII name');
      else return p;
    }
  }

  private closeTag(start: number): number {
    const xml = this.xml;
    const end = this.readName(start + 2);
    const name = xml.slice(start + 2, end);
    let p = end;
    while (isSpace(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== GT) notForSure('close tag');
    if (this.stack.length === 0 || this.stack[this.stack.length - 1] !== name) notForSure(`</${name}> does not match`);
    this.stack.pop();
    this.pos = p + 1;
    this.name = name;
    return CLOSE;
  }

  private openTag(start: number): number {
    const xml = this.xml;
    const nameEnd = this.readName(start + 1);
    const name = xml.slice(start + 1, nameEnd);
    let p = nameEnd;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(p);
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (xml.charCodeAt(p + 1) !== GT) notForSure('/ in a tag');
        p += 2;
        selfClosing = true;
        break;
      }
      if (!isSpace(c)) notForSure('attribute');
      while (isSpace((c = xml.charCodeAt(p)))) p++;
      if (c === GT || c === SLASH) continue;
      const attrEnd = this.readName(p);
      const attrName = xml.slice(p, attrEnd);
      p = attrEnd;
      while (isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== EQUALS) notForSure('attribute without value');
      p++;
      while (isSpace(xml.charCodeAt(p))) p++;
      const q = xml.charCodeAt(p);
      if (q !== QUOT && q !== APOS) notForSure('unquoted attribute');
      const valueEnd = xml.indexOf(q === QUOT ? '"' : "'", p + 1);
      if (valueEnd < 0) notForSure('unterminated attribute');
      let amp = false;
      for (let i = p + 1; i < valueEnd; i++) {
        const d = xml.charCodeAt(i);
        if (d === LT || d === 9 || d === 10 || d === 13) notForSure('character in an attribute value');
        if (d === AMP) amp = true;
      }
      const raw = xml.slice(p + 1, valueEnd);
      for (let i = 0; i < count; i++) if (this.attrNames[i] === attrName) notForSure('duplicate attribute');
      this.attrNames[count] = attrName;
      this.attrValues[count] = amp ? decodeEntities(raw) : raw;
      count++;
      p = valueEnd + 1;
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) notForSure('second root element');
      this.rootSeen = true;
    }
    this.attrCount = count;
    this.stack.push(name);
    this.pos = p;
    this.name = name;
    this.selfClosing = selfClosing;
    this.pendingClose = selfClosing;
    return OPEN;
  }
}
