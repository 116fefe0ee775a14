export { mergeSources, type MergedSources } from './merge';
export { readPrior, type PriorFigures } from './prior';
export { budgetEntries, type BudgetEntries } from './budget';
export { externalRef, isExternalRef, localCells } from './external-ref';
export type { BudgetInput, PriorInput, SourceInputs } from './types';
