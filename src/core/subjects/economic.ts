/**
 * 部门预算支出经济分类科目 (departmental economic classification of expenditure): 类 (3 digits) and 款 (5 digits),
 * as printed in 公开06表 一般公共预算财政拨款基本支出决算(明细)表, one edition per report year 2019–2026. The data is
 * in ./data (economic-2024.json, the base, and economic-changes.json); sources and gaps: docs/subjects-sources.md.
 * Every function takes the report's year; without one it uses the base edition, outside 2019–2026 the nearest.
 */
import base from './data/economic-2024.json';
import changes from './data/economic-changes.json';
import { normalizeLabel } from '../util/text';
import { canonicalCode } from './codes';
import { buildEditions, nearestEdition, neighbourEdition, type ChangeFile, type EditionNames } from './editions';

// Field by field, so that the bundler leaves the files' `about` text out.
const FILE: ChangeFile = { base: changes.base, first: changes.first, last: changes.last, editions: changes.editions as ChangeFile['editions'] };
let editions: ReadonlyMap<number, EditionNames> | undefined;

/** code → name of the edition for a report of `year`, 类 (3 digits) and 款 (5 digits). */
export function economicEdition(year?: number): EditionNames {
  editions ??= buildEditions(base.rows, FILE);
  return editions.get(economicEditionYear(year))!;
}

export function economicEditionYear(year?: number): number {
  return nearestEdition(year, FILE);
}

/** code → name, base edition (2024). */
export const ECONOMIC_SUBJECTS: ReadonlyMap<string, string> = economicEdition();

/** 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助 (seed and Shanghai alike). */
export const PERSONNEL_CLASSES: readonly string[] = ['301', '303'];

/**
 * 公用经费 classes in the Hunan/MOF family (seed 06表: groups 2–3 = 302, 307, 310, 399). Shanghai's 06表 has
 * only 302 + 310 as 公用经费 (307 and 399 absent, domain.md §1.2) — a subset, so summing these four classes
 * gives the same total there.
 */
export const PUBLIC_CLASSES: readonly string[] = ['302', '307', '310', '399'];

export function economicName(code: string, year?: number): string | undefined {
  return economicEdition(year).get(canonicalCode(code));
}

/** '类' (3 digits) | '款' (5 digits) by shape. */
export function economicLevel(code: string): '类' | '款' | undefined {
  const c = canonicalCode(code);
  if (/^\d{3}$/.test(c)) return '类';
  if (/^\d{5}$/.test(c)) return '款';
  return undefined;
}

/**
 * Same contract as isKnownFunctionalName: 'alias' is the name of the neighbouring edition (there are no older
 * economic names on file).
 */
export function isKnownEconomicName(code: string, name: string, year?: number): 'exact' | 'alias' | 'unknown-code' | 'mismatch' {
  const c = canonicalCode(code);
  const official = economicName(c, year);
  const printed = normalizeLabel(name);
  if (official !== undefined && normalizeLabel(official) === printed) return 'exact';
  if (economicNeighbourEditionOf(c, name, year) !== undefined) return 'alias';
  return official === undefined ? 'unknown-code' : 'mismatch';
}

/** The neighbouring edition (year ± 1) that has exactly this code and name when the edition of `year` does not. */
export function economicNeighbourEditionOf(code: string, name: string, year?: number): number | undefined {
  const c = canonicalCode(code);
  const printed = normalizeLabel(name);
  return neighbourEdition(economicEditionYear(year), FILE, (y) => economicEdition(y).get(c), (n) => normalizeLabel(n) === printed);
}
