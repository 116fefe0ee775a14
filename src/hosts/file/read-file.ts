import type ExcelJS from 'exceljs';
import type { Finding } from '../../core/findings/finding';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { loadExcelJS } from './exceljs-module';
import { snapshotFromExcelJS } from './exceljs-snapshot';
import { fastSnapshotFromXlsx } from './xlsx/read-xlsx';
import { containsBytes, utf16le } from './utf16';
import { errorText } from '../../core/util/error-text';

/** `findings`: what the file itself is wrong about although it could be read (reported with the check). */
export type FileReadResult = { ok: true; snapshot: WorkbookSnapshot; findings: Finding[] } | { ok: false; finding: Finding };

/**
 * Which reader reads a workbook: `auto` (the default) tries the fast reader (./xlsx/read-xlsx.ts) and reads with
 * ExcelJS whenever it meets anything it does not handle for sure; `exceljs` always reads with ExcelJS. The
 * environment variable JUESUAN_XLSX_READER=exceljs sets the latter for a run (a way round a fast-reader problem).
 */
export type XlsxReader = 'auto' | 'exceljs';

/** An .xlsx (bytes) → snapshot, or one error finding that says in Chinese why the file cannot be read. */
export async function snapshotFromXlsx(bytes: Uint8Array, name: string, reader: XlsxReader = defaultReader()): Promise<FileReadResult> {
  const problem = sniff(bytes);
  if (problem) return { ok: false, finding: unreadable(name, problem) };
  if (reader === 'auto') {
    try {
      return { ok: true, snapshot: await fastSnapshotFromXlsx(bytes, name), findings: [] };
    } catch {
      // Not for sure (or not a readable zip at all): ExcelJS reads it, and says why when it cannot.
    }
  }
  return snapshotWithExcelJS(bytes, name);
}

function defaultReader(): XlsxReader {
  const env = typeof process === 'undefined' ? undefined : process.env?.JUESUAN_XLSX_READER;
  return env === 'exceljs' ? 'exceljs' : 'auto';
}

async function snapshotWithExcelJS(bytes: Uint8Array, name: string): Promise<FileReadResult> {
  const { Workbook } = await loadExcelJS();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer;
  const findings: Finding[] = [];
  let workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer, { ignoreNodes: NOT_READ } as ExcelJS.XlsxReadOptions);
  } catch (error) {
    // Overlapping merged areas (Excel repairs them on opening; ExcelJS refuses): read again without merges.
    let loaded = false;
    if (/merge/i.test(error instanceof Error ? error.message : String(error))) {
      workbook = new Workbook();
      try {
        await workbook.xlsx.load(buffer, { ignoreNodes: [...NOT_READ, 'mergeCells'] } as ExcelJS.XlsxReadOptions);
        findings.push(mergesOverlap(name));
        loaded = true;
      } catch {
        loaded = false;
      }
    }
    // The library's own words go to `actual` (explained in Chinese) for whoever reports the file; the message stays
    // the same for every damaged file.
    if (!loaded) return { ok: false, finding: unreadable(name, DAMAGED, detailOf(error)) };
  }
  if (workbook.worksheets.length === 0) return { ok: false, finding: unreadable(name, NO_SHEETS) };
  try {
    return { ok: true, snapshot: snapshotFromExcelJS(workbook, name), findings };
  } catch (error) {
    return { ok: false, finding: unreadable(name, '读取工作表内容时出错，文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试', detailOf(error)) };
  }
}

/**
 * Parts of a sheet's XML the check never looks at (views, widths, print setup, conditional formats, validation,
 * drawings…): ExcelJS skips them. Values, formulas, styles (number formats), merges, protection and the sheet's
 * state are still read; test/safety/values.test.ts holds the snapshot to a full load, value for value.
 */
const NOT_READ = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'hyperlinks',
  'conditionalFormatting',
  'dataValidations',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
];

/** Every reason a file cannot be read, as the message says it (docs/bad-input.md). */
export const EMPTY_FILE = '文件为空（0 字节），不是 Excel 工作簿。请重新导出或复制该文件';
export const DAMAGED = '文件已损坏或不完整（可能下载/复制中断），无法作为 .xlsx 打开。请在 Excel 中打开并另存为 .xlsx 后重试';
export const NO_SHEETS = '文件是 zip 压缩包，但其中没有 Excel 工作表（可能是 Word/PowerPoint 文档或普通压缩包）。请选择 .xlsx 工作簿';
export const ENCRYPTED = '文件设置了打开密码（已加密），无法读取。请在 Excel 中取消“用密码进行加密”后另存为 .xlsx 再审核';
export const OLD_XLS = '这是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再审核';
export const OLD_DOC = '这是 Word 文档（.doc），不是 Excel 工作簿。请选择部门决算公开表的 .xlsx 文件';
export const WEB_PAGE = '这是网页/XML 文件而不是 .xlsx 工作簿（有些系统导出的“Excel”实为网页）。请在 Excel 中打开后另存为 .xlsx';
export const PDF = '这是 PDF 文件，不是 Excel 工作簿。请使用报表的 .xlsx 原文件';
export const NOT_ZIP = '不是 .xlsx 工作簿（文件头不是 zip 格式）。请确认选择了 Excel 工作簿文件';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Recognises what a file is before handing it to the zip reader, so the message can say what to do. */
function sniff(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return EMPTY_FILE;
  const head = Array.from(bytes.subarray(0, 8));
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  const isOle = OLE_SIGNATURE.every((b, i) => head[i] === b);
  if (isOle) {
    // An encrypted .xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage streams. The
    // directory holding their names may sit anywhere in the file: search all of it. Plain bytes, no Buffer: the
    // page's Buffer shim has no utf16le encoder nor a sequence indexOf (an encrypted file passed for an .xls).
    const has = (stream: string) => containsBytes(bytes, utf16le(stream));
    if (has('EncryptionInfo') || has('EncryptedPackage')) return ENCRYPTED;
    if (has('WordDocument')) return OLD_DOC;
    return OLD_XLS;
  }
  if (!isZip) {
    const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart().toLowerCase();
    if (start.startsWith('<html') || start.startsWith('<!doctype') || start.startsWith('<?xml') || start.startsWith('<table'))
      return WEB_PAGE;
    if (start.startsWith('%pdf')) return PDF;
    return NOT_ZIP;
  }
  return undefined;
}

function mergesOverlap(name: string): Finding {
  return {
    rule: 'read-merges-overlap',
    severity: 'warning',
    message: `文件“${name}”中有相互重叠的合并单元格（Excel 打开时会提示“发现无法读取的内容”并修复），本次不按合并区域读取各表；请在 Excel 中打开该文件、修复并保存后再审核。`,
    cells: [],
  };
}

/** The library's words, explained in Chinese (the finding's `actual`, shown in the page and the CLI). */
function detailOf(error: unknown): string {
  return errorText(error);
}


function unreadable(name: string, why: string, detail?: string): Finding {
  return {
    rule: 'read-file-unreadable',
    severity: 'error',
    message: `无法读取文件“${name}”：${why}。`,
    cells: [],
    ...(detail ? { actual: detail } : {}),
  };
}
