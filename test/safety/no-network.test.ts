// Data safety: no request leaves the machine from the CLI. Every way out of a Node process (sockets, http(s),
// http2, tls, dns, udp, fetch, WebSocket) is replaced by a recorder while the CLI runs every command in-process;
// none is called. And the source has no network API outside the task pane's loading of office.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { main } from '../../src/cli/main';
import { SEED } from '../helpers';

type Patch = { target: object; key: string; original: unknown };

function recordNetwork(calls: string[]): () => void {
  const patches: Patch[] = [];
  const replace = (target: object, key: string, name: string) => {
    const t = target as Record<string, unknown>;
    patches.push({ target, key, original: t[key] });
    t[key] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
      throw new Error(`network call blocked in test: ${name}`);
    };
  };
  replace(net.Socket.prototype, 'connect', 'net.Socket.connect');
  replace(net, 'connect', 'net.connect');
  replace(net, 'createConnection', 'net.createConnection');
  replace(http, 'request', 'http.request');
  replace(http, 'get', 'http.get');
  replace(https, 'request', 'https.request');
  replace(https, 'get', 'https.get');
  replace(http2, 'connect', 'http2.connect');
  replace(tls, 'connect', 'tls.connect');
  replace(dns, 'lookup', 'dns.lookup');
  replace(dns, 'resolve', 'dns.resolve');
  replace(dns.promises, 'lookup', 'dns.promises.lookup');
  replace(dgram, 'createSocket', 'dgram.createSocket');
  replace(globalThis, 'fetch', 'fetch');
  if ('WebSocket' in globalThis) replace(globalThis, 'WebSocket', 'WebSocket');
  return () => {
    for (const p of patches.reverse()) (p.target as Record<string, unknown>)[p.key] = p.original;
  };
}

test('the CLI makes no network request: check (json, report, marked), narrate (docx), template, rules', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-offline-'));
  const withNotes = join(__dirname, '..', 'fixtures', 'seed-2024-with-notes.xlsx');
  const calls: string[] = [];
  const restore = recordNetwork(calls);
  let output = '';
  const io = { out: (t: string) => void (output += t), err: (t: string) => void (output += t) };
  try {
    // The recorder itself works: a call is recorded and refused.
    assert.throws(() => http.get('http://example.invalid/'));
    assert.equal(calls.length, 1);
    calls.length = 0;
    const codes = [
      await main(['check', SEED, withNotes, '--json', '--report', join(dir, 'report'), '--marked', join(dir, 'marked')], io),
      await main(['check', SEED], io),
      await main(['narrate', withNotes, '--docx', join(dir, 'out.docx')], io),
      await main(['narrate', SEED, '--json'], io),
      await main(['template', SEED, '--out', join(dir, 'template.xlsx')], io),
      await main(['rules', '--json'], io),
    ];
    for (const code of codes) assert.ok(code === 0 || code === 1, `exit ${code}: ${output.slice(-500)}`);
  } finally {
    restore();
  }
  assert.deepEqual(calls, [], 'no network call');
  assert.doesNotMatch(output, /network call blocked/);
  // What the CLI writes for a browser loads nothing from anywhere (the CSP forbids it, and there is no URL).
  for (const file of ['summary.html', ...readdirSync(join(dir, 'report', 'details')).map((f) => join('details', f))]) {
    const html = readFileSync(join(dir, 'report', file), 'utf8');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i, file);
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mjs|html)$/.test(name) ? [path] : [];
  });
}

test('no network API in src/ outside the task pane loading office.js', () => {
  const root = join(__dirname, '..', '..');
  const forbidden = [
    /\bfetch\s*\(/,
    /\bXMLHttpRequest\b/,
    /\bWebSocket\b/,
    /\bEventSource\b/,
    /\bsendBeacon\b/,
    /\bimportScripts\b/,
    /from\s+['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/,
    /require\(\s*['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]\s*\)/,
    /import\(\s*['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]\s*\)/,
  ];
  const offenders: string[] = [];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(root, file);
    for (const re of forbidden) if (re.test(text)) offenders.push(`${rel}: ${re}`);
    // URLs loaded by pages: only Microsoft's office.js, by the task pane.
    for (const m of text.matchAll(/<script[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi))
      if (!(rel === join('src', 'taskpane', 'taskpane.html') && m[1] === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js'))
        offenders.push(`${rel}: loads ${m[1]}`);
  }
  assert.deepEqual(offenders, []);
});
