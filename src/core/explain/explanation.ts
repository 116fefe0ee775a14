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
import { z } from 'zod';
import type { Finding } from '../findings/finding';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellsKey, coveredValues, describeValues, valuesFingerprint } from './fingerprint';

export const EXPLANATION_MAX_CHARS = 1000;

/** One row of the 审核说明 sheet. */
export const ExplanationRecordSchema = z.object({
  rule: z.string().trim().min(1),
  cells: z.array(z.string().min(1)),
  /** cellsKey(cells) when written: cells lists may be shortened on the sheet, the key never is. */
  cellsKey: z.string().regex(/^[0-9a-f]{16}$/),
  /** valuesFingerprint of the covered values when written. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  text: z.string().trim().min(1).max(EXPLANATION_MAX_CHARS),
  date: z.string(),
  /** The finding's message when explained (for the reader of the sheet). */
  message: z.string(),
  /** The covered values, readable (describeValues). */
  values: z.string(),
});
export type ExplanationRecord = z.infer<typeof ExplanationRecordSchema>;

export type Explainable = { ok: true } | { ok: false; message: string };

/** Whether the unit may answer this finding with an explanation (see above for why only warnings). */
export function explainable(finding: Finding): Explainable {
  if (finding.severity === 'error')
    return {
      ok: false,
      message: `这是错误（规则 ${finding.rule}）：表格本身有误（如勾稽关系不成立、各表表头不一致），只能改正表格，不能用说明代替。请按问题中的提示核对改正后重新审核。`,
    };
  if (finding.severity === 'info') return { ok: false, message: `这是提示（规则 ${finding.rule}）：不需要说明。只有警告（核实性问题）需要填写说明。` };
  return { ok: true };
}

/** The explanation's text as stored: trimmed; an empty or over-long text is refused with a message. */
export function checkExplanationText(text: string): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (!trimmed) return { ok: false, message: '说明不能为空：请写明核实的情况，例如“核实无误：……”。' };
  if (trimmed.length > EXPLANATION_MAX_CHARS) return { ok: false, message: `说明过长（${trimmed.length} 字），请控制在 ${EXPLANATION_MAX_CHARS} 字以内。` };
  return { ok: true, text: trimmed };
}

/**
 * The key of the check a finding reports: its cell list, or for a finding that names no cell (a table that is
 * not there) its table — two such findings of one rule must not share one explanation.
 */
export function findingKey(finding: Pick<Finding, 'cells' | 'table'>): string {
  return cellsKey(finding.cells.length ? finding.cells : [`table:${finding.table ?? ''}`]);
}

/** Today as YYYY-MM-DD in local time (the date a reviewer reads on the sheet). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The record for an explanation of `finding`, over the values the snapshot holds now. */
export function explanationRecord(finding: Finding, text: string, snapshot: WorkbookSnapshot, date: string): ExplanationRecord {
  const values = coveredValues(snapshot, finding.cells);
  return {
    rule: finding.rule,
    cells: [...finding.cells],
    cellsKey: findingKey(finding),
    fingerprint: valuesFingerprint(values),
    text,
    date,
    message: finding.message,
    values: describeValues(values),
  };
}

/** The records with `record` in place of any earlier one for the same check (same rule and cells), else added. */
export function upsertExplanation(records: readonly ExplanationRecord[], record: ExplanationRecord): ExplanationRecord[] {
  const at = records.findIndex((r) => r.rule === record.rule && r.cellsKey === record.cellsKey);
  if (at < 0) return [...records, record];
  const out = [...records];
  out[at] = record;
  return out;
}

/** The records without the one for this finding's check. */
export function removeExplanation(records: readonly ExplanationRecord[], finding: Finding): ExplanationRecord[] {
  const key = findingKey(finding);
  return records.filter((r) => !(r.rule === finding.rule && r.cellsKey === key));
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
    if (f.severity !== 'warning') return f;
    const exact = byKey.get(`${f.rule}|${findingKey(f)}`);
    const record = exact ?? (f.cells[0] ? byFirst.get(`${f.rule}|${f.cells[0]}`) : undefined);
    if (!record) return f;
    const stale = !exact || valuesFingerprint(coveredValues(snapshot, f.cells)) !== record.fingerprint;
    return { ...f, explanation: { text: record.text, stale, date: record.date } };
  });
}
