/**
 * The layout generator's failure table against the current reader (issue 11 item 5):
 *
 *   npx tsx scripts/layout-report.ts                 every switch value alone on the neutral layout, both books
 *   npx tsx scripts/layout-report.ts minimal 200    random layouts (both books) shrunk to their distinct minimal
 *                                                    failing switch sets: the interactions single switches miss
 *   npx tsx scripts/layout-report.ts dump sample:7 "codes=split-parts t09=vertical" out.xlsx
 *                                                    write one layout as .xlsx to open in Excel
 *
 * Each line: the switch value, pass/fail per book, and for a failure what the reader got wrong (a short sample).
 */
import { writeFile } from 'node:fs/promises';
import { canonicalBooks } from '../test/support/layout/books';
import { formatDiff, isClean } from '../test/support/layout/compare';
import { describeOutcome, runLayout, shrink } from '../test/support/layout/fuzz';
import { renderLayout } from '../test/support/layout/render';
import {
  describeSwitches,
  drawSwitches,
  GRAMMAR,
  NEUTRAL,
  parseSwitches,
  SWITCH_NAMES,
  violations,
  withSwitches,
  type Switches,
} from '../test/support/layout/switches';
import { snapshotToXlsx } from '../test/support/layout/xlsx';

/**
 * A switch value alone, plus what it needs to be drawable (unit-only needs a department in the title) or to mean
 * anything (a gap between stacked tables needs stacked tables; 类|款|项 labels need split codes).
 */
function alone(k: keyof Switches, v: unknown): Switches {
  const over: Record<string, unknown> = { [k]: v };
  if (k === 'stackGap') over.arrangement = 'stacked';
  if (k === 'splitLabels') over.codes = 'split-parts';
  if (k === 'metaLine' && v === 'unit-only') over.titleLine = 'banner';
  if (k === 'emptyTotal' && v === 'absent') over.emptyStatement = 'first-body-row';
  return withSwitches(over);
}

async function table(): Promise<void> {
  const books = await canonicalBooks();
  const neutral = books.map((c) => isClean(runLayout(c, NEUTRAL, 1).diff));
  console.log(`neutral: ${books.map((c, i) => `${c.book.name} ${neutral[i] ? 'pass' : 'FAIL'}`).join(', ')}`);
  for (const k of SWITCH_NAMES) {
    for (const v of (GRAMMAR[k] as readonly unknown[]).slice(1)) {
      const s = alone(k, v);
      if (violations(s).length) continue;
      const results = books.map((c) => ({ c, o: runLayout(c, s, 1) }));
      const verdict = results.map(({ c, o }) => `${c.book.name} ${isClean(o.diff) ? 'pass' : 'FAIL'}`).join(', ');
      console.log(`${k}=${v}: ${verdict}`);
      for (const { c, o } of results) if (!isClean(o.diff)) console.log(`  [${c.book.name}]\n${formatDiff(o.diff, o.check, 2).replace(/^/gm, '  ')}`);
    }
  }
}

/**
 * Distinct minimal failing switch sets over `runs` random layouts per book, with how many layouts each explains. A
 * layout explained by a known set is tried again with that set's switches neutral, so that other causes in the
 * same layout still surface.
 */
async function minimal(runs: number, base: number): Promise<void> {
  const books = await canonicalBooks();
  const found: { book: string; seed: number; switches: Switches; text: string; hits: number }[] = [];
  const contains = (s: Switches, m: Switches) => SWITCH_NAMES.every((k) => m[k] === NEUTRAL[k] || s[k] === m[k]);
  const neutralise = (s: Switches, m: Switches): Switches => {
    const out = { ...s } as Record<string, unknown>;
    for (const k of SWITCH_NAMES) if (m[k] !== NEUTRAL[k]) out[k] = NEUTRAL[k];
    const t = out as Switches;
    if (t.metaLine === 'unit-only' && t.titleLine === 'plain') t.metaLine = NEUTRAL.metaLine;
    if (t.emptyTotal === 'absent' && t.emptyStatement !== 'first-body-row') t.emptyTotal = NEUTRAL.emptyTotal;
    return t;
  };
  let failed = 0;
  for (const c of books) {
    for (let i = 0; i < runs; i++) {
      const seed = base + i;
      let s = drawSwitches(seed);
      if (!isClean(runLayout(c, s, seed).diff)) failed++;
      while (!isClean(runLayout(c, s, seed).diff)) {
        const known = found.find((m) => m.book === c.book.name && contains(s, m.switches));
        if (known) {
          known.hits++;
          s = neutralise(s, known.switches);
          continue;
        }
        const small = shrink(c, s, seed);
        found.push({ book: c.book.name, seed, switches: small, text: describeOutcome(runLayout(c, small, seed)), hits: 1 });
        s = neutralise(s, small);
      }
    }
  }
  console.log(`${failed} of ${2 * runs} layouts fail; ${found.length} distinct minimal switch sets:`);
  found.sort((a, b) => b.hits - a.hits);
  for (const m of found) console.log(`[${m.hits}] ${m.book} seed ${m.seed}: ${describeSwitches(m.switches)}\n${m.text.split('\n').slice(1).join('\n')}`);
}

async function dump(which: string, switches: string, out: string): Promise<void> {
  const [name, seed] = which.split(':');
  const c = (await canonicalBooks()).find((x) => x.book.name === name);
  if (!c) throw new Error(`no book ${name}`);
  const layout = renderLayout(c.book, parseSwitches(switches), Number(seed));
  await writeFile(out, await snapshotToXlsx(layout.snapshot));
  console.log(`${out}: ${layout.placements.join(', ')}`);
}

const [cmd, ...args] = process.argv.slice(2);
const run =
  cmd === 'dump'
    ? dump(args[0], args[1] ?? '', args[2] ?? 'layout.xlsx')
    : cmd === 'minimal'
      ? minimal(Number(args[0] ?? 200), Number(args[1] ?? 20250611))
      : table();
run.catch((e) => {
  console.error(e);
  process.exit(1);
});
