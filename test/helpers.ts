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

import type { Amount, TablesModel } from '../src/core/tables/model';

/**
 * Every amount of the model keyed by meaning, not address ("02.2010450.total", "01.income.gpb", "06.30101",
 * "09.actual.total"), blank ones included: the same workbook laid out differently must give the same keys.
 */
export function logicalAmountEntries(model: TablesModel): Array<[string, Amount]> {
  const out: Array<[string, Amount]> = [];
  const put = (key: string, a: Amount | undefined) => {
    if (a) out.push([key, a]);
  };
  for (const code of ['01', '04'] as const) {
    const t = model[code];
    if (!t) continue;
    for (const [k, line] of Object.entries(t.income)) put(`${code}.income.${k}`, line?.amounts.amount);
    for (const [k, line] of Object.entries(t.expense))
      for (const [c, a] of Object.entries<Amount>(line?.amounts ?? {})) put(`${code}.expense.${k}.${c}`, a);
    for (const line of t.classes) for (const [c, a] of Object.entries(line.amounts)) put(`${code}.class.${line.key}.${c}`, a);
  }
  for (const code of ['02', '03', '05', '07', '08'] as const) {
    const t = model[code];
    if (!t) continue;
    for (const [c, a] of Object.entries(t.total?.amounts ?? {})) put(`${code}.合计.${c}`, a);
    for (const r of t.rows) for (const [c, a] of Object.entries(r.amounts)) put(`${code}.${r.code}.${c}`, a);
  }
  const t06 = model['06'];
  if (t06) {
    for (const i of t06.items) put(`06.${i.code}`, i.amount);
    put('06.人员经费合计', t06.personnelTotal);
    put('06.公用经费合计', t06.publicTotal);
  }
  const t09 = model['09'];
  if (t09) {
    for (const [k, a] of Object.entries(t09.budget)) put(`09.budget.${k}`, a);
    for (const [k, a] of Object.entries(t09.actual)) put(`09.actual.${k}`, a);
  }
  return out;
}

/** The model's non-blank amounts by logical key (see `logicalAmountEntries`), as 2-decimal strings. */
export function logicalAmounts(model: TablesModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, a] of logicalAmountEntries(model)) if (!a.blank) out.set(key, a.value.toFixed(2));
  return out;
}
