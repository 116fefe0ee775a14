/**
 * The batch report's model: one entry per workbook (counts, the top open problem, what each finding touches),
 * the orders and filters the summary offers, the per-rule overview. Pure: the pages render it, the summary's
 * script (summary-script.ts) applies the same orders and filters in the browser, and the browser test checks
 * that both agree.
 */
import { relative, sep } from 'node:path';
import type { Report } from '../../core/report';
import { type Finding, type Severity, isExplained, openCount, sortFindings } from '../../core/findings/finding';
import type { TablesModel } from '../../core/tables/model';
import type { WorkbookFacts } from '../../core/tables/facts';
import { unitAndYear } from '../../core/tables/unit-and-year';
import { ruleCatalogue } from '../../core/rules/catalogue';
import type { RuleMeta } from '../../core/rules/rule';
import { displayPath, reportShownAs } from './paths';
import { batchYear, UNKNOWN, type YearSource } from './year';

/** One workbook's row in the batch report: paths already as shown (relative), hrefs relative to the report folder. */
export interface BatchRow {
  file: string;
  unit: string;
  year: string;
  yearSource?: YearSource;
  report: Report;
  detailHref: string;
  jsonHref: string;
  markedHref?: string;
}

/** A checked workbook → its row: `file` as found under `roots` (the paths given), its report shown the same way. */
export function batchRow(input: {
  file: string;
  roots: readonly string[];
  checked: { model: TablesModel; facts?: WorkbookFacts };
  report: Report;
  slug: string;
  reportDir: string;
  /** The marked copy's path, when one was written. */
  marked?: string;
}): BatchRow {
  const shown = displayPath(input.file, input.roots);
  const { unit } = unitAndYear(input.checked.model, input.checked.facts);
  return {
    file: shown,
    unit,
    ...batchYear(input.checked.model, input.checked.facts),
    report: reportShownAs(input.report, input.file, shown),
    detailHref: `details/${input.slug}.html`,
    jsonHref: `reports/${input.slug}.json`,
    markedHref: input.marked ? relative(input.reportDir, input.marked).split(sep).join('/') : undefined,
  };
}

/** What one finding is, for filtering: its severity, whether explained, the tables it touches, its rule. */
export interface FindingKey {
  severity: Severity;
  explained: boolean;
  tables: string[];
  rule: string;
}

export type RowStatus = 'error' | 'open' | 'ok';

export interface BatchEntry {
  /** Position in file order (0-based). */
  index: number;
  row: BatchRow;
  open: number;
  status: RowStatus;
  /** The first open finding (errors first), what the row shows; absent when nothing is open. */
  top?: Finding;
  /** Open findings besides `top`. */
  moreOpen: number;
  /** One key per distinct (severity, explained, tables, rule). */
  keys: FindingKey[];
}

let catalogueCache: Map<string, RuleMeta> | undefined;
export function rulesById(): Map<string, RuleMeta> {
  catalogueCache ??= new Map(ruleCatalogue().map((r) => [r.id, r]));
  return catalogueCache;
}

/**
 * Findings of the reader, the narrative review and the 审核说明 sheet come from no catalogue rule: named by
 * their family (the overview shows the id beside it).
 */
const FAMILY_TITLES: Array<[RegExp, string]> = [
  [/^read-file-/, '文件无法读取'],
  [/^read-table-/, '表的识别与读取'],
  [/^read-(cell|cells|merges)-/, '单元格内容'],
  [/^read-unit-/, '金额单位'],
  [/^read-/, '表格读取'],
  [/^review-/, '情况说明与表格核对'],
  [/^explain-/, '审核说明工作表'],
];

/** A rule's title for the overview and the rule filter: the catalogue's, else its family's, else its id. */
export function ruleTitle(id: string): string {
  return rulesById().get(id)?.title ?? FAMILY_TITLES.find(([re]) => re.test(id))?.[1] ?? id;
}

/** The tables a finding touches: its own, its rule's, and those whose sheets hold its cells. */
export function findingTables(f: Finding, report: Report): string[] {
  const codes = new Set<string>();
  if (f.table) codes.add(f.table);
  for (const code of rulesById().get(f.rule)?.tables ?? []) codes.add(code);
  const bySheet = new Map(report.tables.map((t) => [t.sheet, t.code]));
  for (const cell of f.cells) {
    const sheet = cell.slice(0, cell.lastIndexOf('!')).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    const code = bySheet.get(sheet);
    if (code) codes.add(code);
  }
  return [...codes].sort();
}

export function isOpen(f: Finding): boolean {
  return f.severity !== 'info' && !isExplained(f);
}

export function batchEntries(rows: readonly BatchRow[]): BatchEntry[] {
  return rows.map((row, index) => {
    const report = row.report;
    const open = openCount(report.summary);
    const openFindings = sortFindings(report.findings).filter(isOpen);
    const keys = new Map<string, FindingKey>();
    for (const f of report.findings) {
      const key: FindingKey = { severity: f.severity, explained: isExplained(f), tables: findingTables(f, report), rule: f.rule };
      keys.set(encodeKey(key), key);
    }
    return {
      index,
      row,
      open,
      status: report.summary.error > 0 ? 'error' : open > 0 ? 'open' : 'ok',
      top: openFindings[0],
      moreOpen: Math.max(0, openFindings.length - 1),
      keys: [...keys.values()],
    };
  });
}

const SEVERITY_LETTER: Record<Severity, string> = { error: 'e', warning: 'w', info: 'i' };

/** “w x|05,06|x06-05-contributions” without the space: the row's data-k token the script parses. */
export function encodeKey(k: FindingKey): string {
  return `${SEVERITY_LETTER[k.severity]}${k.explained ? 'x' : ''}|${k.tables.join(',')}|${k.rule}`;
}

export type SortKey = 'open' | 'error' | 'warning' | 'info' | 'explained' | 'file' | 'unit' | 'year';
export type SortDir = 'asc' | 'desc';
export const SORT_KEYS: readonly SortKey[] = ['open', 'error', 'warning', 'info', 'explained', 'file', 'unit', 'year'];

/** The direction a first click sorts in: counts most first, names and file order A→Z, years newest first. */
export function naturalDir(key: SortKey): SortDir {
  return key === 'file' || key === 'unit' ? 'asc' : 'desc';
}

function sortValue(e: BatchEntry, key: SortKey): number | string {
  const s = e.row.report.summary;
  switch (key) {
    case 'open': return e.open;
    case 'error': return s.error;
    case 'warning': return s.warning;
    case 'info': return s.info;
    case 'explained': return s.explained;
    case 'file': return e.index;
    case 'unit': return e.row.unit;
    case 'year': return e.row.year;
  }
}

/** Entries in one order; ties keep file order whichever the direction (a stable, predictable list). */
export function sortEntries(entries: readonly BatchEntry[], key: SortKey, dir: SortDir = naturalDir(key)): BatchEntry[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y) || a.index - b.index;
    // Names and years: 未识别 (or none) last in either direction — nothing to compare it with.
    const unknownX = isUnknown(String(x));
    if (unknownX !== isUnknown(String(y))) return unknownX ? 1 : -1;
    return sign * String(x).localeCompare(String(y), 'zh-CN', { numeric: true }) || a.index - b.index;
  });
}

function isUnknown(text: string): boolean {
  return !text || text === UNKNOWN;
}

/**
 * 级别: error / warning / info — a finding of that severity; open — an error or a warning not explained;
 * clean — nothing open in the workbook (a row-level condition).
 */
export type SeverityFilter = Severity | 'open' | 'clean';

export interface BatchFilter {
  severity?: SeverityFilter;
  table?: string;
  rule?: string;
  /** Part of the file's path or the unit's name. */
  text?: string;
}

function keyMatches(k: FindingKey, f: BatchFilter): boolean {
  if (f.severity && f.severity !== 'clean') {
    if (f.severity === 'open' ? k.severity === 'info' || k.explained : k.severity !== f.severity) return false;
  }
  if (f.table && !k.tables.includes(f.table)) return false;
  return !f.rule || k.rule === f.rule;
}

/**
 * The rows a filter keeps. Severity, table and rule apply to one finding together (“an error in 公开06表”
 * means one finding that is both), so a row is kept when some finding matches all three.
 */
export function filterEntries(entries: readonly BatchEntry[], f: BatchFilter): BatchEntry[] {
  const needle = f.text?.trim().toLowerCase();
  const findingLevel = Boolean((f.severity && f.severity !== 'clean') || f.table || f.rule);
  return entries.filter((e) => {
    // As the page shows it: a workbook without a unit is found by “未识别”.
    if (needle && !`${e.row.file}\n${e.row.unit || UNKNOWN}`.toLowerCase().includes(needle)) return false;
    if (f.severity === 'clean' && e.open > 0) return false;
    return !findingLevel || e.keys.some((k) => keyMatches(k, f));
  });
}

export interface RuleLine {
  rule: string;
  severity: Severity;
  title: string;
  /** Workbooks with at least one finding of this rule and severity. */
  workbooks: number;
  findings: number;
  explained: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Which checks fail in how many workbooks: one line per rule and severity, most workbooks first, errors first. */
export function ruleOverview(entries: readonly BatchEntry[]): RuleLine[] {
  const lines = new Map<string, RuleLine>();
  for (const e of entries) {
    const seen = new Set<string>();
    for (const f of e.row.report.findings) {
      const id = `${f.rule}\n${f.severity}`;
      let line = lines.get(id);
      if (!line) {
        line = { rule: f.rule, severity: f.severity, title: ruleTitle(f.rule), workbooks: 0, findings: 0, explained: 0 };
        lines.set(id, line);
      }
      line.findings += 1;
      if (isExplained(f)) line.explained += 1;
      if (!seen.has(id)) line.workbooks += 1;
      seen.add(id);
    }
  }
  return [...lines.values()].sort((a, b) => b.workbooks - a.workbooks || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.rule.localeCompare(b.rule));
}

/** Table code → workbooks with a finding touching it (the 表 filter's counts). */
export function tableCounts(entries: readonly BatchEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) for (const code of new Set(e.keys.flatMap((k) => k.tables))) out.set(code, (out.get(code) ?? 0) + 1);
  return new Map([...out].sort((a, b) => a[0].localeCompare(b[0])));
}
