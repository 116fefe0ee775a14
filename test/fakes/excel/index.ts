/** The fake Excel object model (browser-safe). The .xlsx builder is in ./from-xlsx (node-only). */
export { FakeWorkbook, FakeSheet, WEB_PAYLOAD_LIMIT, MAX_ROWS, MAX_COLS, rectAddress, parseArea } from './model';
export type { FakeCell, FakeConditionalFormat, FakeConfig, Rect, WriteRecord, WriteOp } from './model';
export { FakeOfficeError, FakeRequestContext, NOT_CALCULATED, normalizeLoad } from './api';
export { installFakeExcel, createExcelNamespace, createOfficeNamespace, type FakeExcelHandle } from './install';
export { fakeWorkbookFromSnapshot } from './from-snapshot';
