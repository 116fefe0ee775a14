// The page's Content-Security-Policy against the real office.js (the @microsoft/office-js npm package, served
// in place of Microsoft's CDN), in headless Chromium against one production build. Fails on any CSP
// violation: every `securitypolicyviolation` event and every console message about the policy is collected.
//   - Excel mode: the page opened as Excel on the web and as Excel on Windows open it (the `_host_Info`
//     query office.js reads), so that office.js loads its host script (excel-web-16.00.js /
//     excel-win32-16.01.js) and the zh-CN strings from the CDN path; the fake Excel is installed right after
//     office.js (no real host answers here) and the pane checks and marks the sample. No violation at all.
//   - standalone (no host): office.js runs its "outside Office" path; the pane checks the sample. The only
//     violation allowed is the one the policy is meant to cause: office.js's telemetry frame
//     (telemetryservice.firstpartyapps.oaspapps.com), deliberately not allowed (docs/deploy.md).
//   - the check bites: an inline script and a foreign frame injected into the page are reported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { SEED, snapshotOf } from '../helpers';
import { ROOT, type Browser, type StaticServer, buildDist, bundleFakeOffice, fakeOfficeScript, launchChromium, openPage, serve } from './support';

const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const HOSTED = '/lib/1/hosted/';
/** The telemetry frame office.js opens outside Office (o15apptofilemappingtable.js, ULSEndpointProxy). */
const TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com';

let dist: string;
let server: StaticServer;
let browser: Browser;
let fakeBundle: string;
let seed: WorkbookSnapshot;

before(async () => {
  seed = await snapshotOf(readFileSync(SEED), 'seed-2024.xlsx');
  fakeBundle = await bundleFakeOffice();
  dist = buildDist();
  server = await serve(dist);
  browser = await launchChromium();
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** A file of the office.js package for a CDN path under /lib/1/hosted/ (undefined → 404). */
function officeFile(path: string): Buffer | undefined {
  if (!path.startsWith(HOSTED)) return undefined;
  const file = normalize(join(OFFICE_DIST, decodeURIComponent(path.slice(HOSTED.length))));
  if (!file.startsWith(OFFICE_DIST + sep) || !existsSync(file)) return undefined;
  return readFileSync(file);
}

/** The real office.js, then (Excel mode) the fake Excel installed over the globals it set. */
function realOffice(withFake: boolean): (path: string) => Buffer | undefined {
  const fake = withFake ? fakeOfficeScript(fakeBundle, { snapshot: seed, config: { apiVersion: '1.9' } }) : '';
  return (path) => {
    const body = officeFile(path.toLowerCase() === `${HOSTED}office.js` ? `${HOSTED}office.js` : path);
    if (!body || !withFake || path.toLowerCase() !== `${HOSTED}office.js`) return body;
    // office.js's host script, loaded later, extends the `Excel` and `Office` objects it finds: keep it off
    // the fake's (its writes then fail; those errors are not CSP violations and are not what this test checks).
    const shield = 'Object.freeze(window.Excel); Object.freeze(window.Office);';
    return Buffer.concat([body, Buffer.from(`\n;${fake}\n;${shield}\n`)]);
  };
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
    const { page, log } = await openPage(browser, server.origin, realOffice(true));
    try {
      const csp = await watchCsp(page);
      await page.goto(`${server.origin}/taskpane.html?_host_Info=${hostInfo}`);
      await page.waitForSelector('body[data-mode="excel"]');
      await checkSample(page, 'excel');
      const marks = await page.evaluate(() => (window as unknown as { __fakeExcel: { sheets: Array<{ conditionalFormats: unknown[] }> } }).__fakeExcel.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0));
      assert.ok(marks > 0, 'the pane marked cells');
      // office.js did its loading under the policy: its host script and the zh-CN strings from the CDN path.
      const fromCdn = log.requests.filter((u) => u.startsWith('https://appsforoffice.microsoft.com/'));
      assert.ok(fromCdn.some((u) => u.endsWith(`/${hostScript}`)), `office.js loaded ${hostScript}: ${fromCdn.join(', ')}`);
      assert.ok(fromCdn.some((u) => /\/zh-cn\/office_strings\.js$/i.test(u)), `office.js loaded its zh-CN strings: ${fromCdn.join(', ')}`);
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
  const { page, log } = await openPage(browser, server.origin, realOffice(false));
  try {
    const csp = await watchCsp(page);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('body[data-mode="standalone"]');
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
  const { page } = await openPage(browser, server.origin, realOffice(true));
  try {
    const csp = await watchCsp(page);
    await page.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Web$16.00$zh-CN$$$$0`);
    await page.waitForSelector('body[data-mode="excel"]');
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
