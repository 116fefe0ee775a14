import base from './data/functional-2024.json';
import changes from './data/functional-changes.json';
import { buildEditions, nearestEdition, type ChangeFile, type EditionNames } from './editions';

/**
 * 支出功能分类科目, one edition per year 2019–2026 (《20XX年政府收支分类科目》), derived from the 2024 base and
 * the per-year change lists in data/. Built once, when first asked for.
 */
// Field by field, so that the bundler leaves the files' `about` text out.
const FILE: ChangeFile = { base: changes.base, first: changes.first, last: changes.last, editions: changes.editions as ChangeFile['editions'] };

/** The base edition, used when a report states no year. */
export const FUNCTIONAL_EDITION = FILE.base;
export const FUNCTIONAL_EDITION_YEARS: readonly number[] = range(FILE.first, FILE.last);
export const FUNCTIONAL_EDITION_RANGE: Readonly<Pick<ChangeFile, 'first' | 'last'>> = { first: FILE.first, last: FILE.last };

let editions: ReadonlyMap<number, EditionNames> | undefined;

/** The year of the edition a report of `year` is checked against (the nearest one outside 2019–2026). */
export function functionalEditionYear(year?: number): number {
  return nearestEdition(year, FILE);
}

/** code → name of the edition for a report of `year` (the base edition when no year is given). */
export function functionalEdition(year?: number): EditionNames {
  editions ??= buildEditions(base.rows, FILE);
  return editions.get(functionalEditionYear(year))!;
}

export interface Observation {
  /** Key of data/sources.json. */
  source: string;
  /** The editions (report years) the source prints these codes in. */
  years: readonly number[];
  codes: readonly string[];
}

/** Codes whose code+name pair (the base edition's name) a public source prints; every other base row is [K]. */
export const FUNCTIONAL_OBSERVATIONS: readonly Observation[] = Object.entries(
  base.observed as Record<string, { years: string; codes: string }>,
).map(([source, o]) => ({ source, years: o.years.split(' ').map(Number), codes: o.codes.split(' ') }));

/** The same, source key → codes (the shape callers used before editions). */
export const FUNCTIONAL_SOURCES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  FUNCTIONAL_OBSERVATIONS.map((o) => [o.source, o.codes]),
);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
