import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { main } from '../../src/cli/main';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { documentLines } from '../../src/core/narrative/document';
import { reviewSnapshot, ReviewFindingSchema } from '../../src/core/review';
import { narrativeToDocx } from '../../src/hosts/file/narrative-docx';
import { docxText, narrativeFromBytes } from '../../src/hosts/file/narrative-text';
import { decodeText } from '../../src/core/util/decode-text';
import { SEED } from '../helpers';
import { appendSheet, PUBLISHED, sampleWithSupplement, seedSnapshot } from '../narrative/support';
import { describe, errors, squash } from './support';

const FIXTURES = join(__dirname, '..', 'fixtures');
const NARRATIVE_TXT = join(FIXTURES, 'seed-2024-narrative.txt');
const WITH_NOTES = join(FIXTURES, 'seed-2024-with-notes.xlsx');

test('reviewSnapshot reads the 情况说明 sheet (one paragraph per row, column A) and names each paragraph’s cell', async () => {
  const base = await sampleWithSupplement();
  const lines = PUBLISHED.split('\n');
  const snapshot = appendSheet(base, '情况说明', lines.map((l) => [l === '' ? null : l]));
  const fromSheet = reviewSnapshot(snapshot);
  const fromText = reviewSnapshot(base, PUBLISHED);
  assert.equal(fromSheet.length, fromText.length);
  assert.deepEqual(
    fromSheet.map((f) => [f.rule, f.severity, f.quote, f.paragraph, f.offset]),
    fromText.map((f) => [f.rule, f.severity, f.quote, f.paragraph, f.offset]),
  );
  const label = fromSheet.find((f) => f.rule === 'review-subject-label')!;
  assert.equal(label.textCell, `情况说明!A${label.paragraph + 1}`);
  assert.ok(lines[label.paragraph].includes(label.quote));
  // No sheet and no text: one warning, nothing to review (and nothing checked).
  const none = reviewSnapshot(await seedSnapshot());
  assert.deepEqual(none.map((f) => [f.rule, f.severity]), [['review-nothing-checked', 'warning']]);
  for (const f of [...fromSheet, ...none]) ReviewFindingSchema.parse(f);
});

test('.docx: the generated Word file reads back one line per paragraph and reviews without error', async () => {
  const snapshot = await sampleWithSupplement();
  const result = narrateSnapshot(snapshot);
  const bytes = await narrativeToDocx(result.document);
  const text = await docxText(bytes);
  assert.deepEqual(text.split('\n'), [result.document.title, ...documentLines(result.document).map((l) => l.text)]);
  const findings = reviewSnapshot(snapshot, text);
  assert.deepEqual(errors(findings), [], describe(errors(findings)));
});

test('.docx and .txt of the published narrative give the same findings; text encodings are decoded', async () => {
  const lines = PUBLISHED.split('\n');
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ text: l })) }] });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const read = await narrativeFromBytes(bytes, '情况说明.docx');
  assert.ok(read.ok);
  if (!read.ok) return;
  assert.equal(read.text.replace(/\n+$/, ''), PUBLISHED.replace(/\n+$/, ''));
  const snapshot = await sampleWithSupplement();
  const a = reviewSnapshot(snapshot, read.text).map((f) => `${f.rule}|${f.quote}|${f.paragraph}|${f.offset}`);
  const b = reviewSnapshot(snapshot, PUBLISHED).map((f) => `${f.rule}|${f.quote}|${f.paragraph}|${f.offset}`);
  assert.deepEqual(a, b);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、收入\r\n519.63 万元', 'utf16le')]);
  assert.equal(decodeText(utf16), '一、收入\n519.63 万元');
  assert.equal(decodeText(Buffer.from('\ufeff一、收入\r\n', 'utf8')), '一、收入\n');
  const pdf = await narrativeFromBytes(Buffer.from('%PDF-1.4'), 'x.pdf');
  assert.equal(pdf.ok, false);
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

test('CLI: check FILE --narrative TEXT adds the review findings, each with its quote, to that file’s report', async () => {
  const { code, out } = await run(['check', WITH_NOTES, '--narrative', NARRATIVE_TXT, '--json']);
  assert.equal(code, 1);
  const report = JSON.parse(out);
  const review = report.findings.filter((f: { rule: string }) => f.rule.startsWith('review-'));
  assert.ok(review.length >= 20, `${review.length} review findings`);
  for (const f of review) ReviewFindingSchema.parse(f);
  assert.ok(review.some((f: { rule: string; quote: string }) => f.rule === 'review-direction' && squash(f.quote) === '增加减少0.79万元'));
  assert.equal(report.summary.error, report.findings.filter((f: { severity: string }) => f.severity === 'error').length);
  // The text report shows the quote and its position.
  const text = await run(['check', WITH_NOTES, '--narrative', NARRATIVE_TXT]);
  assert.match(text.out, /原文：“增加减少 0\.79 万元”（情况说明第 \d+ 行第 \d+ 字）/);
  // A .docx narrative works the same way.
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-review-'));
  const docx = join(dir, '情况说明.docx');
  const snapshot = await sampleWithSupplement();
  writeFileSync(docx, await narrativeToDocx(narrateSnapshot(snapshot).document));
  const fromDocx = await run(['check', WITH_NOTES, '--narrative', docx, '--json']);
  const generated = JSON.parse(fromDocx.out).findings.filter((f: { rule: string; severity: string }) => f.rule.startsWith('review-') && f.severity === 'error');
  assert.deepEqual(generated, []);
});

test('CLI: --narrative with several workbooks is refused (exit 2); an unreadable narrative exits 1', async () => {
  const two = await run(['check', SEED, WITH_NOTES, '--narrative', NARRATIVE_TXT]);
  assert.equal(two.code, 2);
  assert.match(two.err, /只能与一个工作簿一起使用/);
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-review-'));
  copyFileSync(SEED, join(dir, 'a.xlsx'));
  copyFileSync(SEED, join(dir, 'b.xlsx'));
  const folder = await run(['check', dir, '--narrative', NARRATIVE_TXT]);
  assert.equal(folder.code, 2);
  assert.match(folder.err, /2 个 \.xlsx 文件/);
  assert.equal((await run(['check', SEED, '--narrative'])).code, 2);
  const missing = await run(['check', SEED, '--narrative', join(dir, 'none.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /文件不存在/);
  assert.ok(readFileSync(NARRATIVE_TXT).length > 0);
});
