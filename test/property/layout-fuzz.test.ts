/**
 * Layout fuzzing (issue 11 item 5): the sample and the Shanghai-family book, each rendered into random layouts drawn
 * from the grammar in test/support/layout/switches.ts, must read to the SAME amounts (by logical key, from the cells
 * the layout drew them in) and give the SAME findings (by rule, severity, table, figures and the logical keys of the
 * cells named) as the canonical workbook.
 *
 * Fixed seeds; a failure prints each failing layout's switches, shrunk reproductions and the per-switch tally.
 * Reproduce one layout:  LAYOUT_ONLY=sample:20250611 LAYOUT_SWITCHES="codes=split-parts" node scripts/run-tests.mjs test/property/layout-fuzz.test.ts
 *                        (LAYOUT_FILE=1 sends it through a real .xlsx, as every 40th layout of a batch is)
 * Other batches:         LAYOUT_SEED=1 LAYOUT_RUNS=500 node scripts/run-tests.mjs test/property/layout-fuzz.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalBooks, type Canonical } from '../support/layout/books';
import { isClean } from '../support/layout/compare';
import { describeOutcome, reproduction, runLayout, runLayoutViaFile, shrink, tally, type Outcome } from '../support/layout/fuzz';
import { renderLayout } from '../support/layout/render';
import { describeSwitches, drawSwitches, NEUTRAL, parseSwitches, SWITCH_NAMES, type Switches } from '../support/layout/switches';

const FILE = 'test/property/layout-fuzz.test.ts';
const BASE_SEED = Number(process.env.LAYOUT_SEED ?? 20250611);
/** Layouts per book (two books: ≥ 300 per run). */
const RUNS = Number(process.env.LAYOUT_RUNS ?? 160);
/** Every n-th layout goes through a real .xlsx file. */
const VIA_FILE_EVERY = 40;
/** Shrinking costs ~40 checks a layout: bounded, so that a failing run stays well under a minute. */
const SHRINK_BUDGET_MS = 15000;
const SHRINK_MAX = 10;

function only(): { book: string; seed: number; switches: Switches; viaFile: boolean } | undefined {
  const spec = process.env.LAYOUT_ONLY;
  if (!spec) return undefined;
  const [book, seed] = spec.split(':');
  const switches = process.env.LAYOUT_SWITCHES !== undefined ? parseSwitches(process.env.LAYOUT_SWITCHES) : drawSwitches(Number(seed));
  return { book, seed: Number(seed), switches, viaFile: !!process.env.LAYOUT_FILE };
}

/** The generator's own promise, whatever the reader does: each canonical amount with a value is drawn exactly once. */
function assertDrawsEveryAmount(c: Canonical, switches: Switches, seed: number): void {
  const layout = renderLayout(c.book, switches, seed);
  const drawn = new Map<string, number>();
  for (const key of layout.cellKeys.values()) drawn.set(key, (drawn.get(key) ?? 0) + 1);
  const label = `${c.book.name} seed ${seed}: ${describeSwitches(switches)}`;
  for (const key of expectedKeys(c)) assert.equal(drawn.get(key), 1, `${label}: ${key} drawn ${drawn.get(key) ?? 0} times`);
  for (const [key, n] of drawn) assert.equal(n, 1, `${label}: ${key} drawn ${n} times`);
}

function expectedKeys(c: Canonical): string[] {
  const keys: string[] = [];
  const { book } = c;
  const add = (a: { key: string; value: string | null }) => {
    if (a.value !== null) keys.push(a.key);
  };
  for (const t of [book.t01, book.t04]) {
    Object.values(t.income).forEach(add);
    for (const line of Object.values(t.expense)) Object.values(line).forEach(add);
    for (const cls of t.classes) Object.values(cls.amounts).forEach(add);
  }
  for (const t of Object.values(book.subjects)) {
    Object.values(t.total).forEach(add);
    for (const r of t.rows) Object.values(r.amounts).forEach(add);
  }
  book.t06.items.forEach((i) => add(i.amount));
  add(book.t06.personnel);
  add(book.t06.public);
  Object.values(book.t09.budget).forEach(add);
  Object.values(book.t09.actual).forEach(add);
  return keys;
}

function report(outcomes: Outcome[], books: Canonical[]): string {
  const failures = outcomes.filter((o) => !isClean(o.diff));
  const lines = [`${failures.length} of ${outcomes.length} layouts differ from the canonical check (LAYOUT_SEED=${BASE_SEED}).`, ''];

  // Shrunk reproductions: a failure whose switches contain an already-found minimal set is probably the same cause.
  lines.push('Shrunk reproductions (each switch left is needed for the difference):');
  const minimal: { book: string; switches: Switches }[] = [];
  const started = Date.now();
  const contains = (s: Switches, m: Switches) => SWITCH_NAMES.every((k) => m[k] === NEUTRAL[k] || s[k] === m[k]);
  for (const f of failures) {
    if (minimal.length >= SHRINK_MAX || Date.now() - started > SHRINK_BUDGET_MS) break;
    if (minimal.some((m) => m.book === f.layout.book.name && contains(f.layout.switches, m.switches))) continue;
    const c = books.find((b) => b.book.name === f.layout.book.name)!;
    const small = shrink(c, f.layout.switches, f.layout.seed);
    minimal.push({ book: c.book.name, switches: small });
    const o = runLayout(c, small, f.layout.seed);
    lines.push(describeOutcome(o), `  reproduce: ${reproduction(c.book.name, f.layout.seed, small, FILE)}`);
  }
  lines.push('', 'Switch values by failure rate (runs, failed) — 100% with enough runs points at the value:');
  const rows = tally(outcomes).filter((r) => r.runs > 0);
  rows.sort((a, b) => b.failed / b.runs - a.failed / a.runs || b.runs - a.runs);
  lines.push(rows.map((r) => `${r.setting} ${r.failed}/${r.runs}`).join(', '));
  lines.push('', 'First failing layouts as drawn:');
  for (const f of failures.slice(0, 5)) lines.push(describeOutcome(f), `  reproduce: ${reproduction(f.layout.book.name, f.layout.seed, f.layout.switches, FILE, f.viaFile)}`);
  return lines.join('\n');
}

test('the neutral layout of each book reads like its canonical workbook (the generator is sound)', async () => {
  for (const c of await canonicalBooks()) {
    const o = runLayout(c, NEUTRAL, BASE_SEED);
    assert.ok(isClean(o.diff), describeOutcome(o));
    assert.ok(c.check.report.tables.length === 9, `${c.book.name}: the canonical workbook has nine tables`);
  }
});

test('layouts are deterministic and draw every canonical amount exactly once', async () => {
  const books = await canonicalBooks();
  for (let i = 0; i < 40; i++) {
    const c = books[i % 2];
    const seed = BASE_SEED + i;
    const switches = drawSwitches(seed);
    assert.deepEqual(renderLayout(c.book, switches, seed).snapshot, renderLayout(c.book, switches, seed).snapshot);
    assertDrawsEveryAmount(c, switches, seed);
  }
});

test(`every layout gives the canonical amounts and findings (${RUNS} per book, seed ${BASE_SEED})`, async () => {
  const books = await canonicalBooks();
  const one = only();
  if (one) {
    const c = books.find((b) => b.book.name === one.book);
    assert.ok(c, `no book ${one.book} (sample, shanghai)`);
    const o = one.viaFile ? await runLayoutViaFile(c, one.switches, one.seed) : runLayout(c, one.switches, one.seed);
    assert.ok(isClean(o.diff), `${describeOutcome(o)}\n  placed: ${o.layout.placements.join(', ')}`);
    return;
  }
  const outcomes: Outcome[] = [];
  for (const c of books) {
    for (let i = 0; i < RUNS; i++) {
      const seed = BASE_SEED + i;
      const switches = drawSwitches(seed);
      outcomes.push(i % VIA_FILE_EVERY === 0 ? await runLayoutViaFile(c, switches, seed) : runLayout(c, switches, seed));
    }
  }
  const failed = outcomes.filter((o) => !isClean(o.diff)).length;
  assert.equal(failed, 0, report(outcomes, books));
});
