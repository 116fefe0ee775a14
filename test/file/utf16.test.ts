// Recognising files without Node's Buffer: the page has only a small shim (src/taskpane/buffer-shim.ts), whose
// missing utf16le encoding and sequence indexOf once made every password-protected file an “旧版 .xls”.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsBytes, utf16le } from '../../src/hosts/file/utf16';
import { BufferShim } from '../../src/taskpane/buffer-shim';
import { ENCRYPTED, OLD_XLS, snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { encryptedXlsx, oldXls } from '../bad-input/cfb';

test('utf16le and containsBytes agree with Node’s Buffer', () => {
  for (const name of ['EncryptionInfo', 'EncryptedPackage', 'WordDocument', 'Workbook', '说明']) {
    assert.deepEqual(Buffer.from(utf16le(name)), Buffer.from(name, 'utf16le'), name);
  }
  const bytes = encryptedXlsx();
  assert.equal(containsBytes(bytes, utf16le('EncryptionInfo')), bytes.indexOf(Buffer.from('EncryptionInfo', 'utf16le')) >= 0);
  assert.ok(containsBytes(bytes, utf16le('EncryptedPackage')));
  assert.ok(!containsBytes(oldXls(), utf16le('EncryptedPackage')));
  // A prefix of the needle at the very end is no match; a match at the very end is one.
  assert.ok(!containsBytes(Uint8Array.from([1, 69, 0, 110]), utf16le('En!')));
  assert.ok(containsBytes(Uint8Array.from([1, 69, 0, 110, 0]), utf16le('En')));
});

test('the page’s Buffer shim encodes strings as Node does (utf16le, latin1, utf8) and refuses what it cannot', () => {
  for (const encoding of ['utf16le', 'ucs2', 'latin1', 'utf8'] as const) {
    assert.deepEqual(Buffer.from(BufferShim.from('EncryptionInfo é', encoding)), Buffer.from('EncryptionInfo é', encoding), encoding);
  }
  assert.equal(BufferShim.from(Buffer.from('部门决算', 'utf16le')).toString('utf16le'), '部门决算');
  assert.throws(() => BufferShim.from('x', 'base64'), /unsupported encoding/);
});

test('sniffing works without any Buffer (as in the page before the shim is installed)', async (t) => {
  const saved = globalThis.Buffer;
  const [secret, xls] = [new Uint8Array(encryptedXlsx()), new Uint8Array(oldXls())];
  // Only the recognition: read-file reaches Buffer only to hand a readable zip to ExcelJS.
  (globalThis as { Buffer?: unknown }).Buffer = undefined;
  try {
    const encrypted = await snapshotFromXlsx(secret, 'secret.xlsx');
    const old = await snapshotFromXlsx(xls, 'old.xls');
    (globalThis as { Buffer?: unknown }).Buffer = saved;
    assert.ok(!encrypted.ok && encrypted.finding.message.includes(ENCRYPTED));
    assert.ok(!old.ok && old.finding.message.includes(OLD_XLS));
  } finally {
    (globalThis as { Buffer?: unknown }).Buffer = saved;
    t.diagnostic('Buffer restored');
  }
});
