/**
 * `juesuan check FILE --results-sheet OUT.xlsx`: a copy of the workbook with the 审核结果 sheet (one row per
 * finding, each linked to its first cell, with the unit's explanation) — what a reviewer reads in the file
 * itself. The input is never written; a 审核结果 sheet of ours already in it is replaced.
 */
import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { type OwnSheet, checkTime, resultsSheet } from '../core/explain';
import type { Report } from '../core/report';
import { writeOwnSheets } from '../hosts/file/own-sheets-xlsx';
import type { CheckedWorkbook } from './workbook-check';

export function resultsSheetFor(report: Report, fileName: string, now = new Date()): OwnSheet {
  return resultsSheet(report.findings, report.summary, { file: fileName, when: checkTime(now) });
}

/** Writes the copy; resolves to a message for stderr and whether it was written. */
export async function writeResultsCopy(checked: CheckedWorkbook, report: Report, input: string, out: string, fileName: string): Promise<{ ok: boolean; message: string }> {
  if (resolve(out).toLowerCase() === resolve(input).toLowerCase()) return { ok: false, message: `--results-sheet 的输出文件不能是输入文件“${input}”：本工具不会改动原文件。` };
  if (!checked.bytes || !checked.snapshot) return { ok: false, message: `“${input}”无法读取，未写出审核结果副本。` };
  const written = await writeOwnSheets(checked.bytes, checked.snapshot, [resultsSheetFor(report, fileName)]);
  if (!written.ok) return { ok: false, message: written.message };
  try {
    await writeFile(out, written.bytes);
  } catch (error) {
    return { ok: false, message: `无法写入“${out}”：${error instanceof Error ? error.message : String(error)}。` };
  }
  return { ok: true, message: `审核结果已写入“${out}”（“审核结果”工作表，${report.findings.length} 个问题各占一行）。原文件未改动。` };
}
