// The batch report (`check FOLDER --report DIR`) in headless Chromium, opened from disk (file://) as a reviewer
// opens it, at 1280 and 400 px wide:
//   - a real report of a folder (the sample, a copy in a subfolder, an unreadable file): no horizontal overflow,
//     no column squeezed to a character or two, relative paths, the year filled, cell references in the detail
//     page never broken inside;
//   - 1,000 synthetic workbooks: size, load, sort and filter times printed; sorting by the headers and
//     filtering by severity, table, rule and text give the rows the model gives (model.ts), the per-rule
//     overview opens the filtered list and the detail page at that rule; a filtered address reopens filtered;
//   - print (emulated, and a PDF): no tools, no fixed headers, rows kept whole, the problem text in full;
//   - without JavaScript: the list is complete, most open first, the tools hidden;
//   - the page's CSP: the one script runs (its hash), no violation, nothing but file:// requested, and an
//     injected inline script is refused.
// Screenshots and the PDF are kept under test-artifacts/batch-report/ (git-ignored; printed below).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { summaryHtml } from '../../src/cli/batch-report/summary-page';
import { detailHtml } from '../../src/cli/batch-report/detail-page';
import { type BatchEntry, type BatchFilter, type SortDir, type SortKey, batchEntries, filterEntries, ruleOverview, sortEntries } from '../../src/cli/batch-report/model';
import { syntheticRows } from '../support/batch-rows';
import { SEED } from '../helpers';
import { ROOT, lowContrast } from './support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;
const ARTIFACTS = join(process.env.JUESUAN_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'batch-report');
const WIDTHS = [1280, 400] as const;

let browser: Browser;
let work: string;
/** The CLI's report of a small real folder. */
let real: string;
/** summary.html and details for 1,000 synthetic workbooks. */
let big: string;
let bigEntries: BatchEntry[];

before(async () => {
  if (skip) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  console.log(`batch report screenshots and PDF: ${ARTIFACTS}`);
  work = mkdtempSync(join(tmpdir(), 'juesuan-batch-browser-'));
  const input = join(work, '决算');
  mkdirSync(join(input, '株洲', '二级单位'), { recursive: true });
  copyFileSync(SEED, join(input, 'seed-2024.xlsx'));
  copyFileSync(SEED, join(input, '株洲', '二级单位', '长株潭事务中心 2024年度部门决算.xlsx'));
  writeFileSync(join(input, '株洲', 'broken.xlsx'), 'not a workbook');
  real = join(work, 'report');
  const code = await main(['check', input, '--report', real], { out: () => {}, err: () => {} });
  assert.equal(code, 1, 'the sample has a real error');
  big = join(work, 'big');
  mkdirSync(join(big, 'details'), { recursive: true });
  const rows = syntheticRows(1000);
  bigEntries = batchEntries(rows);
  writeFileSync(join(big, 'summary.html'), summaryHtml(rows, { generated: '2025/4/1 10:00:00', seconds: 80 }));
  for (const row of rows) writeFileSync(join(big, row.detailHref), detailHtml(row));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested. */
  requests: string[];
  errors: string[];
}

async function open(file: string, width: number, options: { javaScript?: boolean; hash?: string } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', javaScriptEnabled: options.javaScript ?? true });
  // Before any script of the page: CSP violations recorded (an init script is not subject to the page's CSP).
  await context.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });`);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href + (options.hash ?? ''));
  return { page, context, requests, errors };
}

async function close(o: Opened, options: { javaScript?: boolean } = {}): Promise<void> {
  if (options.javaScript !== false) assert.deepEqual(await o.page.evaluate('window.__csp'), [], 'no CSP violation');
  assert.deepEqual(o.errors, []);
  assert.deepEqual(o.requests.filter((u) => !u.startsWith('file://')), [], 'nothing but the report’s own files');
  await o.context.close();
}

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** Visible cells of the report's tables narrower than 2.5 characters of their font. */
  narrow: string[];
}

// Source text, not a function: tsx (esbuild) would wrap named helpers in __name(), unknown in the page.
const LAYOUT = `(function () {
  var narrow = [];
  var cells = document.querySelectorAll('table th, table td');
  for (var i = 0; i < cells.length && narrow.length < 10; i++) {
    var cell = cells[i];
    var box = cell.getBoundingClientRect();
    if (!box.width || !box.height || !cell.textContent.trim() || cell.closest('tr[hidden], tr.extra')) continue;
    var em = parseFloat(getComputedStyle(cell).fontSize);
    if (box.width < 2.5 * em) narrow.push(cell.tagName + '.' + cell.className + ' ' + box.width.toFixed(0) + 'px “' + cell.textContent.trim().slice(0, 12) + '”');
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, narrow: narrow };
})()`;

async function assertFits(page: Page, what: string): Promise<void> {
  const layout = (await page.evaluate(LAYOUT)) as Layout;
  assert.ok(layout.scrollWidth <= layout.innerWidth, `${what}: page ${layout.scrollWidth}px wide in a ${layout.innerWidth}px window`);
  assert.deepEqual(layout.narrow, [], `${what}: columns squeezed to a character or two`);
}

/** The rows shown, top to bottom, as file-order indexes. */
async function shownRows(page: Page): Promise<number[]> {
  return page.evaluate(`Array.prototype.filter.call(document.querySelectorAll('#rows tr'), function (tr) { return !tr.hidden; }).map(function (tr) { return Number(tr.dataset.i); })`) as Promise<number[]>;
}

const indexes = (list: readonly BatchEntry[]) => list.map((e) => e.index);
const expected = (filter: BatchFilter, key: SortKey = 'open', dir?: SortDir) => indexes(filterEntries(sortEntries(bigEntries, key, dir), filter));

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage });
}

test('a real folder’s report fits 1280 and 400 px: relative paths, the year filled, no squeezed column; detail pages with whole cell references', { skip, timeout: 120_000 }, async () => {
  for (const width of WIDTHS) {
    const o = await open(join(real, 'summary.html'), width);
    const text = (await o.page.textContent('body')) ?? '';
    assert.ok(!text.includes(work), 'no absolute path');
    for (const shown of ['seed-2024.xlsx', '株洲/二级单位/长株潭事务中心 2024年度部门决算.xlsx', '株洲/broken.xlsx']) assert.ok(text.includes(shown), shown);
    const years = await o.page.$$eval('#rows td.y', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual([...years].sort(), ['2024', '2024', '未识别'], 'the sample and its copy name 2024 in the file name; the broken file nothing');
    await assertFits(o.page, `summary at ${width}px`);
    assert.deepEqual(await lowContrast(o.page), [], 'text below 4.5:1 contrast');
    await shot(o.page, `real-summary-${width}.png`, true);
    // The detail page of the sample: every cell reference on one line (chips wrap between references only).
    await o.page.click('a.d >> text=seed-2024.xlsx');
    await o.page.waitForURL(/details\//);
    const broken = await o.page.evaluate(`Array.prototype.filter.call(document.querySelectorAll('ul.cells li'), function (li) {
      var range = document.createRange(); range.selectNodeContents(li);
      var tops = {}; Array.prototype.forEach.call(range.getClientRects(), function (r) { tops[Math.round(r.top)] = true; });
      return Object.keys(tops).length > 1;
    }).map(function (li) { return li.textContent; })`);
    assert.deepEqual(broken, [], 'cell references broken across lines');
    assert.ok((await o.page.$$('ul.cells li')).length >= 20, 'the sample’s findings list their cells');
    await assertFits(o.page, `detail page at ${width}px`);
    assert.deepEqual(await lowContrast(o.page), [], 'text below 4.5:1 contrast');
    await shot(o.page, `real-detail-${width}.png`, true);
    await close(o);
  }
});

test('1,000 workbooks: figures; sorting by the headers and filtering by severity, table, rule and text agree with the model', { skip, timeout: 180_000 }, async () => {
  const o = await open(join(big, 'summary.html'), 1280);
  const { page } = o;
  const timing = (await page.evaluate(`(function () { var n = performance.getEntriesByType('navigation')[0]; return { dom: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()`)) as { dom: number; load: number };
  const measure = (action: string) => page.evaluate(`(function () { var t = performance.now(); ${action}; document.body.offsetHeight; return performance.now() - t; })()`) as Promise<number>;
  const size = statSync(join(big, 'summary.html')).size;
  assert.deepEqual(await shownRows(page), expected({}), 'most open first');
  assert.equal(await page.textContent('#shown'), '显示全部 1000 个工作簿');
  await assertFits(page, '1,000 rows at 1280px');
  await shot(page, 'big-1280.png');
  // Scrolled far down the list, the column headers are still at the top of the window.
  await page.evaluate(`window.scrollTo(0, document.getElementById('rows').rows[500].offsetTop)`);
  assert.ok(Math.abs((await page.locator('th[data-col=open]').boundingBox())!.y) < 2, 'sticky headers');
  await shot(page, 'big-scrolled-1280.png');
  await page.evaluate('window.scrollTo(0, 0)');

  const sortMs = await measure(`document.querySelector('th[data-col=error] button').click()`);
  assert.deepEqual(await shownRows(page), expected({}, 'error', 'desc'), 'errors, most first');
  assert.equal(await page.getAttribute('th[data-col=error]', 'aria-sort'), 'descending');
  await page.click('th[data-col=error] button');
  assert.deepEqual(await shownRows(page), expected({}, 'error', 'asc'), 'a second click: fewest first');
  await page.click('th[data-col=unit] button');
  assert.deepEqual(await shownRows(page), expected({}, 'unit', 'asc'), 'units in Chinese order');
  await page.click('th[data-col=file] button');
  assert.deepEqual(await shownRows(page), expected({}, 'file', 'asc'));

  await page.selectOption('#f-sort', 'open:desc');
  const filterMs = await measure(`var s = document.getElementById('f-sev'); s.value = 'open'; s.dispatchEvent(new Event('change'))`);
  assert.deepEqual(await shownRows(page), expected({ severity: 'open' }));
  await page.selectOption('#f-table', '06');
  const openIn06 = expected({ severity: 'open', table: '06' });
  assert.deepEqual(await shownRows(page), openIn06);
  assert.equal(await page.textContent('#shown'), `显示 ${openIn06.length} 个，共 1000 个工作簿（级别：有待处理（错误或未说明的警告）；表：公开06表 一般公共预算财政拨款基本支出决算明细表）`);
  assert.match(page.url(), /#sev=open&table=06$/, 'the filter is in the address');
  await shot(page, 'big-filtered-open-06-1280.png');
  // Reopened from that address (a bookmark), still filtered.
  await page.reload();
  assert.deepEqual(await shownRows(page), openIn06);
  assert.equal(await page.inputValue('#f-table'), '06');

  await page.fill('#f-q', '株洲市');
  assert.deepEqual(await shownRows(page), expected({ severity: 'open', table: '06', text: '株洲市' }));
  await page.fill('#f-q', '没有这个单位');
  assert.deepEqual(await shownRows(page), []);
  assert.ok(await page.isVisible('#none'), '“没有符合条件的工作簿” shown');
  await page.click('th[data-col=warning] button');
  await page.click('#f-clear');
  assert.deepEqual(await shownRows(page), expected({}, 'warning', 'desc'), '清除筛选 clears the filters, keeps the order');
  assert.equal(await page.inputValue('#f-q'), '');

  // The overview: its first line opens the list filtered by that rule and severity; a row opens the detail page there.
  const first = ruleOverview(bigEntries)[0];
  await page.click('table.overview tbody tr:first-child a');
  const byRule = expected({ rule: first.rule, severity: first.severity });
  assert.equal(byRule.length, first.workbooks, 'as many rows as the overview counts');
  assert.deepEqual(await shownRows(page), byRule);
  assert.equal(await page.inputValue('#f-rule'), first.rule);
  await shot(page, 'big-by-rule-1280.png');
  await page.click('#rows tr:not([hidden]) a.d');
  await page.waitForURL(/details\//);
  assert.ok(page.url().endsWith(`#rule-${first.rule}`), page.url());
  assert.equal(await page.evaluate(`document.querySelector(':target') && document.querySelector(':target').id`), `rule-${first.rule}`);
  await page.goBack();
  assert.deepEqual(await shownRows(page), byRule, 'back in the list, still filtered');

  // The top problem: one line until opened, then in full (and the row's file and unit unfold with it).
  await page.click('#f-clear');
  const summary = page.locator('#rows tr:first-child td.t summary');
  const closed = (await summary.boundingBox())!.height;
  await summary.click();
  assert.ok((await summary.boundingBox())!.height > closed * 1.5, 'opened, the problem wraps to its full length');
  assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('#rows tr:first-child td.f')).whiteSpace`), 'normal');
  await shot(page, 'big-expanded-1280.png');
  console.log(`summary.html for 1,000 workbooks: ${(size / 1024).toFixed(0)} KiB; DOMContentLoaded ${timing.dom.toFixed(0)} ms, load ${timing.load.toFixed(0)} ms; a sort ${sortMs.toFixed(0)} ms, a filter ${filterMs.toFixed(0)} ms (Chromium, file://)`);
  await close(o);
});

test('1,000 workbooks at 400 px: cards, no overflow, no squeezed column; sorting and filtering from the tools', { skip, timeout: 120_000 }, async () => {
  const o = await open(join(big, 'summary.html'), 400);
  const { page } = o;
  await assertFits(page, '1,000 rows at 400px');
  await shot(page, 'big-400.png');
  await page.selectOption('#f-sort', 'warning:desc');
  assert.deepEqual(await shownRows(page), expected({}, 'warning', 'desc'));
  await page.selectOption('#f-sev', 'error');
  assert.deepEqual(await shownRows(page), expected({ severity: 'error' }, 'warning', 'desc'));
  await page.evaluate(`document.getElementById('list').scrollIntoView()`);
  await assertFits(page, 'filtered at 400px');
  await shot(page, 'big-filtered-400.png');
  assert.equal(await page.locator('table.overview tr.extra').first().isVisible(), false, 'the overview starts with the checks failing most');
  await page.click('label.toggle');
  assert.equal(await page.locator('table.overview tr.extra').last().isVisible(), true, '显示全部 shows every line');
  assert.equal(await page.isVisible('label.toggle'), false);
  await assertFits(page, 'every overview line at 400px');
  await close(o);
});

test('print: no tools, no fixed headers, rows kept whole, the problem text in full, links plain; a PDF is written', { skip, timeout: 120_000 }, async () => {
  const o = await open(join(big, 'summary.html'), 1280, { hash: '#sev=error&table=04' });
  const { page } = o;
  await page.emulateMedia({ media: 'print' });
  const style = (await page.evaluate(`(function () {
    var cs = function (sel) { return getComputedStyle(document.querySelector(sel)); };
    var positions = Array.prototype.map.call(document.querySelectorAll('body *'), function (e) { return getComputedStyle(e).position; });
    return {
      tools: cs('#tools').display, nav: cs('header nav').display, toggle: cs('label.toggle').display,
      summary: cs('#rows tr:not([hidden]) td.t summary').whiteSpace, file: cs('#rows tr:not([hidden]) td.f').whiteSpace, rowBreak: cs('#rows tr').breakInside,
      extra: cs('table.overview tr.extra').display, link: cs('a.d').textDecorationLine, after: getComputedStyle(document.querySelector('a.d'), '::after').content,
      fixed: positions.filter(function (p) { return p === 'fixed' || p === 'sticky'; }).length
    };
  })()`)) as Record<string, string | number>;
  assert.deepEqual(style, { tools: 'none', nav: 'none', toggle: 'none', summary: 'normal', file: 'normal', rowBreak: 'avoid', extra: 'table-row', link: 'none', after: 'none', fixed: 0 });
  assert.match((await page.textContent('#shown')) ?? '', /（级别：有错误；表：公开04表 /, 'the printed list says what it shows');
  await shot(page, 'print-1280.png');
  const pdf = join(ARTIFACTS, 'summary-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
  assert.ok(statSync(pdf).size > 10_000);
  await close(o);
});

test('without JavaScript: every row, most open first, no tools; the CSP allows the one script and refuses any other', { skip, timeout: 120_000 }, async () => {
  const off = await open(join(big, 'summary.html'), 1280, { javaScript: false });
  assert.deepEqual(await shownRows(off.page), expected({}));
  assert.equal(await off.page.isVisible('#tools'), false);
  await assertFits(off.page, 'without a script');
  await close(off, { javaScript: false });
  const on = await open(join(real, 'summary.html'), 1280);
  assert.equal(await on.page.isVisible('#tools'), true, 'the allowed script ran');
  await on.page.evaluate(`(function () { var s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s); })()`);
  assert.equal(await on.page.evaluate('window.__ran'), undefined, 'an injected inline script does not run');
  assert.match(((await on.page.evaluate('window.__csp')) as string[]).join('\n'), /script-src/);
  await on.context.close();
});
