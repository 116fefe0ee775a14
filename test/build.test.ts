// Production build of the task pane (webpack) into a temporary directory, then checks of the output:
// office.js referenced from Microsoft's CDN before the bundle and never bundled, hashed bundle and CSS
// present, manifest.xml and icons copied unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ICONS = [16, 32, 64, 80, 128].map((size) => `assets/icon-${size}.png`);

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

test('production build: office.js from the CDN first and never bundled; bundle, CSS, manifest and icons emitted', { timeout: 90_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-dist-'));
  try {
    const webpackCli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const build = spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
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

    // manifest.xml and the icons copied unchanged; the pane's header icon resolves.
    assert.deepEqual(readFileSync(join(out, 'manifest.xml')), readFileSync(join(ROOT, 'manifest.xml')), 'manifest.xml copy differs');
    for (const icon of ICONS) {
      assert.ok(existsSync(join(out, icon)), `${icon} not copied`);
      assert.deepEqual(readFileSync(join(out, icon)), readFileSync(join(ROOT, icon)), `${icon} copy differs`);
    }
    for (const img of html.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
      assert.ok(existsSync(join(out, img[1])), `taskpane.html references ${img[1]}, which the build does not emit`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
