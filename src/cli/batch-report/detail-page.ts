/**
 * details/NNN-name.html: one workbook's findings. Cell references are chips that never break inside (a list
 * that wraps between references); the first finding of each rule carries id="rule-…" so that the summary,
 * filtered by a rule, opens the page there. No script.
 */
import { type Finding, openCount, sortFindings } from '../../core/findings/finding';
import { TABLE_NAMES, type TableCode } from '../../core/tables/codes';
import { SEVERITY_LABEL, escapeHtml, hrefOf, pageHead } from './html';
import type { BatchRow } from './model';
import { YEAR_SOURCE_NOTE } from './year';

/** Cells listed before “等 N 个”: enough to find the place, short enough to read. */
const MAX_CELLS = 12;

const DETAIL_CSS = `
.facts{margin:4px 0 12px}.facts p{margin:2px 0}
table.findings{table-layout:fixed}
table.findings th.c0{width:6em}table.findings th.c2,table.findings th.c3,table.findings th.c4{width:5.6em}
table.findings th.c5{width:14em}table.findings th.c6{width:14%}table.findings th.c7{width:10em}
table.findings td{overflow-wrap:anywhere}
table.findings td.n{overflow-wrap:normal}
table.tables td{overflow-wrap:anywhere}
@media screen and (max-width:959px){
  body{margin:12px}
  table.findings,table.findings tbody,table.findings tr{display:block}
  table.findings thead{display:none}
  table.findings tr{padding:6px 0;border-bottom:1px solid #c8c6c4}
  table.findings td{display:block;border:0;padding:1px 0}
  table.findings td.n{display:inline-block;padding-right:12px;text-align:left}
  table.findings td.n:empty{display:none}
  td.c2::before{content:"应为 "}td.c3::before{content:"实为 "}td.c4::before{content:"差额 "}td.c7::before{content:"规则 "}
  table.findings td::before{color:#605e5c}
}
`;

function level(f: Finding): string {
  const label = SEVERITY_LABEL[f.severity];
  if (!f.explanation) return label;
  return f.explanation.stale ? `${label}（说明已失效）` : `${label}（已说明）`;
}

function cellsHtml(cells: readonly string[]): string {
  if (cells.length === 0) return '';
  const shown = cells.slice(0, MAX_CELLS).map((c) => `<li>${escapeHtml(c)}</li>`);
  if (cells.length > MAX_CELLS) shown.push(`<li class="more">等 ${cells.length} 个</li>`);
  return `<ul class="cells">${shown.join('')}</ul>`;
}

function explanationHtml(f: Finding): string {
  if (!f.explanation) return '';
  const date = f.explanation.date ? `<small>（${escapeHtml(f.explanation.date)}）</small>` : '';
  return f.explanation.stale
    ? `<span class="stale">说明已失效（所涉数值已改动）：</span>${escapeHtml(f.explanation.text)}${date}`
    : `<span class="said">已说明：</span>${escapeHtml(f.explanation.text)}${date}`;
}

/** Without any explanation in the workbook, the 单位的说明 column is left out (its width goes to the message). */
function findingsHtml(findings: readonly Finding[], explained: boolean): string {
  const anchored = new Set<string>();
  return sortFindings(findings)
    .map((f) => {
      const id = anchored.has(f.rule) ? '' : ` id="rule-${escapeHtml(encodeURIComponent(f.rule))}"`;
      anchored.add(f.rule);
      return `<tr${id}><td class="c0 ${f.severity}">${escapeHtml(level(f))}</td><td class="c1">${escapeHtml(f.message)}</td><td class="n c2">${escapeHtml(f.expected ?? '')}</td><td class="n c3">${escapeHtml(f.actual ?? '')}</td><td class="n c4">${escapeHtml(f.difference ?? '')}</td><td class="c5">${cellsHtml(f.cells)}</td>${explained ? `<td class="c6">${explanationHtml(f)}</td>` : ''}<td class="c7"><code>${escapeHtml(f.rule)}</code></td></tr>`;
    })
    .join('\n');
}

export function detailHtml(row: BatchRow): string {
  const r = row.report;
  const s = r.summary;
  const links = [`<a href="../${escapeHtml(hrefOf(row.jsonHref))}">JSON</a>`];
  if (row.markedHref) links.push(`<a href="../${escapeHtml(hrefOf(row.markedHref))}">标记副本</a>`);
  const tables = r.tables
    .map((t) => `<tr><td>公开${t.code}表</td><td>${escapeHtml(TABLE_NAMES[t.code as TableCode] ?? t.title)}</td><td>${escapeHtml(t.sheet)}</td><td>${escapeHtml(t.range)}</td></tr>`)
    .join('');
  const explained = r.findings.some((f) => f.explanation);
  const yearNote = row.yearSource && row.yearSource !== 'tables' ? ` <small>（${YEAR_SOURCE_NOTE[row.yearSource]}）</small>` : '';
  return `${pageHead(`审核报告 ${row.file}`, DETAIL_CSS)}
<nav class="no-print"><a href="../summary.html">← 返回汇总</a> · ${links.join(' · ')}</nav>
<h1>审核报告</h1>
<div class="facts"><p>文件：${escapeHtml(row.file)}</p><p>单位：${escapeHtml(row.unit || '未识别')}　年度：${escapeHtml(row.year)}${yearNote}</p>
<p>结果：<span class="error">${s.error} 个错误</span>，<span class="warning">${s.warning} 个警告</span>（其中 <span class="said">${s.explained} 个已说明</span>），<span class="info">${s.info} 条提示</span>；待处理 ${openCount(s)} 个</p></div>
<h2>问题（${r.findings.length}）</h2>
<table class="findings"><thead><tr><th class="c0">级别</th><th class="c1">问题</th><th class="c2 n">应为</th><th class="c3 n">实为</th><th class="c4 n">差额</th><th class="c5">单元格</th>${explained ? '<th class="c6">单位的说明</th>' : ''}<th class="c7">规则</th></tr></thead><tbody>
${findingsHtml(r.findings, explained) || `<tr><td colspan="${explained ? 8 : 7}" class="ok">未发现问题</td></tr>`}
</tbody></table>
<h2>找到的表（${r.tables.length}/9）</h2>
<table class="tables"><thead><tr><th>表</th><th>名称</th><th>工作表</th><th>区域</th></tr></thead><tbody>${tables || '<tr><td colspan="4">未找到公开01–09表</td></tr>'}</tbody></table>
</body></html>
`;
}
