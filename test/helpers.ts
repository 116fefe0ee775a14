import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotFromXlsx } from '../src/hosts/file/read-file';
import { readWorkbook, type ReadResult } from '../src/core/read/read-workbook';
import type { WorkbookSnapshot } from '../src/core/workbook/snapshot';

export const SEED = join(__dirname, 'fixtures', 'seed-2024.xlsx');

export async function snapshotOf(bytes: Uint8Array, name = 'test.xlsx'): Promise<WorkbookSnapshot> {
  const read = await snapshotFromXlsx(bytes, name);
  if (!read.ok) throw new Error(read.finding.message);
  return read.snapshot;
}

export async function readXlsx(bytes: Uint8Array, name = 'test.xlsx'): Promise<ReadResult> {
  return readWorkbook(await snapshotOf(bytes, name));
}

export async function readSeed(): Promise<ReadResult> {
  return readXlsx(await readFile(SEED), 'seed-2024.xlsx');
}
