/** Saves bytes or text as a file the browser downloads: a Blob URL on an <a download>, nothing leaves the page. */
import { h } from './dom';

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain;charset=utf-8',
} as const;

export function download(name: string, content: Uint8Array | string, mime: string): void {
  // A BOM so that Notepad and WPS on older Windows open UTF-8 text as Chinese, not as mojibake.
  const part: BlobPart = typeof content === 'string' ? `\ufeff${content}` : (content as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = h('a', { attrs: { href: url, download: name }, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
