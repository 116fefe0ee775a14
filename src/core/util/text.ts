/**
 * Label normalisation for matching Chinese table text written by different software and by hand:
 * full-width ASCII and spaces (NFKC), line breaks inside labels ("公务用车购 置费"), curly quotes.
 */
const labelCache = new Map<string, string>();

export function normalizeLabel(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number's text has nothing to normalise (ASCII digits, ".", "-", "e+").
  if (typeof value === 'number') return String(value);
  const text = String(value);
  const cached = labelCache.get(text);
  if (cached !== undefined) return cached;
  // Labels repeat across sheets and workbooks (a reviewer checks eighty of the same layout).
  if (labelCache.size > 50000) labelCache.clear();
  const label = normalizeUncached(text);
  labelCache.set(text, label);
  return label;
}

function normalizeUncached(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}

/** Strips list numbering: "一、", "（一）", "1.", "1、", "(1)". */
export function stripNumbering(label: string): string {
  return label
    .replace(/^(\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.．])/, '')
    .replace(/^(\(\d{1,2}\)|\d{1,2}[、．]|\d{1,2}\.(?!\d))/, '');
}

