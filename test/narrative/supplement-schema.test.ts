// The 说明数据 reader's invariant: whatever the sheet holds, the object it assembles fits SupplementSchema (each
// value is checked as it is read; the whole is not parsed again on every check, so this test holds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readSupplement } from '../../src/core/supplement';
import { SupplementSchema } from '../../src/core/supplement/schema';
import type { CellValue } from '../../src/core/workbook/snapshot';
import { appendSheet, filledTemplate, sampleWithSupplement, seedSnapshot, SAMPLE_VALUES } from './support';

function assertFits(snapshot: Parameters<typeof readSupplement>[0]): void {
  const { supplement } = readSupplement(snapshot);
  assert.ok(supplement, 'a 说明数据 sheet was read');
  const parsed = SupplementSchema.safeParse(supplement);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
}

test('the sample’s 说明数据 (Hunan and Shanghai templates, filled and empty) reads into a valid Supplement', async () => {
  assertFits(await sampleWithSupplement());
  const seed = await seedSnapshot();
  assertFits(appendSheet(seed, '说明数据', filledTemplate(seed, {}, {})));
  assertFits(appendSheet(seed, '说明数据', filledTemplate(seed, {}, {}, 'shanghai')));
});

test('any values typed into the template read into a valid Supplement (random, seed 20261204)', async () => {
  const seed = await seedSnapshot();
  const labels = Object.keys(SAMPLE_VALUES).filter((k) => !/^\d{7}$/.test(k));
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ min: -1e6, max: 1e12, noNaN: true }),
    fc.constantFrom('', '-', '无', '12.5万元', '３', '1,234.56', '#REF!', '=SUM(A1)', '二〇二四', '2024年', 'abc'),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...labels), cell), { maxLength: 12 }), (pairs) => {
      const values: Record<string, CellValue> = {};
      for (const [label, value] of pairs) values[label] = value;
      assertFits(appendSheet(seed, '说明数据', filledTemplate(seed, values, {})));
    }),
    { seed: 20261204, numRuns: 60 },
  );
});
