import type { CountClaim } from '../claims';
import { judge } from '../judge';
import type { CheckContext } from './context';

/** 团组、人次、批次、辆、项目个数 against the 说明数据 (a count the 说明数据 itself doubts decides nothing). */
export function checkCount(c: CountClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const sources = subj?.count ?? [];
  const verdict = judge(c.figure.value, sources, ctx.doubts);
  if (!verdict) return;
  ctx.checked++;
  if (verdict.kind === 'doubt') ctx.doubtLog.unsettled(c.quote, c.section, verdict.doubted, verdict.disagreeing);
  if (verdict.kind !== 'mismatch') return;
  const src = verdict.expected;
  ctx.r.add('review-count', 'error', c.quote, c.section, `${subj!.name}应为 ${src.value.toString()}${c.figure.unit}（${src.where}），文中为 ${c.figure.raw}${c.figure.unit}。`, {
    cells: src.cells,
    expected: src.value.toString(),
    actual: c.figure.value.toString(),
  });
}
