import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkSnapshot } from '../../src/core/report';
import { FindingSchema } from '../../src/core/findings/finding';
import { allAmounts } from '../../src/core/tables/amounts';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { seedSnapshot } from '../rules/support';

// Bounded runs with a fixed seed, printed on failure by fast-check (reproduce with { seed, path }).
const RUNS = { numRuns: 60, seed: 20241128 };

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.double({ min: -1e9, max: 1e9, noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constantFrom('合计', '总计', '201', '20104', '2010450', '科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出', '栏次', '行次', '#REF!', '#VALUE!', '—', '-', '（12.30）', '１２３．４', '注：', '收入决算表', '支出决算表', '收入支出决算总表', '财政拨款“三公”经费支出决算表', '部门：某单位', '金额单位：万元', '人员经费合计', '预算数', '决算数'),
  fc.string({ maxLength: 12 }),
);

const sheet: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 31 }),
  origin: fc.record({ row: fc.nat(50), col: fc.nat(10) }),
  values: fc.array(fc.array(cellValue, { maxLength: 14 }), { maxLength: 40 }),
});

function assertWellFormed(snapshot: WorkbookSnapshot): void {
  const { report, model } = checkSnapshot(snapshot, 'fuzz.xlsx');
  assert.equal(report.file, 'fuzz.xlsx');
  for (const f of report.findings) FindingSchema.parse(f);
  const counted = { error: 0, warning: 0, info: 0, explained: 0 };
  for (const f of report.findings) {
    counted[f.severity]++;
    if (f.explanation && !f.explanation.stale) counted.explained++;
  }
  assert.deepEqual(report.summary, counted);
  assert.ok(!report.findings.some((f) => f.rule === 'internal-error' || f.rule === 'internal-rule-error'), JSON.stringify(report.findings.find((f) => f.rule.startsWith('internal'))));
  // Model invariants: every amount is a finite Decimal with 2 decimals and a Sheet!A1 address.
  for (const { amount } of allAmounts(model)) {
    assert.ok(amount.value.isFinite());
    assert.ok(amount.value.decimalPlaces() <= 2);
    assert.match(amount.cell, /![A-Z]{1,3}\d+$/);
  }
}

test('random grids never make the core throw, and every report is well-formed', () => {
  fc.assert(
    fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => assertWellFormed({ sheets })),
    RUNS,
  );
});

test('randomly corrupted copies of the sample never make the core throw', async () => {
  const seed = await seedSnapshot();
  const corruption = fc.record({
    edits: fc.array(fc.record({ sheet: fc.nat(8), row: fc.nat(40), col: fc.nat(12), value: cellValue }), { maxLength: 30 }),
    removeRows: fc.array(fc.record({ sheet: fc.nat(8), row: fc.nat(40) }), { maxLength: 5 }),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 0, maxLength: 9 }),
  });
  fc.assert(
    fc.property(corruption, ({ edits, removeRows, order }) => {
      const copy: WorkbookSnapshot = structuredClone(seed);
      for (const e of edits) {
        const ws = copy.sheets[e.sheet % copy.sheets.length];
        const row = (ws.values[e.row % Math.max(ws.values.length, 1)] ??= []);
        row[e.col] = e.value;
      }
      for (const r of removeRows) {
        const ws = copy.sheets[r.sheet % copy.sheets.length];
        ws.values.splice(r.row % Math.max(ws.values.length, 1), 1);
      }
      copy.sheets = order.map((i) => copy.sheets[i]);
      assertWellFormed(copy);
    }),
    RUNS,
  );
});
