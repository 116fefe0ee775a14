/**
 * What the report's pages share: escaping (everything from a workbook is text, never markup — cells may hold
 * "<script>"), the page head with its Content-Security-Policy, and the style sheet.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * A relative link to a file we wrote (NNN-name.html, a marked copy). Chinese stays as it is (the page is UTF-8
 * and browsers open such links from disk); “%”, “#”, “?”, spaces and quotes are percent-encoded so that a name
 * holding them still opens the file rather than being read as an escape, a fragment or a query.
 */
export function hrefOf(path: string): string {
  return path.replace(/[%#?\s"'<>\\]/g, (ch) => encodeURIComponent(ch));
}

/**
 * The head of every page. No network at all (default-src 'none'); inline styles; `script` is the one inline
 * script the summary carries, allowed by its hash (summary-script.ts); the detail pages have none.
 */
export function pageHead(title: string, css: string, scriptHash?: string): string {
  const scriptSrc = scriptHash ? `; script-src '${scriptHash}'` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'${scriptSrc}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${BASE_CSS}${css}</style></head><body>`;
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** Shared by the summary and the detail pages: type, colours (AA contrast on white), badges, cell chips, print. */
const BASE_CSS = `
*{box-sizing:border-box}
body{font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:16px 24px;color:#201f1e;line-height:1.45;font-size:14px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:20px 0 8px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e1dfdd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f2f1;font-weight:600;white-space:nowrap}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.z{color:#6b6966}
.error{color:#a4262c}.warning{color:#7a5600}.info{color:#005a9e}.ok{color:#0e700e}.said{color:#0e700e}.stale{color:#7a5600}
.badge{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 5px;font-size:12px;font-weight:600;border:1px solid currentColor}
small,.muted{color:#605e5c}
code{font-family:Consolas,"Courier New",monospace;font-size:12px}
a{color:#0f5ea8}
ul.cells{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 4px}
ul.cells li{white-space:nowrap;background:#f3f2f1;border-radius:3px;padding:0 4px;font-family:Consolas,"Courier New",monospace;font-size:12px}
@media print{
  @page{size:A4 landscape;margin:12mm}
  body{margin:0;font-size:10pt;color:#000}
  .no-print{display:none!important}
  thead{display:table-header-group}
  tr,li{break-inside:avoid;page-break-inside:avoid}
  h2{break-after:avoid;page-break-after:avoid}
  a{color:inherit;text-decoration:none}
  a[href]::after{content:none!important}
}
`;
