/** The fake Excel object model (browser-safe). The .xlsx builder is in ./from-xlsx (node-only). */
export { FakeWorkbook, FakeSheet, WEB_PAYLOAD_LIMIT, MAX_ROWS, MAX_COLS, MAX_ROW_HEIGHT, FAKE_TEXT_LAYOUT, rectAddress, parseArea, utf8Bytes, wrappedTextHeight } from './model';
export type { ChangeListener, FakeCell, FakeConditionalFormat, FakeConfig, FakeEventClock, RawChange, Rect, WriteRecord, WriteOp } from './model';
export { FakeEventHandlerResult, FakeEventHandlers, FakeOfficeError, FakeRequestContext, NOT_CALCULATED, normalizeLoad } from './api';
export type { FakeWorksheetChangedEventArgs } from './api';
export { installFakeExcel, createExcelNamespace, createOfficeNamespace, type FakeExcelHandle } from './install';
export { fakeWorkbookFromSnapshot } from './from-snapshot';
