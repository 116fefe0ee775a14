export {
  FIELD_GROUPS,
  FIELDS,
  ITEM_COLUMNS,
  NARRATIVE_FORMATS,
  SUPPLEMENT_SHEET,
  fieldLabel,
  type FieldDef,
  type FieldKey,
  type NarrativeFormat,
} from './fields';
export { SupplementSchema, type Entry, type Supplement, type SupplementItem, type UnitType } from './schema';
export { findSupplementSheet, readSupplement, type SupplementReadResult } from './read-supplement';
export { checkSupplement } from './checks';
export { buildSupplementTemplate, type SupplementTemplate, type SupplementTemplateOptions } from './template';
export { leafRows, subjectLabel, type LeafRow } from './table-items';
