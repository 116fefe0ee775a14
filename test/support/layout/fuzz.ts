/**
 * Running layouts against the canonical check: one layout, a batch, shrinking a failure to the switches that
 * matter, and the per-switch tally of a batch. Shared by the property tests and scripts/layout-report.ts.
 */
import { checkSnapshot, type CheckResult } from '../../../src/core/report';
import { snapshotOf } from '../../helpers';
import type { Canonical } from './books';
import { diffCheck, expectedFrom, formatDiff, isClean, type Diff, type Expected } from './compare';
import { renderLayout, type Layout, type RenderOptions } from './render';
import { describeSwitches, GRAMMAR, NEUTRAL, SWITCH_NAMES, violations, type Switches } from './switches';
import { snapshotToXlsx } from './xlsx';

export interface Outcome {
  layout: Layout;
  check: CheckResult;
  diff: Diff;
  /** Whether the layout went through a real .xlsx (ExcelJS write, snapshotFromXlsx read). */
  viaFile: boolean;
}

const expectedCache = new WeakMap<Canonical, Expected>();
export function expectedOf(c: Canonical): Expected {
  let e = expectedCache.get(c);
  if (!e) expectedCache.set(c, (e = expectedFrom(c.check)));
  return e;
}

export function runLayout(c: Canonical, switches: Switches, seed: number, options: RenderOptions = {}): Outcome {
  const layout = renderLayout(c.book, switches, seed, options);
  const check = checkSnapshot(layout.snapshot, layout.snapshot.source);
  return { layout, check, diff: diffCheck(expectedOf(c), check, layout.cellKeys, layout.zeroKeys, layout.announced), viaFile: false };
}

/** The same layout written as .xlsx with ExcelJS and read back by the file host. */
export async function runLayoutViaFile(c: Canonical, switches: Switches, seed: number, options: RenderOptions = {}): Promise<Outcome> {
  const layout = renderLayout(c.book, switches, seed, options);
  const snapshot = await snapshotOf(await snapshotToXlsx(layout.snapshot), layout.snapshot.source);
  const check = checkSnapshot(snapshot, layout.snapshot.source);
  return { layout, check, diff: diffCheck(expectedOf(c), check, layout.cellKeys, layout.zeroKeys, layout.announced), viaFile: true };
}

/**
 * Greedy shrinking: resets one non-neutral switch at a time to neutral while the layout still fails (same seed),
 * then tries each remaining switch once more. Returns the switches that are still needed for a failure.
 */
export function shrink(c: Canonical, switches: Switches, seed: number): Switches {
  let current = { ...switches };
  let progress = true;
  while (progress) {
    progress = false;
    for (const k of SWITCH_NAMES) {
      if (current[k] === NEUTRAL[k]) continue;
      const candidate = { ...current, [k]: NEUTRAL[k] } as Switches;
      if (violations(candidate).length) continue;
      if (!isClean(runLayout(c, candidate, seed).diff)) {
        current = candidate;
        progress = true;
      }
    }
  }
  return current;
}

/** How to run one layout again: the test's environment variables. */
export function reproduction(book: string, seed: number, switches: Switches, file: string, viaFile = false): string {
  return `${viaFile ? 'LAYOUT_FILE=1 ' : ''}LAYOUT_ONLY=${book}:${seed} LAYOUT_SWITCHES="${describeSwitches(switches)}" node scripts/run-tests.mjs ${file}`;
}

export function describeOutcome(o: Outcome): string {
  const { layout } = o;
  return [
    `${layout.book.name} seed ${layout.seed}${o.viaFile ? ' (via .xlsx)' : ''}: ${describeSwitches(layout.switches)}`,
    formatDiff(o.diff, o.check),
  ].join('\n');
}

/**
 * Per switch value: in how many layouts of the batch it was set, and in how many of those the layout failed.
 * A value whose layouts all fail while the batch as a whole passes more often is a suspect.
 */
export function tally(outcomes: Outcome[]): { setting: string; runs: number; failed: number }[] {
  const rows: { setting: string; runs: number; failed: number }[] = [];
  for (const k of SWITCH_NAMES) {
    for (const v of GRAMMAR[k] as readonly unknown[]) {
      const withIt = outcomes.filter((o) => o.layout.switches[k] === v);
      rows.push({ setting: `${k}=${v}`, runs: withIt.length, failed: withIt.filter((o) => !isClean(o.diff)).length });
    }
  }
  return rows;
}
