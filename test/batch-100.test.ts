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
  // Two orders of the one table (by open findings first; file order behind a link): 100 rows each.
  for (const id of ['order-open', 'order-file']) {
    const table = html.slice(html.indexOf(`<table id="${id}"`), html.indexOf('</table>', html.indexOf(`<table id="${id}"`)));
    assert.equal((table.match(/<tr><td class="n">/g) ?? []).length, 100, id);
  }
  assert.equal(readFileSync(join(dir, 'report', 'summary.csv'), 'utf8').trim().split('\r\n').length, 101);
  const throughput = /共 100 个工作簿，用时 [\d.]+ 秒（([\d.]+) 个\/秒）/.exec(err);
  assert.ok(throughput, err.slice(-300));
  assert.ok(Number(throughput[1]) > 0);
  assert.equal((out.match(/✗/g) ?? []).length, 100, 'every copy carries the 株州 error of the sample');
  console.log(`batch of 100: ${throughput[1]} workbooks/s`);
});
