/// <reference types="office-js" />
/** The Office.js gateway (the only code that touches `Excel.*`). */
export { OfficeHost, type OfficeHostOptions, type UndoBehaviour } from './office-host';
export { CELL_EDIT_MESSAGE, describeOfficeError, officeErrorCode, isSizeLimitError } from './errors';
export { NARRATIVE_KEY, STATE_PREFIX } from './state';
export { MARK_SIGNATURE, isMarkFormula, markFormula, markSeverity } from './mark-signature';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './read-snapshot';
export {
  LIVE_CHECK_UNSUPPORTED,
  LIVE_CHECK_UNSUPPORTED_MESSAGE,
  SHEETS_SCOPE_NOTE,
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_WRITE_GRACE_MS,
  SHARED_WRITE_LOG,
  WriteLog,
} from './change-watcher';
