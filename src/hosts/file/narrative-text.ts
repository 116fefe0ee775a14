import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import JSZip from 'jszip';
import { countBySeverity, sortFindings } from '../../core/findings/finding';
import type { Report } from '../../core/report';
import { reviewSnapshot } from '../../core/review/review';
import type { ReviewFinding } from '../../core/review/schema';
import { snapshotFromXlsx } from './read-file';

/**
 * An existing 情况说明 to review, from a file: .txt (UTF-8, or UTF-16 with a BOM) or .docx (Word; one line per
 * paragraph of word/document.xml, tables' paragraphs included in document order). Lines are what review findings
 * call paragraphs. Kept out of src/core: the core has no file libraries. (.docx is read with jszip, which exceljs
 * already depends on.)
 */
export type NarrativeTextResult = { ok: true; text: string } | { ok: false; message: string };

export async function readNarrativeFile(path: string): Promise<NarrativeTextResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `无法读取情况说明文件“${path}”：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是文件夹，不是文件' : String(error)}。` };
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
      return { ok: false, message: `无法读取 Word 文件“${name}”：${error instanceof Error ? error.message : String(error)}。请另存为 .docx 或 .txt 后重试。` };
    }
  }
  if (ext === '.doc' || ext === '.pdf' || ext === '.wps')
    return { ok: false, message: `不支持“${ext}”格式的情况说明“${name}”：请另存为 .docx（Word 文档）或 .txt（纯文本）后重试。` };
  return { ok: true, text: decodeText(bytes) };
}

/** UTF-8 (BOM optional) or UTF-16 LE/BE with a BOM. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/** The paragraphs of a .docx body, one per line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('文件中没有 word/document.xml（不是 Word 文档）');
  const xml = await file.async('string');
  const body = xml.slice(Math.max(0, xml.indexOf('<w:body')));
  const paragraphs: string[] = [];
  const re = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>|<w:p [^>]*\/>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) paragraphs.push(paragraphText(m[0]));
  return paragraphs.join('\n');
}

function paragraphText(xml: string): string {
  let out = '';
  const re = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:br [^>]*\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) out += unescapeXml(m[1]);
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else out += ' ';
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * `juesuan check FILE --narrative TEXT_FILE`: the review of the text against the workbook (its tables and its
 * 说明数据 sheet). A workbook that could not be read gives no review findings (its report already says why).
 */
export async function reviewNarrativeForWorkbook(
  workbookBytes: Uint8Array | undefined,
  workbookName: string,
  narrativePath: string,
): Promise<{ ok: true; findings: ReviewFinding[] } | { ok: false; message: string }> {
  const text = await readNarrativeFile(narrativePath);
  if (!text.ok) return text;
  if (!workbookBytes) return { ok: true, findings: [] };
  const read = await snapshotFromXlsx(workbookBytes, basename(workbookName));
  if (!read.ok) return { ok: true, findings: [] };
  return { ok: true, findings: reviewSnapshot(read.snapshot, text.text) };
}

/** The report with the review findings added (sorted as the CLI sorts, summary recounted). */
export function withReviewFindings(report: Report, findings: readonly ReviewFinding[]): Report {
  const all = sortFindings([...report.findings, ...findings]);
  return { ...report, findings: all, summary: countBySeverity(all) };
}
