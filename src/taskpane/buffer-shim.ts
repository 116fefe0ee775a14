/**
 * A minimal `Buffer` for the browser, installed only where there is none (never in Node).
 *
 * Two file-host modules written for Node use the Buffer global: read-file.ts (`Buffer.from(bytes…)` before
 * ExcelJS and `.toString('utf8' | 'utf16le')` to recognise .xls/.html/.pdf files) and docx's
 * `Packer.toBuffer` (via narrative-docx.ts: `Buffer.from(arrayBuffer, offset, length)`). Both only need a
 * Uint8Array view with `toString`. ExcelJS's browser build carries its own Buffer and is unaffected.
 * Imported first by the lazy chunks (file-host.ts, docx-export.ts), so the initial bundle never has it.
 */
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

const BufferShim = {
  from(data: ArrayBufferLike | ArrayLike<number> | string, offset?: number, length?: number): Bytes {
    if (typeof data === 'string') return withToString(new TextEncoder().encode(data));
    if (data instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && data instanceof SharedArrayBuffer)) {
      const start = offset ?? 0;
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

export {};
