/**
 * An existing 情况说明 chosen in the reviewer panel, read in the page (nothing is uploaded): .txt (UTF-8, or
 * UTF-16 with a BOM) at once, .docx through the lazily loaded ./docx-text chunk (jszip). .doc, .wps and .pdf
 * are refused with the same advice as the CLI (src/hosts/file/narrative-text.ts).
 */
import { S } from './strings';
import { errorText } from '../core/util/error-text';

export type NarrativeFileResult = { ok: true; text: string } | { ok: false; message: string };

type DocxText = typeof import('./docx-text');

const MAX_BYTES = 20 * 1024 * 1024;
let docxText: Promise<DocxText> | undefined;

function loadDocxText(): Promise<DocxText> {
  docxText ??= import(/* webpackChunkName: "docx-text" */ './docx-text.js').catch((error: unknown) => {
    docxText = undefined;
    throw error;
  });
  return docxText;
}

/** UTF-8 (BOM optional) or UTF-16 LE/BE with a BOM; line breaks as "\n". */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

function extension(name: string): string {
  const m = /\.[^.]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

export async function readNarrativeFile(file: File): Promise<NarrativeFileResult> {
  if (file.size > MAX_BYTES) return { ok: false, message: S.review.fileTooLarge(file.name) };
  const ext = extension(file.name);
  if (ext === '.doc' || ext === '.pdf' || ext === '.wps') return { ok: false, message: S.review.fileRefused(file.name, ext) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.docx' || (isZip && ext !== '.txt')) {
    try {
      const { docxText: read } = await loadDocxText();
      return { ok: true, text: await read(bytes) };
    } catch (error) {
      return { ok: false, message: S.review.docxFailed(file.name, errorText(error)) };
    }
  }
  return { ok: true, text: decodeText(bytes) };
}
