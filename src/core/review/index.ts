export { reviewNarrative, reviewNarrativeDetailed, reviewSnapshot, narrativeFromSheet, NARRATIVE_SHEET, type ReviewOptions, type ReviewResult } from './review';
export { REVIEW_RULES, ReviewFindingSchema, isReviewFinding, type ReviewFinding, type ReviewRule } from './schema';
export { NarrativeText } from './text';
export { reviewSummary } from './summary';
