import { countBySeverity, sortFindings, type Finding, type Severity } from './findings/finding';
import { mergeFloods } from './findings/flood';
import type { TablesModel } from './tables/model';
import type { WorkbookSnapshot } from './workbook/snapshot';
import { readWorkbook } from './read/read-workbook';
import { runRules } from './rules/engine';
import { RULES } from './rules/catalogue';

/** The CLI's JSON report for one workbook (a contract: README "JSON report"). */
export interface Report {
  file: string;
  tables: Array<{ code: string; title: string; sheet: string; range: string }>;
  findings: Finding[];
  summary: Record<Severity, number>;
}

export interface CheckResult {
  report: Report;
  model: TablesModel;
}

/** Snapshot → located tables → typed model → findings. Never throws: a failure becomes a finding. */
export function checkSnapshot(snapshot: WorkbookSnapshot, file = snapshot.source ?? ''): CheckResult {
  try {
    const read = readWorkbook(snapshot);
    const findings = sortFindings(mergeFloods([...read.findings, ...runRules(read.model, RULES)]));
    return {
      model: read.model,
      report: {
        file,
        tables: read.tables.map((t) => ({ code: t.code, title: t.title, sheet: t.sheet, range: t.range })),
        findings,
        summary: countBySeverity(findings),
      },
    };
  } catch (error) {
    return { model: {}, report: failedReport(file, `审核过程中出现意外错误：${error instanceof Error ? error.message : String(error)}。请将该文件反馈给开发者。`) };
  }
}

export function failedReport(file: string, message: string, rule = 'internal-error'): Report {
  const findings: Finding[] = [{ rule, severity: 'error', message, cells: [] }];
  return { file, tables: [], findings, summary: countBySeverity(findings) };
}

export function reportForFinding(file: string, finding: Finding): Report {
  return { file, tables: [], findings: [finding], summary: countBySeverity([finding]) };
}
