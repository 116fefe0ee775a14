import type { LabelClaim } from '../claims';
import { labelProblem } from '../labels';
import type { CheckContext } from './context';

/** “X（类）Y（款）Z（项）” against the code tree of the row it names. */
export function checkLabel(c: LabelClaim, ctx: CheckContext): void {
  const tableName = `公开${c.table}表`;
  if (!c.subject) {
    ctx.r.add('review-subject-label', 'warning', c.quote, c.section, `无法将该科目对应到${tableName}中的任何一行（名称与金额都对不上），请核对科目名称。`, { table: c.table });
    return;
  }
  ctx.checked++;
  const code = c.subject.split(':')[2];
  const problem = labelProblem(c, code, ctx.subjects.model);
  if (!problem) return;
  const subj = ctx.subjects.get(c.subject);
  ctx.r.add('review-subject-label', 'error', c.quote, c.section, `科目名称与${tableName}科目 ${code} 不符：${problem.details.join('；')}。应为“${problem.expected}”。`, {
    cells: subj?.actual[0]?.cells ?? [],
    expected: problem.expected,
    actual: c.label,
    table: c.table,
  });
}
