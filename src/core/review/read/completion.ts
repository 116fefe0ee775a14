import { isPercentLike } from './kinds';
import type { Cue, ReadingState } from './state';

const COMPLETION_END = /完成(.{0,14}?)的$|(?:预算)?(?:完成率|执行率)(?:为|是|达)?$/;

/** “完成年初预算的X%”, “预算完成率为X%”: the current subject's actual over its budget, with the budget and actual stated before. */
export function readCompletion(cue: Cue, st: ReadingState): boolean {
  const f = cue.figure;
  if (!COMPLETION_END.test(cue.clause) || !isPercentLike(f)) return false;
  const who = st.current;
  st.record(f, !!who, 'percent');
  if (!who) return true;
  const stated = st.statedOf(who);
  const m = /完成/.exec(cue.clause);
  st.claim({
    kind: 'completion',
    section: st.section,
    quote: { start: m ? cue.inClause(m.index) : cue.quoteFrom(), end: cue.event.end },
    subject: who,
    figure: f,
    statedActual: stated.actual,
    statedBudget: stated.budget,
  });
  return true;
}
