import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { VARIANTS, buildVariant } from './support/variants';
import { SEED } from './helpers';

test('batch CLI over a folder of 100 copies and variants writes a summary with 100 rows and prints throughput', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-100-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  const variants = await Promise.all(VARIANTS.map((v) => buildVariant(v)));
  const seed = readFileSync(SEED);
  for (let i = 0; i < 100; i++) {
    const bytes = i % 2 === 0 ? seed : variants[(i >> 1) % variants.length];
    writeFileSync(join(input, `单位${String(i).padStart(3, '0')}.xlsx`), bytes);
  }
  let err = '';
  let out = '';
  const code = await main(['check', input, '--report', join(dir, 'report')], { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  assert.equal(code, 1, 'the sample has a real error');
  const html = readFileSync(join(dir, 'report', 'summary.html'), 'utf8');
  // One compact row per workbook, paths relative to the folder, the year always filled.
  assert.equal((html.match(/<tr data-i=/g) ?? []).length, 100);
  assert.ok(!html.includes(input), 'no absolute path');
  assert.equal((html.match(/<td class="y[^"]*"[^>]*>(\d{4}|未识别)<\/td>/g) ?? []).length, 100);
  // Every copy carries the sample's 株州 error (header-department): the overview counts it in 100 workbooks.
  assert.match(html, /header-department<\/code><\/td><td><span class="badge error">错误<\/span><\/td><td class="n o-w">100<small> \/ 100<\/small>/);
  assert.equal(readFileSync(join(dir, 'report', 'summary.csv'), 'utf8').trim().split('\r\n').length, 101);
  const throughput = /共 100 个工作簿，用时 [\d.]+ 秒（([\d.]+) 个\/秒）/.exec(err);
  assert.ok(throughput, err.slice(-300));
  assert.ok(Number(throughput[1]) > 0);
  assert.equal((out.match(/✗/g) ?? []).length, 100, 'every copy carries the 株州 error of the sample');
  console.log(`batch of 100: ${throughput[1]} workbooks/s, summary.html ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB`);
});
