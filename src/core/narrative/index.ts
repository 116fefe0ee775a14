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
export { changeOf, comparisonWord, percentOf, type Change, type Direction } from './money';
export { cents, formatMoney, formatPercent } from '../util/money';
