/**
 * Lazily loaded (chunk "review"): the reviewer of an existing 情况说明 (src/core/review). Fetched from the
 * page's own origin on the first 审核说明, in Excel and in the standalone page alike, so that the initial
 * bundle carries none of it. No ExcelJS here.
 */
export { reviewSnapshot, narrativeFromSheet, reviewSummary } from '../core/review';
