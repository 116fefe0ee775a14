import type { Rule, RuleMeta } from './rule';
import { INTRA_RULES } from './intra';
import { CROSS_RULES } from './cross';
import { STRUCTURE_RULES } from './structure';

/** Every rule, in the order findings are produced. The catalogue is data: `juesuan rules`, docs/rules.md. */
export const RULES: readonly Rule[] = [...INTRA_RULES, ...CROSS_RULES, ...STRUCTURE_RULES];

export function ruleCatalogue(): RuleMeta[] {
  return RULES.map(({ id, severity, tables, title, message, doc, source }) => ({ id, severity, tables, title, message, doc, source }));
}
