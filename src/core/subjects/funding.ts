import funding from './data/functional-funding.json';
import { canonicalCode, functionalLevel } from './codes';
import { functionalEdition } from './functional-editions';

/** gpb = 一般公共预算, gf = 政府性基金预算, soc = 国有资本经营预算 (state-owned capital). */
export type FundingKind = 'gpb' | 'gf' | 'soc' | 'unknown';

export interface FundingPrefix {
  prefix: string;
  kind: 'gf' | 'soc';
  /** Key of data/sources.json when a source shows the prefix in a 政府性基金 table or notice; undefined = [K]. */
  source?: string;
}

const SOURCED = funding.sourced as Record<string, string>;

/** 科目 of the 政府性基金预算 (gf) and the 国有资本经营预算 (soc), all editions (data/functional-funding.json). */
export const FUNDING_PREFIXES: readonly FundingPrefix[] = [
  ...funding.gf.split(' ').map((prefix): FundingPrefix => ({ prefix, kind: 'gf', source: SOURCED[prefix] })),
  ...funding.soc.split(' ').map((prefix): FundingPrefix => ({ prefix, kind: 'soc', source: SOURCED[prefix] })),
];

export const GOVERNMENT_FUND_CLASS_PREFIXES: readonly string[] = FUNDING_PREFIXES.filter((p) => p.kind === 'gf').map((p) => p.prefix);
export const STATE_CAPITAL_CLASS_PREFIXES: readonly string[] = FUNDING_PREFIXES.filter((p) => p.kind === 'soc').map((p) => p.prefix);

const NEITHER = new Set(funding.neither.split(' '));

/**
 * Which budget a 科目 belongs to in the edition of `year`. A 类 or 款 that holds both 一般公共预算 and 政府性基金
 * 科目 (e.g. 212, 229, 232; 220 from 2024) is 'unknown' (mixed): ask for its 款/项 instead. Codes of a 类 the
 * edition does not hold are 'unknown'.
 */
export function fundingKindOf(code: string, year?: number): FundingKind {
  const c = canonicalCode(code);
  if (functionalLevel(c) === undefined) return 'unknown';
  const edition = functionalEdition(year);
  const prefixes = FUNDING_PREFIXES.filter((p) => edition.has(p.prefix));
  let best: FundingPrefix | undefined;
  for (const p of prefixes) {
    if (c.startsWith(p.prefix) && (best === undefined || p.prefix.length > best.prefix.length)) best = p;
  }
  if (best) return best.kind;
  if (prefixes.some((p) => p.prefix.startsWith(c))) return 'unknown';
  const cls = c.slice(0, 3);
  if (NEITHER.has(cls) || !edition.has(cls)) return 'unknown';
  return 'gpb';
}
