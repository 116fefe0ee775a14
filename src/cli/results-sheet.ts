/**
 * `juesuan check FILE --results-sheet OUT.xlsx`: a copy of the workbook with the 审核结果 sheet (one row per
 * finding, each linked to its first cell, with the unit's explanation) — what a reviewer reads in the file
 * itself. The input is never written; a 审核结果 sheet of ours already in it is replaced.
 */
import { type OwnSheet, checkTime, resultsSheet } from '../core/explain';
import type { Report } from '../core/report';
import { writeOwnSheets } from '../hosts/file/own-sheets-xlsx';
import type { CheckedWorkbook } from './workbook-check';

export function resultsSheetFor(report: Report, fileName: string, now = new Date()): OwnSheet {
  return resultsSheet(report.findings, report.summary, { file: fileName, when: checkTime(now) });
}

/** The copy's bytes, or why it cannot be made (Chinese, for stderr). Writing it is the caller's (check-outputs.ts). */
export async function resultsCopy(checked: CheckedWorkbook, report: Report, input: string, fileName: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  if (!checked.bytes || !checked.snapshot) return { ok: false, message: `“${input}”无法读取，未写出审核结果副本。` };
  const written = await writeOwnSheets(checked.bytes, checked.snapshot, [resultsSheetFor(report, fileName)]);
  return written.ok ? { ok: true, bytes: written.bytes } : { ok: false, message: written.message };
}
