import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { narrateSnapshot } from '../core/narrative';
import { readWorkbook } from '../core/read/read-workbook';
import { snapshotFromXlsx } from '../hosts/file/read-file';
import { narrativeToDocx } from '../hosts/file/narrative-docx';
import { addSupplementTemplateToXlsx } from '../hosts/file/supplement-xlsx';
import type { Io } from './main';
import { readerSnapshot } from '../core/explain/own-sheets';
import { missingInputLines } from './missing-inputs';
import { inputsOf, OutputProblem, refuseOutputFile, writeOutput } from './output-paths';
import { readFailure } from '../hosts/file/fs-errors';

export interface NarrateOptions {
  file: string;
  format: 'hunan' | 'shanghai';
  docx?: string;
  json: boolean;
}

async function load(file: string, io: Io) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.err(readFailure(file, error));
    return undefined;
  }
  const read = await snapshotFromXlsx(bytes, basename(file));
  if (!read.ok) {
    io.err(read.finding.message);
    return undefined;
  }
  // The add-in's own sheets (审核说明, 审核结果) are no part of the 决算: never read for the narrative.
  return { bytes, snapshot: readerSnapshot(read.snapshot) };
}

/** Why `out` may not be written (it is the input), said on stderr; undefined when it may. */
async function refused(out: string, option: string, file: string, io: Io): Promise<boolean> {
  const why = await refuseOutputFile(out, option, await inputsOf([file]));
  if (why) io.err(why);
  return why !== undefined;
}

/** Writes an output; false (said on stderr) when the file system refused. */
async function write(out: string, bytes: Uint8Array, io: Io): Promise<boolean> {
  try {
    await writeOutput(out, bytes);
    return true;
  } catch (error) {
    if (!(error instanceof OutputProblem)) throw error;
    io.err(error.message);
    return false;
  }
}

/**
 * `juesuan narrate FILE`: the 情况说明 text on stdout, its blanks on stderr (listed per part, with the cells to
 * fill); exit 1 when the file is unreadable, 2 when --docx is refused (the input) or cannot be written — the
 * text is printed all the same.
 */
export async function narrateCommand(options: NarrateOptions, io: Io): Promise<number> {
  // Before anything is read: a refusal is the first thing said, and stands whatever follows.
  const docxRefused = options.docx !== undefined && (await refused(options.docx, '--docx', options.file, io));
  const loaded = await load(options.file, io);
  if (!loaded) return docxRefused ? 2 : 1;
  const result = narrateSnapshot(loaded.snapshot, { format: options.format });
  if (options.json) {
    io.out(JSON.stringify({ file: options.file, text: result.text, paragraphs: result.paragraphs, findings: result.findings }, null, 2));
  } else {
    io.out(result.text);
    for (const line of missingInputLines(result.findings, result.supplement?.sheet, options.file)) io.err(line);
    const other = result.findings.filter((f) => f.rule !== 'narrative-missing-input' && f.severity !== 'info');
    for (const f of other) io.err(`[${f.severity === 'error' ? '错误' : '警告'}] ${f.message}`);
  }
  if (options.docx === undefined) return 0;
  if (docxRefused || !(await write(options.docx, await narrativeToDocx(result.document), io))) return 2;
  io.err(`已写入 ${options.docx}`);
  return 0;
}

/** `juesuan template FILE --out OUT.xlsx`: a copy of the workbook with a 说明数据 sheet to fill in. */
export async function templateCommand(file: string, out: string, format: 'hunan' | 'shanghai', io: Io): Promise<number> {
  if (await refused(out, '--out', file, io)) return 2;
  const loaded = await load(file, io);
  if (!loaded) return 1;
  const { model, facts } = readWorkbook(loaded.snapshot);
  const result = await addSupplementTemplateToXlsx(loaded.bytes, model, { format, facts });
  if (!result.ok) {
    io.err(result.message);
    return 1;
  }
  if (!(await write(out, result.bytes, io))) return 2;
  io.err(`已写入 ${out}：请在“说明数据”工作表中填写上年数、年初预算、原因等，再运行 juesuan narrate。`);
  return 0;
}
