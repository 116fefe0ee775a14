import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Report } from '../core/report';
import { ruleCatalogue } from '../core/rules/catalogue';
import { renderRulesText } from '../core/rules/render-catalogue';
import { markedCopy, MARKED_COPY_CAVEAT } from '../hosts/file/marked-copy';
import { collectWorkbooks } from './collect-files';
import { formatReport } from './format-text';
import { detailHtml, summaryCsv, summaryHtml, type BatchRow } from './summary-html';
import { checkWorkbookFile } from './workbook-check';
import { unitAndYear } from '../core/tables/unit-and-year';
import { narrateCommand, templateCommand, type NarrateOptions } from './narrate-command';
import { reviewNarrativeForWorkbook, withReviewFindings } from '../hosts/file/narrative-text';
import { explainCommand, parseExplain } from './explain-command';
import { writeResultsCopy } from './results-sheet';
import { reviewSummary } from '../core/review';

const USAGE = `用法：
  juesuan check 文件或文件夹… [--json] [--report 输出目录] [--marked 输出目录] [--narrative 情况说明.txt|.docx]
                [--results-sheet 输出.xlsx]
        审核部门决算公开01–09表；文件夹中的 .xlsx 逐个审核
        --narrative 文件 对照该工作簿的表格（和“说明数据”）审核已有的情况说明（只能审核一个工作簿）
        --json          以 JSON 输出（多个文件时为数组，顺序同参数）
        --report 目录    写出 summary.html、summary.csv、每个工作簿的 JSON 和详情页
        --marked 目录    写出标记副本（问题单元格按级别着色并附批注，数值不变）
        --results-sheet 文件  写出带“审核结果”工作表的副本（每个问题一行，链接到单元格；只能审核一个工作簿）
  juesuan explain 文件.xlsx --rule 规则 [--cell '工作表!A1'] --text "说明" [--out 输出.xlsx | --in-place]
        为一个警告（核实性问题）填写说明，记入“审核说明”工作表；默认写入副本“文件.已说明.xlsx”，
        只有加 --in-place 才写入原文件。错误（勾稽关系不成立）不能用说明代替；提示不需要说明。
        --remove 代替 --text：删除该问题的说明
  juesuan narrate 文件.xlsx [--format hunan|shanghai] [--docx 输出.docx] [--json]
        生成“部门决算情况说明”（第三部分）和名词解释；需要的补充数据取自“说明数据”工作表
  juesuan template 文件.xlsx --out 输出.xlsx [--format hunan|shanghai]
        生成带“说明数据”模板工作表的副本（原文件不变）
  juesuan rules [--json]                         列出全部审核规则
  juesuan --help                                 显示本说明
退出码：0 无错误；1 有错误（含无法读取的文件）；2 用法错误。
  explain：0 已写入；1 文件无法读取或写入；2 用法错误（含找不到该问题、为错误或提示填写说明、会覆盖原文件）。`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

interface CheckOptions {
  paths: string[];
  json: boolean;
  reportDir?: string;
  markedDir?: string;
  narrative?: string;
  resultsSheet?: string;
}

function parseCheck(args: string[]): CheckOptions | string {
  const options: CheckOptions = { paths: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') options.json = true;
    else if (a === '--report' || a === '--marked') {
      const dir = args[++i];
      if (!dir || dir.startsWith('--')) return `${a} 需要一个输出目录`;
      if (a === '--report') options.reportDir = dir;
      else options.markedDir = dir;
    } else if (a === '--narrative') {
      const file = args[++i];
      if (!file || file.startsWith('--')) return '--narrative 需要一个情况说明文件（.txt 或 .docx）';
      options.narrative = file;
    } else if (a === '--results-sheet') {
      const file = args[++i];
      if (!file || file.startsWith('--')) return '--results-sheet 需要一个输出文件（.xlsx）';
      options.resultsSheet = file;
    } else if (a.startsWith('-')) return `未知选项：${a}`;
    else options.paths.push(a);
  }
  if (options.paths.length === 0) return '请指定要审核的 .xlsx 文件或文件夹';
  if (options.narrative && options.paths.length > 1) return '--narrative 只能与一个工作簿一起使用（情况说明对应唯一的工作簿）';
  if (options.resultsSheet && options.paths.length > 1) return '--results-sheet 只能与一个工作簿一起使用';
  if (options.resultsSheet && options.paths.some((p) => resolve(p).toLowerCase() === resolve(options.resultsSheet!).toLowerCase()))
    return '--results-sheet 的输出文件不能是输入文件：本工具不会改动原文件，请指定另一个文件名';
  return options;
}

/** narrate/template options; for template, `docx` carries the --out path. */
function parseNarrate(args: string[], command: 'narrate' | 'template'): NarrateOptions | string {
  const options: NarrateOptions = { file: '', format: 'hunan', json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json' && command === 'narrate') options.json = true;
    else if (a === '--format') {
      const f = args[++i];
      if (f !== 'hunan' && f !== 'shanghai') return '--format 只能是 hunan 或 shanghai';
      options.format = f;
    } else if ((a === '--docx' && command === 'narrate') || (a === '--out' && command === 'template')) {
      const out = args[++i];
      if (!out || out.startsWith('--')) return `${a} 需要一个输出文件`;
      options.docx = out;
    } else if (a.startsWith('-')) return `未知选项：${a}`;
    else if (options.file) return '一次只能处理一个文件';
    else options.file = a;
  }
  if (!options.file) return '请指定 .xlsx 文件';
  if (command === 'template' && !options.docx) return '请用 --out 指定输出文件';
  return options;
}

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
  if (command === 'narrate' || command === 'template')
    return dispatch(parseNarrate(rest, command), io, (o) => (command === 'narrate' ? narrateCommand(o, io) : templateCommand(o.file, o.docx!, o.format, io)));
  if (command === 'explain') return dispatch(parseExplain(rest), io, (o) => explainCommand(o, io));
  if (command !== 'check') {
    io.err(`未知命令“${command}”。\n${USAGE}`);
    return 2;
  }
  return dispatch(parseCheck(rest), io, (o) => runCheck(o, io));
}

/** Parsed options → the command's exit code; a parse failure is wrong usage (2), an unexpected throw an error (1). */
async function dispatch<T>(parsed: T | string, io: Io, run: (options: T) => Promise<number>): Promise<number> {
  if (typeof parsed === 'string') {
    io.err(`${parsed}。\n${USAGE}`);
    return 2;
  }
  try {
    return await run(parsed);
  } catch (error) {
    io.err(`内部错误：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const files = await collectWorkbooks(options.paths);
  if (files.length === 0) {
    io.err(`在 ${options.paths.join('、')} 中没有找到 .xlsx 文件。`);
    return 1;
  }
  if ((options.narrative || options.resultsSheet) && files.length > 1) {
    io.err(`${options.narrative ? '--narrative' : '--results-sheet'} 只能与一个工作簿一起使用，但 ${options.paths.join('、')} 中有 ${files.length} 个 .xlsx 文件。\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const reports: Report[] = [];
  const rows: BatchRow[] = [];
  const batch = files.length > 1;
  let writeFailed = false;
  if (options.reportDir) await mkdir(join(options.reportDir, 'reports'), { recursive: true });
  if (options.reportDir) await mkdir(join(options.reportDir, 'details'), { recursive: true });
  if (options.markedDir) await mkdir(options.markedDir, { recursive: true });
  const reviewLines = new Map<Report, string>();
  for (const [i, file] of files.entries()) {
    const checked = await checkWorkbookFile(file);
    let { report } = checked;
    if (options.narrative) {
      const review = await reviewNarrativeForWorkbook(checked.bytes, file, options.narrative);
      if (!review.ok) {
        io.err(review.message);
        return 1;
      }
      report = withReviewFindings(report, review.findings);
      reviewLines.set(report, reviewSummary(review.findings, `“${basename(options.narrative)}”`));
    }
    if (options.resultsSheet) {
      const written = await writeResultsCopy(checked, report, file, options.resultsSheet, basename(file));
      io.err(written.message);
      if (!written.ok) writeFailed = true;
    }
    reports.push(report);
    const slug = `${String(i + 1).padStart(3, '0')}-${basename(file).replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\s]+/g, '_')}`;
    let markedHref: string | undefined;
    if (options.markedDir && checked.bytes) {
      const copy = await markedCopy(checked.bytes, report.findings);
      if (copy.error) io.err(`${file}：${copy.error}，未写出标记副本。`);
      else {
        const name = `${slug}.标记.xlsx`;
        await writeFile(join(options.markedDir, name), copy.bytes);
        markedHref = name;
      }
    }
    if (options.reportDir) {
      const row: BatchRow = { file, ...unitAndYear(checked.model, checked.facts), report, detailHref: `details/${slug}.html`, jsonHref: `reports/${slug}.json`, markedHref };
      await writeFile(join(options.reportDir, row.jsonHref), JSON.stringify(report, null, 2));
      await writeFile(join(options.reportDir, row.detailHref), detailHtml({ ...row, markedHref: undefined }));
      rows.push(row);
    }
    if (batch) io.err(`[${i + 1}/${files.length}] ${file}：${report.summary.error} 个错误，${report.summary.warning} 个警告`);
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.reportDir) {
    await writeFile(join(options.reportDir, 'summary.html'), summaryHtml(rows, { generated: new Date().toLocaleString('zh-CN'), seconds }));
    await writeFile(join(options.reportDir, 'summary.csv'), summaryCsv(rows));
    io.err(`汇总已写入 ${join(options.reportDir, 'summary.html')} 和 summary.csv`);
  }
  if (options.markedDir) io.err(`标记副本已写入 ${options.markedDir}。${MARKED_COPY_CAVEAT}`);
  if (batch) io.err(`共 ${files.length} 个工作簿，用时 ${seconds.toFixed(2)} 秒（${(files.length / Math.max(seconds, 1e-9)).toFixed(1)} 个/秒）`);
  if (options.json) io.out(JSON.stringify(options.paths.length === 1 && files.length === 1 ? reports[0] : reports, null, 2));
  else if (!options.reportDir || !batch) io.out(reports.map((r) => [formatReport(r), reviewLines.get(r)].filter(Boolean).join('\n')).join('\n\n'));
  else io.out(reports.map((r) => `${r.summary.error > 0 ? '✗' : '✓'} ${r.file}：${r.summary.error} 个错误，${r.summary.warning} 个警告，${r.summary.info} 条提示`).join('\n'));
  return reports.some((r) => r.summary.error > 0) || writeFailed ? 1 : 0;
}
