import type { Rule } from '../rule';

/** Headers, 科目 codes and names, table presence (domain.md §1.3, B15–B17). */
export const STRUCTURE_RULES: Rule[] = [];
