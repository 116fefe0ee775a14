// Catalogue: odd merges — a merge from the header into the body, a merged amount cell, overlapping merges in
// the file. Each hidden figure is named; nothing is silently blank; overlapping merges no longer make the whole
// file "damaged".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markedCopy } from '../../src/hosts/file/marked-copy';
import { assertNoStack, assertOthersUnchanged, checkBytes, checkWorkbook, cli, editSeedXml, expectEntry, readFindings, seedWorkbook, TMP } from './support';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

test('a merge spanning header and body (C4:C7 swallows the 合计 amount): the hidden amount cell is named', async () => {
  const wb = await seedWorkbook();
  const ws = wb.getWorksheet('公开03表')!;
  ws.unMergeCells('C4:C5');
  ws.mergeCells('C4:C7');
  const checked = await checkWorkbook(wb, 'merge-header-body.xlsx');
  const f = expectEntry(checked.report, 'merge-header-body');
  assert.deepEqual(f.cells, ['公开03表!C7', '公开03表!C4']);
  assert.equal(checked.report.tables.length, 9);
  // The 合计 amount is blank now: the rules say so too, and every other figure reads as before.
  assert.equal(checked.model['03']?.total?.amounts.total.blank, true);
  await assertOthersUnchanged(checked, [], ['03.合计.total']);
});

test('a merged amount cell (D10:E10 across two amount columns): the value counts once, the other cell is named', async () => {
  const wb = await seedWorkbook();
  const ws = wb.getWorksheet('公开03表')!;
  ws.mergeCells('D10:E10');
  ws.mergeCells('C20:C21'); // and one down a column
  const checked = await checkWorkbook(wb, 'merge-amount.xlsx');
  const f = expectEntry(checked.report, 'merge-amount');
  assert.deepEqual(f.cells, ['公开03表!E10', '公开03表!D10']);
  const merged = readFindings(checked.report, 'read-cell-merged').map((x) => x.cells[0]);
  assert.deepEqual(merged.sort(), ['公开03表!C21', '公开03表!E10']);
  assert.equal(checked.model['03']?.rows.find((r) => r.code === '2010450')?.amounts.basic.value.toFixed(2), '353.87');
  await assertOthersUnchanged(checked, [], ['03.2010450.project', '03.2101103.total']);
});

test('overlapping merges in the file: read without merges, nine tables, one warning; marked copy still made', async () => {
  const bytes = await editSeedXml(async (zip) => {
    const path = 'xl/worksheets/sheet3.xml';
    const xml = await zip.file(path)!.async('string');
    zip.file(path, xml.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + 2}"><mergeCell ref="C9:D10"/><mergeCell ref="D10:E11"/>`));
  });
  const checked = await checkBytes(bytes, 'overlap.xlsx');
  expectEntry(checked.report, 'merge-overlap');
  assert.equal(checked.report.tables.length, 9);
  await assertOthersUnchanged(checked);
  const copy = await markedCopy(checked.bytes!, checked.report.findings);
  assert.equal(copy.error, undefined);
  assert.ok(copy.marked > 0);

  // Through the CLI with --marked: one report, no stack, the copy written.
  const path = join(TMP, 'overlap.xlsx');
  writeFileSync(path, bytes);
  const run = await cli(['check', path, '--json', '--marked', join(TMP, 'overlap-marked')]);
  assertNoStack(run.out, run.err);
  assert.equal(JSON.parse(run.out).tables.length, 9);
});
