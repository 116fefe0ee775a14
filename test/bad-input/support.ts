/**
 * Builders of bad inputs (one per docs/bad-input.md entry) and the checks every bad-input test makes: the file
 * goes through the CLI's own path (read bytes → snapshot → check), the finding's message is the catalogue's
 * word for word, nothing throws, and the rest of the work goes on.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { checkWorkbookFile, type CheckedWorkbook } from '../../src/cli/workbook-check';
import type { Finding } from '../../src/core/findings/finding';
import type { Report } from '../../src/core/report';
import { logicalAmounts, SEED } from '../helpers';
import { loadSeed, workbookToBuffer } from '../support/variants';
import { compareReaders } from '../support/readers';
import { CATALOGUE, type CatalogueEntry } from './catalogue';

export { SEED };
export const TMP = mkdtempSync(join(tmpdir(), 'juesuan-bad-input-'));
export const ALL_TABLES = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

export async function seedWorkbook(): Promise<ExcelJS.Workbook> {
  return loadSeed();
}

export async function xlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  return workbookToBuffer(wb);
}

/** Every file a bad-input test checks, compared once more at the end: both .xlsx readers read it alike. */
const CHECKED: Array<{ bytes: Uint8Array; name: string }> = [];

after(async () => {
  const handed: string[] = [];
  for (const { bytes, name } of CHECKED) if (!(await compareReaders(bytes, name)).fast) handed.push(name);
  process.stdout.write(`# both readers alike on ${CHECKED.length} files; read by ExcelJS (fast reader not for sure, or unreadable): ${handed.join(', ') || 'none'}\n`);
});

/** Writes the bytes as TMP/name and checks them as the CLI does for one file. */
export async function checkBytes(bytes: Uint8Array, name: string): Promise<CheckedWorkbook & { path: string }> {
  const path = join(TMP, name);
  writeFileSync(path, bytes);
  CHECKED.push({ bytes, name });
  return { ...(await checkWorkbookFile(path)), path };
}

export async function checkWorkbook(wb: ExcelJS.Workbook, name: string): Promise<CheckedWorkbook & { path: string }> {
  return checkBytes(await xlsx(wb), name);
}

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  for (const arg of args) {
    if (!existsSync(arg)) continue;
    const files = statSync(arg).isDirectory() ? readdirSync(arg).map((f) => join(arg, f)) : [arg];
    for (const file of files) if (statSync(file).isFile()) CHECKED.push({ bytes: readFileSync(file), name: basename(file) });
  }
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** No stack trace anywhere in the output ("    at f (file:1:2)" lines). */
export function assertNoStack(...texts: string[]): void {
  for (const t of texts) assert.doesNotMatch(t, /^\s+at .+/m, 'a stack trace was printed');
}

export function entry(id: string): CatalogueEntry {
  const e = CATALOGUE.find((x) => x.id === id);
  if (!e) throw new Error(`no catalogue entry ${id}`);
  return e;
}

/**
 * The catalogue entry's finding, word for word: `rule`, `severity` and `message` as docs/bad-input.md lists
 * them. Returns it (for cell checks).
 */
export function expectEntry(report: Report, id: string): Finding {
  const e = entry(id);
  assert.ok(e.rule, `entry ${id} lists no finding`);
  const same = report.findings.filter((f) => f.rule === e.rule);
  if (!e.message && process.env.CAPTURE) {
    for (const f of same) process.stderr.write(`CAPTURE ${id}\t${f.message}\n`);
    return same[0];
  }
  const found = same.find((f) => f.message === e.message);
  assert.ok(found, `entry ${id}: no ${e.rule} finding with the catalogue's message.\n  expected: ${e.message}\n  got:      ${same.map((f) => f.message).join('\n            ') || '(none)'}`);
  assert.equal(found.severity, e.severity);
  return found;
}

/** An entry that is read normally: no read-* finding at all. */
export function expectNoFinding(report: Report, id: string): void {
  assert.equal(entry(id).rule, null, `entry ${id} lists a finding`);
  assert.deepEqual(readFindings(report), [], `entry ${id}: read normally, nothing to report`);
}

/** Findings of reading (read-*) other than those the seed itself has (it has none). */
export function readFindings(report: Report, rule?: string): Finding[] {
  return report.findings.filter((f) => f.rule.startsWith('read-') && (!rule || f.rule === rule));
}

let baseline: Promise<CheckedWorkbook> | undefined;

/** The seed checked through the same path: what every unaffected table must still read as. */
export function seedBaseline(): Promise<CheckedWorkbook> {
  baseline ??= checkWorkbookFile(SEED);
  return baseline;
}

/**
 * Every amount of the tables not listed in `except` reads exactly as in the seed (by meaning, not address),
 * but for the amounts the test changed (`changed`: logical keys such as "05.201.basic").
 */
export async function assertOthersUnchanged(checked: CheckedWorkbook, except: string[] = [], changed: string[] = []): Promise<void> {
  const seed = logicalAmounts((await seedBaseline()).model);
  const got = logicalAmounts(checked.model);
  const keep = (k: string) => !except.includes(k.slice(0, 2)) && !changed.includes(k);
  const want = new Map([...seed].filter(([k]) => keep(k)));
  const have = new Map([...got].filter(([k]) => keep(k)));
  assert.deepEqual(have, want, `tables other than ${except.join('、') || '(none)'} must read as in the seed`);
}

export function tableCodes(report: Report): string[] {
  return report.tables.map((t) => t.code);
}

// ---------------------------------------------------------------------------------------------------------------
// Raw edits of the seed's XML (what ExcelJS cannot write: overlapping merges)

export async function editSeedXml(edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(SEED));
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A copy of `src`'s values (not merges or styles) on a new sheet: a second copy of a table. */
export function copyValues(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet): void {
  src.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      dst.getCell(r, c).value = cell.value;
    });
  });
}

/** Peak heap growth and time of an async job (after a forced GC when available). */
export async function measure<T>(job: () => Promise<T>): Promise<{ result: T; ms: number; heapMb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const t0 = performance.now();
  try {
    const result = await job();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, ms: performance.now() - t0, heapMb: (peak - before) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}
