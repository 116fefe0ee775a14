import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkSnapshot, failedReport, reportForFinding, type Report } from '../core/report';
import type { TablesModel } from '../core/tables/model';
import type { WorkbookFacts } from '../core/tables/facts';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import type { ExplanationRecord } from '../core/explain/explanation';
import { snapshotFromXlsx } from '../hosts/file/read-file';
import { fsReason } from '../hosts/file/fs-errors';

export interface CheckedWorkbook {
  report: Report;
  model: TablesModel;
  /** The department's best-attested name and the year (for the batch summary row). */
  facts?: WorkbookFacts;
  /** The file's bytes when it could be read (for a marked copy). */
  bytes?: Uint8Array;
  /** What was read, when the file could be read (for explanations and the 审核结果 sheet). */
  snapshot?: WorkbookSnapshot;
  /** The explanations in its 审核说明 sheet. */
  explanations?: ExplanationRecord[];
}

/**
 * One file → its report. Never throws: an unreadable file is a report with one error finding. `bytes`: the
 * file's content already in memory (a copy about to be written as `file`).
 */
export async function checkWorkbookFile(file: string, bytes?: Uint8Array): Promise<CheckedWorkbook> {
  try {
    return await checkFile(file, bytes);
  } catch (error) {
    // Nothing below is expected to throw; if it does, this file gets a report and the batch goes on.
    return { report: failedReport(file, `审核文件“${file}”时出现意外错误（本工具的问题，请将该文件和以下信息反馈给开发者）：${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}。`), model: {} };
  }
}

async function checkFile(file: string, given?: Uint8Array): Promise<CheckedWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = given ?? (await readFile(file));
  } catch (error) {
    return { report: failedReport(file, `无法读取文件“${file}”：${fsReason(error, file)}。`, 'read-file-unreadable'), model: {} };
  }
  const read = await snapshotFromXlsx(bytes, basename(file));
  if (!read.ok) return { report: reportForFinding(file, read.finding), model: {} };
  const { report, model, facts, explanations } = checkSnapshot(read.snapshot, file, { readFindings: read.findings });
  return { report, model, facts, bytes, snapshot: read.snapshot, explanations };
}

