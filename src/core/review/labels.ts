import { cents } from '../util/money';
import { CLASS_ROWS } from '../subjects/classes';
import { isKnownFunctionalName } from '../subjects/functional';
import { reportYear } from '../tables/report-year';
import { subjectLabel } from '../supplement/table-items';
import type { Amount, SubjectTable, TablesModel } from '../tables/model';
import { normalizeLabel } from '../util/text';
import type { LabelClaim } from './claims';

/**
 * “X（类）Y（款）Z（项）” labels of 五（三） and 八/九: which row of the table the item is about (by the 项 name,
 * the 款 name and the stated 支出决算, so that an item with a wrong 类 or a missing character is still found),
 * and how the label differs from the one the code tree gives.
 */
export interface LabelParts {
  cls?: string;
  kuan?: string;
  xiang?: string;
}

export function parseLabel(label: string): LabelParts {
  const parts: LabelParts = {};
  let rest = label;
  const take = (marker: string): string | undefined => {
    const i = rest.indexOf(marker);
    if (i < 0) return undefined;
    const name = rest.slice(0, i);
    rest = rest.slice(i + marker.length);
    return name;
  };
  parts.cls = take('（类）');
  parts.kuan = take('（款）');
  parts.xiang = take('（项）');
  return parts;
}

const n = (s: string | undefined) => normalizeLabel(s ?? '');

interface Candidate {
  code: string;
  score: number;
}

/** The row (code) of `claim.table` the label names, or undefined when none stands out. */
export function resolveLabel(claim: LabelClaim, model: TablesModel, isDoubted: (cell: string) => boolean = () => false): string | undefined {
  const table = model[claim.table] as SubjectTable | undefined;
  if (!table) return undefined;
  const parts = parseLabel(claim.label);
  const depth = parts.xiang !== undefined ? 7 : parts.kuan !== undefined ? 5 : 3;
  const rows = table.rows.filter((r) => r.code.length === depth);
  const year = reportYear(model);
  const scored: Candidate[] = rows.map((r) => {
    const names = expectedParts(table, r.code, year);
    let score = 0;
    if (depth === 7) score += nameScore(r.code, parts.xiang, names.xiang, 4, 2, year);
    if (depth >= 5) score += nameScore(r.code.slice(0, 5), parts.kuan, names.kuan, 2, 1, year);
    // A 类 written alone (a heading over its 款 and 项) is found by its name alone.
    score += classMatches(parts.cls, r.code.slice(0, 3), names.cls) ? (depth === 3 ? 4 : 1) : 0;
    // The stated amount tells apart 项 of one name; a figure that fails its table's own checks tells nothing.
    const actual = (r.amounts as Record<string, Amount | undefined>).total;
    if (claim.statedActual !== undefined && actual !== undefined && !isDoubted(actual.cell) && cents(actual.value).eq(cents(claim.statedActual))) score += 3;
    return { code: r.code, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 4) return undefined;
  if (second && second.score === best.score) return undefined;
  return best.code;
}

function nameScore(code: string, stated: string | undefined, expected: string, exact: number, near: number, year: number | undefined): number {
  if (stated === undefined) return 0;
  const s = n(stated);
  if (s === n(expected)) return exact;
  const check = isKnownFunctionalName(code, stated, year);
  if (check === 'exact' || check === 'alias') return exact;
  // One character off (two in a long name) is a slip; “行政运行” and “事业运行” are two different 项.
  const d = distance(s, n(expected));
  return s.length >= 2 && (d <= 1 || (d <= 2 && s.length >= 6)) ? near : 0;
}

export function expectedParts(table: SubjectTable | undefined, code: string, year?: number): Required<LabelParts> {
  const p = parseLabel(subjectLabel(table, code, year ?? table?.meta.year));
  return { cls: p.cls ?? '', kuan: p.kuan ?? '', xiang: p.xiang ?? '' };
}

/** 类 as written may drop the final 支出 (“一般公共服务（类）”), or use an older name. */
function classMatches(stated: string | undefined, code: string, expected: string): boolean {
  if (stated === undefined) return false;
  const s = n(stated);
  const e = n(expected);
  if (s === e || `${s}支出` === e) return true;
  const row = CLASS_ROWS.find((r) => r.code === code);
  return !!row && [row.name, ...row.aliases].some((a) => n(a) === s || n(a) === `${s}支出`);
}

export interface LabelProblem {
  expected: string;
  /** What is wrong, in words (“类应为…”). */
  details: string[];
}

/** How the stated label differs from the code tree's, or undefined when it agrees. */
export function labelProblem(claim: LabelClaim, code: string, model: TablesModel): LabelProblem | undefined {
  const table = model[claim.table] as SubjectTable | undefined;
  const stated = parseLabel(claim.label);
  const year = reportYear(model);
  const right = expectedParts(table, code, year);
  const details: string[] = [];
  const check = (level: '类' | '款' | '项', levelCode: string, s: string | undefined, e: string) => {
    if (s === undefined) return;
    const ok =
      level === '类'
        ? classMatches(s, levelCode, e)
        : n(s) === n(e) || ['exact', 'alias'].includes(isKnownFunctionalName(levelCode, s, year));
    if (ok) return;
    const asClass = CLASS_ROWS.find((r) => n(r.name) === n(s) || n(r.name) === `${n(s)}支出`);
    if (level !== '类' && asClass) details.push(`${level}级写成了类级科目名称“${s}”，应为“${e}”（${levelCode}）`);
    else if (isMissingCharacters(n(s), n(e))) details.push(`${level}级“${s}”缺字，应为“${e}”（${levelCode}）`);
    else if (level === '类') details.push(`类级应为“${e}”（${levelCode}），文中为“${s}”：${code} 不属于该类`);
    else details.push(`${level}级应为“${e}”（${levelCode}），文中为“${s}”`);
  };
  check('类', code.slice(0, 3), stated.cls, right.cls);
  if (code.length >= 5) check('款', code.slice(0, 5), stated.kuan, right.kuan);
  if (code.length === 7) check('项', code, stated.xiang, right.xiang);
  if (details.length === 0) return undefined;
  return { expected: subjectLabel(table, code, year), details };
}

/** `s` is `e` with one or two characters left out. */
function isMissingCharacters(s: string, e: string): boolean {
  if (s.length >= e.length || e.length - s.length > 2) return false;
  let i = 0;
  for (const c of e) if (i < s.length && s[i] === c) i++;
  return i === s.length;
}

/** Levenshtein distance (labels are short). */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

