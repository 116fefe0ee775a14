import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Report } from '../core/report';
import { ruleCatalogue } from '../core/rules/catalogue';
import { renderRulesText } from '../core/rules/render-catalogue';
import { markedCopy, MARKED_COPY_CAVEAT, MARKED_SUFFIX } from '../hosts/file/marked-copy';
import { collectNotices, collectWorkbooks } from './collect-files';
import { CheckOutputs } from './check-outputs';
import { OutputProblem } from './output-paths';
import { formatReport } from './format-text';
import { batchRow, type BatchRow } from './batch-report/model';
import { summaryHtml } from './batch-report/summary-page';
import { detailHtml } from './batch-report/detail-page';
import { summaryCsv } from './batch-report/csv';
import { checkWorkbookFile } from './workbook-check';
import { narrateCommand, templateCommand, type NarrateOptions } from './narrate-command';
import { reviewNarrativeForWorkbook, withReviewFindings } from '../hosts/file/narrative-text';
import { explainCommand, parseExplain } from './explain-command';
import { resultsCopy } from './results-sheet';
import { reviewSummary } from '../core/review';
import { sourceOption, type SourceFiles } from './source-files';

const USAGE = `用法：
  juesuan check 文件或文件夹… [--json] [--report 输出目录] [--marked 输出目录] [--narrative 情况说明.txt|.docx]
                [--prior 上年决算.xlsx] [--budget 部门预算.xlsx] [--results-sheet 输出.xlsx]
        审核部门决算公开01–09表；文件夹中的 .xlsx 逐个审核
        --narrative 文件 对照该工作簿的表格（和“说明数据”）审核已有的情况说明（只能审核一个工作簿）
        --prior / --budget 文件  审核情况说明时也对照上年决算、本年部门预算工作簿（同 narrate）
        --json          以 JSON 输出（多个文件时为数组，顺序同参数）
        --report 目录    写出 summary.html、summary.csv、每个工作簿的 JSON 和详情页
        --marked 目录    写出标记副本（问题单元格按级别着色并附批注，数值不变）
        --results-sheet 文件  写出带“审核结果”工作表的副本（每个问题一行，链接到单元格；只能审核一个工作簿）
  juesuan explain 文件.xlsx --rule 规则 [--cell '工作表!A1'] --text "说明" [--out 输出.xlsx | --in-place]
        为一个警告（核实性问题）填写说明，记入“审核说明”工作表；默认写入副本“文件.已说明.xlsx”，
        只有加 --in-place 才写入原文件。错误（勾稽关系不成立）不能用说明代替；提示不需要说明。
        --remove 代替 --text：删除该问题的说明
  juesuan narrate 文件.xlsx [--format hunan|shanghai] [--prior 上年决算.xlsx] [--budget 部门预算.xlsx]
                  [--docx 输出.docx] [--json]
        生成“部门决算情况说明”（第三部分）和名词解释；需要的补充数据取自“说明数据”工作表，
        缺少的写作【请填写：…】，并按部分列出各项及要填写的单元格
        --prior 文件   上年度部门决算工作簿：填入与上年相比的各项数字（收支总计、财政拨款、三公等）
        --budget 文件  本年度部门预算工作簿：填入年初预算（一般公共预算支出及各项级科目、三公）和完成率
  juesuan template 文件.xlsx --out 输出.xlsx [--format hunan|shanghai]
        生成带“说明数据”模板工作表的副本（原文件不变）
  juesuan rules [--json]                         列出全部审核规则
  juesuan --version（或 -v）                      显示版本
  juesuan --help                                 显示本说明
输出文件（--report、--marked、--results-sheet、--docx、--out）不能是输入文件或要审核的文件夹（--marked 也不能在其中）；
缺少的文件夹会自动创建；文件夹中本工具写出的标记副本和审核报告文件夹不参与审核。
退出码：0 无错误；1 有错误（含无法读取的文件）；2 用法错误，或输出文件被拒绝（会覆盖输入）或无法写出（审核结果照常输出）。
  explain：0 已写入；1 文件无法读取；2 用法错误（含找不到该问题、为错误或提示填写说明、会覆盖原文件）或无法写出。`;

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
  sources: SourceFiles;
}

function parseCheck(args: string[]): CheckOptions | string {
  const options: CheckOptions = { paths: [], json: false, sources: {} };
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
    } else if (a === '--prior' || a === '--budget') {
      const error = sourceOption(args, i++, options.sources);
      if (error) return error;
    } else if (a === '--results-sheet') {
      const file = args[++i];
      if (!file || file.startsWith('--')) return '--results-sheet 需要一个输出文件（.xlsx）';
      options.resultsSheet = file;
    } else if (a.startsWith('-')) return `未知选项：${a}`;
    else options.paths.push(a);
  }
  if (options.paths.length === 0) return '请指定要审核的 .xlsx 文件或文件夹';
  if (options.narrative && options.paths.length > 1) return '--narrative 只能与一个工作簿一起使用（情况说明对应唯一的工作簿）';
  if ((options.sources.prior || options.sources.budget) && !options.narrative) return '--prior 和 --budget 用于审核情况说明，须与 --narrative 一起使用';
  if (options.resultsSheet && options.paths.length > 1) return '--results-sheet 只能与一个工作簿一起使用';
  return options;
}

/** narrate/template options; for template, `docx` carries the --out path. */
function parseNarrate(args: string[], command: 'narrate' | 'template'): NarrateOptions | string {
  const options: NarrateOptions = { file: '', format: 'hunan', json: false, sources: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json' && command === 'narrate') options.json = true;
    else if (a === '--format') {
      const f = args[++i];
      if (f !== 'hunan' && f !== 'shanghai') return '--format 只能是 hunan 或 shanghai';
      options.format = f;
    } else if ((a === '--prior' || a === '--budget') && command === 'narrate') {
      const error = sourceOption(args, i++, options.sources);
      if (error) return error;
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
  if (command === '--version' || command === '-v' || command === 'version') {
    io.out(versionLine());
    return 0;
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

/** What an unexpected throw prints: said to be a fault of the tool, with its details for the developer. */
export function internalError(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `内部错误（请把以下信息告诉开发者）：${detail}`;
}

/** `juesuan <version>`, from package.json (two folders up from both src/cli and lib/cli). */
export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/**
 * Parsed options → the command's exit code; a parse failure is wrong usage (2), an output the file system
 * refused 2, an unexpected throw an error (1).
 */
async function dispatch<T>(parsed: T | string, io: Io, run: (options: T) => Promise<number>): Promise<number> {
  if (typeof parsed === 'string') {
    io.err(`${parsed}。\n${USAGE}`);
    return 2;
  }
  try {
    return await run(parsed);
  } catch (error) {
    // An output the file system refused (already said in Chinese), else a bug: never Node's words alone.
    if (error instanceof OutputProblem) {
      io.err(error.message);
      return 2;
    }
    io.err(internalError(error));
    return 1;
  }
}

async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const collected = await collectWorkbooks(options.paths);
  for (const line of collectNotices(collected)) io.err(line);
  const files = collected.files;
  if (files.length === 0) {
    io.err(`在 ${options.paths.join('、')} 中没有找到要审核的 .xlsx 文件。`);
    return 1;
  }
  if ((options.narrative || options.resultsSheet) && files.length > 1) {
    io.err(`${options.narrative ? '--narrative' : '--results-sheet'} 只能与一个工作簿一起使用，但 ${options.paths.join('、')} 中有 ${files.length} 个 .xlsx 文件。\n${USAGE}`);
    return 2;
  }
  const inputs = options.narrative ? [...files, options.narrative] : files;
  const outputs = await CheckOutputs.prepare(options, inputs, collected.folders, io);
  const started = performance.now();
  const reports: Report[] = [];
  const rows: BatchRow[] = [];
  const batch = files.length > 1;
  const reviewLines = new Map<Report, string>();
  for (const [i, file] of files.entries()) {
    const checked = await checkWorkbookFile(file);
    let { report } = checked;
    if (options.narrative) {
      const review = await reviewNarrativeForWorkbook(checked.snapshot, options.narrative, options.sources);
      if (!review.ok) {
        io.err(review.message);
        return 1;
      }
      report = withReviewFindings(report, [...review.findings, ...review.sourceFindings]);
      reviewLines.set(report, reviewSummary(review.findings, `“${basename(options.narrative)}”`));
    }
    if (options.resultsSheet && outputs.writes('results')) {
      const copy = await resultsCopy(checked, report, file, basename(file));
      if (!copy.ok) {
        io.err(copy.message);
        outputs.failed = true;
      } else if (await outputs.write('results', options.resultsSheet, copy.bytes))
        io.err(`审核结果已写入“${options.resultsSheet}”（“审核结果”工作表，${report.findings.length} 个问题各占一行）。原文件未改动。`);
    }
    reports.push(report);
    const slug = `${String(i + 1).padStart(3, '0')}-${basename(file).replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\s]+/g, '_')}`;
    let marked: string | undefined;
    if (options.markedDir && checked.bytes && outputs.writes('marked')) {
      const copy = await markedCopy(checked.bytes, report.findings);
      const name = `${slug}${MARKED_SUFFIX}`;
      if (copy.error) io.err(`${file}：${copy.error}，未写出标记副本。`);
      else if (await outputs.write('marked', join(options.markedDir, name), copy.bytes)) marked = join(options.markedDir, name);
    }
    if (options.reportDir) {
      // Paths in the report are shown relative to the folder given (never absolute): the JSON too.
      const row: BatchRow = batchRow({ file, roots: options.paths, checked, report, slug, reportDir: options.reportDir, marked });
      if (await outputs.write('report', join(options.reportDir, row.jsonHref), JSON.stringify(row.report, null, 2)))
        await outputs.write('report', join(options.reportDir, row.detailHref), detailHtml(row));
      rows.push(row);
    }
    if (batch) io.err(`[${i + 1}/${files.length}] ${file}：${report.summary.error} 个错误，${report.summary.warning} 个警告`);
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.reportDir && outputs.writes('report')) {
    const html = summaryHtml(rows, { generated: new Date().toLocaleString('zh-CN'), seconds });
    if ((await outputs.write('report', join(options.reportDir, 'summary.html'), html)) && (await outputs.write('report', join(options.reportDir, 'summary.csv'), summaryCsv(rows))))
      io.err(`汇总已写入 ${join(options.reportDir, 'summary.html')} 和 summary.csv`);
  }
  if (options.markedDir && outputs.writes('marked')) io.err(`标记副本已写入 ${options.markedDir}。${MARKED_COPY_CAVEAT}`);
  if (batch) io.err(`共 ${files.length} 个工作簿，用时 ${seconds.toFixed(2)} 秒（${(files.length / Math.max(seconds, 1e-9)).toFixed(1)} 个/秒）`);
  if (options.json) io.out(JSON.stringify(options.paths.length === 1 && files.length === 1 ? reports[0] : reports, null, 2));
  // The one-line-per-workbook list points to summary.html: only when that was written.
  else if (!options.reportDir || !batch || !outputs.writes('report')) io.out(reports.map((r) => [formatReport(r), reviewLines.get(r)].filter(Boolean).join('\n')).join('\n\n'));
  else io.out(reports.map((r) => `${r.summary.error > 0 ? '✗' : '✓'} ${r.file}：${r.summary.error} 个错误，${r.summary.warning} 个警告，${r.summary.info} 条提示`).join('\n'));
  // An output refused or not written is the user's to put right, whatever the check found.
  if (outputs.failed) return 2;
  return reports.some((r) => r.summary.error > 0) ? 1 : 0;
}
