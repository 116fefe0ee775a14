import { readWorkbook } from '../../src/core/read/read-workbook';
import { readSupplement } from '../../src/core/supplement/read-supplement';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { reviewNarrative, type ReviewFinding } from '../../src/core/review';
import { sangongBudgetBasis } from '../../src/core/review/budget-basis';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { appendSheet, filledTemplate, SAMPLE_ITEMS, SAMPLE_VALUES, seedSnapshot } from '../narrative/support';

/**
 * The review corpus: workbooks whose tables and 说明数据 agree with each other (so that a text generated from
 * them is right), the texts generated from them, and hand-edited variants a department would write. The seed's
 * own inconsistencies (09 预算数 copied from its 决算数, 团组 0 with 1 人次) are repaired here: 09 carries the
 * budgets the 说明数据 give, the 说明数据 one 团组 and a 年初预算 equal to the sum of the items' (580.14).
 */
export async function consistentSample(): Promise<WorkbookSnapshot> {
  const seed = structuredClone(await seedSnapshot());
  const t09 = seed.sheets.find((s) => s.name === '公开09表')!;
  t09.values[7].splice(0, 6, 19, 7, 7, null, 7, 5);
  const values = { ...SAMPLE_VALUES, '因公出国（境）团组数': 1, 一般公共预算财政拨款支出年初预算: 580.14 };
  return appendSheet(seed, '说明数据', filledTemplate(seed, values, SAMPLE_ITEMS));
}

/** Review of a text against a snapshot, as reviewSnapshot does it (facts, source findings, the 09 note), for one text. */
export function reviewAgainst(snapshot: WorkbookSnapshot, text: string, options: { excerpt?: boolean } = {}): ReviewFinding[] {
  const read = readWorkbook(snapshot);
  const supplement = readSupplement(snapshot, read.model);
  return reviewNarrative(text, read.model, supplement.supplement, {
    facts: read.facts,
    budgetBasis09: sangongBudgetBasis(snapshot, read.model),
    sourceFindings: undefined,
    ...options,
  });
}

export function generated(snapshot: WorkbookSnapshot, format: 'hunan' | 'shanghai'): string {
  return narrateSnapshot(snapshot, { format }).text;
}

/** Serious findings (errors and warnings). */
export function serious(findings: readonly ReviewFinding[]): ReviewFinding[] {
  return findings.filter((f) => f.severity !== 'info');
}
