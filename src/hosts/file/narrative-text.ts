import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { docxText } from './docx-text';
import { decodeText } from '../../core/util/decode-text';
import { countBySeverity, sortFindings } from '../../core/findings/finding';
import type { Report } from '../../core/report';
import { reviewSnapshotWithSources } from '../../core/review/review';
import type { Finding } from '../../core/findings/finding';
import type { ReviewFinding } from '../../core/review/schema';
import { readerSnapshot } from '../../core/explain/own-sheets';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { loadSources, type SourceFiles } from './source-workbooks';
import { fsReason } from './fs-errors';
import { errorText } from '../../core/util/error-text';

/**
 * An existing 情况说明 to review, from a file: .txt (UTF-8, or UTF-16 with a BOM) or .docx (Word; one line per
 * paragraph of word/document.xml, tables' paragraphs included in document order). Lines are what review findings
 * call paragraphs. Kept out of src/core: the core has no file libraries. (.docx is read with jszip, which exceljs
 * already depends on.)
 */
export { docxText };

export type NarrativeTextResult = { ok: true; text: string } | { ok: false; message: string };

export async function readNarrativeFile(path: string): Promise<NarrativeTextResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, message: `无法读取情况说明文件“${path}”：${fsReason(error, path)}。` };
  }
  return narrativeFromBytes(bytes, basename(path));
}

export async function narrativeFromBytes(bytes: Uint8Array, name: string): Promise<NarrativeTextResult> {
  const ext = extname(name).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.docx' || (isZip && ext !== '.txt')) {
    try {
      return { ok: true, text: await docxText(bytes) };
    } catch (error) {
      return { ok: false, message: `无法读取 Word 文件“${name}”：${errorText(error)}。请另存为 .docx 或 .txt 后重试。` };
    }
  }
  if (ext === '.doc' || ext === '.pdf' || ext === '.wps')
    return { ok: false, message: `不支持“${ext}”格式的情况说明“${name}”：请另存为 .docx（Word 文档）或 .txt（纯文本）后重试。` };
  return { ok: true, text: decodeText(bytes) };
}


/**
 * `juesuan check FILE --narrative TEXT_FILE`: the review of the text against the workbook (its tables and its
 * 说明数据 sheet). A workbook that could not be read gives no review findings (its report already says why).
 */
export async function reviewNarrativeForWorkbook(
  workbook: WorkbookSnapshot | undefined,
  narrativePath: string,
  sourceFiles: SourceFiles = {},
): Promise<{ ok: true; findings: ReviewFinding[]; sourceFindings: Finding[] } | { ok: false; message: string }> {
  const text = await readNarrativeFile(narrativePath);
  if (!text.ok) return text;
  const sources = await loadSources(sourceFiles);
  if (!sources.ok) return sources;
  // The workbook as the check read it (no second parse); unreadable: its report already says why.
  if (!workbook) return { ok: true, findings: [], sourceFindings: [] };
  // The add-in's own sheets (审核说明, 审核结果) are no part of the 决算: the reviewer never reads them.
  return { ok: true, ...reviewSnapshotWithSources(readerSnapshot(workbook), text.text, sources.sources) };
}

/** The report with the review findings added (sorted as the CLI sorts, summary recounted). */
export function withReviewFindings(report: Report, findings: readonly Finding[]): Report {
  const all = sortFindings([...report.findings, ...findings]);
  return { ...report, findings: all, summary: countBySeverity(all) };
}
