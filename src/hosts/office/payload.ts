/**
 * The size of what crosses between the add-in and Excel. "Excel on the web has a payload size limit for
 * requests and responses of 5MB" (learn.microsoft.com: concepts/resource-limits-and-performance-optimization;
 * excel/performance, "Payload size limit best practices"); desktop has no such cap ("online only",
 * office-js-docs-pr PR #1423). The payload is JSON, so text counts in UTF-8 bytes: a Chinese character is 3.
 */

/** The web's cap, taken as 5,000,000 bytes (the docs do not say 10^6 or 2^20: the smaller). */
export const WEB_PAYLOAD_BYTES = 5_000_000;

export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** About the JSON size of one cell's value or number format (quotes and separator included). */
function cellBytes(v: unknown): number {
  if (typeof v === 'string') return utf8Bytes(v) + 3;
  if (typeof v === 'number') return String(v).length + 1;
  return 6;
}

/** About the JSON size of a block of values and number formats as read (what the response carried). */
export function gridBytes(...grids: ReadonlyArray<ReadonlyArray<ReadonlyArray<unknown>>>): number {
  let n = 0;
  for (const grid of grids) for (const row of grid) for (const v of row) n += cellBytes(v);
  return n;
}
