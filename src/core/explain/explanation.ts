/**
 * Explanations (出错说明): the unit's answer to a 核实性 check, as the Ministry's 决算 software asks for one on
 * every warning. One explanation answers one finding, found again by its rule and its cells; the values the
 * cells held when it was written are fingerprinted, so that a changed value makes it stale (shown, not applied).
 *
 * Which findings take one:
 * - warnings (核实性: may be right, the unit says why) — yes;
 * - errors (identities: 合计 ≠ Σ, 表间不符) — never: an identity that fails is wrong whatever anyone writes, and
 *   an explanation must never turn one pale;
 * - infos (尾数差异 within the rounding bound, notes on how the file was read) — no: they ask nothing of the
 *   unit. Accepting answers to them would fill 审核说明 with “尾数差异，无需调整” lines that bury the answers a
 *   reviewer must read, which is the problem explanations exist to solve.
 */
import type { Finding } from '../findings/finding';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellsKey, coveredValues, valuesFingerprint } from './fingerprint';

export const EXPLANATION_MAX_CHARS = 1000;
// Writing explanations (the record for a finding, adding and removing one): ./explanation-edit.

/** One row of the 审核说明 sheet (read back with zod: ./explanation-sheet). */
export interface ExplanationRecord {
  rule: string;
  cells: string[];
  /** findingKey when written: cell lists may be shortened on the sheet, the key never is. */
  cellsKey: string;
  /** valuesFingerprint of the covered values when written. */
  fingerprint: string;
  text: string;
  date: string;
  /** The finding's message when explained (for the reader of the sheet). */
  message: string;
  /** The covered values, readable (describeValues). */
  values: string;
}

/** Whether a finding takes an explanation: warnings only (see above; why not: ./explanation-edit explainable). */
export function isExplainable(finding: Finding): boolean {
  return finding.severity === 'warning';
}

/**
 * The key of the check a finding reports: its cell list, or for a finding that names no cell (a table that is
 * not there) its table — two such findings of one rule must not share one explanation.
 */
export function findingKey(finding: Pick<Finding, 'cells' | 'table'>): string {
  return cellsKey(finding.cells.length ? finding.cells : [`table:${finding.table ?? ''}`]);
}

/**
 * The findings, each warning with its explanation when there is one: matched by rule and cell list (then
 * stale when a covered value changed), or else by rule and first cell (then stale: the check now names other
 * cells, so what was explained is no longer what is found). Errors and infos never take one.
 */
export function applyExplanations(findings: readonly Finding[], records: readonly ExplanationRecord[], snapshot: WorkbookSnapshot): Finding[] {
  if (!records.length) return [...findings];
  const byKey = new Map<string, ExplanationRecord>();
  const byFirst = new Map<string, ExplanationRecord>();
  for (const r of records) {
    byKey.set(`${r.rule}|${r.cellsKey}`, r);
    if (r.cells[0]) byFirst.set(`${r.rule}|${r.cells[0]}`, r);
  }
  return findings.map((f) => {
    if (!isExplainable(f)) return f;
    const exact = byKey.get(`${f.rule}|${findingKey(f)}`);
    const record = exact ?? (f.cells[0] ? byFirst.get(`${f.rule}|${f.cells[0]}`) : undefined);
    if (!record) return f;
    const stale = !exact || valuesFingerprint(coveredValues(snapshot, f.cells)) !== record.fingerprint;
    return { ...f, explanation: { text: record.text, stale, date: record.date } };
  });
}
