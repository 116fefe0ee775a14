import { readerSnapshot } from '../../core/explain/own-sheets';
import { readBudgetWorkbook } from '../../core/budget';
import type { SourceInputs } from '../../core/sources/types';
import { snapshotFromXlsx } from './read-file';

/** A workbook the user gave beside the 决算: its bytes and file name. */
export interface SourceFile {
  bytes: Uint8Array;
  name: string;
}

export type SourcesRead = { ok: true; sources: SourceInputs } | { ok: false; message: string };

/**
 * Last year's 决算 and this year's 部门预算 files → the sources layer's inputs (src/core/sources), or the message
 * saying which could not be read. Shared by the CLI (--prior/--budget) and the pane (its two file choosers).
 */
export async function sourcesFromFiles(files: { prior?: SourceFile; budget?: SourceFile }): Promise<SourcesRead> {
  const sources: SourceInputs = {};
  if (files.prior) {
    const read = await snapshotFromXlsx(files.prior.bytes, files.prior.name);
    if (!read.ok) return { ok: false, message: `上年决算工作簿“${files.prior.name}”：${read.finding.message}` };
    // The add-in's own sheets (审核说明, 审核结果) are no part of last year's 决算 either.
    sources.prior = { snapshot: readerSnapshot(read.snapshot), name: files.prior.name };
  }
  if (files.budget) {
    const read = await snapshotFromXlsx(files.budget.bytes, files.budget.name);
    if (!read.ok) return { ok: false, message: `部门预算工作簿“${files.budget.name}”：${read.finding.message}` };
    const budget = readBudgetWorkbook(readerSnapshot(read.snapshot));
    // The budget reader's own findings (a table not found, a unit in 元…) travel with the figures.
    sources.budget = { figures: budget.figures, name: files.budget.name, findings: budget.findings };
  }
  return { ok: true, sources };
}
