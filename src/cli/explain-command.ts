/**
 * `juesuan explain FILE --rule RULE [--cell 'Sheet!A1'] --text "…" [--out OUT.xlsx | --in-place]`: the unit's
 * explanation of one warning, recorded in the workbook's 审核说明 sheet — of a copy by default
 * (“X.已说明.xlsx” next to X.xlsx), of FILE itself only with --in-place. `--remove` instead of --text takes an
 * explanation out again.
 *
 * Exit codes: 0 written; 1 the file could not be read; 2 wrong usage — missing options, no such finding or more
 * than one, an error or an info (they take no explanation), an output that would overwrite the input (the same
 * file by any path) or an earlier copy — or an output the file system refused (the reason said in Chinese).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Finding } from '../core/findings/finding';
import {
  type ExplanationRecord,
  EXPLAINED_SUFFIX,
  RESULTS_SHEET,
  canonicalCell,
  checkExplanationText,
  describeFinding,
  explainable,
  explanationRecord,
  explanationSheet,
  findingsFor,
  ownSheetKind,
  removeExplanation,
  sameSheetName,
  today,
  upsertExplanation,
} from '../core/explain';
import { writeOwnSheets } from '../hosts/file/own-sheets-xlsx';
import type { Io } from './main';
import { resultsSheetFor } from './results-sheet';
import { checkWorkbookFile } from './workbook-check';
import { inputsOf, OutputProblem, refuseOutputFile, writeOutput } from './output-paths';

export interface ExplainOptions {
  file: string;
  rule: string;
  cell?: string;
  text?: string;
  remove: boolean;
  out?: string;
  inPlace: boolean;
}

/** Exit code and the reason, for a refusal. */
class Refusal {
  constructor(
    readonly code: 1 | 2,
    readonly message: string,
  ) {}
}

export function parseExplain(args: string[]): ExplainOptions | string {
  const o: ExplainOptions = { file: '', rule: '', remove: false, inPlace: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      return v === undefined || (v.startsWith('--') && v.length > 2) ? undefined : v;
    };
    if (a === '--rule' || a === '--cell' || a === '--text' || a === '--out') {
      const v = value();
      if (v === undefined) return `${a} 需要一个值`;
      if (a === '--rule') o.rule = v.trim();
      else if (a === '--cell') o.cell = v;
      else if (a === '--text') o.text = v;
      else o.out = v;
    } else if (a === '--in-place') o.inPlace = true;
    else if (a === '--remove') o.remove = true;
    else if (a.startsWith('-')) return `未知选项：${a}`;
    else if (o.file) return '一次只能处理一个文件';
    else o.file = a;
  }
  if (!o.file) return '请指定 .xlsx 文件';
  if (!o.rule) return '请用 --rule 指定问题的规则（见 juesuan check 的输出或 JSON 中的 rule）';
  if (o.remove === (o.text !== undefined)) return o.remove ? '--remove 与 --text 不能同时使用' : '请用 --text 写明说明的内容（或用 --remove 删除已有说明）';
  if (o.inPlace && o.out) return '--in-place 与 --out 不能同时使用';
  return o;
}

/** “dir/X.xlsx” → “dir/X.已说明.xlsx” (a macro workbook keeps .xlsm: the copy still holds its macros). */
export function defaultExplainedPath(file: string): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  const base = stem.endsWith(EXPLAINED_SUFFIX) ? stem.slice(0, -EXPLAINED_SUFFIX.length) : stem;
  return join(dirname(file), `${base}${EXPLAINED_SUFFIX}${/^\.xls[xm]$/i.test(ext) ? ext : '.xlsx'}`);
}

function sameFile(a: string, b: string): boolean {
  return resolve(a).toLowerCase() === resolve(b).toLowerCase();
}

/** Where to write, or why not: never over the input unless --in-place, never over an earlier copy by default. */
async function outputPath(o: ExplainOptions): Promise<string | Refusal> {
  if (o.inPlace) return o.file;
  if (o.out) {
    const refused = await refuseOutputFile(o.out, '--out', await inputsOf([o.file]));
    if (refused) return new Refusal(2, `${refused}如确要直接写入原文件，请改用 --in-place。`);
    return o.out;
  }
  const out = defaultExplainedPath(o.file);
  if (sameFile(out, o.file))
    return new Refusal(2, `“${o.file}”已是写有说明的副本。如要在其中继续添加说明，请加 --in-place（直接写入该文件）；或用 --out 指定另一个输出文件。`);
  if (existsSync(out))
    return new Refusal(
      2,
      `“${out}”已存在（可能是上次写入说明的副本）。为免覆盖其中已有的说明：如要继续添加说明，请对它运行 juesuan explain “${out}” … --in-place；或用 --out 指定另一个输出文件。`,
    );
  return out;
}

/** The one finding meant, or why there is none. */
function target(findings: readonly Finding[], o: ExplainOptions): Finding | Refusal {
  const cell = o.cell === undefined ? undefined : canonicalCell(o.cell);
  if (o.cell !== undefined && !cell) return new Refusal(2, `无法识别单元格“${o.cell}”：请写成“工作表名!A1”，例如 --cell '公开06表!C12'。`);
  const found = findingsFor(findings, o.rule, cell);
  const warnings = findings.filter((f) => f.severity === 'warning');
  const hint = warnings.length ? `\n本文件中可填写说明的警告有：\n${warnings.map((f) => `  ${describeFinding(f)}`).join('\n')}` : '\n本文件中没有警告，不需要填写说明。';
  if (!found.length) return new Refusal(2, `没有找到规则“${o.rule}”${cell ? `涉及单元格 ${cell} ` : ''}的问题。${hint}`);
  if (found.length > 1)
    return new Refusal(2, `规则“${o.rule}”${cell ? `在 ${cell} ` : ''}有 ${found.length} 个问题，请用 --cell 指定其中一个问题的单元格：\n${found.map((f) => `  ${describeFinding(f)}`).join('\n')}`);
  return found[0];
}

export async function explainCommand(o: ExplainOptions, io: Io): Promise<number> {
  const done = await explain(o, io);
  if (done instanceof Refusal) {
    io.err(done.message);
    return done.code;
  }
  return 0;
}

async function explain(o: ExplainOptions, io: Io): Promise<Refusal | void> {
  const checked = await checkWorkbookFile(o.file);
  if (!checked.bytes || !checked.snapshot) return new Refusal(1, checked.report.findings[0]?.message ?? `无法读取文件“${o.file}”。`);
  const finding = target(checked.report.findings, o);
  if (finding instanceof Refusal) {
    // --remove also takes out an explanation whose finding is gone (the data was corrected meanwhile).
    if (!o.remove) return finding;
  } else if (!o.remove) {
    const allowed = explainable(finding);
    if (!allowed.ok) return new Refusal(2, `不能为此问题填写说明。${allowed.message}`);
  }
  // Only now the output: the answer about the finding (an error cannot be explained) comes first.
  const out = await outputPath(o);
  if (out instanceof Refusal) return out;
  let records: ExplanationRecord[];
  if (o.remove) {
    const cell = o.cell === undefined ? undefined : canonicalCell(o.cell);
    const kept = finding instanceof Refusal ? checked.explanations!.filter((r) => !(r.rule === o.rule && (!cell || r.cells.includes(cell)))) : removeExplanation(checked.explanations!, finding);
    if (kept.length === checked.explanations!.length) return new Refusal(2, `“审核说明”中没有规则“${o.rule}”${cell ? `涉及 ${cell} ` : ''}的说明，未作改动。`);
    records = kept;
  } else {
    const text = checkExplanationText(o.text ?? '');
    if (!text.ok) return new Refusal(2, text.message);
    records = upsertExplanation(checked.explanations!, explanationRecord(finding as Finding, text.text, checked.snapshot, today()));
  }
  const written = await writeOwnSheets(checked.bytes, checked.snapshot, [explanationSheet(records)]);
  if (!written.ok) return new Refusal(1, written.message);
  // Read back what was written: the answer printed is what a check of the output says, and a 审核结果 sheet
  // already in the workbook is brought up to date with it.
  const again = await checkWorkbookFile(out, written.bytes);
  let bytes = written.bytes;
  if (again.snapshot && checked.snapshot.sheets.some((s) => sameSheetName(s.name, RESULTS_SHEET) && ownSheetKind(s) === 'results')) {
    const results = await writeOwnSheets(bytes, again.snapshot, [resultsSheetFor(again.report, basename(out))]);
    if (results.ok) bytes = results.bytes;
  }
  try {
    // Through a temporary file: an interrupted write never leaves half a workbook (--in-place included).
    await writeOutput(out, bytes);
  } catch (error) {
    if (error instanceof OutputProblem) return new Refusal(2, error.message);
    throw error;
  }
  const now = finding instanceof Refusal ? undefined : again.report.findings.find((f) => f.rule === finding.rule && f.cells.join() === finding.cells.join());
  const state = o.remove ? '已删除该说明' : now?.explanation && !now.explanation.stale ? '该问题现为“已说明”' : '说明已写入';
  io.err(`已写入“${out}”（“审核说明”工作表，共 ${records.length} 条说明）：${state}。${o.inPlace ? '' : '原文件未改动。'}`);
  io.out(out);
}
