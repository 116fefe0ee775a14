/**
 * The two canonical books the generator lays out: the sample (test/fixtures/seed-2024.xlsx, Hunan/MOF family) and
 * the Shanghai-family workbook (test/support/shanghai.ts), each with the check of its own trusted layout — the
 * baseline every generated layout must reproduce.
 */
import { readFile } from 'node:fs/promises';
import { checkSnapshot, type CheckResult } from '../../../src/core/report';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { SEED, snapshotOf } from '../../helpers';
import { buildShanghaiWorkbook, SHANGHAI_UNIT, SHANGHAI_YEAR } from '../shanghai';
import { workbookToBuffer } from '../variants';
import { bookFromModel, type Book } from './canonical';

export interface Canonical {
  book: Book;
  snapshot: WorkbookSnapshot;
  check: CheckResult;
}

/** The sample's unit is its 01 header's department (02 and 06 misspell it: a finding the layouts must keep). */
export const SAMPLE_UNIT = '株洲市长株潭一体化发展事务中心';
export const SAMPLE_YEAR = 2024;

let cache: Promise<Canonical[]> | undefined;

async function canonical(name: string, snapshot: WorkbookSnapshot, meta: { unit: string; year: number }): Promise<Canonical> {
  const check = checkSnapshot(snapshot, `${name}.xlsx`);
  return { book: bookFromModel(check.model, name, meta), snapshot, check };
}

/** [sample, shanghai], read once per process. */
export function canonicalBooks(): Promise<Canonical[]> {
  cache ??= (async () => [
    await canonical('sample', await snapshotOf(await readFile(SEED), 'seed-2024.xlsx'), { unit: SAMPLE_UNIT, year: SAMPLE_YEAR }),
    await canonical('shanghai', await snapshotOf(await workbookToBuffer(await buildShanghaiWorkbook()), 'shanghai.xlsx'), {
      unit: SHANGHAI_UNIT,
      year: SHANGHAI_YEAR,
    }),
  ])();
  return cache;
}
