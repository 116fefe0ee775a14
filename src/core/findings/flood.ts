import type { Finding, Severity } from './finding';

/** More findings than this from one rule on one table are one misunderstanding, not that many errors. */
export const FLOOD_LIMIT = 8;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One rule failing on many rows of one table (a column shifted, a header misread, codes of another
 * classification) says one thing: the findings become one, which keeps the first message and names every
 * cell, so marks and the cell list lose nothing. Rounding notes (info) are left as they are.
 */
export function mergeFloods(findings: readonly Finding[], limit = FLOOD_LIMIT): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const key = `${f.rule}|${f.table ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const merged = new Map<Finding, Finding | null>();
  for (const list of groups.values()) {
    if (list.length <= limit) continue;
    const severity = list.reduce<Severity>((s, f) => (ORDER[f.severity] < ORDER[s] ? f.severity : s), 'info');
    const cells = [...new Set(list.flatMap((f) => f.cells))];
    const first = list[0];
    const summary: Finding = {
      rule: first.rule,
      severity,
      table: first.table,
      message: `${first.message}（同一规则在本表共有 ${list.length} 处不符，所涉单元格均已列出；这么多处同时不符，常见原因是整列错位、表头与内容不一致或科目代码成批有误，请先核对这一点。）`,
      cells,
    };
    list.forEach((f, i) => merged.set(f, i === 0 ? summary : null));
  }
  if (merged.size === 0) return [...findings];
  return findings.flatMap((f) => (merged.has(f) ? (merged.get(f) ? [merged.get(f)!] : []) : [f]));
}
