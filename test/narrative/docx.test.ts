import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { narrativeToDocx } from '../../src/hosts/file/narrative-docx';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { sampleWithSupplement, seedSnapshot } from './support';

/** (d) The .docx is a valid zip (checked by reading its central directory here, no zip library) with the text. */

function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  assert.ok(eocd >= 0, 'no end-of-central-directory record: not a zip');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < entries; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

test('the narrative .docx is a valid zip whose word/document.xml has the headings and the sentences', async () => {
  const { document } = narrateSnapshot(await sampleWithSupplement());
  const bytes = await narrativeToDocx(document);
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(bytes[0], 0x50);
  assert.equal(bytes[1], 0x4b);
  const files = unzip(bytes);
  for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) assert.ok(files.has(part), part);
  const xml = files.get('word/document.xml')!.toString('utf8');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const heading of ['第三部分 部门决算情况说明', '一、收入支出决算总体情况说明', '（三）一般公共预算财政拨款支出决算具体情况', '十三、关于2024年度预算绩效情况的说明', '第四部分 名词解释'])
    assert.ok(text.includes(heading), heading);
  assert.ok(text.includes('2024年度收、支总计519.63万元。与上年相比，减少6.73万元，下降1.28%'));
  assert.ok(text.includes('3、社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）。'));
  // Headings use Word's built-in heading styles; body paragraphs are separate <w:p>.
  assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
  assert.match(xml, /<w:pStyle w:val="Heading2"\/>/);
  assert.match(xml, /<w:pStyle w:val="Heading3"\/>/);
  const paragraphs = (xml.match(/<w:p>|<w:p /g) ?? []).length;
  const lines = 1 + document.parts.reduce((n, p) => n + 1 + (p.subtitle ? 1 : 0) + p.paragraphs.length, 0);
  assert.ok(paragraphs >= lines, `${paragraphs} paragraphs`);
});

test('placeholders are highlighted in the .docx', async () => {
  const { document } = narrateSnapshot(await seedSnapshot());
  const xml = unzip(await narrativeToDocx(document)).get('word/document.xml')!.toString('utf8');
  assert.match(xml, /<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*【请填写：上年收入支出总计】/s);
});
