// Catalogue: files that are not readable workbooks. Each is checked by the CLI together with the sample: the bad
// file gets one clear error, the sample is still checked, nothing prints a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Report } from '../../src/core/report';
import { encryptedXlsx, oldXls } from './cfb';
import { assertNoStack, cli, entry, expectEntry, SEED, TMP } from './support';

/** `juesuan check BAD SEED --json`: two reports, the bad one with the catalogue's message, the sample read. */
async function checkWithSample(id: string, name: string, bytes: Uint8Array): Promise<Report> {
  const path = join(TMP, name);
  writeFileSync(path, bytes);
  const run = await cli(['check', path, SEED, '--json']);
  assertNoStack(run.out, run.err);
  assert.equal(run.code, 1);
  const [bad, sample] = JSON.parse(run.out) as Report[];
  assert.equal(bad.file, path);
  assert.deepEqual(bad.summary, { error: 1, warning: 0, info: 0, explained: 0 });
  assert.deepEqual(bad.tables, []);
  expectEntry(bad, id);
  assert.equal(sample.tables.length, 9, 'the next file is still checked');
  // The text report says the same in Chinese.
  const text = await cli(['check', path]);
  assert.match(text.out, new RegExp(entry(id).message!.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return bad;
}

test('empty file', async () => {
  await checkWithSample('empty-file', 'empty.xlsx', new Uint8Array());
});

test('not an xlsx: a text file, a web page, a PDF, a zip that is not a workbook', async () => {
  await checkWithSample('not-xlsx', 'notes.xlsx', Buffer.from('部门决算说明\r\n这不是工作簿。'));
  await checkWithSample('web-page', 'export.xlsx', Buffer.from('\ufeff<html><body><table><tr><td>收入决算表</td></tr></table></body></html>'));
  await checkWithSample('pdf', 'scan.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'));
  const docx = new JSZip();
  docx.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  docx.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  await checkWithSample('zip-not-workbook', 'report.xlsx', await docx.generateAsync({ type: 'uint8array' }));
});

test('truncated: cut at any point, the same message; the zip library words go to `actual`', async () => {
  const seed = readFileSync(SEED);
  const bad = await checkWithSample('truncated', 'truncated.xlsx', seed.subarray(0, Math.floor(seed.length / 2)));
  assert.match(bad.findings[0].actual ?? '', /zip|central directory/i);
  for (const fraction of [0.01, 0.3, 0.9, 0.999]) {
    const path = join(TMP, 'truncated.xlsx');
    writeFileSync(path, seed.subarray(0, Math.floor(seed.length * fraction)));
    const run = await cli(['check', path, '--json']);
    assert.equal(JSON.parse(run.out).findings[0].message, entry('truncated').message, `cut at ${fraction}`);
  }
});

test('password-protected: a real compound file with EncryptionInfo and EncryptedPackage streams', async () => {
  const bytes = encryptedXlsx();
  // The stream names are in the directory sector, as UTF-16: what the reader looks for.
  assert.ok(bytes.indexOf(Buffer.from('EncryptionInfo', 'utf16le')) > 512);
  await checkWithSample('encrypted', 'secret.xlsx', bytes);
  // A large encrypted file keeps its directory after the package: the name is found wherever it is.
  const moved = Buffer.concat([bytes.subarray(0, 8), Buffer.alloc(3 << 20), Buffer.from('EncryptedPackage', 'utf16le')]);
  await checkWithSample('encrypted', 'secret.xlsx', moved);
});

test('.xls (Excel 97-2003): named .xls, found in a folder, told to save as .xlsx', async () => {
  await checkWithSample('old-xls', 'old.xls', oldXls());
  const dir = join(TMP, 'xls-folder');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'old.xls'), oldXls());
  writeFileSync(join(dir, 'seed.xlsx'), readFileSync(SEED));
  const run = await cli(['check', dir, '--json']);
  const reports = JSON.parse(run.out) as Report[];
  assert.equal(reports.length, 2);
  assert.equal(reports.find((r) => r.file.endsWith('old.xls'))?.findings[0].message, entry('old-xls').message);
  assertNoStack(run.out, run.err);
});
