// Deployment (docs/deploy.md): ADDIN_URL checks, the production manifest of
// `ADDIN_URL=https://juesuan.example.gov.cn/addin/ npm run build` (no localhost, every URL under that address,
// Version from package.json, valid against the XSDs offline), a bad ADDIN_URL failing the build with a clear
// message, and `npm start`'s tools as pinned devDependencies following the Office add-in template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { manifestVersion, productionManifest, resolveAddinUrl } from '../scripts/addin-manifest.cjs';

const ROOT = resolve(__dirname, '..');
const ADDIN_URL = 'https://juesuan.example.gov.cn/addin/';
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  config?: Record<string, unknown>;
};
const DEV_MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
// The schemas live next to the repository on the team's machines and in CI, not inside it.
const SCHEMA = join(ROOT, '../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd');
const SCHEMA_MISSING = 'skipped the XSD check: ../shared/schemas not present (the Office manifest XSDs are not part of this repository)';

/** Runs webpack-cli as `npm run build` does, with ADDIN_URL set (or removed when undefined). */
function build(addinUrl: string | undefined, out: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  if (addinUrl === undefined) delete env.ADDIN_URL;
  else env.ADDIN_URL = addinUrl;
  const webpackCli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  return spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--output-path', out], { cwd: ROOT, encoding: 'utf8', env });
}

/** Every http(s) URL written anywhere in the XML outside comments (attributes, text), found independently of the build's own code. */
function urlsIn(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  return [...body.matchAll(/\b(?:https?|ftp|file):\/\/[^\s"'<>]+/gi)].map((m) => m[0]).filter((url) => !/^http:\/\/(www\.w3\.org|schemas\.microsoft\.com)\//.test(url));
}

test('ADDIN_URL: an https folder address is accepted (a missing final "/" added); http, malformed, credentials, query, fragment and file addresses are rejected in Chinese', () => {
  assert.equal(resolveAddinUrl('https://juesuan.example.gov.cn/addin/'), 'https://juesuan.example.gov.cn/addin/');
  assert.equal(resolveAddinUrl('https://juesuan.example.gov.cn/addin'), 'https://juesuan.example.gov.cn/addin/');
  assert.equal(resolveAddinUrl(' https://10.1.2.3:8443/ '), 'https://10.1.2.3:8443/');
  const rejected: Array<[string, RegExp]> = [
    ['http://juesuan.example.gov.cn/addin/', /必须以 https:\/\/ 开头/],
    ['juesuan.example.gov.cn/addin/', /不是合法的网址/],
    ['https://', /不是合法的网址|缺少主机名/],
    ['https://user:secret@juesuan.example.gov.cn/', /用户名或密码/],
    ['https://juesuan.example.gov.cn/addin/?v=2', /不能带 \? 或 # 部分/],
    ['https://juesuan.example.gov.cn/addin/#x', /不能带 \? 或 # 部分/],
    ['https://juesuan.example.gov.cn/addin/taskpane.html', /应是文件夹地址/],
    ['https://juesuan example.gov.cn/', /不能包含空格/],
    ['', /为空/],
  ];
  for (const [raw, message] of rejected) assert.throws(() => resolveAddinUrl(raw), message, raw);
});

test('manifest Version from package.json: a.b.c → a.b.c.0; anything else is refused', () => {
  assert.equal(manifestVersion('0.1.0'), '0.1.0.0');
  assert.equal(manifestVersion('1.2.3.4'), '1.2.3.4');
  assert.equal(manifestVersion(PACKAGE.version), `${PACKAGE.version}.0`);
  for (const bad of ['1.2', '1.2.3-beta.1', '123456.0.0', 'x']) assert.throws(() => manifestVersion(bad), /不能用作清单版本/, bad);
});

test('productionManifest refuses to leave any URL outside the address (a manifest with a foreign URL fails)', () => {
  const foreign = DEV_MANIFEST.replace('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://example.com/help"/>');
  assert.notEqual(foreign, DEV_MANIFEST, 'the mutation did not apply');
  assert.throws(() => productionManifest(foreign, ADDIN_URL, '0.1.0'), /不在 https:\/\/juesuan\.example\.gov\.cn\/addin\/ 下/);
});

test(`ADDIN_URL=${ADDIN_URL} npm run build: dist/manifest.xml has no localhost, every URL under that address, Version from package.json, valid against the XSDs`, { timeout: 240_000 }, async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-deploy-'));
  try {
    const result = build(ADDIN_URL, out);
    assert.ifError(result.error);
    assert.equal(result.status, 0, `webpack failed:\n${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, new RegExp(`所有地址位于 ${ADDIN_URL.replace(/[.]/g, '\\.')}`), 'the build says which address the manifest uses');
    assert.ok(existsSync(join(out, 'taskpane.html')), 'the pane is built too');
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');

    // (1) no localhost anywhere outside comments.
    assert.doesNotMatch(xml.replace(/<!--[\s\S]*?-->/g, ''), /localhost/i);
    // (2) every URL under ADDIN_URL: SourceLocation, IconUrl, HighResolutionIconUrl, SupportUrl, bt:Url, bt:Image.
    const urls = urlsIn(xml);
    assert.ok(urls.length >= 9, `found only ${urls.length} URLs: ${urls.join(', ')}`);
    for (const url of urls) assert.ok(url.startsWith(ADDIN_URL), `${url} is not under ${ADDIN_URL}`);
    for (const element of ['SourceLocation', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'bt:Url', 'bt:Image']) {
      const values = [...xml.matchAll(new RegExp(`<${element}\\b[^>]*DefaultValue="([^"]*)"`, 'g'))].map((m) => m[1]);
      assert.ok(values.length >= 1, `no <${element}> with a DefaultValue`);
      for (const value of values) assert.ok(value.startsWith(ADDIN_URL), `<${element}> ${value}`);
    }
    // Each URL names a file the build emitted (the address serves dist/ as it is).
    for (const url of new Set(urls)) {
      const file = join(out, decodeURIComponent(url.slice(ADDIN_URL.length)));
      assert.ok(existsSync(file), `${url} → ${file} is not in the build output`);
    }
    // Only the URLs and the Version differ from the development manifest (same Id, strings, structure).
    const normalise = (s: string) => s.replace(/<!--[\s\S]*?-->/, '').split(ADDIN_URL).join('https://localhost:3000/').replace(/<Version>[^<]*<\/Version>/, '<Version/>');
    assert.equal(normalise(xml), normalise(DEV_MANIFEST));
    // (3) Version from package.json.
    assert.match(xml, new RegExp(`<Version>${PACKAGE.version.replace(/\./g, '\\.')}\\.0</Version>`));

    // (4) valid against the OfficeApp 1.1 XSDs, offline (as test/manifest.test.ts validates the development one);
    // without ../shared this one check reports itself skipped.
    await t.test('(4) the production manifest is valid against the XSDs', { skip: existsSync(SCHEMA) ? false : SCHEMA_MISSING }, () => {
      const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, join(out, 'manifest.xml')], { encoding: 'utf8' });
      if ((lint.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') assert.fail('xmllint is not installed: apt-get install -y libxml2-utils (.ci/run does this)');
      assert.equal(lint.status, 0, `xmllint rejected the production manifest:\n${lint.stderr}`);
      assert.match(lint.stderr, /manifest\.xml validates/);
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a non-https or malformed ADDIN_URL fails the build with a clear message and writes nothing', { timeout: 60_000 }, () => {
  for (const [bad, message] of [
    ['http://juesuan.example.gov.cn/addin/', /ADDIN_URL 必须以 https:\/\/ 开头/],
    ['not a url', /ADDIN_URL 不能包含空格|ADDIN_URL 不是合法的网址/],
  ] as const) {
    const out = mkdtempSync(join(tmpdir(), 'juesuan-deploy-bad-'));
    try {
      const result = build(bad, out);
      assert.notEqual(result.status, 0, `the build accepted ADDIN_URL=${bad}`);
      assert.match(`${result.stdout}\n${result.stderr}`, message);
      assert.deepEqual(readdirSync(out), [], 'nothing written');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
});

test('npm start follows the Office add-in template: office-addin-debugging, office-addin-dev-certs and webpack-dev-server 5 are pinned devDependencies; start, start:web, stop, dev-server scripts', () => {
  const dev = PACKAGE.devDependencies;
  for (const name of ['office-addin-debugging', 'office-addin-dev-certs', 'webpack-dev-server']) {
    assert.match(dev[name] ?? '', /^\d+\.\d+\.\d+$/, `${name} must be an exactly pinned devDependency, got ${dev[name]}`);
    assert.equal(PACKAGE.dependencies[name], undefined, `${name} is a development tool, not a dependency`);
    assert.doesNotThrow(() => require.resolve(name, { paths: [ROOT] }), `${name} not installed by npm ci`);
  }
  assert.match(dev['webpack-dev-server'], /^5\./, 'webpack-dev-server 6 needs Node 22.15; this project supports Node 20');
  assert.equal(PACKAGE.scripts.start, 'office-addin-debugging start manifest.xml');
  assert.equal(PACKAGE.scripts['start:web'], 'office-addin-debugging start manifest.xml web');
  assert.equal(PACKAGE.scripts.stop, 'office-addin-debugging stop manifest.xml');
  assert.equal(PACKAGE.scripts['dev-server'], 'webpack serve --mode development');
  assert.equal(PACKAGE.config?.app_to_debug, 'excel');
  // office-addin-debugging starts the dev server and waits on this port: the one the development manifest names.
  assert.equal(PACKAGE.config?.dev_server_port, 3000);
  assert.match(DEV_MANIFEST, /<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\/>/);
  assert.match(readFileSync(join(ROOT, 'webpack.config.js'), 'utf8'), /const DEV_PORT = 3000;/);
  // Their peer dependency on the Microsoft 365 Agents Toolkit CLI (only for JSON manifests) pulls a native
  // keytar build that needs a download; .npmrc keeps npm from installing peers automatically.
  assert.match(readFileSync(join(ROOT, '.npmrc'), 'utf8'), /^legacy-peer-deps=true$/m);
  assert.ok(!existsSync(join(ROOT, 'node_modules', 'keytar')), 'keytar (native, downloads at install) must not be installed');
});
