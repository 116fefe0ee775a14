/**
 * A plain-text 情况说明 as bytes → text: UTF-8 (BOM optional) or UTF-16 LE/BE with a BOM; line breaks as "\n".
 * Shared by the CLI (src/hosts/file/narrative-text.ts) and the page (src/taskpane/narrative-file.ts), so that
 * the same file reads the same way in both.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}
