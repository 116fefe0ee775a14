/**
 * Writing explanations: the record for a finding over the values it covers now, and the list with one added,
 * replaced or removed (the reading and applying: ./explanation). Only writers need this — the CLI's explain,
 * the pane's explanation flows (a lazy chunk) — never a check.
 */
import type { Finding } from '../findings/finding';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { type ExplanationRecord, EXPLANATION_MAX_CHARS, findingKey } from './explanation';
import { type CoveredValue, coveredValues, valuesFingerprint } from './fingerprint';

/** Most covered values written out for the reader of the sheet (a flood finding names hundreds); the fingerprint sees them all. */
const SHOWN_VALUES = 40;

/** The covered values as a reviewer reads them: "公开06表!C12 = 27.89", one per line. */
export function describeValues(values: readonly CoveredValue[]): string {
  const lines = values.slice(0, SHOWN_VALUES).map((v) => `${v.ref} = ${v.value === '' ? '（空）' : v.value}`);
  if (values.length > SHOWN_VALUES) lines.push(`……共 ${values.length} 个单元格`);
  return lines.join('\n');
}

export type Explainable = { ok: true } | { ok: false; message: string };

/** Whether the unit may answer this finding with an explanation, and if not why (./explanation says why only warnings). */
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

