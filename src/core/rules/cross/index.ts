import type { Rule } from '../rule';

/** Identities and bounds between tables (domain.md §2.2). */
export const CROSS_RULES: Rule[] = [];
