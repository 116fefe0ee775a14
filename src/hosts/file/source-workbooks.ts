import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readerSnapshot } from '../../core/explain/own-sheets';
import type { SourceInputs } from '../../core/sources/types';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { snapshotFromXlsx } from './read-file';

/** `--prior` / `--budget`: the files beside the 决算 that the 情况说明 takes figures from (src/core/sources). */
export interface SourceFiles {
  prior?: string;
  budget?: string;
}

async function snapshotOfFile(file: string, what: string): Promise<{ ok: true; snapshot: WorkbookSnapshot } | { ok: false; message: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, message: `无法读取${what}“${file}”：文件不存在或没有读取权限。` };
  }
  const read = await snapshotFromXlsx(bytes, basename(file));
  if (!read.ok) return { ok: false, message: `${what}“${file}”：${read.finding.message}` };
  return { ok: true, snapshot: readerSnapshot(read.snapshot) };
}

/** The files read into the sources layer's inputs, or the message saying which could not be read. */
export async function loadSources(files: SourceFiles): Promise<{ ok: true; sources: SourceInputs } | { ok: false; message: string }> {
  const sources: SourceInputs = {};
  if (files.prior) {
    const prior = await snapshotOfFile(files.prior, '上年决算工作簿');
    if (!prior.ok) return prior;
    sources.prior = { snapshot: prior.snapshot, name: basename(files.prior) };
  }
  if (files.budget) {
    const budget = await snapshotOfFile(files.budget, '部门预算工作簿');
    if (!budget.ok) return budget;
    // BUDGET-READER: wired when readBudgetWorkbook (src/core/budget/index.ts) lands on main.
    return { ok: false, message: `暂不能读取部门预算工作簿“${files.budget}”：部门预算读取尚未完成。` };
  }
  return { ok: true, sources };
}
