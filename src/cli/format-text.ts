import type { Report } from '../core/report';
import { isReviewFinding } from '../core/review/schema';
import { TABLE_NAMES, type TableCode } from '../core/tables/codes';
import { NO_TABLES_FOUND } from '../core/read/missing-table';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** The readable Chinese report printed without --json. */
export function formatReport(report: Report): string {
  const lines: string[] = [];
  lines.push(`文件：${report.file}`);
  // No table: say so, and what was looked for (a file that could not be read at all was not searched).
  const searched = report.findings.some((f) => f.rule === 'read-table-missing');
  if (report.tables.length) lines.push(`找到 ${report.tables.length}/9 张表：`);
  else if (searched) lines.push(NO_TABLES_FOUND);
  for (const t of report.tables)
    lines.push(`  公开${t.code}表 ${TABLE_NAMES[t.code as TableCode] ?? t.title}  工作表“${t.sheet}” ${t.range}`);
  const s = report.summary;
  lines.push(`审核结果：${s.error} 个错误，${s.warning} 个警告${s.explained ? `（其中 ${s.explained} 个已说明）` : ''}，${s.info} 条提示`);
  for (const f of report.findings) {
    const state = f.explanation ? (f.explanation.stale ? '·说明已失效' : '·已说明') : '';
    lines.push(`[${SEVERITY_LABEL[f.severity]}${state}] ${f.message}`);
    if (isReviewFinding(f) && f.quote) lines.push(`       原文：“${f.quote.replace(/\s+/g, ' ')}”（情况说明第 ${f.paragraph + 1} 行第 ${f.offset + 1} 字${f.textCell ? `，${f.textCell}` : ''}）`);
    const figures = [
      f.expected !== undefined ? `应为 ${f.expected}` : '',
      // An unreadable file's `actual` is the reader's own words, not a figure (src/hosts/file/read-file.ts).
      f.actual !== undefined ? (f.rule === 'read-file-unreadable' ? f.actual : `实为 ${f.actual}`) : '',
      f.difference !== undefined ? `差额 ${f.difference}` : '',
      f.tolerance !== undefined ? `容差 ${f.tolerance}` : '',
    ].filter(Boolean);
    if (figures.length) lines.push(`       ${figures.join('，')}`);
    if (f.cells.length) lines.push(`       单元格：${f.cells.slice(0, 12).join('，')}${f.cells.length > 12 ? ` 等 ${f.cells.length} 个` : ''}`);
    if (f.explanation)
      lines.push(`       说明${f.explanation.date ? `（${f.explanation.date}）` : ''}：${f.explanation.text}${f.explanation.stale ? '（所涉数值已改动，说明未采用，请重新核实）' : ''}`);
    lines.push(`       规则：${f.rule}`);
  }
  return lines.join('\n');
}
