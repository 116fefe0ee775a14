import { countBySeverity } from '../findings/finding';
import type { ReviewFinding } from './schema';

/**
 * The one-line outcome of a review, the same in the task pane and the command line. “未发现不一致” only when
 * something was compared: a review that could check nothing has its review-nothing-checked finding, and says so.
 */
export function reviewSummary(findings: readonly ReviewFinding[], where = '情况说明'): string {
  if (findings.some((f) => f.rule === 'review-nothing-checked')) return `已审核${where}：未能识别可核对的内容，无法判断是否与表格一致。`;
  const n = countBySeverity([...findings]);
  const notes = n.info ? `另有 ${n.info} 条提示` : '';
  if (n.error + n.warning === 0) return `已审核${where}：未发现与表格不一致之处${notes ? `（${notes}）` : ''}。`;
  return `已审核${where}：发现 ${n.error} 个错误、${n.warning} 个警告${notes ? `，${notes}` : ''}。`;
}
