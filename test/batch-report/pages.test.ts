// The batch report's pages as text: the summary's one script allowed by its hash and nothing else, a compact
// row per workbook, the overview, the detail page's cell chips and rule anchors, the CSV; and the size of the
// summary for 1,000 workbooks (printed; bounded loosely).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Finding, countBySeverity } from '../../src/core/findings/finding';
import { summaryHtml } from '../../src/cli/batch-report/summary-page';
import { detailHtml } from '../../src/cli/batch-report/detail-page';
import { summaryCsv } from '../../src/cli/batch-report/csv';
import { batchEntries, sortEntries, type BatchRow } from '../../src/cli/batch-report/model';
import { syntheticRows } from '../support/batch-rows';
import { parse } from 'acorn';
import { SUMMARY_SCRIPT } from '../../src/cli/batch-report/summary-script';

const META = { generated: '2025/4/1 10:00:00', seconds: 1.5 };

test('summary: exactly one script, allowed by its SHA-256 in the CSP; no network source of any kind', () => {
  const html = summaryHtml(syntheticRows(20), META);
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(scripts[0][1], 'utf8').digest('base64');
  assert.match(csp, /^default-src 'none'; /);
  assert.ok(csp.includes(`script-src 'sha256-${hash}'`), csp);
  assert.doesNotMatch(csp, /unsafe-eval|https?:|\*/);
  assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'nothing to fetch');
});

test('the summary’s script is ES5 (browsers government desktops still carry) and holds no markup', () => {
  assert.doesNotThrow(() => parse(SUMMARY_SCRIPT, { ecmaVersion: 5 }));
  assert.doesNotMatch(SUMMARY_SCRIPT, /<\/script|<!--/i);
  assert.match(SUMMARY_SCRIPT, /\/（\\d\+ 个）\$\//, 'escapes survive the template literal');
});

test('summary: one row per workbook, most open first, counts and the top open problem; the overview links to the filtered list', () => {
  const rows = syntheticRows(60);
  const html = summaryHtml(rows, META);
  const order = [...html.matchAll(/<tr data-i="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, sortEntries(batchEntries(rows), 'open').map((e) => e.index));
  const first = batchEntries(rows).find((e) => e.index === order[0])!;
  assert.ok(html.includes(first.top!.message), 'the top problem’s full text is in the row (truncated by CSS, opened by a click)');
  assert.match(html, /<a href="#rule=[a-z0-9-]+&amp;sev=(error|warning|info)">/);
  assert.match(html, /<td class="y guess" title="取自文件名（工作簿内未写明年度）">2024<\/td>/);
  assert.doesNotMatch(html, /<td class="y[^"]*"[^>]*><\/td>/, 'no empty year');
  assert.doesNotMatch(html, /undefined|NaN/);
});

test('summary: workbook text is inert everywhere (cells, attributes, the data the script reads)', () => {
  const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const f: Finding = { rule: `r${evil}`, severity: 'error', message: evil, cells: [evil] };
  const row: BatchRow = { file: `${evil}.xlsx`, unit: evil, year: evil, report: { file: evil, tables: [], findings: [f], summary: countBySeverity([f]) }, detailHref: `details/${evil}.html`, jsonHref: 'reports/x.json' };
  for (const html of [summaryHtml([row], META), detailHtml(row)]) {
    assert.equal((html.match(/<script/g) ?? []).length, html.includes('script-src') ? 1 : 0);
    assert.doesNotMatch(html, /<img/);
  }
});

test('detail page: cell references as chips that never break inside, “等 N 个” past twelve; the first finding of each rule is its anchor', () => {
  const cells = Array.from({ length: 15 }, (_, i) => `公开06表!C${i + 6}`);
  const findings: Finding[] = [
    { rule: 'x06-05-contributions', severity: 'warning', message: '甲', cells: cells.slice(0, 2) },
    { rule: 't06-class-sum', severity: 'error', message: '乙', cells },
    { rule: 'x06-05-contributions', severity: 'warning', message: '丙', cells: [], explanation: { text: '已核实', stale: false } },
  ];
  const html = detailHtml({ file: '株洲/a.xlsx', unit: '某单位', year: '2024', yearSource: 'file', report: { file: '株洲/a.xlsx', tables: [], findings, summary: countBySeverity(findings) }, detailHref: 'details/001-a.html', jsonHref: 'reports/001-a.json', markedHref: '../标记/001-a.标记.xlsx' });
  assert.match(html, /<ul class="cells"><li>公开06表!C6<\/li><li>公开06表!C7<\/li><li>/);
  assert.equal((html.match(/<li>公开06表!C/g) ?? []).length, 2 + 12);
  assert.match(html, /<li class="more">等 15 个<\/li>/);
  assert.match(html, /ul\.cells li\{white-space:nowrap/);
  assert.deepEqual([...html.matchAll(/<tr id="rule-([^"]+)"/g)].map((m) => m[1]), ['t06-class-sum', 'x06-05-contributions'], 'errors first; one anchor per rule');
  assert.match(html, /<a href="..\/reports\/001-a.json">JSON<\/a> · <a href="..\/..\/标记\/001-a.标记.xlsx">标记副本<\/a>/);
  assert.match(html, /年度：2024 <small>（取自文件名（工作簿内未写明年度））<\/small>/);
});

test('CSV: BOM, the same columns, relative paths, the year filled, the top open problems errors first', () => {
  const rows = syntheticRows(5);
  const csv = summaryCsv(rows);
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  assert.equal(lines[0], '"序号","文件","单位名称","年度","错误","警告","提示","已说明","待处理","主要问题（待处理）"');
  assert.equal(lines.length, 6);
  assert.ok(lines[1].startsWith(`"1","${rows[0].file}",`));
  for (const line of lines.slice(1)) assert.match(line, /^"\d+","[^/"][^"]*","[^"]*","(\d{4}|未识别)",/);
});

test('1,000 workbooks: the summary stays light (size and build time printed)', () => {
  const rows = syntheticRows(1000);
  const started = performance.now();
  const html = summaryHtml(rows, META);
  const ms = performance.now() - started;
  const bytes = Buffer.byteLength(html);
  assert.equal((html.match(/<tr data-i=/g) ?? []).length, 1000);
  // Loose bound: about 1 KB a workbook today; three times that means something repeats per row that should not.
  assert.ok(bytes < 3 * 1024 * 1024, `${bytes} bytes`);
  console.log(`summary.html for 1,000 workbooks: ${(bytes / 1024).toFixed(0)} KiB (${(bytes / 1000).toFixed(0)} bytes a row), built in ${ms.toFixed(0)} ms`);
});
