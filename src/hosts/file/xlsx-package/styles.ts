/**
 * The cell formats our sheets use, added to the workbook's styles part: bold titles and headers, text that
 * wraps at the top of its cell, amounts with two decimals, links in the link colour. Only entries are appended
 * (fonts, cellXfs), so every index the user's sheets use keeps its meaning; an entry already there from an
 * earlier write is reused, so rewriting our sheets does not grow the file.
 *
 * Where the styles part cannot be extended safely (missing, or written with a namespace prefix), our sheets
 * are written unstyled (style 0): readable all the same.
 */
import { insertBeforeClose, prefixOf, tags } from './xml';

export type CellStyle = 'plain' | 'title' | 'header' | 'wrap' | 'amount' | 'link';

export type StyleIds = Record<CellStyle, number>;

export const UNSTYLED: StyleIds = { plain: 0, title: 0, header: 0, wrap: 0, amount: 0, link: 0 };

/** The children of a container element (`<fonts>` → each `<font>…</font>` or `<font/>`), as written. */
function children(xml: string, container: string, child: string): { items: string[]; start: number; end: number } | undefined {
  const open = new RegExp(`<${container}(?=[\\s>/])[^>]*>`).exec(xml);
  if (!open || open[0].endsWith('/>')) return undefined;
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${container}>`, start);
  if (end < 0) return undefined;
  const inner = xml.slice(start, end);
  const items = [...inner.matchAll(new RegExp(`<${child}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, 'g'))].map((m) => m[0]);
  return { items, start, end };
}

/** Index of `entry` among the container's children, appending it (and raising `count`) when absent. */
function ensureEntry(xml: string, container: string, child: string, entry: string): { xml: string; index: number } | undefined {
  const found = children(xml, container, child);
  if (!found) return undefined;
  const at = found.items.indexOf(entry);
  if (at >= 0) return { xml, index: at };
  const added = insertBeforeClose(xml, container, entry);
  if (!added) return undefined;
  const count = found.items.length + 1;
  const withCount = added.replace(new RegExp(`<${container}(?=[\\s>])([^>]*?)\\scount="\\d+"`), `<${container}$1 count="${count}"`);
  return { xml: withCount, index: found.items.length };
}

/** The workbook's first font with extra properties in front (a bold or link variant of the default font). */
function variantOfDefault(first: string | undefined, extra: string, dropColor = false): string {
  if (!first || first === '<font/>') return `<font>${extra}</font>`;
  const inner = first.replace(/^<font[^>]*>/, '').replace(/<\/font>$/, '').replace(/<b\/>|<b\s[^>]*\/>/g, '');
  return `<font>${extra}${dropColor ? inner.replace(/<color\b[^>]*\/>/g, '') : inner}</font>`;
}

/** Adds what is missing; returns the new styles part and the ids, or undefined to write unstyled. */
export function ensureStyles(stylesXml: string | undefined): { xml: string; ids: StyleIds } | undefined {
  if (!stylesXml || prefixOf(stylesXml, 'styleSheet') !== '') return undefined;
  const fonts = children(stylesXml, 'fonts', 'font');
  if (!fonts || !tags(stylesXml, 'cellXfs').length) return undefined;
  let xml = stylesXml;
  const font = (entry: string): number | undefined => {
    const r = ensureEntry(xml, 'fonts', 'font', entry);
    if (r) xml = r.xml;
    return r?.index;
  };
  const bold = font(variantOfDefault(fonts.items[0], '<b/>'));
  const link = font(variantOfDefault(fonts.items[0], '<u/><color rgb="FF0563C1"/>', true));
  if (bold === undefined || link === undefined) return undefined;
  const xf = (fontId: number, numFmtId: number, alignment: string): number | undefined => {
    const entry = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''} applyAlignment="1"><alignment ${alignment}/></xf>`;
    const r = ensureEntry(xml, 'cellXfs', 'xf', entry);
    if (r) xml = r.xml;
    return r?.index;
  };
  const ids = {
    plain: xf(0, 0, 'vertical="top"'),
    title: xf(bold, 0, 'vertical="top"'),
    header: xf(bold, 0, 'vertical="top" wrapText="1"'),
    wrap: xf(0, 0, 'vertical="top" wrapText="1"'),
    // 4: the built-in “#,##0.00”.
    amount: xf(0, 4, 'vertical="top"'),
    link: xf(link, 0, 'vertical="top" wrapText="1"'),
  };
  if (Object.values(ids).some((v) => v === undefined)) return undefined;
  return { xml, ids: ids as StyleIds };
}
