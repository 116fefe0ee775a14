/// <reference types="office-js" />
/** The Office.js gateway (the only code that touches `Excel.*`). */
export { OfficeHost, type OfficeHostOptions } from './office-host';
export { CELL_EDIT_MESSAGE, describeOfficeError, officeErrorCode, isSizeLimitError } from './errors';
export { MARKS_KEY, NARRATIVE_KEY, STATE_PREFIX } from './state';
export { MARK_FORMULA } from './marks';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './read-snapshot';
