/**
 * A minimal `Buffer` for the browser, installed only where there is none (never in Node).
 *
 * File-host modules written for Node use the Buffer global: read-file.ts (`Buffer.from(bytes…)` before ExcelJS)
 * and docx's `Packer.toBuffer` (via narrative-docx.ts: `Buffer.from(arrayBuffer, offset, length)`). Both only
 * need a Uint8Array view with `toString`. Recognising files (read-file.ts sniff) uses no Buffer at all: this shim
 * has no sequence `indexOf` (a Uint8Array's looks for one byte), which once made every encrypted file an “.xls”.
 * `from(string, encoding)` encodes as Node does for the encodings listed, and refuses the others rather than
 * silently giving UTF-8. ExcelJS's browser build carries its own Buffer and is unaffected.
 * Imported first by the lazy chunks (file-host.ts, docx-export.ts), so the initial bundle never has it.
 */
import { utf16le } from '../hosts/file/utf16';

type Bytes = Uint8Array & { toString(encoding?: string): string };

const DECODERS: Record<string, string> = { utf8: 'utf-8', 'utf-8': 'utf-8', utf16le: 'utf-16le', 'utf-16le': 'utf-16le', ucs2: 'utf-16le', latin1: 'latin1', binary: 'latin1', ascii: 'latin1' };

function withToString(view: Uint8Array): Bytes {
  const bytes = view as Bytes;
  Object.defineProperty(bytes, 'toString', {
    value(encoding = 'utf8') {
      const label = DECODERS[String(encoding).toLowerCase()];
      if (!label) throw new Error(`Buffer shim: unsupported encoding ${encoding}`);
      return new TextDecoder(label).decode(view);
    },
  });
  return bytes;
}

/** A string's bytes in a Node encoding: UTF-8, UTF-16LE, or one byte per character (latin1). */
function encode(text: string, encoding: string): Uint8Array {
  const label = DECODERS[encoding.toLowerCase()];
  if (label === 'utf-8') return new TextEncoder().encode(text);
  if (label === 'latin1') return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  if (label === 'utf-16le') return utf16le(text);
  throw new Error(`Buffer shim: unsupported encoding ${encoding}`);
}

export const BufferShim = {
  from(data: ArrayBufferLike | ArrayLike<number> | string, offset?: number | string, length?: number): Bytes {
    if (typeof data === 'string') return withToString(encode(data, typeof offset === 'string' ? offset : 'utf8'));
    if (data instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && data instanceof SharedArrayBuffer)) {
      const start = typeof offset === 'number' ? offset : 0;
      return withToString(new Uint8Array(data, start, length ?? data.byteLength - start));
    }
    // An array or a typed array: a copy, as Node's Buffer.from does.
    return withToString(Uint8Array.from(data as ArrayLike<number>));
  },
  isBuffer(value: unknown): boolean {
    return value instanceof Uint8Array && Object.prototype.hasOwnProperty.call(value, 'toString');
  },
  byteLength(value: string | ArrayBufferView | ArrayBuffer): number {
    return typeof value === 'string' ? new TextEncoder().encode(value).byteLength : value.byteLength;
  },
};

const g = globalThis as { Buffer?: unknown };
if (typeof g.Buffer === 'undefined') g.Buffer = BufferShim;

