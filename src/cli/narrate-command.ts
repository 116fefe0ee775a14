import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { narrateSnapshot } from '../core/narrative';
import { readWorkbook } from '../core/read/read-workbook';
import { snapshotFromXlsx } from '../hosts/file/read-file';
import { narrativeToDocx } from '../hosts/file/narrative-docx';
import { addSupplementTemplateToXlsx } from '../hosts/file/supplement-xlsx';
import type { Io } from './main';
import { readerSnapshot } from '../core/explain/own-sheets';
import { loadSources, type SourceFiles } from '../hosts/file/source-workbooks';

export interface NarrateOptions {
  file: string;
  format: 'hunan' | 'shanghai';
  docx?: string;
  json: boolean;
  /** --prior / --budget (narrate only). */
  sources: SourceFiles;
}

async function load(file: string, io: Io) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    io.err(`无法读取文件“${file}”：文件不存在或没有读取权限。`);
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

/** `juesuan narrate FILE`: the 情况说明 text on stdout, what is missing on stderr; exit 1 only when unreadable. */
export async function narrateCommand(options: NarrateOptions, io: Io): Promise<number> {
  const loaded = await load(options.file, io);
  if (!loaded) return 1;
  const sources = await loadSources(options.sources);
  if (!sources.ok) {
    io.err(sources.message);
    return 1;
  }
  const result = narrateSnapshot(loaded.snapshot, { format: options.format, sources: sources.sources });
  if (options.json) {
    io.out(JSON.stringify({ file: options.file, text: result.text, paragraphs: result.paragraphs, findings: result.findings }, null, 2));
  } else {
    io.out(result.text);
    const missing = result.findings.filter((f) => f.rule === 'narrative-missing-input').length;
    const other = result.findings.filter((f) => f.rule !== 'narrative-missing-input' && f.severity !== 'info');
    const { prior, budget } = result.filled;
    if (prior || budget) io.err(`已从${[prior ? `上年决算工作簿取得 ${prior} 项上年数` : '', budget ? `部门预算工作簿取得 ${budget} 项年初预算` : ''].filter(Boolean).join('、')}。`);
    if (missing) io.err(`有 ${missing} 处【请填写：…】需要在“说明数据”工作表中补充（可用 juesuan template 生成模板）。`);
    for (const f of other) io.err(`[${f.severity === 'error' ? '错误' : '警告'}] ${f.message}`);
  }
  if (options.docx) {
    await writeFile(options.docx, await narrativeToDocx(result.document));
    io.err(`已写入 ${options.docx}`);
  }
  return 0;
}

/** `juesuan template FILE --out OUT.xlsx`: a copy of the workbook with a 说明数据 sheet to fill in. */
export async function templateCommand(file: string, out: string, format: 'hunan' | 'shanghai', io: Io): Promise<number> {
  const loaded = await load(file, io);
  if (!loaded) return 1;
  const { model, facts } = readWorkbook(loaded.snapshot);
  const result = await addSupplementTemplateToXlsx(loaded.bytes, model, { format, facts });
  if (!result.ok) {
    io.err(result.message);
    return 1;
  }
  await writeFile(out, result.bytes);
  io.err(`已写入 ${out}：请在“说明数据”工作表中填写上年数、年初预算、原因等，再运行 juesuan narrate。`);
  return 0;
}
