// Shared by the CLI safety tests: running the command in-process, a workspace with copies of the sample, and
// a fingerprint of a folder (every file's bytes and mtime) to prove that nothing in it changed.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main';
import { SEED } from '../helpers';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** A temporary folder with `in/a.xlsx` and `in/b.xlsx` (copies of the sample). */
export function workspace(prefix: string): { dir: string; input: string; a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), `juesuan-${prefix}-`));
  const input = join(dir, 'in');
  mkdirSync(input);
  const a = join(input, 'a.xlsx');
  const b = join(input, 'b.xlsx');
  copyFileSync(SEED, a);
  copyFileSync(SEED, b);
  return { dir, input, a, b };
}

/** Every entry under `dir` (folders too) with its content hash and mtime: equal fingerprints, nothing changed. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const info = statSync(path);
      if (info.isDirectory()) {
        out[`${relative(dir, path)}/`] = String(info.mtimeMs);
        walk(path);
      } else out[relative(dir, path)] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${info.mtimeMs}`;
    }
  };
  out['./'] = String(statSync(dir).mtimeMs);
  walk(dir);
  return out;
}

/** Lines with English words and no Chinese: what a user must never be shown alone. */
export function englishOnlyLines(text: string): string[] {
  return text.split('\n').filter((line) => /[A-Za-z]{4,}/.test(line) && !/[\u4e00-\u9fff]/.test(line));
}

/** Node's own words for a file-system error: never shown (fs-errors.ts says them in Chinese). */
export const NODE_WORDS = /ENOTDIR|EACCES|ENOENT|EEXIST|EISDIR|ENAMETOOLONG|not a directory|permission denied|no such file|name too long/i;

/** The check's text report for one workbook was printed (its header and its result line). */
export const PRINTED_REPORT = /文件：[\s\S]*审核结果：\d+ 个错误/;
