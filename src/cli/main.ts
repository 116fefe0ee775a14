import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkSnapshot, failedReport, reportForFinding, type Report } from '../core/report';
import { snapshotFromXlsx } from '../hosts/file/read-file';
import { formatReport } from './format-text';
import { ruleCatalogue } from '../core/rules/catalogue';
import { renderRulesText } from '../core/rules/render-catalogue';

const USAGE = `用法：
  juesuan check 文件.xlsx [更多文件…] [--json]   审核部门决算公开01–09表
  juesuan rules [--json]                         列出全部审核规则
  juesuan --help                                 显示本说明
退出码：0 无错误；1 有错误（含无法读取的文件）；2 用法错误。`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'rules') {
    const catalogue = ruleCatalogue();
    io.out(rest.includes('--json') ? JSON.stringify(catalogue, null, 2) : renderRulesText(catalogue));
    return 0;
  }
  if (command !== 'check') {
    io.err(`未知命令“${command}”。\n${USAGE}`);
    return 2;
  }
  const json = rest.includes('--json');
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--json');
  if (unknown.length) {
    io.err(`未知选项：${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const files = rest.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    io.err(`请指定要审核的 .xlsx 文件。\n${USAGE}`);
    return 2;
  }
  const reports: Report[] = [];
  for (const file of files) reports.push(await checkFile(file));
  if (json) io.out(JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2));
  else io.out(reports.map(formatReport).join('\n\n'));
  return reports.some((r) => r.summary.error > 0) ? 1 : 0;
}

export async function checkFile(file: string): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是文件夹，不是文件' : code === 'EACCES' ? '没有读取权限' : String(error);
    return failedReport(file, `无法读取文件“${file}”：${why}。`, 'read-file-unreadable');
  }
  const read = await snapshotFromXlsx(bytes, basename(file));
  if (!read.ok) return reportForFinding(file, read.finding);
  return checkSnapshot(read.snapshot, file).report;
}
