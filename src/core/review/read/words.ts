import Decimal from 'decimal.js';
import type { Cue, ReadingState } from './state';

/**
 * Claims made in words, without a figure of their own: 决算数大于/小于/持平/等于预算数（上年数）, 与上年相比持平,
 * 年初未安排预算 (a 年初预算 of 0), 上年无此项支出 (a prior year of 0). They are about the subject the sentence names,
 * else the current one; the figures stated before them travel with them.
 */
export function readWords(cue: Cue, st: ReadingState): void {
  const e = cue.event;
  const who = st.named(cue.sentence) ?? st.current;
  if (!who) return;
  st.current = who;
  const stated = st.statedOf(who);
  const quote = { start: e.at, end: e.end };
  if (e.compare)
    st.claim({
      kind: 'compare',
      section: st.section,
      quote,
      subject: who,
      against: e.compare.against,
      word: e.compare.word,
      written: e.compare.written,
      statedActual: stated.actual,
      statedBudget: stated.budget,
      statedPrior: stated.prior ?? priorFromChange(stated),
    });
  else if (e.flat) st.claim({ kind: 'flat', section: st.section, quote, subject: who, statedCurrent: stated.actual });
  else if (e.noBudget) {
    stated.budget = new Decimal(0);
    st.claim({ kind: 'amount', role: 'budget', basis: '年初', section: st.section, quote, subject: who, value: new Decimal(0) });
  } else if (e.noPrior) {
    stated.prior = new Decimal(0);
    st.claim({ kind: 'amount', role: 'prior', section: st.section, quote, subject: who, value: new Decimal(0) });
  }
}

/** The prior year the text implies: the current figure ∓ the stated 增减额. */
function priorFromChange(st: { actual?: Decimal; change?: { value: Decimal; directions: string[] } }): Decimal | undefined {
  if (!st.change || st.actual === undefined) return undefined;
  const d = st.change.directions;
  if (d.length !== 1) return undefined;
  return d[0] === 'up' ? st.actual.minus(st.change.value) : st.actual.plus(st.change.value);
}
