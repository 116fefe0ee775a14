import type { Finding } from '../findings/finding';
import { readWorkbook } from '../read/read-workbook';
import { RULES } from '../rules/catalogue';
import { runRules } from '../rules/engine';
import { checkSupplement } from '../supplement/checks';
import type { WorkbookFacts } from '../tables/facts';
import { sangongBudgetBasis } from './budget-basis';
import { readSupplement } from '../supplement/read-supplement';
import type { Supplement } from '../supplement/schema';
import type { TablesModel } from '../tables/model';
import { NARRATIVE_SHEET } from '../explain/own-sheets';
import { normalizeLabel } from '../util/text';
import { cellRef } from '../workbook/address';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { checkClaims, CheckContext } from './check';
import type { BudgetBasis, Extraction } from './claims';
import { extractClaims } from './read/extract';
import { SourceDoubts } from './trust';
import { checkFormat } from './format';
import { resolveLabel } from './labels';
import { checkCountLogic } from './logic';
import { Reporter } from './report';
import type { ReviewFinding } from './schema';
import { outline, type Outline } from './sections';
import { Subjects } from './sources';
import { checkStructure } from './structure';
import { NarrativeText } from './text';
import { checkDepartment } from './wording/department';
import { checkGarbled } from './wording/garbled';
import { checkTemplate } from './wording/template';
import { checkYears } from './wording/year';

/** The sheet holding a narrative in the workbook: one paragraph per row, in column A. */

export interface ReviewOptions {
  /** The cell a paragraph (line) came from, for a narrative read from a sheet. */
  cellOf?: (paragraph: number) => string | undefined;
  /** What the workbook states about itself (readWorkbook(…).facts): the department's name and the year. */
  facts?: WorkbookFacts;
  /**
   * The findings about the sources (table rules, reader, 说明数据 checks) that decide which figures deserve
   * trust; by default the table rules and the 说明数据 checks are run here.
   */
  sourceFindings?: readonly Finding[];
  /** What the 09 table's note calls its 预算数 (sangongBudgetBasis(snapshot, model)). */
  budgetBasis09?: BudgetBasis;
  /** The text is an excerpt (some sections, for a test or a pasted paragraph): missing sections are not reported. */
  excerpt?: boolean;
}

export interface ReviewResult {
  findings: ReviewFinding[];
  outline: Outline;
  extraction: Extraction;
  /** How many claims and statements were compared with a source (0: nothing could be checked). */
  checked: number;
}

/**
 * Reviewer mode: every claim of an existing 情况说明 checked against the tables (and the 说明数据 for
 * prior-year figures, budgets and counts), and its wording against what the workbook states. Findings come in
 * text order; each quotes the offending text.
 */
export function reviewNarrative(text: string, model: TablesModel, supplement?: Supplement, options: ReviewOptions = {}): ReviewFinding[] {
  return reviewNarrativeDetailed(text, model, supplement, options).findings;
}

export function reviewNarrativeDetailed(text: string, model: TablesModel, supplement?: Supplement, options: ReviewOptions = {}): ReviewResult {
  const nt = new NarrativeText(text.replace(/\r\n?/g, '\n'));
  const o = outline(nt);
  const sourceFindings = options.sourceFindings ?? [...runRules(model, RULES, options.facts ?? {}), ...(supplement ? checkSupplement(supplement, model) : [])];
  const subjects = new Subjects(model, supplement, new SourceDoubts(sourceFindings), options.budgetBasis09);
  const extraction = extractClaims(nt, o, (claim) => {
    const code = resolveLabel(claim, model, (cell) => !!subjects.doubts.doubtOf([cell]));
    return code ? `item:${claim.table}:${code}` : undefined;
  });
  const reporter = new Reporter(nt, options.cellOf);
  const ctx = new CheckContext(reporter, subjects);
  checkClaims(extraction.claims, ctx);
  checkCountLogic(reporter, extraction.claims, subjects);
  ctx.doubtLog.flush();
  checkYears(ctx, o, options.facts);
  checkTemplate(ctx, o);
  checkGarbled(ctx, o);
  const named = supplement?.texts.department?.value;
  checkDepartment(ctx, o, options.facts, named ? [named] : []);
  checkStructure(ctx, o, extraction, { excerpt: !!options.excerpt });
  // A text nothing could be checked in is that one finding; notes on its number formats would be noise.
  if (ctx.checked > 0) checkFormat(reporter, o, extraction);
  const findings = reporter.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.paragraph - b.f.paragraph || a.f.offset - b.f.offset || a.i - b.i)
    .map(({ f }) => f);
  return { findings, outline: o, extraction, checked: ctx.checked };
}

/** The 情况说明 sheet as text (one line per row: the row's first non-empty text cell) and each line's cell. */
export function narrativeFromSheet(snapshot: WorkbookSnapshot): { text: string; cells: Array<string | undefined> } | undefined {
  const target = normalizeLabel(NARRATIVE_SHEET);
  const sheet = snapshot.sheets.find((s) => normalizeLabel(s.name) === target) ?? snapshot.sheets.find((s) => normalizeLabel(s.name).startsWith(target));
  if (!sheet) return undefined;
  const lines: string[] = [];
  const cells: Array<string | undefined> = [];
  sheet.values.forEach((row, r) => {
    const c = row.findIndex((v) => v !== null && v !== undefined && String(v).trim() !== '');
    const value = c >= 0 ? String(row[c]).replace(/\r?\n/g, ' ') : '';
    lines.push(value);
    cells.push(c >= 0 ? cellRef(sheet.name, sheet.origin.row + r, sheet.origin.col + c) : undefined);
  });
  return { text: lines.join('\n'), cells };
}

/**
 * Snapshot → tables + 说明数据 → review of `text`, or of the workbook's 情况说明 sheet when no text is given.
 * Without either, one warning says there is nothing to review.
 */
export function reviewSnapshot(snapshot: WorkbookSnapshot, text?: string): ReviewFinding[] {
  const read = readWorkbook(snapshot);
  const { model, facts } = read;
  const supplementRead = readSupplement(snapshot, model);
  const supplement = supplementRead.supplement;
  const options: ReviewOptions = {
    facts,
    sourceFindings: [...read.findings, ...runRules(model, RULES, facts), ...supplementRead.findings],
    budgetBasis09: sangongBudgetBasis(snapshot, model),
  };
  if (text !== undefined) return reviewNarrative(text, model, supplement, options);
  const sheet = narrativeFromSheet(snapshot);
  if (!sheet)
    return [
      {
        rule: 'review-nothing-checked',
        severity: 'warning',
        message: `没有可审核的情况说明：工作簿中没有“${NARRATIVE_SHEET}”工作表（每行一段，写在 A 列），也没有另外提供情况说明文本。`,
        cells: [],
        quote: '',
        paragraph: 0,
        offset: 0,
      },
    ];
  return reviewNarrative(sheet.text, model, supplement, { ...options, cellOf: (p) => sheet.cells[p] });
}
