import type { SourceFiles } from '../hosts/file/source-workbooks';

export type { SourceFiles };

/**
 * `--prior FILE` / `--budget FILE` into `files`; the usage error when the file is missing.
 */
export function sourceOption(args: string[], i: number, files: SourceFiles): string | undefined {
  const a = args[i];
  const file = args[i + 1];
  if (!file || file.startsWith('--')) return `${a} 需要一个工作簿文件（.xlsx）：${a === '--prior' ? '上年度部门决算' : '本年度部门预算'}`;
  if (a === '--prior') files.prior = file;
  else files.budget = file;
  return undefined;
}

