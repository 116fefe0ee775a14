import { openCount, sortFindings } from '../../core/findings/finding';
import { isOpen, type BatchRow } from './model';

/**
 * summary.csv for Excel: UTF-8 with BOM (Excel reads the Chinese right), quoted fields, formula-like text
 * neutralised. One row per workbook in file order; the file as shown in summary.html (relative), the year
 * never empty, the top three open problems.
 */
export function summaryCsv(rows: readonly BatchRow[]): string {
  const header = ['序号', '文件', '单位名称', '年度', '错误', '警告', '提示', '已说明', '待处理', '主要问题（待处理）'];
  const lines = rows.map((r, i) => [
    String(i + 1),
    r.file,
    r.unit,
    r.year,
    String(r.report.summary.error),
    String(r.report.summary.warning),
    String(r.report.summary.info),
    String(r.report.summary.explained),
    String(openCount(r.report.summary)),
    sortFindings(r.report.findings).filter(isOpen).slice(0, 3).map((f) => f.message).join('；'),
  ]);
  return `\ufeff${[header, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  // A leading =, +, -, @ (or a tab or CR before one) would run as a formula when the CSV is opened in Excel.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
