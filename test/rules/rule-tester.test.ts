import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES } from '../../src/core/rules/catalogue';
import { runRules } from '../../src/core/rules/engine';
import { checkSnapshot } from '../../src/core/report';
import { mergeFloods } from '../../src/core/findings/flood';
import { readWorkbook } from '../../src/core/read/read-workbook';
import type { Finding } from '../../src/core/findings/finding';
import { baseSnapshot, caseSnapshot, invalidProblem, loadCases, validProblem, type Base, type RuleCases } from './rule-tester';

let loaded: Promise<Map<string, RuleCases>> | undefined;
const cases = () => (loaded ??= loadCases());

const baseFindings = new Map<Base, Promise<Finding[]>>();
function findingsOfBase(base: Base): Promise<Finding[]> {
  let found = baseFindings.get(base);
  if (!found) baseFindings.set(base, (found = baseSnapshot(base).then((s) => checkSnapshot(s).report.findings)));
  return found;
}

/**
 * A case is about a rule, so the reader must read the changed workbook as well as the base: a valid case that
 * passes because a table was no longer found would prove nothing.
 */
function assertStillRead(name: string, findings: Finding[], base: Finding[]): void {
  const before = new Set(base.map((f) => f.message));
  const read = findings.filter((f) => f.rule.startsWith('read-') && !before.has(f.message));
  assert.deepEqual(read.map((f) => `${f.rule}: ${f.message}`), [], `case “${name}” is no longer read as its base`);
}

test('every rule of the catalogue has valid and invalid cases, and every case module belongs to a rule', async () => {
  const registered = await cases();
  const ids = RULES.map((r) => r.id);
  const untested = ids.filter((id) => !registered.get(id)?.valid.length || !registered.get(id)?.invalid.length);
  assert.deepEqual(untested, [], `rules without a valid and an invalid case in test/rules/cases/<rule-id>.ts: ${untested.join(', ')}`);
  // A case module whose rule left the catalogue means that rule no longer runs: fail rather than forget it.
  const orphans = [...registered.keys()].filter((id) => !ids.includes(id));
  assert.deepEqual(orphans, [], `cases for rules not in the catalogue: ${orphans.join(', ')}`);
});

test('RuleTester: each rule reports its invalid cases (full pipeline) and accepts its valid ones', async (t) => {
  const registered = await cases();
  for (const rule of RULES) {
    const ruleCases = registered.get(rule.id);
    if (!ruleCases) continue; // reported by the test above
    await t.test(rule.id, async () => {
      for (const c of ruleCases.invalid) {
        const findings = checkSnapshot(await caseSnapshot(c)).report.findings;
        assertStillRead(c.name, findings, await findingsOfBase(c.base));
        const problem = invalidProblem(rule, c, findings, await findingsOfBase(c.base));
        assert.equal(problem, undefined, `invalid case “${c.name}”: ${problem}`);
      }
      for (const c of ruleCases.valid) {
        const findings = checkSnapshot(await caseSnapshot(c)).report.findings;
        assertStillRead(c.name, findings, await findingsOfBase(c.base));
        const problem = validProblem(rule, findings);
        assert.equal(problem, undefined, `valid case “${c.name}” is reported:\n${problem}`);
      }
    });
  }
});

test('it bites: without a rule, its invalid cases are reported under its id by nothing else', async () => {
  const registered = await cases();
  const silent: string[] = [];
  for (const rule of RULES) {
    for (const c of registered.get(rule.id)?.invalid ?? []) {
      const read = readWorkbook(await caseSnapshot(c));
      const base = await findingsOfBase(c.base);
      // checkSnapshot's pipeline, with the catalogue given explicitly.
      const pipeline = (rules: typeof RULES) => mergeFloods([...read.findings, ...runRules(read.model, rules, read.facts)]);
      assert.equal(invalidProblem(rule, c, pipeline(RULES), base), undefined, `${rule.id} / ${c.name}: the explicit pipeline differs from checkSnapshot`);
      const without = pipeline(RULES.filter((r) => r.id !== rule.id));
      if (without.some((f) => f.rule === rule.id)) silent.push(`${rule.id} / ${c.name}`);
      // Switched off, the rule's case fails the RuleTester: the same judgement now finds a problem.
      if (invalidProblem(rule, c, without, base) === undefined) silent.push(`${rule.id} / ${c.name} (still passes)`);
    }
  }
  assert.deepEqual(silent, []);
});

/** `rule: '…'` literals in the rule engine and rules: findings that do not come from a catalogue rule's id. */
const NOT_RULES: Record<string, string> = {
  'internal-rule-error': 'engine.ts reports a rule that threw under this id; it is a fault of the checker, not a check of the workbook',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every rule id that src/core/rules emits is in the catalogue (or listed here as the engine’s own)', async (t) => {
  const ids = new Set(RULES.map((r) => r.id));
  const root = join(__dirname, '..', '..', 'src', 'core', 'rules');
  const emitted = new Map<string, string>();
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:rule|id):\s*'([a-z0-9-]+)'/g)) emitted.set(m[1], relative(root, file));
  }
  const outside = [...emitted].filter(([id]) => !ids.has(id));
  for (const [id, file] of outside) {
    t.diagnostic(`emitted by src/core/rules/${file} but not in the catalogue: ${id}`);
    console.log(`emitted by src/core/rules/${file} but not in the catalogue: ${id} — ${NOT_RULES[id] ?? 'UNEXPLAINED'}`);
  }
  assert.deepEqual(outside.map(([id]) => id).filter((id) => !(id in NOT_RULES)), []);
  assert.ok(emitted.size >= 10, 'the scan finds the literal rule ids');
  // And at run time: every finding the rules give on every registered case carries a catalogue id.
  const registered = await cases();
  const strays = new Set<string>();
  for (const ruleCases of registered.values())
    for (const c of [...ruleCases.valid, ...ruleCases.invalid]) {
      const read = readWorkbook(await caseSnapshot(c));
      for (const f of runRules(read.model, RULES, read.facts)) if (!ids.has(f.rule)) strays.add(f.rule);
    }
  assert.deepEqual([...strays], []);
});
