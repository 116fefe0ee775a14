export { generateNarrative, narrateSnapshot, type NarrativeOptions, type NarrativeResult } from './generate';
export {
  documentLines,
  narrativeSheetValues,
  placeholdersOf,
  renderText,
  type NarrativeDocument,
  type NarrativeLine,
  type NarrativeParagraph,
  type NarrativePart,
  type NarrativeSection,
  type SectionId,
} from './document';
export { glossaryParagraphs } from './glossary';
export {
  cents,
  changeOf,
  comparisonWord,
  formatMoney,
  formatPercent,
  percentOf,
  type Change,
  type Direction,
} from './money';
