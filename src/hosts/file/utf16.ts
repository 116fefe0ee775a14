/**
 * UTF-16LE without Node's Buffer (which the page has only as a small shim): the encoding of the stream names
 * in an OLE compound file's directory, which is how an encrypted workbook is told from an old .xls.
 */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = code & 0xff;
    out[2 * i + 1] = code >> 8;
  }
  return out;
}

/** Whether `bytes` contain `needle` anywhere (Uint8Array's own indexOf looks for one byte, not a sequence). */
export function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  const first = needle[0];
  const last = bytes.length - needle.length;
  // indexOf on the first byte is native and fast; the rest is compared only where it matches.
  for (let at = bytes.indexOf(first); at >= 0 && at <= last; at = bytes.indexOf(first, at + 1)) {
    let k = 1;
    while (k < needle.length && bytes[at + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}
