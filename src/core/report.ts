import { countBySeverity, sortFindings, type Finding, type Summary } from './findings/finding';
import { mergeFloods } from './findings/flood';
import type { TablesModel } from './tables/model';
import type { WorkbookFacts } from './tables/facts';
import type { WorkbookSnapshot } from './workbook/snapshot';
import { readWorkbook } from './read/read-workbook';
import { runRules } from './rules/engine';
import { RULES } from './rules/catalogue';
import { applyExplanations, type ExplanationRecord } from './explain/explanation';
import { problemFindings, readExplanations } from './explain/explanation-sheet';
import { readerSnapshot } from './explain/own-sheets';
import { errorText } from './util/error-text';

/** The CLI's JSON report for one workbook (a contract: README "JSON report"). */
export interface Report {
  file: string;
  tables: Array<{ code: string; title: string; sheet: string; range: string }>;
  findings: Finding[];
  /** By severity; `explained`: warnings whose explanation applies (README “JSON report”). */
  summary: Summary;
}

export interface CheckResult {
  report: Report;
  model: TablesModel;
  /** The department's best-attested name and witnesses, the year: for `unitAndYear` and the narrative. */
  facts: WorkbookFacts;
  /** Every explanation in the workbook's 审核说明 sheet, also those whose finding is gone (a writer keeps them). */
  explanations: ExplanationRecord[];
}

export interface CheckOptions {
  /** What reading the file found wrong besides the check (the file reader's own findings): merged in first. */
  readFindings?: readonly Finding[];
}

/**
 * Snapshot → located tables → typed model → findings, each warning with its explanation from the 审核说明
 * sheet. The add-in's own sheets are never read as tables (readerSnapshot). Never throws: a failure becomes
 * a finding.
 */
export function checkSnapshot(snapshot: WorkbookSnapshot, file = snapshot.source ?? '', options: CheckOptions = {}): CheckResult {
  try {
    const read = readWorkbook(readerSnapshot(snapshot));
    const explained = readExplanations(snapshot);
    const found = mergeFloods([...read.findings, ...runRules(read.model, RULES, read.facts)]);
    const findings = sortFindings(applyExplanations([...(options.readFindings ?? []), ...found, ...problemFindings(explained)], explained.records, snapshot));
    return {
      model: read.model,
      facts: read.facts,
      explanations: explained.records,
      report: {
        file,
        tables: read.tables.map((t) => ({ code: t.code, title: t.title, sheet: t.sheet, range: t.range })),
        findings,
        summary: countBySeverity(findings),
      },
    };
  } catch (error) {
    return { model: {}, facts: {}, explanations: [], report: failedReport(file, `审核过程中出现意外错误：${errorText(error)}。请将该文件反馈给开发者。`) };
  }
}

export function failedReport(file: string, message: string, rule = 'internal-error'): Report {
  const findings: Finding[] = [{ rule, severity: 'error', message, cells: [] }];
  return { file, tables: [], findings, summary: countBySeverity(findings) };
}

export function reportForFinding(file: string, finding: Finding): Report {
  return { file, tables: [], findings: [finding], summary: countBySeverity([finding]) };
}
