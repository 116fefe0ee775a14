import { shareBase } from '../lexicon';
import { isPercentLike } from './kinds';
import type { Cue, ReadingState } from './state';

/**
 * “…X万元，占Y%”, “占本年支出合计的Y%”: a share. Its part is the subject named in its clause before 占, else
 * the amount just read, else the subject of the sentence; the words between 占 and 的 name the denominator.
 */
export function readShare(cue: Cue, st: ReadingState): boolean {
  const f = cue.figure;
  const clause = cue.clause;
  const at = clause.lastIndexOf('占');
  if (at < 0 || !isPercentLike(f) || /占用|占有/.test(clause.slice(at))) return false;
  const descriptor = clause
    .slice(at + 1)
    .replace(/^(?:比重|比例|比)/, '')
    .replace(/的?(?:比重|比例)?(?:为|是|达)?$/, '')
    .replace(/的$/, '');
  const before = cue.lead.slice(cue.sentenceStart, cue.clauseCut + at);
  const partNamed = clause.slice(0, at) ? st.named(clause.slice(0, at)) : undefined;
  const who = partNamed ?? st.lastAmount?.subject ?? (before ? st.named(before) : undefined) ?? st.current;
  if (!who) {
    st.record(f, false, 'percent');
    return true;
  }
  const base = shareBase(descriptor);
  st.claim({
    kind: 'share',
    section: st.section,
    quote: { start: cue.inClause(at), end: cue.event.end },
    subject: who,
    base,
    figure: f,
    part: !partNamed && st.lastAmount?.subject === who ? st.lastAmount.value : undefined,
    whole: base ? st.stated.get(base)?.actual : undefined,
  });
  st.record(f, true, 'percent');
  return true;
}
