import type { Report } from '../core/report';
import { type Finding, isExplained, openCount } from '../core/findings/finding';
import { TABLE_NAMES, type TableCode } from '../core/tables/codes';

/** One workbook's row in the batch summary. */
export interface BatchRow {
  file: string;
  unit: string;
  year: string;
  report: Report;
  detailHref: string;
  jsonHref: string;
  markedHref?: string;
}

const LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

function level(f: Finding): string {
  if (!f.explanation) return LABEL[f.severity];
  return f.explanation.stale ? `${LABEL[f.severity]}（说明已失效）` : `${LABEL[f.severity]}（已说明）`;
}

/** What still needs someone: errors and warnings without an explanation that applies (the top findings shown). */
function openFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity !== 'info' && !isExplained(f));
}

/** Everything from a workbook is text: escaped, never markup (cells may hold "<script>"). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const HEAD = (title: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#201f1e}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #c8c6c4;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f3f2f1}td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#a4262c;font-weight:600}.warning{color:#8a6100}.info{color:#005a9e}
.ok{color:#107c10;font-weight:600} small{color:#605e5c} code{font-size:12px}
.said{color:#0e700e}.stale{color:#8a6100}
nav a{margin-right:12px}
/* Two orders of one table, without a script (the page's CSP allows none): by open findings unless the
   address ends in #order-file. */
#order-file:not(:target){display:none}#order-file:target~#order-open{display:none}
</style></head><body>`;

function summaryRow(r: BatchRow, i: number): string {
  const s = r.report.summary;
  const top = openFindings(r.report)
    .slice(0, 3)
    .map((f) => `<li class="${f.severity}">[${LABEL[f.severity]}] ${escapeHtml(f.message)}</li>`)
    .join('');
  const status = s.error > 0 ? `<span class="error">有错误</span>` : openCount(s) > 0 ? `<span class="warning">待核实</span>` : `<span class="ok">通过</span>`;
  return `<tr><td class="n">${i + 1}</td><td>${escapeHtml(r.file)}</td><td>${escapeHtml(r.unit)}</td><td>${escapeHtml(r.year)}</td>
<td>${status}</td><td class="n">${openCount(s)}</td><td class="n">${s.error}</td><td class="n">${s.warning}</td><td class="n said">${s.explained}</td><td class="n">${s.info}</td>
<td><ul>${top || '<li class="ok">没有待处理的错误或警告</li>'}</ul></td>
<td><a href="${escapeHtml(r.detailHref)}">详情</a> · <a href="${escapeHtml(r.jsonHref)}">JSON</a>${r.markedHref ? ` · <a href="${escapeHtml(r.markedHref)}">标记副本</a>` : ''}</td></tr>`;
}

const SUMMARY_HEAD = `<thead><tr><th>#</th><th>文件</th><th>单位名称</th><th>年度</th><th>结论</th><th>待处理</th><th>错误</th><th>警告</th><th>已说明</th><th>提示</th><th>主要问题（待处理）</th><th>链接</th></tr></thead>`;

/**
 * One row per workbook, most open findings first (a reviewer starts where most is left to do); the same
 * table in file order behind a link. 待处理 = errors + warnings without an explanation that applies.
 */
export function summaryHtml(rows: readonly BatchRow[], meta: { generated: string; seconds: number }): string {
  const totals = rows.reduce(
    (t, r) => ({ error: t.error + r.report.summary.error, warning: t.warning + r.report.summary.warning, explained: t.explained + r.report.summary.explained, open: t.open + openCount(r.report.summary) }),
    { error: 0, warning: 0, explained: 0, open: 0 },
  );
  const withErrors = rows.filter((r) => r.report.summary.error > 0).length;
  const numbered = rows.map((r, i) => ({ r, i }));
  const byOpen = [...numbered].sort((a, b) => openCount(b.r.report.summary) - openCount(a.r.report.summary) || a.i - b.i);
  const table = (id: string, list: typeof numbered) => `<table id="${id}">${SUMMARY_HEAD}
<tbody>
${list.map(({ r, i }) => summaryRow(r, i)).join('\n')}
</tbody></table>`;
  return `${HEAD('部门决算批量审核汇总')}
<h1>部门决算批量审核汇总</h1>
<p>共 ${rows.length} 个工作簿，其中 ${withErrors} 个有错误；错误合计 ${totals.error} 个，警告 ${totals.warning} 个（其中 ${totals.explained} 个已由单位说明）；待处理的错误和警告共 ${totals.open} 个。<small>生成于 ${escapeHtml(meta.generated)}，用时 ${meta.seconds.toFixed(1)} 秒。全部在本机完成，未上传任何数据。</small></p>
<nav>排序：<a href="#order-open">按待处理数（多的在前）</a><a href="#order-file">按文件顺序</a></nav>
${table('order-file', numbered)}
${table('order-open', byOpen)}
</body></html>
`;
}

export function detailHtml(row: BatchRow): string {
  const r = row.report;
  const tables = r.tables
    .map((t) => `<tr><td>公开${t.code}表</td><td>${escapeHtml(TABLE_NAMES[t.code as TableCode] ?? t.title)}</td><td>${escapeHtml(t.sheet)}</td><td>${escapeHtml(t.range)}</td></tr>`)
    .join('');
  const findings = r.findings
    .map(
      (f) => `<tr><td class="${f.severity}">${escapeHtml(level(f))}</td><td>${escapeHtml(f.message)}</td>
<td class="n">${escapeHtml(f.expected ?? '')}</td><td class="n">${escapeHtml(f.actual ?? '')}</td><td class="n">${escapeHtml(f.difference ?? '')}</td>
<td><code>${f.cells.slice(0, 12).map(escapeHtml).join('<br>')}${f.cells.length > 12 ? `<br>等 ${f.cells.length} 个` : ''}</code></td>
<td>${explanationHtml(f)}</td><td><code>${escapeHtml(f.rule)}</code></td></tr>`,
    )
    .join('\n');
  return `${HEAD(`审核报告 ${row.file}`)}
<p><a href="../summary.html">← 返回汇总</a></p>
<h1>审核报告</h1>
<p>文件：${escapeHtml(row.file)}<br>单位：${escapeHtml(row.unit)}　年度：${escapeHtml(row.year)}<br>
结果：<span class="error">${r.summary.error} 个错误</span>，<span class="warning">${r.summary.warning} 个警告</span>（其中 <span class="said">${r.summary.explained} 个已说明</span>），<span class="info">${r.summary.info} 条提示</span>；待处理 ${openCount(r.summary)} 个</p>
<h2>找到的表（${r.tables.length}/9）</h2>
<table><thead><tr><th>表</th><th>名称</th><th>工作表</th><th>区域</th></tr></thead><tbody>${tables}</tbody></table>
<h2>问题</h2>
<table><thead><tr><th>级别</th><th>问题</th><th>应为</th><th>实为</th><th>差额</th><th>单元格</th><th>单位的说明</th><th>规则</th></tr></thead><tbody>
${findings || '<tr><td colspan="8" class="ok">未发现问题</td></tr>'}
</tbody></table></body></html>
`;
}

function explanationHtml(f: Finding): string {
  if (!f.explanation) return '';
  const date = f.explanation.date ? `<small>（${escapeHtml(f.explanation.date)}）</small>` : '';
  return f.explanation.stale
    ? `<span class="stale">说明已失效（所涉数值已改动）：</span>${escapeHtml(f.explanation.text)}${date}`
    : `<span class="said">已说明：</span>${escapeHtml(f.explanation.text)}${date}`;
}

/** CSV for Excel: UTF-8 with BOM, quoted fields, formula-like text neutralised. One row per workbook in file order. */
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
    openFindings(r.report).slice(0, 3).map((f) => f.message).join('；'),
  ]);
  return `\ufeff${[header, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  // A leading =, +, -, @ would run as a formula when the CSV is opened in Excel.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
