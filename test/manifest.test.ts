// Offline checks of manifest.xml: XSD validation with xmllint (the online `office-addin-manifest validate`
// cannot run in CI), plus what the XSD does not check: resids resolve, https everywhere, zh-CN defaults
// with en-US overrides, and icons that exist at the declared sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';

const ROOT = resolve(__dirname, '..');
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const MANIFEST = readFileSync(MANIFEST_PATH, 'utf8');
// The schemas live next to the repository on the team's machines and in CI, not inside it.
const SCHEMA_DIR = '../shared/schemas/office-manifest';
const SCHEMA = `${SCHEMA_DIR}/OfficeAppManifestV1_1.xsd`;
const SCHEMA_MISSING = '../shared/schemas not present (the Office manifest XSDs are not part of this repository)';
const HAN = /\p{Script=Han}/u;

// ---------------------------------------------------------------- a tiny XML reader (enough for a manifest)

interface XmlElement {
  name: string; // qualified name as written, e.g. "bt:String"
  local: string; // without prefix, e.g. "String"
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()] as string;
  });
}

function parseXml(src: string): XmlElement {
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const attrPattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const root: XmlElement = { name: '#document', local: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  for (const m of src.matchAll(token)) {
    const [, cdata, closing, opening, attrText, selfClosing, text, stray] = m;
    const top = stack[stack.length - 1];
    if (stray !== undefined) throw new Error(`malformed markup at offset ${m.index}`);
    if (cdata !== undefined) top.text += cdata;
    else if (text !== undefined) top.text += decodeEntities(text);
    else if (closing !== undefined) {
      if (top.name !== closing) throw new Error(`</${closing}> closes <${top.name}> at offset ${m.index}`);
      stack.pop();
    } else if (opening !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(attrPattern)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: opening, local: opening.replace(/^.*:/, ''), attrs, children: [], text: '', parent: top };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error('expected exactly one root element');
  return elements[0];
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function all(el: XmlElement, local: string): XmlElement[] {
  return [...walk(el)].filter((e) => e.local === local);
}

function child(el: XmlElement, local: string): XmlElement {
  const found = el.children.filter((c) => c.local === local);
  assert.equal(found.length, 1, `<${el.name}> should have exactly one <${local}>`);
  return found[0];
}

function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = el; e && e.name !== '#document'; e = e.parent) parts.unshift(e.local);
  return parts.join('/');
}

const doc = parseXml(MANIFEST);

// ---------------------------------------------------------------- xmllint

function xmllint(file: string) {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { cwd: ROOT, encoding: 'utf8' });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      assert.fail('xmllint is not installed: run `apt-get install -y libxml2-utils` (Debian/Ubuntu; .ci/run does this)');
    }
    throw result.error;
  }
  return result;
}

const schemaPresent = () => existsSync(join(ROOT, SCHEMA));

// Without ../shared the XSD checks report themselves skipped, with the reason (never passed).
const needsSchema = () => ({ skip: schemaPresent() ? false : SCHEMA_MISSING });

test('(a) manifest.xml validates against the OfficeApp 1.1 XSDs (xmllint, offline)', needsSchema(), () => {
  const result = xmllint('manifest.xml');
  assert.equal(result.status, 0, `xmllint rejected manifest.xml:\n${result.stderr}`);
  assert.match(result.stderr, /manifest\.xml validates/);
});

test('(e) the XSD check bites: reordered elements and a bad enum value fail validation', needsSchema(), () => {
  const description = /^ {2}<Description DefaultValue=[\s\S]*?<\/Description>\n/m.exec(MANIFEST);
  assert.ok(description, 'top-level <Description> not found');
  const withoutDescription = MANIFEST.replace(description[0], '');
  const swapped = withoutDescription.replace('  <DisplayName ', `${description[0]}  <DisplayName `);
  const mutants: Array<[string, string, RegExp]> = [
    ['Description moved before DisplayName', swapped, /Description': This element is not expected/],
    [
      'Permissions with a value outside the enumeration',
      MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>'),
      /Permissions.*not an element of the set|Permissions.*enumeration/,
    ],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-manifest-'));
  try {
    for (const [label, xml, expected] of mutants) {
      assert.notEqual(xml, MANIFEST, `${label}: the mutation did not change the manifest`);
      parseXml(xml); // still well-formed: the failure must come from the schema, not from syntax
      const file = join(dir, 'manifest.xml');
      writeFileSync(file, xml);
      const result = xmllint(file);
      assert.notEqual(result.status, 0, `${label}: xmllint accepted an invalid manifest`);
      assert.match(result.stderr, /fails to validate/, `${label}: ${result.stderr}`);
      assert.match(result.stderr, expected, `${label}: unexpected xmllint message:\n${result.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- what the XSD does not check

const RESOURCE_KIND_OF_REFERENCE: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  FunctionFile: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function resources(): Map<string, { kind: string; el: XmlElement }> {
  const [res] = all(doc, 'Resources');
  assert.ok(res, 'VersionOverrides has no <Resources>');
  const defined = new Map<string, { kind: string; el: XmlElement }>();
  for (const group of res.children) {
    for (const el of group.children) {
      const id = el.attrs.id;
      assert.ok(id, `${pathOf(el)} has no id`);
      assert.ok(!defined.has(id), `resource id "${id}" is defined twice`);
      defined.set(id, { kind: group.local, el });
    }
  }
  return defined;
}

test('(b) every resid resolves to a resource of the right kind, is ≤ 32 chars, and every resource is used', () => {
  const defined = resources();
  const references = [...walk(doc)].filter((e) => e.attrs.resid !== undefined);
  assert.ok(references.length >= 8, 'expected the ribbon button, group, icons and GetStarted to reference resources');
  const used = new Set<string>();
  for (const ref of references) {
    const id = ref.attrs.resid;
    assert.ok(id.length >= 1 && id.length <= 32, `resid "${id}" (${pathOf(ref)}) is ${id.length} chars; the limit is 32`);
    const target = defined.get(id);
    assert.ok(target, `resid "${id}" (${pathOf(ref)}) is not defined in <Resources>`);
    const expectedKind = RESOURCE_KIND_OF_REFERENCE[ref.local];
    assert.ok(expectedKind, `unexpected resid on <${ref.name}>`);
    assert.equal(target.kind, expectedKind, `resid "${id}" on <${ref.name}> must point into bt:${expectedKind}`);
    used.add(id);
  }
  for (const id of defined.keys()) {
    assert.ok(id.length <= 32, `resource id "${id}" is longer than 32 chars`);
    assert.ok(used.has(id), `resource "${id}" is defined but never referenced`);
  }
});

test('(c) every URL is https (and all share one origin)', () => {
  const urls: Array<{ where: string; url: string }> = [];
  for (const el of walk(doc)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // namespace names, not fetched
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^(?:xsi|bt):/.test(value)) urls.push({ where: `${pathOf(el)}@${name}`, url: value });
    }
    if (/[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) urls.push({ where: pathOf(el), url: el.text.trim() });
  }
  // Elements whose values are URLs must be absolute (a relative URL would slip past the pattern above).
  const urlElements = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Image', 'Url'];
  for (const el of walk(doc)) {
    const isUrlSetting = urlElements.includes(el.local) || (el.local === 'SourceLocation' && el.attrs.DefaultValue !== undefined);
    if (!isUrlSetting || el.attrs.DefaultValue === undefined) continue;
    assert.match(el.attrs.DefaultValue, /^https:\/\//, `${pathOf(el)} must be an absolute https URL`);
    for (const o of el.children.filter((c) => c.local === 'Override')) {
      assert.match(o.attrs.Value ?? '', /^https:\/\//, `${pathOf(o)} must be an absolute https URL`);
    }
  }
  assert.ok(urls.length >= 8, `found only ${urls.length} URLs; the scan is broken`);
  for (const { where, url } of urls) {
    assert.ok(url.startsWith('https://'), `${where}: ${url} is not https`);
    assert.doesNotThrow(() => new URL(url), `${where}: ${url} is not a valid URL`);
  }
  const origins = new Set(urls.map(({ url }) => new URL(url).origin));
  assert.deepEqual([...origins], ['https://localhost:3000'], 'all URLs should point at the dev server origin');
});

function assertZhWithEnOverride(el: XmlElement): void {
  const where = el.attrs.id ? `${pathOf(el)}[${el.attrs.id}]` : pathOf(el);
  const value = el.attrs.DefaultValue;
  assert.ok(value && HAN.test(value), `${where}: DefaultValue should be the zh-CN text, got ${JSON.stringify(value)}`);
  const overrides = el.children.filter((c) => c.local === 'Override');
  const locales = overrides.map((o) => o.attrs.Locale);
  assert.equal(new Set(locales).size, locales.length, `${where}: one override per language (${locales.join(', ')})`);
  const en = overrides.filter((o) => o.attrs.Locale === 'en-US');
  assert.equal(en.length, 1, `${where}: needs exactly one en-US override`);
  const enValue = en[0].attrs.Value ?? '';
  assert.ok(enValue.trim().length > 0 && !HAN.test(enValue), `${where}: en-US override should be English, got ${JSON.stringify(enValue)}`);
}

test('(d) zh-CN is the default locale; DisplayName, Description and every bt:String have an en-US override', () => {
  assert.equal(child(doc, 'DefaultLocale').text.trim(), 'zh-CN');
  assertZhWithEnOverride(child(doc, 'DisplayName'));
  assertZhWithEnOverride(child(doc, 'Description'));
  const strings = [...resources().values()].filter(({ kind }) => kind === 'ShortStrings' || kind === 'LongStrings');
  assert.ok(strings.length >= 4, 'expected the ribbon and GetStarted strings');
  for (const { el } of strings) assertZhWithEnOverride(el);
});

// ---------------------------------------------------------------- icons

/** Reads a PNG strictly enough to prove it is real: signature, chunk CRCs, IHDR, IDAT size. */
function readPng(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file}: not a PNG`);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    assert.equal(buf.readUInt32BE(offset + 8 + length), crc32(buf.subarray(offset + 4, offset + 8 + length)), `${file}: bad CRC in ${type}`);
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, `${file}: expected 8-bit channels`);
      colourType = data[9];
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  assert.equal(types[0], 'IHDR', `${file}: IHDR must come first`);
  assert.equal(types[types.length - 1], 'IEND', `${file}: IEND must come last`);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType];
  assert.ok(channels, `${file}: unsupported colour type ${colourType}`);
  assert.equal(inflateSync(Buffer.concat(idat)).length, height * (1 + width * channels), `${file}: image data size mismatch`);
  return { width, height };
}

function localFileFor(url: string): string {
  return join(ROOT, decodeURIComponent(new URL(url).pathname));
}

test('(f) icons: every image URL maps to a real PNG in assets/ of the declared size', () => {
  for (const size of [16, 32, 64, 80, 128]) {
    const { width, height } = readPng(join(ROOT, 'assets', `icon-${size}.png`));
    assert.deepEqual([width, height], [size, size], `assets/icon-${size}.png has the wrong size`);
  }
  const expectSize = (url: string, size: number, where: string) => {
    const file = localFileFor(url);
    assert.ok(existsSync(file), `${where}: ${url} → ${file} does not exist`);
    const { width, height } = readPng(file);
    assert.deepEqual([width, height], [size, size], `${where}: ${url} should be ${size}×${size}`);
  };
  expectSize(child(doc, 'IconUrl').attrs.DefaultValue, 32, 'IconUrl');
  expectSize(child(doc, 'HighResolutionIconUrl').attrs.DefaultValue, 64, 'HighResolutionIconUrl');
  const defined = resources();
  const iconRefs = [...walk(doc)].filter((e) => e.local === 'Image' && e.attrs.resid !== undefined);
  for (const ref of iconRefs) {
    const image = defined.get(ref.attrs.resid);
    assert.ok(image);
    expectSize(image.el.attrs.DefaultValue, Number(ref.attrs.size), `${pathOf(ref)}[${ref.attrs.resid}]`);
  }
  const sizes = new Set(iconRefs.map((r) => r.attrs.size));
  for (const required of ['16', '32', '80']) assert.ok(sizes.has(required), `ribbon icons need size ${required}`);
});

// ---------------------------------------------------------------- the decisions of docs/engineering notes §2–3

test('(g) manifest shape: Excel task pane, ExcelApi 1.7 floor, ReadWriteDocument, one Home-tab button', () => {
  assert.equal(doc.local, 'OfficeApp');
  assert.equal(doc.attrs['xsi:type'], 'TaskPaneApp');
  assert.match(child(doc, 'Id').text.trim(), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  assert.match(child(doc, 'Version').text.trim(), /^\d+\.\d+\.\d+\.\d+$/);
  assert.deepEqual(
    child(doc, 'Hosts').children.map((h) => h.attrs.Name),
    ['Workbook'],
  );
  const sets = child(child(doc, 'Requirements'), 'Sets').children.map((s) => [s.attrs.Name, s.attrs.MinVersion]);
  assert.deepEqual(sets, [['ExcelApi', '1.7']]);
  assert.equal(child(doc, 'Permissions').text.trim(), 'ReadWriteDocument');
  assert.equal(child(child(doc, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue, 'https://localhost:3000/taskpane.html');

  const overrides = child(doc, 'VersionOverrides');
  assert.equal(overrides.attrs['xsi:type'], 'VersionOverridesV1_0');
  const tabs = all(overrides, 'OfficeTab');
  assert.deepEqual(
    tabs.map((tab) => tab.attrs.id),
    ['TabHome'],
  );
  const controls = all(overrides, 'Control');
  assert.equal(controls.length, 1, 'one ribbon button');
  assert.equal(controls[0].attrs['xsi:type'], 'Button');
  const action = child(controls[0], 'Action');
  assert.equal(action.attrs['xsi:type'], 'ShowTaskpane');
  assert.equal(child(action, 'TaskpaneId').text.trim(), 'ButtonId1');
  const url = resources().get(child(action, 'SourceLocation').attrs.resid);
  assert.equal(url?.el.attrs.DefaultValue, 'https://localhost:3000/taskpane.html');
});
