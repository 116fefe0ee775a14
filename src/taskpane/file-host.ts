/**
 * The lazily loaded part of the standalone page: reading .xlsx files, writing marked copies and copies with
 * the 说明数据 template sheet added, all with ExcelJS. Loaded by a dynamic import on the first file, so
 * neither the initial bundle nor the add-in inside Excel ever loads ExcelJS. The Buffer shim comes first:
 * read-file.ts and supplement-xlsx.ts use the Buffer global.
 */
import './buffer-shim';

import type { OwnSheet } from '../core/explain/own-sheets';
import type { Finding } from '../core/findings/finding';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { snapshotFromXlsx } from '../hosts/file/read-file';
import { writeOwnSheets } from '../hosts/file/own-sheets-xlsx';

export { snapshotFromXlsx };
export { MARKED_COPY_CAVEAT, markedCopy } from '../hosts/file/marked-copy';
export { addSupplementTemplateToXlsx } from '../hosts/file/supplement-xlsx';

/**
 * The page's copy of a chosen file with our sheets written in (src/hosts/file/own-sheets-xlsx), read again:
 * the view's new bytes and snapshot, or why not.
 */
export async function withOwnSheets(
  bytes: Uint8Array,
  name: string,
  snapshot: WorkbookSnapshot,
  sheets: readonly OwnSheet[],
): Promise<{ ok: true; bytes: Uint8Array; snapshot: WorkbookSnapshot; findings: Finding[]; created: string[] } | { ok: false; message: string }> {
  const written = await writeOwnSheets(bytes, snapshot, sheets);
  if (!written.ok) return written;
  const read = await snapshotFromXlsx(written.bytes, name);
  if (!read.ok) return { ok: false, message: read.finding.message };
  return { ok: true, bytes: written.bytes, snapshot: read.snapshot, findings: read.findings, created: written.created };
}
