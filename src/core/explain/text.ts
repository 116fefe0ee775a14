/**
 * A message as a sentence on our sheets: ended with “。” when it has no closing punctuation. Besides reading
 * better, a cell holding “。” is never taken for a table title by the reader (src/core/read/title.ts rejects
 * sentences), so a message naming “…支出决算表” cannot look like one.
 */
export function sentence(text: string): string {
  const t = text.trim();
  return !t || /[。！？!?；;]$/.test(t) ? t : `${t}。`;
}
