// The production manifest: the development manifest.xml (every URL under https://localhost:3000/) rewritten
// for the address where a department hosts dist/ (ADDIN_URL), with <Version> from package.json.
// Used by webpack.config.js (npm run build) and by the tests; plain CommonJS so that both can load it.
'use strict';

/** Every URL of the development manifest starts with this (test/manifest.test.ts asserts it). */
const DEV_BASE = 'https://localhost:3000/';

/**
 * Checks and normalises ADDIN_URL: an absolute https URL of a folder, without user, query or fragment;
 * a missing final "/" is added. Throws an Error with a Chinese message saying what is wrong.
 * @param {string} raw
 * @returns {string} the base URL, ending in "/"
 */
function resolveAddinUrl(raw) {
  const text = String(raw ?? '').trim();
  const example = '例如 ADDIN_URL=https://juesuan.example.gov.cn/addin/ npm run build';
  if (!text) throw new Error(`ADDIN_URL 为空。${example}`);
  if (/\s/.test(text)) throw new Error(`ADDIN_URL 不能包含空格：${JSON.stringify(text)}。${example}`);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL 不是合法的网址：${JSON.stringify(text)}。${example}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_URL 必须以 https:// 开头（Office 只从 HTTPS 地址加载加载项），现在是 ${JSON.stringify(text)}。${example}`);
  }
  if (!url.hostname) throw new Error(`ADDIN_URL 缺少主机名：${JSON.stringify(text)}。${example}`);
  if (url.username || url.password) throw new Error(`ADDIN_URL 不能包含用户名或密码：${JSON.stringify(text)}。`);
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    throw new Error(`ADDIN_URL 应是存放 dist/ 的文件夹地址，不能带 ? 或 # 部分：${JSON.stringify(text)}。${example}`);
  }
  const last = url.pathname.split('/').pop() ?? '';
  if (/\.[a-z0-9]+$/i.test(last)) {
    throw new Error(`ADDIN_URL 应是文件夹地址（以 / 结尾），不是文件 ${JSON.stringify(last)}：${JSON.stringify(text)}。${example}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * package.json's version as a manifest <Version> (a.b.c.d, each part ≤ 5 digits): 1.2.3 → 1.2.3.0.
 * @param {string} version
 */
function manifestVersion(version) {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:\.(\d{1,5}))?$/.exec(String(version));
  if (!m) throw new Error(`package.json 的 version ${JSON.stringify(version)} 不能用作清单版本（需要 a.b.c 或 a.b.c.d，每段不超过 5 位数字）。`);
  return [m[1], m[2], m[3], m[4] ?? '0'].map((n) => String(Number(n))).join('.');
}

/**
 * Every absolute URL the manifest holds, in attribute values and element text (namespace names excluded).
 * @param {string} xml
 * @returns {string[]}
 */
function manifestUrls(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const urls = [];
  for (const m of body.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) {
    if (m[1] === 'xmlns' || m[1].startsWith('xmlns:')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(m[2])) urls.push(m[2]);
  }
  for (const m of body.matchAll(/>([^<]+)</g)) {
    const text = m[1].trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push(text);
  }
  return urls;
}

/**
 * The production manifest: every development URL rebased onto `base`, <Version> set, the development
 * note in the leading comment replaced. Throws when any URL would stay outside `base`.
 * @param {string} xml the development manifest.xml
 * @param {string} base the result of resolveAddinUrl
 * @param {string} packageVersion package.json's version
 */
function productionManifest(xml, base, packageVersion) {
  const version = manifestVersion(packageVersion);
  let out = xml.split(DEV_BASE).join(base);
  if (!/<Version>[^<]*<\/Version>/.test(out)) throw new Error('manifest.xml 没有 <Version> 元素。');
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  out = out.replace(/\(development: every URL points at https:\/\/localhost:3000\/\)\./, `(production build for ${base}, made by npm run build with ADDIN_URL).`);
  const outside = manifestUrls(out).filter((url) => !url.startsWith(base));
  if (outside.length) throw new Error(`生成的清单中仍有不在 ${base} 下的地址：${outside.join(', ')}`);
  if (/localhost/i.test(out.replace(/<!--[\s\S]*?-->/g, '')) && !/localhost/i.test(base)) throw new Error('生成的清单中仍有 localhost。');
  return out;
}

module.exports = { DEV_BASE, resolveAddinUrl, manifestVersion, manifestUrls, productionManifest };
