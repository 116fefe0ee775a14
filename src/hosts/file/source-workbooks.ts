import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sourcesFromFiles, type SourceFile, type SourcesRead } from './source-bytes';

/** `--prior` / `--budget`: the files beside the 决算 that the 情况说明 takes figures from (src/core/sources). */
export interface SourceFiles {
  prior?: string;
  budget?: string;
}

async function bytesOf(file: string, what: string): Promise<SourceFile | string> {
  try {
    return { bytes: await readFile(file), name: basename(file) };
  } catch {
    return `无法读取${what}“${file}”：文件不存在或没有读取权限。`;
  }
}

/** The files read into the sources layer's inputs, or the message saying which could not be read. */
export async function loadSources(files: SourceFiles): Promise<SourcesRead> {
  const prior = files.prior ? await bytesOf(files.prior, '上年决算工作簿') : undefined;
  if (typeof prior === 'string') return { ok: false, message: prior };
  const budget = files.budget ? await bytesOf(files.budget, '部门预算工作簿') : undefined;
  if (typeof budget === 'string') return { ok: false, message: budget };
  return sourcesFromFiles({ prior, budget });
}
