// Never-throw and exactness over the builder's layout switches: combinations drawn with a fixed seed, each
// built as a real .xlsx, must read to exactly the figures the builder printed, with no finding but the notes the
// switches call for (元 converted, a table read from a hidden sheet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BudgetLayout, BudgetTable } from '../support/budget-workbook';
import { expectedLines, figureLines, readBudgetLayout } from './support';

/** mulberry32: a small seeded generator, so that every run draws the same layouts. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES: BudgetTable[] = ['overview', 'gpb-expense', 'basic-expense', 'sangong'];

function draw(next: () => number): BudgetLayout {
  const flip = () => next() < 0.5;
  const some = () => TABLES.filter(() => next() < 0.3);
  const codes = next();
  const yuan = next();
  const unit = next();
  const layout: BudgetLayout = {
    splitCodes: codes < 0.33,
    codeWithName: codes >= 0.33 && codes < 0.55,
    yuan: yuan < 0.25 ? true : yuan < 0.5 ? some() : false,
    sangongDown: flip(),
    distractors: flip(),
    oneSheet: next() < 0.3,
    zeroLines: flip(),
    priorYearColumns: flip(),
    altTitles: flip(),
    unitPlace: unit < 0.33 ? 'line' : unit < 0.66 ? 'title' : 'own-row',
    lineNumbers: flip(),
    totalAtBottom: flip(),
    titleRight: flip(),
    hidden: some(),
    fiscalExpense: flip(),
    cornerNumbers: flip(),
  };
  return layout;
}

const SEED = 20240101;
const COUNT = 30;
const next = generator(SEED);
const layouts = Array.from({ length: COUNT }, () => draw(next));

test('the draw covers every switch both ways (else the seed or the count should change)', () => {
  const keys = Object.keys(layouts[0]) as Array<keyof BudgetLayout>;
  for (const k of keys) {
    const values = new Set(layouts.map((l) => JSON.stringify(l[k])));
    assert.ok(values.size >= 2, `${k} always ${[...values][0]}`);
  }
});

layouts.forEach((layout, i) => {
  const on = Object.entries(layout)
    .filter(([, v]) => v !== false && !(Array.isArray(v) && v.length === 0) && v !== 'line')
    .map(([k, v]) => (v === true ? k : `${k}=${Array.isArray(v) ? v.join('+') : v}`));
  test(`layout #${i + 1} (${on.join(', ')}) reads exactly the printed figures`, async () => {
    const { figures, findings } = await readBudgetLayout(layout);
    assert.deepEqual(figureLines(figures), expectedLines(layout));
    assert.equal(figures.tables.length, 4);
    assert.equal(figures.year, '2024');
    const allowed = new Set(['budget-unit-converted', 'budget-table-hidden']);
    assert.deepEqual(
      findings.filter((f) => !allowed.has(f.rule)).map((f) => `${f.rule}: ${f.message}`),
      [],
    );
    const hiddenRead = layout.oneSheet ? [] : (layout.hidden ?? []);
    assert.equal(findings.filter((f) => f.rule === 'budget-table-hidden').length, hiddenRead.length > 0 ? 1 : 0);
  });
});
