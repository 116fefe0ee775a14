export * from './core/report';
export * from './core/findings/finding';
export * from './core/tables/codes';
export * from './core/tables/model';
export * from './core/workbook/snapshot';
export { readWorkbook } from './core/read/read-workbook';
export { snapshotFromXlsx } from './hosts/file/read-file';
export * from './core/narrative';
export * from './core/supplement';
