/**
 * 支出功能分类科目 (functional classification of expenditure) — the dictionary behind name↔code checks of
 * 公开01–05/07/08表, one edition per report year 2019–2026 (《20XX年政府收支分类科目》). Every function takes the
 * report's year; without one it uses the base edition (2024), and a year outside 2019–2026 the nearest edition.
 *
 * The data is in ./data (base edition, per-year change lists, older names, funding prefixes), each entry with its
 * source or marked [K]; coverage and gaps per year: docs/subjects-sources.md.
 */
import { normalizeLabel } from '../util/text';
import { canonicalCode, functionalLevel, type FunctionalLevel } from './codes';
import { FUNCTIONAL_EDITION_RANGE, FUNCTIONAL_OBSERVATIONS, functionalEdition, functionalEditionYear } from './functional-editions';
import { neighbourEdition } from './editions';
import { isFunctionalAlias } from './aliases';

export { canonicalCode, functionalLevel, parentCode, type FunctionalLevel } from './codes';
export {
  FUNCTIONAL_EDITION,
  FUNCTIONAL_EDITION_YEARS,
  FUNCTIONAL_OBSERVATIONS,
  FUNCTIONAL_SOURCES,
  functionalEdition,
  functionalEditionYear,
  type Observation,
} from './functional-editions';
export {
  FUNDING_PREFIXES,
  GOVERNMENT_FUND_CLASS_PREFIXES,
  STATE_CAPITAL_CLASS_PREFIXES,
  fundingKindOf,
  type FundingKind,
  type FundingPrefix,
} from './funding';

export type NameCheck = 'exact' | 'alias' | 'unknown-code' | 'mismatch';

/** code → official name, base edition (2024). */
export const FUNCTIONAL_SUBJECTS: ReadonlyMap<string, string> = functionalEdition();

/** Every code a public source prints with its name (in the years of FUNCTIONAL_OBSERVATIONS); the rest is [K]. */
export const OBSERVED_FUNCTIONAL_CODES: ReadonlySet<string> = new Set(FUNCTIONAL_OBSERVATIONS.flatMap((o) => o.codes));

export function functionalName(code: string, year?: number): string | undefined {
  return functionalEdition(year).get(canonicalCode(code));
}

/**
 * Compares a printed name with the edition of `year` after normalizeLabel (NFKC, whitespace, quotes, full-width
 * brackets). 'alias' for a known older/regional name or the name of the neighbouring edition (last year's or next
 * year's template); 'unknown-code' when the edition does not hold the code (not necessarily wrong: the lists are
 * incomplete, see docs/subjects-sources.md).
 */
export function isKnownFunctionalName(code: string, name: string, year?: number): NameCheck {
  const c = canonicalCode(code);
  const official = functionalEdition(year).get(c);
  if (official !== undefined && normalizeLabel(official) === normalizeLabel(name)) return 'exact';
  if (isFunctionalAlias(c, name) || neighbourEditionOf(c, name, year) !== undefined) return 'alias';
  return official === undefined ? 'unknown-code' : 'mismatch';
}

/**
 * The year of the neighbouring edition (year − 1 or year + 1, within 2019–2026) that has exactly this code and
 * name when the edition of `year` does not: the accountant used the template of the year before or after.
 */
export function neighbourEditionOf(code: string, name: string, year?: number): number | undefined {
  const c = canonicalCode(code);
  const printed = normalizeLabel(name);
  return neighbourEdition(
    functionalEditionYear(year),
    FUNCTIONAL_EDITION_RANGE,
    (y) => functionalEdition(y).get(c),
    (official) => normalizeLabel(official) === printed,
  );
}

/**
 * “社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）” — the wording of 情况说明 sentences,
 * in the names of the edition of `year`. A level missing from the edition is shown as its code.
 */
export function fullLabel(code: string, year?: number): string | undefined {
  const c = canonicalCode(code);
  const level = functionalLevel(c);
  if (level === undefined) return undefined;
  const names = functionalEdition(year);
  const parts: Array<[string, FunctionalLevel]> = [[c.slice(0, 3), '类']];
  if (c.length >= 5) parts.push([c.slice(0, 5), '款']);
  if (c.length === 7) parts.push([c, '项']);
  return parts.map(([part, lvl]) => `${names.get(part) ?? part}（${lvl}）`).join('');
}
