/**
 * summary.html: one compact line per workbook (file, unit, year, 结论, counts, the top open problem in one
 * truncated line that expands), the tools to sort and filter (summary-script.ts), and the per-rule overview
 * linking to the filtered list. Sized for 1,000 workbooks: a row is its cells and a few data attributes, the
 * full problem text appears once.
 */
import { SEVERITY_LABEL, escapeHtml, hrefOf, pageHead } from './html';
import { type BatchEntry, type BatchRow, type RuleLine, type SortKey, batchEntries, encodeKey, ruleOverview, ruleTitle, sortEntries, tableCounts } from './model';
import { SUMMARY_SCRIPT, SUMMARY_SCRIPT_HASH } from './summary-script';
import { SUMMARY_CSS } from './summary-style';
import { YEAR_SOURCE_NOTE } from './year';
import { TABLE_NAMES, type TableCode } from '../../core/tables/codes';

const STATUS = {
  error: '<span class="badge error">有错误</span>',
  open: '<span class="badge warning">待核实</span>',
  ok: '<span class="badge ok">通过</span>',
} as const;

/** The list's columns: header, sort key (when sortable), its tooltip, whether it holds numbers. */
const COLUMNS: Array<{ label: string; sort?: SortKey; title?: string; n?: boolean }> = [
  { label: '#' },
  { label: '文件', sort: 'file', title: '按文件顺序' },
  { label: '单位', sort: 'unit' },
  { label: '年度', sort: 'year' },
  { label: '结论' },
  { n: true, label: '待处理', sort: 'open', title: '错误和未说明的警告' },
  { n: true, label: '错误', sort: 'error' },
  { n: true, label: '警告', sort: 'warning' },
  { n: true, label: '已说明', sort: 'explained', title: '单位已说明的警告' },
  { n: true, label: '提示', sort: 'info' },
  { label: '主要问题（待处理）' },
];

const SORT_OPTIONS: Array<[string, string]> = [
  ['open:desc', '待处理多的在前'],
  ['error:desc', '错误多的在前'],
  ['warning:desc', '警告多的在前'],
  ['explained:desc', '已说明多的在前'],
  ['info:desc', '提示多的在前'],
  ['file:asc', '文件顺序'],
  ['unit:asc', '单位名称'],
  ['year:desc', '年度（新的在前）'],
];

const SEVERITY_OPTIONS: Array<[string, string]> = [
  ['', '全部'],
  ['error', '有错误'],
  ['open', '有待处理（错误或未说明的警告）'],
  ['warning', '有警告'],
  ['info', '有提示'],
  ['clean', '无待处理问题'],
];

function num(value: number, cls: string): string {
  return `<td class="n ${cls}${value === 0 ? ' z' : ''}">${value}</td>`;
}

function topCell(e: BatchEntry): string {
  if (!e.top) return `<td class="t"><span class="ok">无待处理问题</span></td>`;
  const more = e.moreOpen > 0 ? `<p>另有 ${e.moreOpen} 个待处理问题，见详情。</p>` : '';
  return `<td class="t"><details><summary><b class="${e.top.severity}">${SEVERITY_LABEL[e.top.severity]}</b> ${escapeHtml(e.top.message)}</summary>${more}</details></td>`;
}

function yearCell(row: BatchRow): string {
  const source = row.yearSource ?? 'tables';
  const cls = source === 'file' || source === 'none' ? ' guess' : '';
  return `<td class="y${cls}"${source === 'tables' ? '' : ` title="${escapeHtml(YEAR_SOURCE_NOTE[source])}"`}>${escapeHtml(row.year)}</td>`;
}

function rowHtml(e: BatchEntry): string {
  const s = e.row.report.summary;
  const data = `data-i="${e.index}" data-o="${e.open}" data-e="${s.error}" data-w="${s.warning}" data-n="${s.info}" data-x="${s.explained}" data-y="${escapeHtml(e.row.year)}" data-k="${escapeHtml(e.keys.map(encodeKey).join(' '))}"`;
  return `<tr ${data}><td class="n">${e.index + 1}</td><td class="f" title="${escapeHtml(e.row.file)}"><a class="d" href="${escapeHtml(hrefOf(e.row.detailHref))}">${escapeHtml(e.row.file)}</a></td><td class="u" title="${escapeHtml(e.row.unit || '未识别')}">${escapeHtml(e.row.unit || '未识别')}</td>${yearCell(e.row)}<td class="s">${STATUS[e.status]}</td>${num(e.open, 'c-o')}${num(s.error, 'c-e')}${num(s.warning, 'c-w')}${num(s.explained, 'c-x')}${num(s.info, 'c-n')}${topCell(e)}</tr>`;
}

function headerHtml(): string {
  return `<thead><tr>${COLUMNS.map((c, i) => {
    const inner = c.sort ? `<button type="button" class="sort" data-sort="${c.sort}"${c.title ? ` title="${c.title}"` : ''}>${c.label}</button>` : c.label;
    return `<th scope="col" class="h${i}${c.n ? ' n' : ''}"${c.sort ? ` data-col="${c.sort}"` : ''}>${inner}</th>`;
  }).join('')}</tr></thead>`;
}

function options(list: Array<[string, string]>): string {
  return list.map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`).join('');
}

function toolsHtml(entries: readonly BatchEntry[]): string {
  const tables = [...tableCounts(entries)].map(([code, n]): [string, string] => [code, `公开${code}表 ${TABLE_NAMES[code as TableCode] ?? ''}（${n} 个）`]);
  const rules = new Map<string, { title: string; workbooks: Set<number> }>();
  for (const e of entries)
    for (const k of e.keys) {
      const line = rules.get(k.rule) ?? { title: ruleTitle(k.rule), workbooks: new Set<number>() };
      line.workbooks.add(e.index);
      rules.set(k.rule, line);
    }
  const ruleOptions = [...rules]
    .sort((a, b) => b[1].workbooks.size - a[1].workbooks.size || a[0].localeCompare(b[0]))
    .map(([id, r]): [string, string] => [id, `${r.title}（${r.workbooks.size} 个）`]);
  return `<form id="tools" class="tools no-print" hidden aria-label="筛选和排序">
<label>级别 <select id="f-sev">${options(SEVERITY_OPTIONS)}</select></label>
<label>表 <select id="f-table">${options([['', '全部'], ...tables])}</select></label>
<label class="wide">规则 <select id="f-rule">${options([['', '全部'], ...ruleOptions])}</select></label>
<label>查找 <input id="f-q" type="search" placeholder="文件名或单位" autocomplete="off"></label>
<label>排序 <select id="f-sort">${options(SORT_OPTIONS)}</select></label>
<button type="button" id="f-clear">清除筛选</button>
</form>`;
}

/** Overview lines shown before “显示全部”: the checks failing most often (all of them print). */
const OVERVIEW_FIRST = 12;

function overviewHtml(lines: readonly RuleLine[], total: number): string {
  if (lines.length === 0) return `<section id="overview"><h2>按规则汇总</h2><p class="ok">所有工作簿都未发现问题。</p></section>`;
  const body = lines
    .map((l, i) => {
      const href = `#rule=${encodeURIComponent(l.rule)}&sev=${l.severity}`;
      return `<tr${i >= OVERVIEW_FIRST ? ' class="extra"' : ''}><td><a href="${escapeHtml(href)}">${escapeHtml(l.title)}</a> <code>${escapeHtml(l.rule)}</code></td><td><span class="badge ${l.severity}">${SEVERITY_LABEL[l.severity]}</span></td><td class="n o-w">${l.workbooks}<small> / ${total}</small></td><td class="n o-f">${l.findings}</td><td class="n o-x${l.explained ? '' : ' z'}">${l.explained}</td></tr>`;
    })
    .join('\n');
  // Without a script: a checkbox shows the rest (CSS :checked), and print shows every line.
  const extra = lines.length > OVERVIEW_FIRST;
  const toggle = extra ? '<input type="checkbox" id="all-rules" class="toggle no-print">' : '';
  const label = extra ? `<label for="all-rules" class="toggle no-print">显示全部 ${lines.length} 条（另有 ${lines.length - OVERVIEW_FIRST} 条）</label>` : '';
  return `<section id="overview"><h2>按规则汇总</h2>
<p class="muted no-print">每条审核规则在多少个工作簿中发现问题（同一规则按级别分行），问题多的在前；点规则名只看这些工作簿。</p>
${toggle}
<table class="overview"><thead><tr><th scope="col">规则</th><th scope="col">级别</th><th scope="col" class="n">工作簿</th><th scope="col" class="n">问题数</th><th scope="col" class="n">已说明</th></tr></thead><tbody>
${body}
</tbody></table>${label}</section>`;
}

/**
 * The page. Rows start most open findings first (what a reviewer does first; also the order without the
 * script); 待处理 = errors + warnings without an explanation that applies.
 */
export function summaryHtml(rows: readonly BatchRow[], meta: { generated: string; seconds: number }): string {
  const entries = batchEntries(rows);
  const overview = ruleOverview(entries);
  const totals = rows.reduce(
    (t, r) => ({ error: t.error + r.report.summary.error, warning: t.warning + r.report.summary.warning, explained: t.explained + r.report.summary.explained }),
    { error: 0, warning: 0, explained: 0 },
  );
  const open = entries.reduce((n, e) => n + e.open, 0);
  const withErrors = entries.filter((e) => e.status === 'error').length;
  const clean = entries.filter((e) => e.status === 'ok').length;
  const guessed = rows.some((r) => r.yearSource === 'file' || r.yearSource === 'none');
  return `${pageHead('部门决算批量审核汇总', SUMMARY_CSS, SUMMARY_SCRIPT_HASH)}
<header><h1>部门决算批量审核汇总</h1>
<p>共 <b>${rows.length}</b> 个工作簿：<span class="error">${withErrors} 个有错误</span>，${entries.length - withErrors - clean} 个待核实，<span class="ok">${clean} 个通过</span>。错误合计 ${totals.error} 个，警告 ${totals.warning} 个（其中 ${totals.explained} 个已由单位说明）；待处理的错误和警告共 ${open} 个。</p>
<p class="muted">生成于 ${escapeHtml(meta.generated)}，用时 ${meta.seconds.toFixed(1)} 秒。全部在本机完成，未上传任何数据。</p>
<nav class="no-print"><a href="#overview">按规则汇总</a> · <a href="#list">工作簿列表</a> · <a href="summary.csv">summary.csv</a></nav></header>
${overviewHtml(overview, rows.length)}
<section id="list"><h2>工作簿</h2>
${toolsHtml(entries)}
<p id="shown" aria-live="polite">共 ${rows.length} 个工作簿，待处理多的在前</p>
<table class="rows">${headerHtml()}
<tbody id="rows">
${sortEntries(entries, 'open').map(rowHtml).join('\n')}
</tbody></table>
<p id="none" hidden>没有符合条件的工作簿。</p>
${guessed ? `<p class="muted">年度下有虚线的：工作簿内未写明年度，取自文件名或未识别。</p>` : ''}
</section>
<script>${SUMMARY_SCRIPT}</script>
</body></html>
`;
}
