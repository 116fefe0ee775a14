import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { SEED, snapshotOf } from '../helpers';
import { checkSnapshot } from '../../src/core/report';
import { allAmounts } from '../../src/core/tables/amounts';
import type { Finding, Severity } from '../../src/core/findings/finding';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { parseA1, splitCellRef } from '../../src/core/workbook/address';
import { type FakeConfig, type FakeWorkbook, type WriteOp, fakeWorkbookFromSnapshot, installFakeExcel } from '../fakes/excel';

export const TABLE_SHEETS = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];

/** Writes that change what a user sees in cells (conditional formats, selection and settings are not). */
export const CONTENT_OPS: ReadonlySet<WriteOp> = new Set<WriteOp>([
  'values',
  'formulas',
  'numberFormat',
  'fill',
  'fill.clear',
  'wrapText',
  'verticalAlignment',
  'horizontalAlignment',
  'columnWidth',
  'rowHeight',
  'autofitRows',
  'autofitColumns',
  'clear',
  'sheet.delete',
  'sheet.name',
  'sheet.visibility',
  'sheet.protect',
  'sheet.unprotect',
]);

let seedBytes: Promise<Uint8Array> | undefined;
export function seedXlsx(): Promise<Uint8Array> {
  seedBytes ??= readFile(SEED);
  return seedBytes;
}

export async function seedSnapshot(): Promise<WorkbookSnapshot> {
  return snapshotOf(await seedXlsx(), 'seed-2024.xlsx');
}

/**
 * The sample with one amount raised by 1.00, written back to .xlsx by ExcelJS, so that the check has
 * errors to mark and both paths (file and fake Excel) start from the same bytes.
 */
let perturbed: Promise<Uint8Array> | undefined;
export function perturbedSeedXlsx(): Promise<Uint8Array> {
  perturbed ??= (async () => {
    const bytes = await seedXlsx();
    const base = checkSnapshot(await seedSnapshot());
    const amount = allAmounts(base.model).find((a) => !a.amount.blank && a.amount.cell.startsWith('公开02表'))!;
    const { sheet, address } = splitCellRef(amount.amount.cell);
    const at = parseA1(address)!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const cell = book.getWorksheet(sheet)!.getCell(at.row + 1, at.col + 1);
    cell.value = Number(amount.amount.value.plus(1).toFixed(2));
    return new Uint8Array(await book.xlsx.writeBuffer());
  })();
  return perturbed;
}

export async function fakeFrom(bytes: Uint8Array, name: string, config: Partial<FakeConfig> = {}): Promise<FakeWorkbook> {
  return fakeWorkbookFromSnapshot(await snapshotOf(bytes, name), config);
}

/** Installs the fake for one test and removes it afterwards, also when the test fails. */
export async function withFake<T>(doc: FakeWorkbook, fn: (doc: FakeWorkbook) => Promise<T>): Promise<T> {
  const handle = installFakeExcel(doc);
  try {
    return await fn(doc);
  } finally {
    handle.uninstall();
  }
}

/** The seed's nine sheets plus filler sheets up to `total`, each filler with a 40×10 block of numbers. */
export async function wideWorkbookSnapshot(total: number): Promise<WorkbookSnapshot> {
  const seed = await seedSnapshot();
  const sheets = [...seed.sheets];
  for (let i = sheets.length; i < total; i++) {
    sheets.push({
      name: `附表${i + 1}`,
      origin: { row: 2, col: 1 },
      values: Array.from({ length: 40 }, (_, r) => Array.from({ length: 10 }, (_, c) => (r === 0 ? `列${c + 1}` : r * 100 + c + 0.25))),
      visibility: i % 17 === 0 ? 'hidden' : 'visible',
    });
  }
  return { source: 'wide.xlsx', sheets };
}

/** A small deterministic PRNG (tests must not be flaky). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n findings spread over the used ranges of the given sheets, 1–3 cells each, all three severities. */
export function syntheticFindings(snapshot: WorkbookSnapshot, n: number, sheetNames = TABLE_SHEETS): Finding[] {
  const rand = prng(42);
  const severities: Severity[] = ['error', 'warning', 'info'];
  const sheets = snapshot.sheets.filter((s) => sheetNames.includes(s.name));
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const sheet = sheets[Math.floor(rand() * sheets.length)];
    const rows = sheet.values.length;
    const cols = sheet.values.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
    const cells = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const r = sheet.origin.row + Math.floor(rand() * rows);
      const c = sheet.origin.col + Math.floor(rand() * cols);
      return `${sheet.name}!${String.fromCharCode(65 + c)}${r + 1}`;
    });
    out.push({ rule: 'synthetic', severity: severities[i % 3], message: `合成问题 ${i + 1}`, cells });
  }
  return out;
}

export const findingKey = (f: Finding) => JSON.stringify([f.rule, f.severity, f.message, f.cells, f.expected, f.actual, f.difference]);
