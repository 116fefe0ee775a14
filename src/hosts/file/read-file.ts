import ExcelJS from 'exceljs';
import type { Finding } from '../../core/findings/finding';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { snapshotFromExcelJS } from './exceljs-snapshot';

export type FileReadResult = { ok: true; snapshot: WorkbookSnapshot } | { ok: false; finding: Finding };

/** An .xlsx (bytes) → snapshot, or one error finding that says in Chinese why the file cannot be read. */
export async function snapshotFromXlsx(bytes: Uint8Array, name: string): Promise<FileReadResult> {
  const problem = sniff(bytes);
  if (problem) return { ok: false, finding: unreadable(name, problem) };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      finding: unreadable(name, `文件已损坏或不完整（可能下载/复制中断），无法作为 .xlsx 打开（${detail.slice(0, 80)}）。请在 Excel 中打开并另存为 .xlsx 后重试`),
    };
  }
  try {
    return { ok: true, snapshot: snapshotFromExcelJS(workbook, name) };
  } catch (error) {
    return { ok: false, finding: unreadable(name, `读取工作表内容时出错（${error instanceof Error ? error.message : String(error)}）`) };
  }
}

/** Recognises what a file is before handing it to the zip reader, so the message can say what to do. */
function sniff(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return '文件为空（0 字节）';
  const head = Array.from(bytes.subarray(0, 8));
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  const isOle = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b);
  if (isOle) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).toString('utf16le');
    if (text.includes('EncryptionInfo') || text.includes('EncryptedPackage'))
      return '文件设置了打开密码（已加密），无法读取。请在 Excel 中取消“用密码进行加密”后另存为 .xlsx 再审核';
    return '这是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再审核';
  }
  if (!isZip) {
    const start = Buffer.from(bytes.subarray(0, 64)).toString('utf8').trimStart().toLowerCase();
    if (start.startsWith('<html') || start.startsWith('<!doctype') || start.startsWith('<?xml'))
      return '这是网页/XML 文件而不是 .xlsx 工作簿（有些系统导出的“Excel”实为网页）。请在 Excel 中打开后另存为 .xlsx';
    if (start.startsWith('%pdf')) return '这是 PDF 文件，不是 Excel 工作簿。请使用报表的 .xlsx 原文件';
    return '不是 .xlsx 工作簿（文件头不是 zip 格式）。请确认选择了 Excel 工作簿文件';
  }
  return undefined;
}

function unreadable(name: string, why: string): Finding {
  return {
    rule: 'read-file-unreadable',
    severity: 'error',
    message: `无法读取文件“${name}”：${why}。`,
    cells: [],
  };
}
