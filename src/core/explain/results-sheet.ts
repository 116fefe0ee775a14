/**
 * The 审核结果 sheet: the review trail a reviewer reads in the workbook itself, one row per finding.
 *
 *   A1  审核结果（决算审核助手）
 *   A2  what was checked and when, and the counts (explained and open included)
 *   3   序号 | 级别 | 表 | 问题 | 应为 | 实为 | 差额 | 单元格 | 说明 | 规则
 *   4…  one finding per row, in the report's order; 单元格 links to the finding's first cell
 *
 * 表 is the short “公开06表”, never a table's full title, and every message ends as a sentence: no cell of the
 * sheet reads like a table title to the reader.
 */
import { type Finding, type Summary, openCount } from '../findings/finding';
import { parseA1, splitCellRef } from '../workbook/address';
import { type OwnCell, type OwnSheet, RESULTS_SHEET, RESULTS_TITLE } from './own-sheets';
import { sentence } from './text';

export const RESULTS_HEADERS = ['序号', '级别', '表', '问题', '应为', '实为', '差额', '单元格', '说明', '规则'] as const;

const AMOUNT = /^-?\d+(\.\d+)?$/;

export function severityText(f: Finding): string {
  if (f.severity === 'error') return '错误';
  if (f.severity === 'info') return '提示';
  if (!f.explanation) return '警告';
  return f.explanation.stale ? '警告（说明已失效）' : '警告（已说明）';
}

export function explanationText(f: Finding): string {
  if (!f.explanation) return '';
  return f.explanation.stale ? `${f.explanation.text}（说明已失效：所涉数值已改动，请重新核实）` : f.explanation.text;
}

function amount(value: string | undefined): OwnCell {
  if (value === undefined) return { value: null };
  return AMOUNT.test(value) ? { value, amount: true } : { value };
}

function linkCell(cells: readonly string[]): OwnCell {
  if (!cells.length) return { value: '' };
  const first = cells[0];
  const text = cells.length > 1 ? `${first} 等 ${cells.length} 个` : first;
  const { sheet, address } = splitCellRef(first);
  // A link only to a single cell or range Excel can resolve; anything else stays plain text.
  const ok = sheet && address.split(':').every((a) => parseA1(a) !== undefined);
  return ok ? { value: text, link: first } : { value: text };
}

/** The time of a check as a reviewer reads it: “2025-03-01 14:05” (local time). */
export function checkTime(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

export function summaryLine(file: string, when: string, s: Summary): string {
  const name = file ? `${file}：` : '';
  return `${name}审核于 ${when}。${s.error} 个错误，${s.warning} 个警告（其中 ${s.explained} 个已说明），${s.info} 条提示；待处理的错误和警告（未说明）共 ${openCount(s)} 个。`;
}

/** The sheet for one report: `when` is the time of the check as the reviewer should read it. */
export function resultsSheet(findings: readonly Finding[], summary: Summary, meta: { file: string; when: string }): OwnSheet {
  const rows: OwnCell[][] = [[{ value: RESULTS_TITLE }], [{ value: summaryLine(meta.file, meta.when, summary) }], RESULTS_HEADERS.map((h) => ({ value: h }))];
  findings.forEach((f, i) => {
    rows.push([
      { value: i + 1 },
      { value: severityText(f) },
      { value: f.table ? `公开${f.table}表` : '' },
      { value: sentence(f.message) },
      amount(f.expected),
      amount(f.actual),
      amount(f.difference),
      linkCell(f.cells),
      { value: explanationText(f) },
      { value: f.rule },
    ]);
  });
  if (!findings.length) rows.push([{ value: '' }, { value: '未发现问题' }]);
  return { kind: 'results', name: RESULTS_SHEET, rows, widths: [6, 16, 10, 60, 12, 12, 12, 22, 40, 24], headerRows: 3, wrap: [3, 7, 8] };
}

