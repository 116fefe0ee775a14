/**
 * How the add-in's marks are told from everything else in a workbook: by their rule, not by ids. Every mark
 * is a custom conditional format whose formula is
 *
 *     =N("决算审核助手:错误")=0          (警告 / 提示 for the other severities)
 *
 * Why this formula:
 * - It is always TRUE, so the fill shows on every cell of the range: N() of text is 0 ("N function":
 *   text → 0), and 0=0 is the boolean TRUE a custom rule needs. (=AND(TRUE,"…") would not do: AND of a
 *   text argument is #VALUE!, and a rule whose formula errors formats nothing.)
 * - It names the add-in and the severity in words a user reads in 条件格式 > 管理规则, and no user writes it
 *   by accident; a user's own "=TRUE" rule, in any colour, never matches.
 * - It holds no cell reference, so nothing Excel does to references (relative adjustment to the top-left
 *   cell, rows inserted, copy and paste, the formula read back relative to the range) can change it, and it
 *   is the same in every language version (`formula` is the en-US form; N has no localised name).
 * - A conditional format's formula is stored in the file as the rule's formula text (SpreadsheetML
 *   cfRule/formula), with the string constant as written, so it survives save and reopen in .xlsx — unlike
 *   a conditional format's `id` (its current priority) and a worksheet's id (new each session,
 *   OfficeDev/office-js-docs#297), which the previous version kept in workbook.settings.
 * Reading a formula back, Excel may add or drop spaces or change the case of N: the match allows that.
 *
 * An explained warning (src/core/explain) is marked with its own kind, =N("决算审核助手:已说明")=0, in a paler
 * fill: still the add-in's (the same signature, found and cleared like the others), and told apart from the
 * open ones. A version of the add-in older than explanations does not know the word and leaves such a mark.
 */
import type { MarkKind } from '../mark-plan';

export const MARK_SIGNATURE = '决算审核助手';

const WORD: Record<MarkKind, string> = { error: '错误', warning: '警告', info: '提示', explained: '已说明' };
const BY_WORD = new Map<string, MarkKind>(Object.entries(WORD).map(([kind, word]) => [word, kind as MarkKind]));

/** The rule formula of a mark of this kind. */
export function markFormula(kind: MarkKind): string {
  return `=N("${MARK_SIGNATURE}:${WORD[kind]}")=0`;
}

const PATTERN = /^=?\s*N\s*\(\s*"决算审核助手\s*[:：]\s*(错误|警告|提示|已说明)"\s*\)\s*=\s*0\s*$/i;

/** The kind of a mark (a severity, or 'explained'), from its rule formula; undefined for any formula that is not one of ours. */
export function markSeverity(formula: unknown): MarkKind | undefined {
  if (typeof formula !== 'string') return undefined;
  const match = PATTERN.exec(formula.trim());
  return match ? BY_WORD.get(match[1]) : undefined;
}

export function isMarkFormula(formula: unknown): boolean {
  return markSeverity(formula) !== undefined;
}
