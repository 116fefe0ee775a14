/**
 * Comparing a layout's check with the canonical one BY MEANING: amounts by logical key, findings by rule, severity,
 * table, figures and the logical keys of the amount cells they name (a title or department cell, which has no
 * logical key, counts only as a number of cells).
 */
import type { CheckResult } from '../../../src/core/report';
import type { Finding } from '../../../src/core/findings/finding';
import { logicalAmountEntries, logicalAmounts } from '../../helpers';

/** cell → logical key of the canonical check, from its model (every amount knows its cell). */
export function modelCellKeys(check: CheckResult): Map<string, string> {
  return new Map(logicalAmountEntries(check.model).map(([key, a]) => [a.cell, key]));
}

/**
 * rule|severity|table|expected|actual|difference|cells: the first cell's key (the most responsible), the other
 * keys sorted, and the number of cells without a key.
 */
export function findingSignature(f: Finding, keyOf: (cell: string) => string | undefined): string {
  const keys = f.cells.map(keyOf);
  const unkeyed = keys.filter((k) => k === undefined).length;
  const [first, ...rest] = keys;
  const named = keys.length === unkeyed ? '' : `${first ?? '·'}>${rest.filter((k): k is string => !!k).sort().join(',')}`;
  return [f.rule, f.severity, f.table ?? '', f.expected ?? '', f.actual ?? '', f.difference ?? '', `${named}+${unkeyed}`].join('|');
}

export interface Expected {
  amounts: Map<string, string>;
  findings: string[];
}

export function expectedFrom(check: CheckResult): Expected {
  const keys = modelCellKeys(check);
  return { amounts: logicalAmounts(check.model), findings: check.report.findings.map((f) => findingSignature(f, (c) => keys.get(c))).sort() };
}

export interface Diff {
  /** "02.2010450.total: 353.87 → (none)" */
  amounts: string[];
  /** Amounts read from a cell the layout drew for another key: "02.201.total read from X!E9 (drawn for 02.20104.total)". */
  pointers: string[];
  missingFindings: string[];
  extraFindings: string[];
}

export function isClean(d: Diff): boolean {
  return !d.amounts.length && !d.pointers.length && !d.missingFindings.length && !d.extraFindings.length;
}

/** Multiset difference a − b. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n) left.set(x, n - 1);
    return !n;
  });
}

/**
 * `cellKeys` maps the layout's drawn amount cells to keys; `zeroKeys` are keys drawn as 0.00 for a blank canonical
 * amount (they may read as 0.00 or as blank).
 */
export function diffCheck(
  expected: Expected,
  check: CheckResult,
  cellKeys: Map<string, string>,
  zeroKeys: ReadonlySet<string>,
  announced: readonly string[] = [],
): Diff {
  const got = logicalAmounts(check.model);
  for (const k of zeroKeys) if (got.get(k) === '0.00') got.delete(k);
  const amounts: string[] = [];
  for (const [k, v] of expected.amounts) if (got.get(k) !== v) amounts.push(`${k}: ${v} → ${got.get(k) ?? '(none)'}`);
  for (const [k, v] of got) if (!expected.amounts.has(k)) amounts.push(`${k}: (none) → ${v}`);
  const pointers: string[] = [];
  for (const [key, a] of logicalAmountEntries(check.model)) {
    const drawn = cellKeys.get(a.cell);
    if (drawn === key) continue;
    if (drawn !== undefined) pointers.push(`${key} read from ${a.cell} (drawn for ${drawn})`);
    else if (!a.blank) pointers.push(`${key} read from ${a.cell} (no amount drawn there)`);
  }
  const findings = check.report.findings.map((f) => findingSignature(f, (c) => cellKeys.get(c))).sort();
  return {
    amounts,
    pointers,
    missingFindings: minus(expected.findings, findings),
    // A finding the layout announces must come once, at most; its absence is not a failure of this property.
    extraFindings: minus(findings, expected.findings).filter((sig, i, all) => !announced.includes(sig.split('|')[0]) || all.findIndex((x) => x.split('|')[0] === sig.split('|')[0]) !== i),
  };
}

/** A few lines of each kind of difference. */
export function formatDiff(d: Diff, check: CheckResult, max = 4): string {
  const lines: string[] = [];
  const some = (label: string, xs: string[]) => {
    if (!xs.length) return;
    lines.push(`  ${label} (${xs.length}): ${xs.slice(0, max).join(' ; ')}${xs.length > max ? ' ; …' : ''}`);
  };
  some('amounts', d.amounts);
  some('cells', d.pointers);
  some('missing findings', d.missingFindings);
  const extra = check.report.findings.filter((f) => d.extraFindings.some((sig) => sig.startsWith(`${f.rule}|${f.severity}|${f.table ?? ''}|`)));
  some('extra findings', extra.map((f) => `${f.rule}[${f.table ?? ''}] ${f.message.slice(0, 90)}`));
  return lines.join('\n');
}
