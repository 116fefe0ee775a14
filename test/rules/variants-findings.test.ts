import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SEED, snapshotOf } from '../helpers';
import { VARIANTS, buildVariant } from '../support/variants';
import { checkSnapshot } from '../../src/core/report';
import type { Finding } from '../../src/core/findings/finding';

// Addresses and row numbers move with the layout; the rule, the severity and the figures must not.
const signature = (f: Finding) => [f.rule, f.severity, f.table ?? '', f.expected ?? '', f.actual ?? '', f.difference ?? ''].join('|');

test('every layout variant of the sample gives the same findings (same rules, same amounts)', async () => {
  const base = checkSnapshot(await snapshotOf(await readFile(SEED))).report.findings.map(signature).sort();
  assert.ok(base.length >= 5);
  for (const variant of VARIANTS) {
    const report = checkSnapshot(await snapshotOf(await buildVariant(variant), `${variant.name}.xlsx`)).report;
    const got = report.findings.map(signature).sort();
    assert.deepEqual(got, base, variant.name);
  }
});
