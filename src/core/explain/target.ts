/**
 * Which finding a command line means: `--rule RULE --cell 'Sheet!A1'`. The cell may be any cell the finding
 * names (not only its first), written as the report writes it, quoted as Excel writes it ('公开06表'!C12), or
 * with $ signs; without --cell the rule alone must name one finding.
 */
import type { Finding } from '../findings/finding';
import { cellRef, expandCellRefs, parseA1, splitCellRef } from '../workbook/address';

/** "'公开06表'!$C$12" → "公开06表!C12"; undefined when it is no cell reference. */
export function canonicalCell(ref: string): string | undefined {
  const text = ref.trim();
  if (!text.includes('!')) return undefined;
  const { sheet, address } = splitCellRef(text);
  const at = parseA1(address);
  return sheet && at ? cellRef(sheet, at.row, at.col) : undefined;
}

export function findingsFor(findings: readonly Finding[], rule: string, cell?: string): Finding[] {
  const byRule = findings.filter((f) => f.rule === rule);
  if (cell === undefined) return byRule;
  return byRule.filter((f) => expandCellRefs(f.cells).includes(cell));
}

/** One line per finding, for a message that lists candidates: "[警告] x06-05-contributions 公开06表!C12 …". */
export function describeFinding(f: Finding): string {
  const level = f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示';
  const message = f.message.length > 40 ? `${f.message.slice(0, 40)}…` : f.message;
  return `[${level}] ${f.rule} ${f.cells[0] ?? '（无单元格）'}：${message}`;
}
