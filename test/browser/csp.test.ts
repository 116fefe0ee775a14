// The page's Content-Security-Policy against the real office.js (the @microsoft/office-js npm package, served
// in place of Microsoft's CDN), in headless Chromium against one production build. Fails on any CSP
// violation: every `securitypolicyviolation` event and every console message about the policy is collected.
//   - Excel mode: the page opened as Excel on the web and as Excel on Windows open it (the `_host_Info` query
//     office.js reads). The pane starts on the fake Excel (the usual office.js stub) and checks and marks the
//     sample; then the real office.js is loaded into the same page, from the same CDN URL, and loads its host
//     script (excel-web-16.00.js / excel-win32-16.01.js) and the zh-CN strings as it does in Excel. (Real
//     office.js and the fake in one script do not mix reliably: office.js's host script extends the globals
//     it finds.) No violation at all.
//   - standalone (no host): office.js runs its "outside Office" path; the pane checks the sample. The only
//     violation allowed is the one the policy is meant to cause: office.js's telemetry frame
//     (telemetryservice.firstpartyapps.oaspapps.com), deliberately not allowed (docs/deploy.md).
//   - the check bites: an inline script and a foreign frame injected into the page are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { SEED } from '../helpers';
import { distSuite } from './dist-suite';
import { ROOT, fakeOfficeScript, openPage } from './support';

const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const HOSTED = '/lib/1/hosted/';
/** The telemetry frame office.js opens outside Office (o15apptofilemappingtable.js, ULSEndpointProxy). */
const TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com';

const suite = distSuite();

/** A file of the office.js package for a CDN path under /lib/1/hosted/ (undefined → 404). */
function officeFile(path: string): Buffer | undefined {
  if (!path.startsWith(HOSTED)) return undefined;
  const file = normalize(join(OFFICE_DIST, decodeURIComponent(path.slice(HOSTED.length))));
  if (!file.startsWith(OFFICE_DIST + sep) || !existsSync(file)) return undefined;
  return readFileSync(file);
}

/**
 * office.js requests: the first answered by `first` (the fake Excel stub, or the real office.js), later ones
 * (and every other CDN path) by the real library.
 */
function officeRoute(first: 'fake' | 'real'): (path: string) => Buffer | undefined {
  const stub = Buffer.from(fakeOfficeScript(suite.fakeBundle, { snapshot: suite.seed, config: { apiVersion: '1.9' } }));
  let officeJsServed = 0;
  return (path) => {
    if (path.toLowerCase() === `${HOSTED}office.js` && officeJsServed++ === 0 && first === 'fake') return stub;
    return officeFile(path);
  };
}

/** Loads the real office.js into the page (as the template's <script> does) and waits for what it loads for `hostScript`. */
async function loadRealOffice(page: Page, requests: string[], hostScript: string): Promise<string[]> {
  await page.evaluate(`(function () {
    var s = document.createElement('script');
    s.src = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
    document.head.appendChild(s);
  })()`);
  const cdn = () => requests.filter((u) => u.startsWith('https://appsforoffice.microsoft.com/'));
  const deadline = Date.now() + 60_000;
  while (!(cdn().some((u) => u.endsWith(`/${hostScript}`)) && cdn().some((u) => /\/zh-cn\/office_strings\.js$/i.test(u)))) {
    if (Date.now() > deadline) assert.fail(`office.js did not load ${hostScript} and its zh-CN strings: ${cdn().join(', ')}`);
    await page.waitForTimeout(200);
  }
  return cdn();
}

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Records every securitypolicyviolation event (before any script of the page runs) and CSP console messages. */
async function watchCsp(page: Page): Promise<{ violations: () => Promise<Violation[]>; console: string[] }> {
  page.setDefaultTimeout(90_000); // generous: a loaded 2-core machine can stall Chromium for tens of seconds
  const consoleCsp: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCsp.push(message.text());
  });
  await page.addInitScript(`(function () {
    try { localStorage.removeItem('juesuan.firstRunDone'); } catch (e) {} // every page starts at 开始审核
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', function (e) {
      window.__csp.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: String(e.blockedURI), source: String(e.sourceFile || '') + ':' + e.lineNumber + ':' + e.columnNumber });
    }, true);
  })()`);
  return { violations: () => page.evaluate('window.__csp') as Promise<Violation[]>, console: consoleCsp };
}

/** Waits for the pane's mode; on a time-out, says which mode the page is in and what went wrong there. */
async function waitForMode(page: Page, mode: string, errors: string[]): Promise<void> {
  try {
    await page.waitForSelector(`body[data-mode="${mode}"]`);
  } catch (error) {
    const state = await page.evaluate('JSON.stringify({ mode: document.body.dataset.mode, url: location.href, office: typeof Office, excel: typeof Excel, boot: window.juesuanBoot && window.juesuanBoot.blocked() })').catch((e: Error) => e.message);
    throw new Error(`${(error as Error).message}\npage: ${state}\nerrors:\n${errors.join('\n')}`);
  }
}

/** Runs a check of the sample in the open page: Excel mode via 开始审核, standalone via the file input. */
async function checkSample(page: Page, mode: 'excel' | 'standalone'): Promise<void> {
  if (mode === 'excel') await page.click('#start');
  else await page.locator('#file-input').setInputFiles(SEED);
  await page.locator('[data-finding="header-department"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
}

for (const [label, hostInfo, hostScript] of [
  ['Excel on the web', 'Excel$Web$16.00$zh-CN$$$$0', 'excel-web-16.00.js'],
  ['Excel on Windows', 'Excel$Win32$16.01$zh-CN$$$$0', 'excel-win32-16.01.js'],
] as const) {
  test(`Excel mode as ${label} opens it (real office.js + fake Excel): no CSP violation while office.js loads and the pane checks and marks`, { timeout: 180_000 }, async (t) => {
    const { page, log } = await openPage(suite.browser, suite.server.origin, officeRoute('fake'));
    try {
      const csp = await watchCsp(page);
      await page.goto(`${suite.server.origin}/taskpane.html?_host_Info=${hostInfo}`);
      await waitForMode(page, 'excel', log.errors);
      await checkSample(page, 'excel');
      const marks = await page.evaluate(() => (window as unknown as { __fakeExcel: { sheets: Array<{ conditionalFormats: unknown[] }> } }).__fakeExcel.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0));
      assert.ok(marks > 0, 'the pane marked cells');
      // office.js does its loading under the policy: its host script and the zh-CN strings from the CDN path.
      const fromCdn = await loadRealOffice(page, log.requests, hostScript);
      // office.js's timers (its telemetry starts after 3 s) have had their turn.
      await page.waitForTimeout(4_000);
      assert.deepEqual(await csp.violations(), [], 'securitypolicyviolation events');
      assert.deepEqual(csp.console, [], 'CSP messages in the console');
      t.diagnostic(`${label}: office.js requests ${fromCdn.map((u) => u.replace('https://appsforoffice.microsoft.com/lib/1/hosted/', '')).join(', ')}`);
    } finally {
      await page.close();
    }
  });
}

test('standalone page with the real office.js (no host): only office.js\'s telemetry frame is refused, nothing else', { timeout: 180_000 }, async (t) => {
  const { page, log } = await openPage(suite.browser, suite.server.origin, officeRoute('real'));
  try {
    const csp = await watchCsp(page);
    await page.goto(`${suite.server.origin}/taskpane.html`);
    await waitForMode(page, 'standalone', log.errors);
    await checkSample(page, 'standalone');
    await page.waitForTimeout(4_000);
    const violations = await csp.violations();
    const unexpected = violations.filter((v) => !(v.directive === 'frame-src' && v.blocked.startsWith(TELEMETRY_FRAME)));
    assert.deepEqual(unexpected, [], 'no CSP violation but the telemetry frame');
    assert.deepEqual(csp.console.filter((m) => !m.includes(TELEMETRY_FRAME)), [], 'no CSP console message but the telemetry frame');
    assert.deepEqual(log.escaped, [], 'no request left 127.0.0.1 (the CDN is routed)');
    t.diagnostic(`standalone: ${violations.length} refused telemetry frame(s); office.js requests ${log.requests.filter((u) => u.startsWith('https://')).join(', ')}`);
  } finally {
    await page.close();
  }
});

test('the CSP check bites: an inline script and a foreign frame injected into the page are reported', { timeout: 180_000 }, async () => {
  const { page, log } = await openPage(suite.browser, suite.server.origin, officeRoute('fake'));
  try {
    const csp = await watchCsp(page);
    await page.goto(`${suite.server.origin}/taskpane.html?_host_Info=Excel$Web$16.00$zh-CN$$$$0`);
    await waitForMode(page, 'excel', log.errors);
    await loadRealOffice(page, log.requests, 'excel-web-16.00.js');
    await page.evaluate(`(function () {
      var s = document.createElement('script'); s.textContent = 'window.__inline = 1;'; document.head.appendChild(s);
      var f = document.createElement('iframe'); f.src = 'https://example.com/'; document.body.appendChild(f);
    })()`);
    await page.waitForFunction('window.__csp.length >= 2');
    const directives = (await csp.violations()).map((v) => v.directive).sort();
    assert.deepEqual(directives, ['frame-src', 'script-src-elem'], 'exactly the two injected violations');
    assert.equal(await page.evaluate('window.__inline'), undefined, 'the inline script did not run');
    assert.ok(csp.console.length >= 2, 'and the console says so');
  } finally {
    await page.close();
  }
});
