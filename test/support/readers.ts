/**
 * The two .xlsx readers side by side: the fast reader (src/hosts/file/xlsx/read-xlsx.ts) and the ExcelJS path
 * (src/hosts/file/read-file.ts with reader 'exceljs'). `compareReaders` holds a file to the rule the fast reader
 * lives by: what the CLI reads (reader 'auto') is exactly what the ExcelJS path reads — the same snapshot, or the
 * same finding for a file that cannot be read — and whenever the fast reader itself gives a snapshot, it is that
 * snapshot (sheet order, names, origins, values, number formats, merges, visibility, protection).
 *
 * One exception, checked as strictly: ExcelJS also parses parts the check never reads (print areas and other
 * defined names, comments, drawings, document properties) and refuses a whole file over some of them (a print
 * area on a sheet whose name has an apostrophe). There the fast reader's snapshot must be exactly what the ExcelJS
 * path reads from the same file with those parts removed.
 */
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { snapshotFromXlsx, type FileReadResult } from '../../src/hosts/file/read-file';
import { fastSnapshotFromXlsx } from '../../src/hosts/file/xlsx/read-xlsx';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';

export interface Compared {
  /** What the ExcelJS path read. */
  excel: FileReadResult;
  /** The fast reader's snapshot, or undefined when it handed the file to ExcelJS. */
  fast?: WorkbookSnapshot;
  /** Why the fast reader handed the file over. */
  fellBack?: string;
  /** The ExcelJS path refused the file over a part the check does not read; the fast reader read it. */
  excelFailedElsewhere?: boolean;
}

export async function compareReaders(bytes: Uint8Array, name: string): Promise<Compared> {
  const excel = await snapshotFromXlsx(bytes, name, 'exceljs');
  const auto = await snapshotFromXlsx(bytes, name);
  let fast: WorkbookSnapshot;
  try {
    fast = await fastSnapshotFromXlsx(bytes, name);
  } catch (error) {
    assert.deepStrictEqual(auto, excel, `${name}: handed to ExcelJS, but the CLI's read differs from the ExcelJS path's`);
    return { excel, fellBack: error instanceof Error ? error.message : String(error) };
  }
  assert.deepStrictEqual(auto, { ok: true, snapshot: fast, findings: [] }, `${name}: the CLI did not take the fast reader's snapshot`);
  if (excel.ok) {
    assert.deepStrictEqual(excel.findings, [], `${name}: the fast reader read a file the ExcelJS path reads with findings`);
    assert.deepStrictEqual(fast, excel.snapshot, `${name}: the fast reader's snapshot differs from the ExcelJS path's`);
    return { excel, fast };
  }
  const stripped = await snapshotFromXlsx(await dataPartsOnly(bytes), name, 'exceljs');
  assert.ok(stripped.ok, `${name}: the fast reader read a file the ExcelJS path cannot read even without its other parts (${excel.finding.actual ?? excel.finding.message})`);
  assert.deepStrictEqual(stripped.findings, []);
  assert.deepStrictEqual(fast, stripped.snapshot, `${name}: the fast reader's snapshot differs from the ExcelJS path's on the data parts`);
  return { excel, fast, excelFailedElsewhere: true };
}

/** The file with only the parts the check reads: workbook (no defined names), its relationships, styles, strings, sheets. */
export async function dataPartsOnly(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    const path = entry.name.replace(/^\//, '');
    if (entry.dir || !/^(xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/sheet\d+\.xml)|\[Content_Types\]\.xml)$/.test(path)) continue;
    let text = await entry.async('string');
    if (path === 'xl/workbook.xml') text = text.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, '');
    out.file(entry.name, text);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
