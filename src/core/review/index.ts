export { reviewNarrative, reviewNarrativeDetailed, reviewSnapshot, narrativeFromSheet, type ReviewOptions, type ReviewResult } from './review';
export { REVIEW_RULES, ReviewFindingSchema, isReviewFinding, type ReviewFinding, type ReviewRule } from './schema';
export { NarrativeText } from './text';
export { reviewSummary } from './summary';
export { NARRATIVE_SHEET } from '../explain/own-sheets';
