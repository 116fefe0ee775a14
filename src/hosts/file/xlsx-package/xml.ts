/**
 * The little XML the package editor needs: escaping text we write, and reading the attributes of the few
 * elements it looks at (sheet entries, relationships). The parts it edits are written by spreadsheet
 * programs, one element per tag; nothing here is a general XML parser, and nothing else is touched.
 */

/** Characters XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return; U+FFFE/U+FFFF). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The attributes of one start tag (`<sheet name="…" r:id="…"/>`), names as written (prefix included), values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Every start or empty tag of an element (any namespace prefix), e.g. every `<sheet …/>` in workbook.xml. */
export function tags(xml: string, local: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => m[0]);
}

/** The namespace prefix (with its colon, or "") of an element's first start tag, e.g. "x:" for `<x:sheets>`. */
export function prefixOf(xml: string, local: string): string | undefined {
  const m = new RegExp(`<([\\w.-]+:)?${local}(?=[\\s/>])`).exec(xml);
  return m ? (m[1] ?? '') : undefined;
}

/** The prefix bound to a namespace URI in a part (`xmlns:r="…"` → "r"), if any. */
export function prefixFor(xml: string, uri: string): string | undefined {
  for (const m of xml.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) if (m[2] === uri) return m[1];
  return undefined;
}

/** `xml` with `insert` placed just before the closing tag of `local` (any prefix); undefined when there is none. */
export function insertBeforeClose(xml: string, local: string, insert: string): string | undefined {
  const m = new RegExp(`</(?:[\\w.-]+:)?${local}\\s*>`).exec(xml);
  if (!m) return undefined;
  return xml.slice(0, m.index) + insert + xml.slice(m.index);
}
