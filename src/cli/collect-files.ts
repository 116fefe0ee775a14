import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/**
 * Arguments → workbook paths, in argument order; folders are walked (sorted, recursively) for .xlsx/.xlsm/.xls,
 * skipping Office lock files (~$…). A path that does not exist is kept so that its report says so.
 */
export async function collectWorkbooks(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await walk(arg)));
    else out.push(arg);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (WORKBOOK.test(e.name) && !e.name.startsWith('~$')) out.push(path);
  }
  return out;
}
