import { countSubject } from '../lexicon';
import type { SectionKind } from '../sections';
import type { Cue, ReadingState } from './state';

/** “团组0个、累计1人次”, “保有量为2辆”, “得分98.5分”: a count (or a score), tied to the 说明数据 entry it states. */
export function readCount(cue: Cue, st: ReadingState): boolean {
  const f = cue.figure;
  if (f.kind !== 'count' && f.kind !== 'score') return false;
  const named = st.named(cue.sentence);
  if (named && !named.startsWith('cnt:')) st.current = named;
  const key = f.kind === 'score' ? scoreSubject(st.section.kind, cue.clause) : countSubject(st.section.kind, cue.clause, st.current, f.unit, st.lastCount);
  st.lastCount = key;
  st.record(f, !!key);
  if (!key) return true;
  if (key.startsWith('perf.')) st.current = key;
  st.claim({ kind: 'count', section: st.section, quote: { start: cue.quoteFrom(20), end: cue.event.end }, subject: key, figure: f });
  return true;
}

function scoreSubject(kind: SectionKind, clause: string): string | undefined {
  if (kind !== 'performance' || !/得分$/.test(clause)) return undefined;
  return /平均得分$/.test(clause) ? 'score:perfAvgScore' : 'score:perfScore';
}
