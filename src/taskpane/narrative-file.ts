/**
 * An existing 情况说明 chosen in the reviewer panel, read in the page (nothing is uploaded): .txt (UTF-8, or
 * UTF-16 with a BOM) at once, .docx through the lazily loaded ./docx-text chunk (jszip). .doc, .wps and .pdf
 * are refused with the same advice as the CLI (src/hosts/file/narrative-text.ts).
 */
import { decodeText } from '../core/util/decode-text';
import { lazyChunk } from './lazy-chunk';
import { S } from './strings';
import { errorText } from '../core/util/error-text';

export type NarrativeFileResult = { ok: true; text: string } | { ok: false; message: string };

type DocxText = typeof import('./docx-text');

const MAX_BYTES = 20 * 1024 * 1024;
const loadDocxText = lazyChunk<DocxText>(() => import(/* webpackChunkName: "docx-text" */ './docx-text.js'));

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
