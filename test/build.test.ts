// Production build of the task pane (webpack) into a temporary directory, then checks of the output:
// office.js referenced from Microsoft's CDN before the bundle and never bundled, boot.js (ES5) as the first
// own script, hashed bundle and CSS present, manifest.xml (without ADDIN_URL: the development one) and icons
// copied unchanged, a Content-Security-Policy, and the size budget: the initial JavaScript (what
// taskpane.html loads) ≤ 150 KB gzip, with ExcelJS and docx only in lazy chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseJs } from 'acorn';

const ROOT = resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ICONS = [16, 32, 64, 80, 128].map((size) => `assets/icon-${size}.png`);
/** Initial JavaScript budget, gzip (level 9, as a server would send it at best). */
const INITIAL_JS_GZIP_BUDGET = 150 * 1024;
/**
 * Strings only the ExcelJS and docx builds contain: one of ExcelJS's error messages (the fast .xlsx reader names
 * xl/workbook.xml too) and the zip part name docx writes.
 */
const EXCELJS_SIGNATURE = 'Worksheet name already exists';
const DOCX_SIGNATURE = 'word/document.xml';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every <script> and <link rel=stylesheet> in document order (the HTML is minified: quotes may be gone). */
function tags(html: string): Array<{ tag: 'script' | 'link'; url: string; attrs: string; index: number }> {
  const found: Array<{ tag: 'script' | 'link'; url: string; attrs: string; index: number }> = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = m[2];
    const url = /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (url) found.push({ tag: m[1].toLowerCase() as 'script' | 'link', url, attrs, index: m.index ?? -1 });
  }
  return found;
}

/** Parses `source` as ECMAScript 5 (throws on let/const, arrows, template literals, classes, …). */
function parseEs5(source: string): void {
  parseJs(source, { ecmaVersion: 5, sourceType: 'script' });
}

test('the ES5 check bites: acorn at ecmaVersion 5 rejects const, arrows, template literals and classes', () => {
  parseEs5('var a = [1, 2]; function f(x) { return x && x.y; } var o = { a: 1, b: function () {}, };');
  for (const modern of ['const a = 1;', 'var f = (x) => x;', 'var s = `x`;', 'class A {}', 'var o = { a };', 'var b = a?.b;']) {
    assert.throws(() => parseEs5(modern), SyntaxError, modern);
  }
});

test('production build: office.js from the CDN first and never bundled; boot.js (ES5) next; bundle, CSS, manifest and icons emitted; CSP; initial JS ≤ 150 KB gzip with ExcelJS lazy', { timeout: 180_000 }, (t) => {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-dist-'));
  try {
    const webpackCli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    delete env.ADDIN_URL; // the development manifest: see test/deploy.test.ts for ADDIN_URL
    const build = spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    assert.ifError(build.error);
    assert.equal(build.status, 0, `webpack failed:\n${build.stdout}\n${build.stderr}`);
    assert.doesNotMatch(build.stdout, /ERROR in/, build.stdout);

    // taskpane.html: office.js from appsforoffice.microsoft.com, loaded synchronously, before the bundle.
    const htmlPath = join(out, 'taskpane.html');
    assert.ok(existsSync(htmlPath), 'dist/taskpane.html missing');
    const html = readFileSync(htmlPath, 'utf8');
    const all = tags(html);
    const scripts = all.filter((t) => t.tag === 'script');
    const office = scripts.filter((s) => s.url === OFFICE_JS);
    assert.equal(office.length, 1, `taskpane.html must load ${OFFICE_JS} exactly once:\n${html}`);
    assert.doesNotMatch(office[0].attrs, /\b(async|defer)\b/, 'office.js must load synchronously, before the bundle runs');
    const bundles = scripts.filter((s) => /^taskpane\.[0-9a-f]{8,}\.js$/.test(s.url));
    assert.equal(bundles.length, 1, `expected one hashed taskpane bundle script, got ${scripts.map((s) => s.url).join(', ')}`);
    const [bundle] = bundles;
    assert.ok(office[0].index < bundle.index, 'office.js <script> must come before the bundle <script>');
    assert.equal(scripts[0].url, OFFICE_JS, 'office.js should be the first script on the page');

    // boot.js: the first own script, before the bundle, small, and ES5 (it must run in Internet Explorer 11).
    const boots = scripts.filter((s) => /^boot\.[0-9a-f]{8,}\.js$/.test(s.url));
    assert.equal(boots.length, 1, `expected one hashed boot script, got ${scripts.map((s) => s.url).join(', ')}`);
    assert.equal(scripts[1].url, boots[0].url, 'boot.js is the first script after office.js');
    assert.ok(boots[0].index < bundle.index, 'boot.js comes before the bundle');
    const bootSource = readFileSync(join(out, boots[0].url), 'utf8');
    assert.doesNotThrow(() => parseEs5(bootSource), 'boot.js must parse as ES5');
    assert.ok(bootSource.length < 8 * 1024, `boot.js is ${bootSource.length} bytes; keep it small`);
    assert.match(bootSource, /juesuanBoot/, 'boot.js installs window.juesuanBoot (the handover to the bundle)');
    assert.match(html, /id="?unsupported"?/, 'taskpane.html holds the message boot.js shows');
    const bundlePath = join(out, bundle.url);
    assert.ok(existsSync(bundlePath) && statSync(bundlePath).size > 0, `bundle ${bundle.url} missing or empty`);

    // CSS emitted with a content hash and linked.
    const styles = all.filter((t) => t.tag === 'link' && /\.css$/.test(t.url));
    assert.equal(styles.length, 1, 'expected one stylesheet link');
    assert.match(styles[0].url, /^taskpane\.[0-9a-f]{8,}\.css$/);
    assert.ok(existsSync(join(out, styles[0].url)), `stylesheet ${styles[0].url} missing`);

    // office.js is not bundled: no emitted JavaScript mentions its host, and no copy of it is emitted.
    const files = filesUnder(out);
    const jsFiles = files.filter((f) => /\.[cm]?js$/.test(f));
    assert.ok(jsFiles.length >= 1);
    for (const file of jsFiles) {
      assert.ok(!readFileSync(file, 'utf8').includes('appsforoffice'), `${relative(out, file)} contains "appsforoffice": office.js must not be bundled`);
      assert.doesNotMatch(file, /office(\.debug)?\.js$/i, `${relative(out, file)}: office.js must not be copied into the output`);
    }

    // Without ADDIN_URL: the development manifest.xml copied unchanged, and the build says so. The icons too.
    assert.deepEqual(readFileSync(join(out, 'manifest.xml')), readFileSync(join(ROOT, 'manifest.xml')), 'manifest.xml copy differs');
    assert.match(build.stdout, /ADDIN_URL 未设置.*开发用清单.*https:\/\/localhost:3000\//, 'the build says that dist/manifest.xml is the development one');
    for (const icon of ICONS) {
      assert.ok(existsSync(join(out, icon)), `${icon} not copied`);
      assert.deepEqual(readFileSync(join(out, icon)), readFileSync(join(ROOT, icon)), `${icon} copy differs`);
    }
    for (const img of html.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
      assert.ok(existsSync(join(out, img[1])), `taskpane.html references ${img[1]}, which the build does not emit`);
    }

    // Content-Security-Policy: scripts only from the page's origin and Microsoft's CDN; nothing else reachable.
    const csp = /<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*\bcontent\s*=\s*"([^"]+)"/i.exec(html)?.[1];
    assert.ok(csp, 'taskpane.html has a Content-Security-Policy meta tag');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('script-src'), ["'self'", 'https://appsforoffice.microsoft.com']);
    assert.ok(["'self'", "'none'"].includes(directives.get('connect-src')?.join(' ') ?? ''), `connect-src ${directives.get('connect-src')}`);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    // What office.js needs beyond that (docs/deploy.md, 内容安全策略): inline style attributes, and its own
    // frame from the CDN (the Office Online Server trust prompt). Nothing else may be framed.
    assert.deepEqual(directives.get('style-src'), ["'self'", "'unsafe-inline'"]);
    assert.deepEqual(directives.get('frame-src'), ['https://appsforoffice.microsoft.com']);
    assert.deepEqual([...directives.keys()].sort(), ['base-uri', 'connect-src', 'default-src', 'font-src', 'form-action', 'frame-src', 'img-src', 'object-src', 'script-src', 'style-src']);
    assert.ok(!csp.includes("'unsafe-eval'"), 'no unsafe-eval');
    assert.ok(!(directives.get('script-src') ?? []).includes("'unsafe-inline'"), 'no inline scripts');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf(OFFICE_JS), 'the CSP comes before any script');

    // Size budget: every script taskpane.html loads itself (not office.js), gzipped.
    const initial = scripts.filter((s) => s.url !== OFFICE_JS).map((s) => s.url);
    assert.ok(initial.every((url) => !/^[a-z]+:/i.test(url)), `initial scripts are local: ${initial}`);
    const initialBytes = initial.map((url) => readFileSync(join(out, url)));
    const gzip = initialBytes.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).byteLength, 0);
    const raw = initialBytes.reduce((sum, bytes) => sum + bytes.byteLength, 0);
    t.diagnostic(`initial JS: ${initial.join(', ')} — ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${INITIAL_JS_GZIP_BUDGET / 1024} KB)`);
    assert.ok(gzip <= INITIAL_JS_GZIP_BUDGET, `initial JS is ${(gzip / 1024).toFixed(1)} KB gzip, over the ${INITIAL_JS_GZIP_BUDGET / 1024} KB budget`);

    // ExcelJS (and docx) only in lazy chunks: emitted, never referenced by taskpane.html, absent from the initial JS.
    const lazy = jsFiles.map((f) => relative(out, f)).filter((f) => !initial.includes(f));
    const withExcelJs = lazy.filter((f) => readFileSync(join(out, f), 'utf8').includes(EXCELJS_SIGNATURE));
    assert.ok(withExcelJs.length === 1 && /^exceljs\.[0-9a-f]{8,}\.js$/.test(withExcelJs[0]), `ExcelJS in its own lazy chunk, got ${withExcelJs}`);
    assert.ok(lazy.some((f) => readFileSync(join(out, f), 'utf8').includes(DOCX_SIGNATURE)), 'docx in a lazy chunk');
    for (const [i, bytes] of initialBytes.entries()) {
      const text = bytes.toString('utf8');
      assert.ok(!text.includes(EXCELJS_SIGNATURE), `${initial[i]} contains ExcelJS: it must only be loaded lazily`);
      assert.ok(!text.includes(DOCX_SIGNATURE), `${initial[i]} contains docx: it must only be loaded lazily`);
    }
    t.diagnostic(`lazy chunks: ${lazy.map((f) => `${f} ${(gzipSync(readFileSync(join(out, f)), { level: 9 }).byteLength / 1024).toFixed(0)} KB gzip`).join(', ')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the pane never turns strings into markup: no innerHTML/outerHTML/insertAdjacentHTML/document.write/eval in src/taskpane', () => {
  const dir = join(ROOT, 'src', 'taskpane');
  const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|srcdoc|eval|new Function)\b/;
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.ts'))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        assert.doesNotMatch(code, sinks, `${relative(ROOT, file)}:${i + 1} uses an HTML/script sink: build DOM with textContent (dom.ts)`);
      });
  }
});
