import { readWorkbook } from '../../src/core/read/read-workbook';
import { readSupplement } from '../../src/core/supplement/read-supplement';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { reviewNarrative, type ReviewOptions } from '../../src/core/review';
import type { ReviewFinding } from '../../src/core/review';
import { NarrativeText } from '../../src/core/review/text';
import type { Supplement } from '../../src/core/supplement/schema';
import type { TablesModel } from '../../src/core/tables/model';
import { PUBLISHED, sampleWithSupplement, seedSnapshot } from '../narrative/support';

export { PUBLISHED };

export interface Sample {
  model: TablesModel;
  supplement?: Supplement;
}

let withNotes: Promise<Sample> | undefined;
let tablesOnly: Promise<Sample> | undefined;

/** The sample workbook's model and the 说明数据 of sampleWithSupplement() (prior-year figures, budgets, counts). */
export function sample(): Promise<Sample> {
  withNotes ??= sampleWithSupplement().then((snapshot) => {
    const { model } = readWorkbook(snapshot);
    return { model, supplement: readSupplement(snapshot, model).supplement };
  });
  return withNotes;
}

/** The sample workbook alone (no 说明数据). */
export function tables(): Promise<Sample> {
  tablesOnly ??= seedSnapshot().then((snapshot) => ({ model: readWorkbook(snapshot).model }));
  return tablesOnly;
}

export async function review(text: string, source: Sample | Promise<Sample> = sample(), options: ReviewOptions = {}): Promise<ReviewFinding[]> {
  const { model, supplement } = await source;
  return reviewNarrative(text, model, supplement, options);
}

/** A few sections of a narrative (a unit test's text): what is in them is checked, missing sections are not reported. */
export function excerpt(text: string, source: Sample | Promise<Sample> = sample()): Promise<ReviewFinding[]> {
  return review(text, source, { excerpt: true });
}

let generated: Promise<string> | undefined;
/** The narrative this product writes for the sample (Hunan format, with the 说明数据). */
export function generatedText(): Promise<string> {
  generated ??= sampleWithSupplement().then((s) => narrateSnapshot(s).text);
  return generated;
}

/** Absolute [start, end) of a finding's quote in the text. */
export function spanOf(text: string, f: ReviewFinding): [number, number] {
  const nt = new NarrativeText(text);
  const start = nt.absolute({ paragraph: f.paragraph, offset: f.offset });
  return [start, start + f.quote.length];
}

export function errors(findings: ReviewFinding[]): ReviewFinding[] {
  return findings.filter((f) => f.severity === 'error');
}

export function describe(findings: ReviewFinding[]): string {
  return findings.map((f) => `${f.severity} ${f.rule} [${f.paragraph}:${f.offset}] ${JSON.stringify(f.quote)} ${f.message}`).join('\n');
}

/** Whitespace-free text, for matching quotes of a PDF extraction. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
