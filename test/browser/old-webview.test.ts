// Where the pane cannot run, boot.js (the page's first own script, ES5) shows a Chinese message with what to
// do instead of a dead "loading" pane (docs/deploy.md). Headless Chromium cannot be Internet Explorer 11, so
// each case withholds what an old webview lacks, against one production build:
//   - a modern built-in deleted before any script runs (what Trident/EdgeHTML lack) → reason "browser";
//   - a bundle that does not parse (what an ES2022 bundle is to an old engine) → reason "failed";
//   - Excel (the fake) with ExcelApi 1.6, below the pane's floor → reason "excel-api", Excel mode not started;
//   - the controls: the same build runs normally in Excel mode and as the standalone page, no message.
// Also the standalone page opened from disk (file://), as WPS users may do: a workbook checked end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { SEED } from '../helpers';
import { distSuite } from './dist-suite';
import { fakeOfficeScript, openPage } from './support';

const suite = distSuite();

const pageUrl = () => `${suite.server.origin}/taskpane.html`;

interface MessageState {
  mode: string | undefined;
  boxVisible: boolean;
  reason: string | null;
  shownReasons: string[];
  text: string;
  address: string;
  detail: string;
  mainVisible: boolean;
  startVisible: boolean;
  buttonsVisible: number;
}

/** What the user sees: the message (and which of its parts), and whether any of the pane is still on screen. */
async function messageState(page: Page): Promise<MessageState> {
  // Source text, not a function: tsx (esbuild) would wrap named helpers in __name(), unknown in the page.
  return page.evaluate(MESSAGE_STATE_SOURCE) as Promise<MessageState>;
}

const MESSAGE_STATE_SOURCE = `(function () {
  function visible(el) { return Boolean(el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'); }
  var box = document.getElementById('unsupported');
  var parts = box ? Array.prototype.slice.call(box.querySelectorAll('[data-reason]')) : [];
  var address = document.getElementById('unsupported-address');
  var detail = document.getElementById('unsupported-detail');
  return {
    mode: document.body.dataset.mode,
    boxVisible: visible(box),
    reason: box ? box.getAttribute('data-reason') : null,
    shownReasons: parts.filter(visible).map(function (el) { return el.getAttribute('data-reason') || ''; }),
    text: box ? box.innerText : '',
    address: address ? address.value : '',
    detail: detail ? detail.textContent : '',
    mainVisible: visible(document.querySelector('.app-main')),
    startVisible: visible(document.getElementById('start')),
    buttonsVisible: Array.prototype.slice.call(document.querySelectorAll('button')).filter(visible).length,
  };
})()`;

/** The message is up for `reason`, and nothing of the pane (no "loading" state, no dead buttons) remains. */
function assertMessage(state: MessageState, reason: string): void {
  assert.equal(state.mode, 'unsupported', 'body[data-mode] says unsupported, not loading');
  assert.ok(state.boxVisible, 'the message is visible');
  assert.equal(state.reason, reason);
  assert.match(state.text, /决算审核助手无法在此窗口中运行/);
  assert.match(state.text, /网页版/, 'names the standalone page as the way forward');
  assert.ok(state.shownReasons.length >= 1 && state.shownReasons.every((r) => r.split(' ').includes(reason)), `only the parts for ${reason}: ${state.shownReasons}`);
  assert.equal(state.address, pageUrl(), 'the standalone page address is this page (no query)');
  assert.ok(!state.mainVisible, 'the pane (with its disabled buttons) is hidden');
  assert.ok(!state.startVisible, 'no 开始审核 button');
  assert.equal(state.buttonsVisible, 0, 'no button left on screen');
}

for (const [feature, withhold, expectedText] of [
  ['Array.prototype.at (ES2022; absent in EdgeHTML and Internet Explorer 11)', 'delete Array.prototype.at;', /浏览器内核过旧/],
  ['Symbol (absent in Internet Explorer 11)', 'delete window.Symbol;', /Internet Explorer 11/],
  ['Object.fromEntries (ES2019; absent in EdgeHTML 18)', 'delete Object.fromEntries;', /旧版 Microsoft Edge/],
] as const) {
  test(`a webview without ${feature}: the Chinese message instead of a dead pane`, { timeout: 180_000 }, async () => {
    const { page, log } = await openPage(suite.browser, suite.server.origin, 'abort');
    page.setDefaultTimeout(90_000); // a loaded 2-core machine can stall Chromium
    try {
      await page.addInitScript(withhold);
      await page.goto(`${pageUrl()}?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
      await page.waitForSelector('#unsupported:not([hidden])');
      // Give the bundle every chance to take over (it must not): the page's load event and a moment more.
      await page.waitForLoadState('load');
      await page.waitForTimeout(500);
      const state = await messageState(page);
      assertMessage(state, 'browser');
      assert.match(state.text, expectedText);
      assert.match(state.text, /Office 2021|Microsoft 365/, 'says which Office runs the add-in');
      assert.match(state.detail, new RegExp(feature.split(' ')[0].replace(/\./g, '\\.')), 'the technical detail names what is missing');
      assert.deepEqual(log.dialogs, []);
    } finally {
      await page.close();
    }
  });
}

test('a bundle the engine cannot parse (as ES2022 is to an old webview): the message, reason "failed"', { timeout: 180_000 }, async () => {
  const { page, log } = await openPage(suite.browser, suite.server.origin, 'abort');
  page.setDefaultTimeout(90_000); // a loaded 2-core machine can stall Chromium
  try {
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'var x = ;' }));
    await page.goto(pageUrl());
    await page.waitForSelector('#unsupported:not([hidden])');
    const state = await messageState(page);
    assertMessage(state, 'failed');
    assert.match(state.text, /没有加载成功或无法运行/);
    assert.match(state.text, /刷新/);
    assert.ok(log.errors.some((e) => /SyntaxError|Unexpected token/.test(e)), `the parse error happened: ${log.errors.join('\n')}`);
  } finally {
    await page.close();
  }
});

test('Excel with ExcelApi 1.6 (below the 1.7 floor): the message, reason "excel-api"; Excel mode never starts', { timeout: 180_000 }, async () => {
  const { page } = await openPage(suite.browser, suite.server.origin, fakeOfficeScript(suite.fakeBundle, { snapshot: suite.seed, config: { apiVersion: '1.6' } }));
  page.setDefaultTimeout(90_000); // a loaded 2-core machine can stall Chromium
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('#unsupported:not([hidden])');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    const state = await messageState(page);
    assertMessage(state, 'excel-api');
    assert.match(state.text, /ExcelApi 1\.7/);
    assert.match(state.text, /Office 更新|Office 2021/);
    const runs = await page.evaluate(() => (window as unknown as { __fakeExcel: { stats: { runs: number } } }).__fakeExcel.stats.runs);
    assert.equal(runs, 0, 'the pane did not touch the workbook');
  } finally {
    await page.close();
  }
});

test('controls: the same build runs in Excel mode (ExcelApi 1.7) and as the standalone page, without the message', { timeout: 180_000 }, async () => {
  for (const [office, mode] of [
    [fakeOfficeScript(suite.fakeBundle, { snapshot: suite.seed, config: { apiVersion: '1.7' } }), 'excel'],
    ['abort', 'standalone'],
  ] as const) {
    const { page, log } = await openPage(suite.browser, suite.server.origin, office);
    page.setDefaultTimeout(90_000); // a loaded 2-core machine can stall Chromium
    try {
      await page.goto(pageUrl());
      await page.waitForSelector(`body[data-mode="${mode}"]`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      const state = await messageState(page);
      assert.equal(state.mode, mode);
      assert.ok(!state.boxVisible, `no message in ${mode} mode`);
      assert.ok(state.mainVisible && state.startVisible, `the pane is up in ${mode} mode`);
      assert.equal(await page.evaluate(() => (window as unknown as { juesuanBoot: { blocked(): string } }).juesuanBoot.blocked()), '');
      assert.deepEqual(log.errors.filter((e) => !/appsforoffice|internetdisconnected|ERR_INTERNET_DISCONNECTED|Failed to load resource/i.test(e)), []);
    } finally {
      await page.close();
    }
  }
});

test('the standalone page opened from disk (file://dist/taskpane.html) checks a workbook end to end', { timeout: 180_000 }, async (t) => {
  const fileUrl = pathToFileURL(join(suite.dist, 'taskpane.html')).href;
  const { page, log } = await openPage(suite.browser, 'file://', 'abort');
  page.setDefaultTimeout(90_000); // a loaded 2-core machine can stall Chromium
  try {
    await page.goto(fileUrl);
    await page.waitForSelector('body[data-mode="standalone"]');
    assert.ok(!(await messageState(page)).boxVisible, 'no message from disk');
    await page.locator('#file-input').setInputFiles(SEED);
    await page.locator('[data-finding="header-department"]').waitFor();
    const findings = await page.locator('[data-finding]').count();
    assert.ok(findings > 0);
    // The fast reader read the workbook; ExcelJS is fetched (from disk) for the marked copy.
    const chunks = () => log.requests.filter((u) => u.startsWith('file://') && /\/exceljs\.[0-9a-f]+\.js$/.test(u));
    assert.equal(chunks().length, 0, 'reading a workbook does not load ExcelJS');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-marked"]')]);
    assert.match(download.suggestedFilename(), /（标记副本）\.xlsx$/);
    assert.equal(chunks().length, 1, 'ExcelJS loaded lazily from disk');
    const csp = log.errors.filter((e) => /Content Security Policy/i.test(e));
    assert.deepEqual(csp, [], 'the CSP lets the page load its own files from disk');
    t.diagnostic(`file://: ${findings} findings; requests outside the folder: ${log.requests.filter((u) => !u.startsWith('file://')).join(', ')}`);
  } finally {
    await page.close();
  }
});
