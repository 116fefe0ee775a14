// The 情况说明 sheet: Text format ("@") only for rows that would otherwise become formulas or numbers, and
// then never over 255 characters (a longer Text cell shows "#####"); long paragraphs wrapped in General
// rows, cut at sentence boundaries so that no row needs more than Excel's 409 points at the column's width
// (checked with the fake's own layout model, not the add-in's estimate); joined, the rows are the paragraphs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrateSnapshot } from '../../src/core/narrative';
import { OfficeHost } from '../../src/hosts/office';
import { MAX_ROW_HEIGHT_PT, TEXT_FORMAT_MAX_CHARS, estimatedRowHeight, layoutNarrative, needsTextFormat } from '../../src/hosts/narrative-layout';
import { type FakeSheet, MAX_ROW_HEIGHT, wrappedTextHeight } from '../fakes/excel';
import { fakeFrom, seedSnapshot, seedXlsx, withFake } from './support';

const WIDTH = 460;

/** Column A of the sheet as written: text, number format and the height the text needs there. */
function rowsOf(sheet: FakeSheet) {
  const out: Array<{ text: string; format: string | undefined; needed: number; height: number | undefined }> = [];
  for (let r = 0; sheet.cell(r, 0)?.value !== undefined; r++) {
    const cell = sheet.cell(r, 0)!;
    const text = String(cell.value);
    out.push({ text, format: cell.numberFormat, needed: wrappedTextHeight(text, sheet.columnWidths.get(0) ?? 48), height: sheet.rowHeights.get(r) });
  }
  return out;
}

/** The sample's narrative in both orders: its longest paragraphs (406, 348, 292 … characters). */
async function sampleParagraphs(): Promise<string[]> {
  const seed = await seedSnapshot();
  return (['hunan', 'shanghai'] as const).flatMap((format) => narrateSnapshot(seed, { format }).paragraphs.map((p) => p.text));
}

test('which text must be Text: formula starts, a leading apostrophe, short number/date/boolean text; nothing else', () => {
  for (const t of ['=1+1', '+86 0731', '-5%的降幅', '@全体', "'十四五'规划", '2025年3月', '12.5%', '1/2', '1,234.56', '¥100', 'TRUE', '(3.00)', '2025-03-31']) {
    assert.ok(needsTextFormat(t), t);
  }
  for (const t of ['一、部门基本情况', '本年度收入合计519.63万元。', '', '第三部分 2024年度部门决算情况说明', 'A1']) assert.ok(!needsTextFormat(t), t);
});

test('the sample\'s narrative: the paragraphs over 255 characters are General and whole, every row fits in 409 points', async () => {
  const paragraphs = await sampleParagraphs();
  const long = paragraphs.filter((p) => p.length > TEXT_FORMAT_MAX_CHARS);
  assert.ok(long.length >= 4, `the sample has ${long.length} paragraphs over 255 characters`);
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx');
  await withFake(doc, async () => {
    const written = await new OfficeHost().writeNarrativeSheet(paragraphs);
    assert.ok(written.ok && written.value.written, written.ok ? '' : written.error.detail);
    assert.equal(written.value.rows, paragraphs.length, 'none of the sample\'s paragraphs needs more than one row');
    assert.equal(written.value.split, 0);
  });
  const rows = rowsOf(doc.sheet('情况说明'));
  assert.deepEqual(rows.map((r) => r.text), paragraphs);
  for (const row of rows) {
    assert.notEqual(row.format, '@', `no Text format on a paragraph that needs none: ${row.text.slice(0, 20)}`);
    assert.ok(row.needed <= MAX_ROW_HEIGHT, `${row.needed} pt: ${row.text.slice(0, 20)}`);
    assert.equal(row.height, Math.max(row.needed, 14.25), 'auto-fitted at the final column width');
  }
  assert.equal(doc.sheet('情况说明').columnWidths.get(0), WIDTH);
});

test('a paragraph too tall for one row (the sample\'s longest, six times over) is cut at sentence ends into rows that each fit; joined they are the paragraph', async () => {
  const paragraphs = await sampleParagraphs();
  const longest = [...paragraphs].sort((a, b) => b.length - a.length)[0];
  const huge = Array.from({ length: 6 }, () => longest).join('');
  assert.ok(wrappedTextHeight(huge, WIDTH) > MAX_ROW_HEIGHT, 'in one row this would be cut off');
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx');
  await withFake(doc, async () => {
    const written = await new OfficeHost().writeNarrativeSheet(['一、标题', huge, '二、下一节']);
    assert.ok(written.ok && written.value.written);
    assert.equal(written.value.paragraphs, 3);
    assert.equal(written.value.split, 1);
    assert.ok(written.value.rows >= 4);
  });
  const rows = rowsOf(doc.sheet('情况说明'));
  assert.equal(rows[0].text, '一、标题');
  assert.equal(rows[rows.length - 1].text, '二、下一节');
  const middle = rows.slice(1, -1);
  assert.equal(middle.map((r) => r.text).join(''), huge, 'not a character lost, added or moved');
  for (const row of middle) {
    assert.ok(row.needed <= MAX_ROW_HEIGHT, `${row.needed} pt`);
    assert.ok(/[。；]$/.test(row.text), `cut after a sentence: …${row.text.slice(-8)}`);
    assert.equal(row.format, undefined);
  }
});

test('a long paragraph that would become a formula: Text rows of at most 255 characters, none a formula; joined they are the paragraph', async () => {
  const paragraphs = await sampleParagraphs();
  const text = `-${[...paragraphs].sort((a, b) => b.length - a.length)[1]}`;
  assert.ok(text.length > TEXT_FORMAT_MAX_CHARS);
  const doc = await fakeFrom(await seedXlsx(), 'seed-2024.xlsx');
  await withFake(doc, async () => {
    const written = await new OfficeHost().writeNarrativeSheet([text, '2025年3月31日']);
    assert.ok(written.ok && written.value.written);
  });
  const sheet = doc.sheet('情况说明');
  const rows = rowsOf(sheet);
  const date = rows.pop()!;
  assert.deepEqual([date.text, date.format], ['2025年3月31日', '@'], 'a date-like line stays text');
  assert.ok(rows.length >= 2);
  assert.equal(rows.map((r) => r.text).join(''), text);
  for (const [r, row] of rows.entries()) {
    assert.ok(row.text.length <= TEXT_FORMAT_MAX_CHARS, `row ${r + 1}: ${row.text.length} characters`);
    assert.equal(sheet.cell(r, 0)?.formula, undefined);
    if (/^[=+\-@]/.test(row.text)) assert.equal(row.format, '@');
  }
  assert.equal(rows[0].format, '@');
});

test('layout: the add-in\'s estimate is more cautious than the fake\'s model, and no row it plans exceeds 409 points even at a narrow column', async () => {
  const paragraphs = await sampleParagraphs();
  for (const width of [460, 200, 120]) {
    const rows = layoutNarrative([...paragraphs, paragraphs.join('')], { columnWidthPt: width });
    for (const row of rows) {
      assert.ok(estimatedRowHeight(row.text, { columnWidthPt: width }) <= MAX_ROW_HEIGHT_PT);
      assert.ok(wrappedTextHeight(row.text, width) <= MAX_ROW_HEIGHT, `${width} pt: ${wrappedTextHeight(row.text, width)}`);
      assert.ok(estimatedRowHeight(row.text, { columnWidthPt: width }) >= wrappedTextHeight(row.text, width), 'the estimate never promises less height than the fake needs');
    }
    assert.equal(rows.map((r) => r.text).join(''), [...paragraphs, paragraphs.join('')].join(''));
  }
});
