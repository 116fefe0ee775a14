/**
 * Node-only: an .xlsx file → fake workbook, through the project's ExcelJS file adapter. Kept apart from the
 * rest of the fake so that the fake itself stays usable in the browser.
 */
import { snapshotFromXlsx } from '../../../src/hosts/file/read-file';
import { fakeWorkbookFromSnapshot } from './from-snapshot';
import type { FakeConfig, FakeWorkbook } from './model';

export async function fakeWorkbookFromXlsx(bytes: Uint8Array, name: string, config: Partial<FakeConfig> = {}): Promise<FakeWorkbook> {
  const read = await snapshotFromXlsx(bytes, name);
  if (!read.ok) throw new Error(read.finding.message);
  return fakeWorkbookFromSnapshot(read.snapshot, config);
}
