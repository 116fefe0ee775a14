import type { Direction } from '../claims';
import { lastSubject } from '../lexicon';
import { EXPLANATION, lastMatchEnd } from './kinds';
import type { Cue, ReadingState } from './state';

const UP = ['增加', '增长', '上升', '提高', '增幅'];
const DOWN = ['减少', '下降', '降低', '降幅', '减幅'];
const CHANGE_END = /((?:增加|增长|上升|提高|增幅|减少|下降|降低|降幅|减幅)+)(?:率|幅度|幅)?(?:了|为|达|是)?$/;

/** “增加|减少…” → the directions each pair of characters says (“增加减少” → up, down). */
export function splitDirections(words: string): Direction[] {
  const out: Direction[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const w = words.slice(i, i + 2);
    if (UP.includes(w)) out.push('up');
    else if (DOWN.includes(w)) out.push('down');
  }
  return out;
}

/**
 * “增加/减少X万元” (a change amount) and “增长/下降X%” (a change rate; a bare decimal right after a change amount
 * in the same sentence is a rate that lost its %). A figure after a reason or a use (“主要原因是…增加10万元”)
 * is not a claim, unless a subject is named after those words.
 */
export function readChange(cue: Cue, st: ReadingState): boolean {
  const f = cue.figure;
  const change = CHANGE_END.exec(cue.clause);
  if (!change || f.kind === 'count') return false;
  if (explaining(cue, st)) {
    st.record(f, false, f.kind === 'percent' ? 'percent' : 'amount');
    return true;
  }
  const who = st.named(cue.sentence) ?? st.current;
  if (who) st.current = who;
  const words = change[1];
  const directions = splitDirections(words);
  const stated = who ? st.statedOf(who) : undefined;
  const sameSentence = !!stated?.change && stated.change.at >= st.sentenceFrom;
  const asRate = f.kind === 'percent' || (f.kind === 'bare' && sameSentence && f.decimals > 0);
  st.record(f, !!who, asRate ? 'percent' : 'amount');
  if (!who || !stated) return true;
  const quote = { start: cue.inClause(change.index), end: cue.event.end };
  if (asRate)
    st.claim({
      kind: 'change-rate',
      section: st.section,
      quote,
      subject: who,
      figure: f,
      words,
      directions,
      statedCurrent: stated.actual,
      amount: sameSentence && stated.change ? { value: stated.change.value, directions: stated.change.directions } : undefined,
    });
  else {
    stated.change = { value: f.value, directions, at: cue.event.at };
    st.claim({ kind: 'change', section: st.section, quote, subject: who, figure: f, words, directions, statedCurrent: stated.actual });
  }
  return true;
}

/** The figure's sentence explains (a reason, a use) and names no subject after saying so. */
export function explaining(cue: Cue, st: ReadingState): boolean {
  const marker = lastMatchEnd(EXPLANATION, cue.sentence);
  if (marker < 0) return false;
  return st.fixed || !lastSubject(st.section.kind, cue.sentence.slice(marker));
}
