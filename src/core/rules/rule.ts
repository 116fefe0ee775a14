import type { Severity } from '../findings/finding';
import type { TableCode } from '../tables/codes';
import type { RuleContext } from './context';

/**
 * A rule, ESLint-style: metadata that the catalogue lists and documents, and a check over the typed model.
 * `message` is a zh-CN template; {placeholders} are filled per finding ({expected}, {actual}, {difference},
 * {tolerance} by the comparison helpers, anything else by the rule).
 */
export interface RuleMeta {
  /** Stable id: t03-row-total, x01-03-class, … Never renamed: outside checks rely on it. */
  id: string;
  /** Severity of a failure beyond the rounding tolerance (a difference within it is always info). */
  severity: Severity;
  /** Tables the rule reads; it is skipped (silently) when one is missing — the reader reports that. */
  tables: TableCode[];
  /** Short zh-CN name. */
  title: string;
  message: string;
  /** One line for docs/rules.md. */
  doc: string;
  /** domain.md rule id(s) it implements (A07, B12…). */
  source?: string;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
