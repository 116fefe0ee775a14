import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMarkedCopyName } from '../hosts/file/marked-copy';

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

export interface Collected {
  /** The workbooks to check, each once, in argument order. */
  files: string[];
  /** The folders given (the command's input folders). */
  folders: string[];
  /** What the walk left out because this tool wrote it: marked copies and report folders. */
  skippedCopies: string[];
  skippedReports: string[];
  /** A path met again (the same file, however spelled) and the one it repeats. */
  repeated: { path: string; first: string }[];
}

/**
 * Arguments → workbook paths, in argument order; folders are walked (sorted, recursively) for .xlsx/.xlsm/.xls,
 * skipping Office lock files (~$…) and what this tool writes beside the workbooks — marked copies (“….标记.xlsx”,
 * the page's “X（标记副本）.xlsx”) and report folders (summary.html with reports/ beside it) — since they are not
 * the unit's tables (copies “X.已说明.xlsx” are: the unit's workbook with its explanations). A copy named on the
 * command line is checked all the same. A path that does not exist is kept so that its report says so. The same
 * file given twice (also once by itself and once inside a folder) is kept once.
 */
export async function collectWorkbooks(args: readonly string[]): Promise<Collected> {
  const out: Collected = { files: [], folders: [], skippedCopies: [], skippedReports: [], repeated: [] };
  const seen = new Map<string, string>();
  const add = async (path: string) => {
    // The file system's identity (device and inode): a link, another spelling or another case is the same file.
    const info = await stat(path, { bigint: true }).catch(() => undefined);
    const key = info ? `${info.dev}:${info.ino}` : `missing:${resolve(path)}`;
    const first = seen.get(key);
    if (first !== undefined) out.repeated.push({ path, first });
    else {
      seen.set(key, path);
      out.files.push(path);
    }
  };
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      out.folders.push(arg);
      for (const file of await walk(arg, out)) await add(file);
    } else await add(arg);
  }
  return out;
}

/**
 * The workbooks under `dir`, noting in `out` what is left out; `everything`: all of them, nothing left out or
 * noted (to tell whether a report folder holds any).
 */
async function walk(dir: string, out: Collected, everything = false): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  if (!everything && isReportFolder(entries)) {
    // Said only when it held workbooks (marked copies written beside the report): else nothing was left out.
    if ((await walk(dir, out, true)).length) out.skippedReports.push(dir);
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(path, out, everything)));
    else if (!WORKBOOK.test(e.name) || e.name.startsWith('~$')) continue;
    else if (isMarkedCopyName(e.name) && !everything) out.skippedCopies.push(path);
    else files.push(path);
  }
  return files;
}

/** A folder `check --report` wrote: its summary.html beside the reports/ folder of JSON files. */
function isReportFolder(entries: readonly { name: string; isFile(): boolean; isDirectory(): boolean }[]): boolean {
  return entries.some((e) => e.name === 'summary.html' && e.isFile()) && entries.some((e) => e.name === 'reports' && e.isDirectory());
}

/** The notices for stderr: what the walk skipped and which files were given twice (empty when neither). */
export function collectNotices(c: Collected): string[] {
  const lines: string[] = [];
  const named = (paths: readonly string[]) => `${paths.slice(0, 3).map((p) => `“${p}”`).join('、')}${paths.length > 3 ? ` 等` : ''}`;
  if (c.skippedCopies.length)
    lines.push(
      `已跳过 ${c.skippedCopies.length} 个本工具写出的标记副本（${named(c.skippedCopies)}；文件名以“.标记.xlsx”或“（标记副本）.xlsx”结尾）：它们不是要审核的原表。如确要审核其中一个，请直接指定该文件。`,
    );
  if (c.skippedReports.length)
    lines.push(`已跳过 ${c.skippedReports.length} 个本工具写出的审核报告文件夹（${named(c.skippedReports)}；其中有 summary.html 和 reports/）及其中的工作簿副本。`);
  if (c.repeated.length === 1) lines.push(`“${c.repeated[0].path}”与“${c.repeated[0].first}”是同一个文件，只审核一次。`);
  else if (c.repeated.length > 1)
    lines.push(`有 ${c.repeated.length} 个文件重复给出（如“${c.repeated[0].path}”与“${c.repeated[0].first}”是同一个文件），每个文件只审核一次。`);
  return lines;
}
