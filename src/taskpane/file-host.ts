/**
 * The lazily loaded part of the standalone page: reading .xlsx files (the fast reader; ExcelJS for the files it
 * hands over), writing marked copies and copies with the 说明数据 template sheet added (ExcelJS). Loaded by a
 * dynamic import on the first file, ExcelJS by another on first use, so neither the initial bundle nor the
 * add-in inside Excel ever loads ExcelJS. The Buffer shim comes first:
 * read-file.ts and supplement-xlsx.ts use the Buffer global.
 */
import './buffer-shim';

import type { OwnSheet } from '../core/explain/own-sheets';
import type { Written } from './pane-host';
import type { WorkbookView } from './pane-state';
import { snapshotFromXlsx } from '../hosts/file/read-file';
import { writeOwnSheets } from '../hosts/file/own-sheets-xlsx';

export { snapshotFromXlsx };
export { MARKED_COPY_CAVEAT, markedCopy } from '../hosts/file/marked-copy';
export { addSupplementTemplateToXlsx } from '../hosts/file/supplement-xlsx';

/** What the page's host says back (pane-host Written): which sheets, and the view's new file. */
export async function writeIntoView(current: WorkbookView, sheets: readonly OwnSheet[]): Promise<Written> {
  const copy = await withOwnSheets(current, sheets);
  if (!copy.ok) return copy;
  const done = sheets.map((s) => ({ sheet: s.name, kind: s.kind, created: copy.created.includes(s.name), rows: Math.max(0, s.rows.length - s.headerRows) }));
  return { ok: true, sheets: done, patch: { bytes: copy.bytes, snapshot: copy.snapshot, readFindings: copy.findings } };
}

/**
 * The copy to download: “X.已说明.xlsx” when the unit has explained anything (the copy to send), else one with
 * the trail only; a macro workbook keeps .xlsm.
 */
export async function reviewedCopy(current: WorkbookView, sheets: readonly OwnSheet[]): Promise<{ ok: true; bytes: Uint8Array; name: string } | { ok: false; message: string }> {
  const copy = await withOwnSheets(current, sheets);
  if (!copy.ok) return copy;
  const stem = current.name.replace(/\.[^.]+$/, '').replace(/\.已说明$/, '');
  const ext = /\.xlsm$/i.test(current.name) ? '.xlsm' : '.xlsx';
  return { ok: true, bytes: copy.bytes, name: current.explanations?.length ? `${stem}.已说明${ext}` : `${stem}（审核结果）${ext}` };
}

/** The view's file with our sheets written in (src/hosts/file/own-sheets-xlsx), read again. */
async function withOwnSheets(current: WorkbookView, sheets: readonly OwnSheet[]) {
  if (!current.bytes || !current.snapshot) return { ok: false as const, message: '请先选择或拖入 .xlsx 文件。' };
  const written = await writeOwnSheets(current.bytes, current.snapshot, sheets);
  if (!written.ok) return written;
  const read = await snapshotFromXlsx(written.bytes, current.name);
  if (!read.ok) return { ok: false as const, message: read.finding.message };
  return { ok: true as const, bytes: written.bytes, snapshot: read.snapshot, findings: read.findings, created: written.created };
}
