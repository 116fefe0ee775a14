import Decimal from 'decimal.js';
import { cents, roundingBound } from '../util/money';
import type { Source } from './sources';
import type { SourceDoubt, SourceDoubts } from './trust';

/**
 * The trust policy for one figure (trust.ts says which sources are doubted):
 *  - the text agrees when it matches any source of the figure — a witness by an identity of the tables, either
 *    side of a rounding difference between tables, a sum of rounded cells within 0.005 per term;
 *  - it disagrees when the sources that are not doubted agree among themselves and the text matches none of
 *    them: they give the expected value;
 *  - when every source is doubted, or the sound ones disagree beyond rounding, or the value they give is
 *    impossible (a negative amount), the tables are in doubt: the text is not accused, the doubt is reported
 *    with the table findings it comes from.
 */
export type Verdict =
  | { kind: 'match'; source: Source; rounding: boolean; setAside: Doubted[] }
  | { kind: 'split'; matched: Source; other: Source }
  | { kind: 'mismatch'; expected: Source; others: Source[]; setAside: Doubted[] }
  | { kind: 'doubt'; doubted: Doubted[]; disagreeing: Source[] };

export interface Doubted {
  source: Source;
  doubt: SourceDoubt;
}

const CENT = new Decimal('0.01');

/** The stated value is the source's, to the cent or within the rounding bound of a sum. */
export function within(stated: Decimal, s: Source): boolean {
  const d = cents(stated).minus(cents(s.value)).abs();
  return d.isZero() || (s.terms !== undefined && d.lte(roundingBound(s.terms)));
}

/** Two sources of one figure agree: to the cent, or within the rounding of the larger sum. */
function agree(a: Source, b: Source): boolean {
  const d = cents(a.value).minus(cents(b.value)).abs();
  return d.lte(Decimal.max(CENT, roundingBound(Math.max(a.terms ?? 1, b.terms ?? 1))));
}

export function judge(stated: Decimal, sources: readonly Source[], doubts: SourceDoubts): Verdict | undefined {
  if (sources.length === 0) return undefined;
  const doubtOf = (s: Source) => doubts.doubtOf(s.cells);
  const matched = sources.filter((s) => within(stated, s));
  const setAside = (list: readonly Source[]): Doubted[] => list.flatMap((s) => (doubtOf(s) ? [{ source: s, doubt: doubtOf(s)! }] : []));
  if (matched.length > 0) {
    const best = matched.find((s) => cents(s.value).eq(cents(stated)) && !doubtOf(s)) ?? matched.find((s) => !doubtOf(s)) ?? matched[0];
    // A figure the text takes from elsewhere (the 三公 budget from the 说明数据) must still agree with the table
    // that publishes it (09表), unless that table is in doubt.
    const other = sources.find((s) => s.cross && !within(stated, s) && !doubtOf(s));
    if (other && !best.cross) return { kind: 'split', matched: best, other };
    return { kind: 'match', source: best, rounding: !cents(best.value).eq(cents(stated)), setAside: setAside(sources.filter((s) => !within(stated, s))) };
  }
  const sound = sources.filter((s) => !doubtOf(s));
  const doubted = setAside(sources);
  if (sound.length === 0) return { kind: 'doubt', doubted, disagreeing: [] };
  const first = sound[0];
  const disagreeing = sound.filter((s) => !agree(first, s));
  if (disagreeing.length > 0) return { kind: 'doubt', doubted, disagreeing: [first, ...disagreeing] };
  if (cents(first.value).isNegative()) return { kind: 'doubt', doubted, disagreeing: [first] };
  return { kind: 'mismatch', expected: first, others: sound.slice(1).filter((s) => !cents(s.value).eq(cents(first.value))), setAside: doubted };
}

/** The value a source-based check (a share, a rate) may use: the first sound source, when the sound ones agree. */
export function trusted(sources: readonly Source[], doubts: SourceDoubts): { source?: Source; doubted: Doubted[] } {
  const sound = sources.filter((s) => !doubts.doubtOf(s.cells));
  const doubted = sources.flatMap((s) => {
    const d = doubts.doubtOf(s.cells);
    return d ? [{ source: s, doubt: d }] : [];
  });
  if (sound.length === 0) return { doubted };
  const first = sound[0];
  if (sound.some((s) => !agree(first, s))) return { doubted };
  return { source: first, doubted };
}
