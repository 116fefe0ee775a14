/**
 * RuleTester, after ESLint's: every rule of the catalogue has registered cases — a *valid* workbook the rule
 * must accept and an *invalid* one it must report — and rule-tester.test.ts runs them through the full pipeline
 * (`checkSnapshot`). A case is the sample workbook or the invented Shanghai one, changed in the few cells that
 * make the point; it lives in test/rules/cases/<rule-id>.ts, one module per rule, next to nothing else.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Finding } from '../../src/core/findings/finding';
import type { RuleMeta } from '../../src/core/rules/rule';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { bump, seedSnapshot, withCells } from './support';
import { shanghaiSnapshot } from './intra-support';

export type Base = 'seed' | 'shanghai';

export interface RuleCase {
  /** What the case shows, in a few words (printed when it fails). */
  name: string;
  /** The sample (test/fixtures/seed-2024.xlsx, Hunan layout) or the invented Shanghai-layout workbook. */
  base: Base;
  /** Cells typed with a value: { '公开02表!C10': 1 }; null blanks the cell. */
  set?: Record<string, CellValue>;
  /** Numeric cells raised by an amount (negative to lower). */
  bump?: Record<string, number>;
  /**
   * Invalid cases only: the changed cells the rule's findings must name, when that is not every changed cell
   * (e.g. a rule that names the 预算数 cells of 09 and not the 决算数 ones changed alongside). Must be a
   * non-empty subset of the changed cells.
   */
  named?: string[];
}

export interface RuleCases {
  rule: string;
  valid: RuleCase[];
  invalid: RuleCase[];
}

export function defineCases(rule: string, cases: Omit<RuleCases, 'rule'>): RuleCases {
  return { rule, ...cases };
}

export const CASES_DIR = join(__dirname, 'cases');

/**
 * The registered cases by rule id, one module per file named after the rule. A file whose name and rule id
 * differ is an error here, so a reader looking for a rule's cases finds them by its id.
 */
export async function loadCases(): Promise<Map<string, RuleCases>> {
  const out = new Map<string, RuleCases>();
  for (const file of readdirSync(CASES_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(join(CASES_DIR, file))) as { cases?: RuleCases };
    const id = basename(file, '.ts');
    if (!mod.cases) throw new Error(`test/rules/cases/${file} exports no \`cases\``);
    if (mod.cases.rule !== id) throw new Error(`test/rules/cases/${file} registers cases for ${mod.cases.rule}, not ${id}`);
    out.set(id, mod.cases);
  }
  return out;
}

export function baseSnapshot(base: Base): Promise<WorkbookSnapshot> {
  return base === 'seed' ? seedSnapshot() : shanghaiSnapshot();
}

export function changedCells(c: RuleCase): string[] {
  return [...Object.keys(c.set ?? {}), ...Object.keys(c.bump ?? {})];
}

export async function caseSnapshot(c: RuleCase): Promise<WorkbookSnapshot> {
  const both = Object.keys(c.set ?? {}).filter((cell) => cell in (c.bump ?? {}));
  if (both.length > 0) throw new Error(`${c.name}: ${both.join(', ')} both set and bumped`);
  let snapshot = withCells(await baseSnapshot(c.base), c.set ?? {});
  for (const [cell, delta] of Object.entries(c.bump ?? {})) snapshot = bump(snapshot, cell, delta);
  return snapshot;
}

const findingKey = (f: Finding) => `${f.rule}|${f.severity}|${f.message}|${f.cells.join(',')}`;

/**
 * Why an invalid case is not reported as it must be (undefined when it is): a finding of exactly this rule, at
 * the rule's severity, that the unchanged base does not already give, must name each changed cell (or each
 * `named` one). A finding the base already gives proves nothing about the change.
 */
export function invalidProblem(rule: RuleMeta, c: RuleCase, findings: Finding[], baseFindings: Finding[]): string | undefined {
  const changed = changedCells(c);
  if (changed.length === 0) return 'an invalid case must change at least one cell';
  const named = c.named ?? changed;
  const stray = named.filter((cell) => !changed.includes(cell));
  if (named.length === 0 || stray.length > 0) return `\`named\` must be a non-empty subset of the changed cells (not changed: ${stray.join(', ')})`;
  const before = new Set(baseFindings.map(findingKey));
  const fresh = findings.filter((f) => f.rule === rule.id && f.severity === rule.severity && !before.has(findingKey(f)));
  if (fresh.length === 0) {
    const other = findings.filter((f) => f.rule === rule.id && !before.has(findingKey(f))).map((f) => `${f.severity}: ${f.message}`);
    return `no new ${rule.severity} of ${rule.id}${other.length ? ` (only: ${other.join(' | ')})` : ''}`;
  }
  const unnamed = named.filter((cell) => !fresh.some((f) => f.cells.includes(cell)));
  if (unnamed.length > 0) return `${rule.id} does not name ${unnamed.join(', ')}: ${fresh.map((f) => `[${f.cells.join(', ')}]`).join(' ')}`;
  return undefined;
}

/** Why a valid case is rejected (undefined when it is accepted): the rule gives no warning or error on it. */
export function validProblem(rule: RuleMeta, findings: Finding[]): string | undefined {
  const bad = findings.filter((f) => f.rule === rule.id && f.severity !== 'info');
  return bad.length ? bad.map((f) => `${f.severity}: ${f.message} [${f.cells.join(', ')}]`).join('\n') : undefined;
}
