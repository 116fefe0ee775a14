import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleCatalogue } from '../../src/core/rules/catalogue';
import { renderRulesMarkdown } from '../../src/core/rules/render-catalogue';
import { TABLE_CODES } from '../../src/core/tables/codes';

test('rule ids are unique, stable-looking and fully described', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const r of RULES) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.id);
    assert.ok(!r.id.startsWith('read-'), `${r.id}: read-* ids belong to the reader`);
    assert.ok(['error', 'warning', 'info'].includes(r.severity), r.id);
    assert.ok(r.tables.every((t) => (TABLE_CODES as readonly string[]).includes(t)), r.id);
    assert.match(r.title, /[\u4e00-\u9fff]/, `${r.id} title in Chinese`);
    assert.match(r.message, /[\u4e00-\u9fff]/, `${r.id} message in Chinese`);
    assert.ok(r.doc.length > 5, `${r.id} doc`);
  }
});

test('docs/rules.md is generated from the catalogue and up to date (npm run docs)', () => {
  const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  assert.equal(onDisk, renderRulesMarkdown(ruleCatalogue()), 'docs/rules.md is stale: run `npm run docs`');
});
