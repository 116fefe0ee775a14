// docs/bad-input.md is the catalogue rendered (npm run docs), and every entry is held to its word by a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, renderCatalogue } from './catalogue';

const root = join(__dirname, '..', '..');

test('docs/bad-input.md is generated from the catalogue and up to date (npm run docs)', () => {
  const onDisk = readFileSync(join(root, 'docs', 'bad-input.md'), 'utf8');
  assert.equal(onDisk, renderCatalogue(), 'docs/bad-input.md is stale: run `npm run docs`');
});

test('every catalogue entry is checked by the test it names, with its message or with "nothing reported"', () => {
  const ids = new Set<string>();
  for (const e of CATALOGUE) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    const source = readFileSync(join(root, e.test), 'utf8');
    const call = e.rule ? `expectEntry(checked.report, '${e.id}')` : `expectNoFinding(checked.report, '${e.id}')`;
    const called = source.includes(call) || new RegExp(`(expectEntry|checkWithSample)\\([^)]*'${e.id}'`).test(source);
    assert.ok(called, `${e.test} does not check entry ${e.id}`);
    if (e.rule) assert.ok(e.message && e.severity, `${e.id}: a finding needs its message and severity`);
    else assert.equal(e.message, undefined, `${e.id}: nothing is reported, so no message`);
  }
});
