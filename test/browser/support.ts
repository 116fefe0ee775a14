/**
 * Browser end-to-end support (engineering-notes §4): one production webpack build into a temp dir, a tiny
 * static server on 127.0.0.1, Debian Chromium driven by playwright-core (never a downloaded browser), and
 * the fake Excel bundled for the browser (esbuild, from tsx's dependency) as the office.js stub.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import type { FakeConfig } from '../fakes/excel';

export const ROOT = resolve(__dirname, '..', '..');
export const OFFICE_JS_PATTERN = 'https://appsforoffice.microsoft.com/**';

/** Production build of the pane (webpack-cli, as `npm run build`) into a fresh temp dir. */
export function buildDist(): string {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-e2e-dist-'));
  const webpackCli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const build = spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--output-path', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.error) throw build.error;
  if (build.status !== 0 || /ERROR in/.test(build.stdout)) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

/** The part of esbuild's API used here (esbuild is tsx's dependency, not ours: no type import). */
interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }>;
}

/** The fake Excel object model for the browser: an IIFE that reads window.__JUESUAN_FAKE__ and installs the globals. */
export async function bundleFakeOffice(): Promise<string> {
  // esbuild comes with tsx (a devDependency); resolved from tsx's own location so that hoisting does not matter.
  const esbuildPath = require.resolve('esbuild', { paths: [join(ROOT, 'node_modules', 'tsx')] });
  const esbuild = (await import(esbuildPath)) as EsbuildApi;
  const result = await esbuild.build({
    entryPoints: [join(__dirname, 'fake-office.entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface FakeSetup {
  snapshot: WorkbookSnapshot;
  config?: Partial<FakeConfig>;
  /** Sheets made protected in the fake (the add-in must skip them and say so). */
  protect?: string[];
  /** workbook.settings present when the pane opens (as saved by an earlier session). */
  settings?: Record<string, string>;
}

/** The office.js stub served in add-in mode: the setup as a global, then the fake's bundle. */
export function fakeOfficeScript(bundle: string, setup: FakeSetup): string {
  // JSON inside a script: escape "<" so that no workbook text can close the script element.
  return `window.__JUESUAN_FAKE__ = ${JSON.stringify(setup).replace(/</g, '\\u003c')};\n${bundle}`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  /** Paths served, in order (for "which chunks did the page load"). */
  served: string[];
  close(): Promise<void>;
}

/** dist/ over http on 127.0.0.1 (an ephemeral port), GET only, no directory listing, no path escapes. */
export async function serve(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    served.push(url.pathname);
    if (req.method !== 'GET' || !(path === root || path.startsWith(root + sep))) {
      res.writeHead(404).end();
      return;
    }
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian Chromium, headless, with a fresh profile (--user-data-dir through a persistent context). */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'juesuan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 350, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  /** Every request the page made (also the ones answered by a route). */
  requests: string[];
  /** Requests to anywhere but the test server or the (routed) office.js URL: must stay empty. */
  escaped: string[];
  /** Console errors, page errors, CSP reports. */
  errors: string[];
  dialogs: string[];
}

/**
 * A new page whose every request is logged; office.js is answered by `office` (a stub script, or
 * 'abort' as when it cannot load), anything not on 127.0.0.1 is aborted and recorded.
 */
export async function openPage(browser: Browser, origin: string, office: string | 'abort' | ((path: string) => Buffer | undefined)): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.context.newPage();
  const log: PageLog = { requests: [], escaped: [], errors: [], dialogs: [] };
  page.on('request', (request: Request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url.startsWith('https://appsforoffice.microsoft.com/')) {
      if (office === 'abort') return route.abort('internetdisconnected');
      if (typeof office === 'string') return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: office });
      const body = office(new URL(url).pathname);
      return body ? route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }) : route.fulfill({ status: 404, body: '' });
    }
    log.escaped.push(url);
    return route.abort('blockedbyclient');
  });
  return { page, log };
}

/** Requests outside 127.0.0.1 that were not the routed office.js (data: and blob: URLs never leave the page). */
export function leftTheMachine(log: PageLog, origin: string): string[] {
  return log.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('https://appsforoffice.microsoft.com/') && !/^(data|blob):/.test(url),
  );
}

/**
 * Every visible text node whose colour has less than `min`:1 contrast with the background it is drawn on
 * (WCAG relative luminance; the background is the nearest ancestor with an opaque background colour).
 */
export async function lowContrast(page: Page, min = 4.5): Promise<string[]> {
  // Source text, not a function: tsx (esbuild) would wrap named helpers in __name(), unknown in the page.
  return page.evaluate(`(${LOW_CONTRAST_SOURCE})(${Number(min)})`) as Promise<string[]>;
}

const LOW_CONTRAST_SOURCE = `function (minimum) {
  function rgb(css) { return (css.match(/[\\d.]+/g) || []).map(Number); }
  function lum(c) {
    return c.slice(0, 3).map(function (v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
      .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function background(el) {
    for (var e = el; e; e = e.parentElement) {
      var c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  }
  var out = [];
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var el = node.parentElement;
    if (!el || !node.textContent.trim()) continue;
    if (!el.getClientRects().length || el.closest('[hidden], .visually-hidden, details:not([open]) > :not(summary)')) continue;
    var style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    var fg = lum(rgb(style.color));
    var bg = lum(background(el));
    var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < minimum) out.push(ratio.toFixed(2) + ':1 "' + node.textContent.trim().slice(0, 30) + '" (' + style.color + ')');
  }
  return out;
}`;

/** Drops files on the drop zone as a user would (a DataTransfer with File objects). */
export async function dropFiles(page: Page, files: Array<{ name: string; bytes: Uint8Array }>): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
}

/** Every cell's value of a workbook, "Sheet!A1" → its value as JSON (ExcelJS). */
export async function cellValues(bytes: Uint8Array): Promise<Map<string, unknown>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out = new Map<string, unknown>();
  book.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    ),
  );
  return out;
}
