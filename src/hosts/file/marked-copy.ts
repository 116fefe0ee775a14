import type ExcelJS from 'exceljs';
import type { Finding } from '../../core/findings/finding';
import { expandCellRefs, splitCellRef } from '../../core/workbook/address';
import { type MarkKind, MARK_FILL, markKindOf } from '../mark-plan';
import { loadExcelJS } from './exceljs-module';
import { errorText } from '../../core/util/error-text';

/**
 * A marked copy of a workbook: every flagged cell filled by severity (an explained warning paler, as in Excel:
 * src/hosts/mark-plan.ts) and given a note with its messages and explanations. Values are never touched. Styles
 * are cloned per cell before the fill changes (ExcelJS shares style objects between cells: changing one in
 * place would colour every cell sharing it).
 */
export const MARK_FILL_ARGB = Object.fromEntries(Object.entries(MARK_FILL).map(([k, v]) => [k, `FF${v.slice(1)}`])) as Record<MarkKind, string>;
const RANK: Record<MarkKind, number> = { error: 0, warning: 1, explained: 2, info: 3 };
const LABEL: Record<MarkKind, string> = { error: '错误', warning: '警告', explained: '警告·已说明', info: '提示' };

function noteLine(f: Finding): string {
  const kind = markKindOf(f);
  const said = f.explanation ? `\n  说明${f.explanation.stale ? '（已失效：所涉数值已改动）' : ''}：${f.explanation.text}` : '';
  return `【${LABEL[kind]}】${f.message}${said}`;
}

export interface MarkedCopy {
  bytes: Uint8Array;
  marked: number;
  /** Cells named by findings that are not on any sheet of the file (or ranges too large to mark). */
  skipped: string[];
  /**
   * Set when the copy could not be made: `bytes` are then the original file's, unmarked. markedCopy never
   * throws, so that one odd file cannot stop a batch.
   */
  error?: string;
}

/** What the command line adds to a marked copy's name: “001-X.标记.xlsx”. */
export const MARKED_SUFFIX = '.标记.xlsx';

/**
 * Whether a file name is one of our marked copies: the command line's “….标记.xlsx” or the standalone page's
 * download “X（标记副本）.xlsx” (as a browser may number it: “X（标记副本） (1).xlsx”). A walk of a folder
 * leaves them out: they are copies of workbooks, not workbooks to check.
 */
export function isMarkedCopyName(name: string): boolean {
  return name.toLowerCase().endsWith(MARKED_SUFFIX) || /（标记副本）\s*(\(\d+\))?\.xlsx$/i.test(name);
}

/** What a rewritten file can lose: said wherever a marked copy is offered. */
export const MARKED_COPY_CAVEAT =
  '标记副本由本工具重新生成：单元格数值和格式保持不变，但图表、图片、打印标题和“调整为一页”等打印设置可能丢失。请仅用它查看问题，修改请在原文件中进行。';

export async function markedCopy(bytes: Uint8Array, findings: readonly Finding[]): Promise<MarkedCopy> {
  try {
    return await mark(bytes, findings);
  } catch (error) {
    const refs = [...new Set(findings.flatMap((f) => f.cells))];
    return { bytes, marked: 0, skipped: refs, error: `无法生成标记副本：${errorText(error)}` };
  }
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJS();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer;
  try {
    return await new Workbook().xlsx.load(buffer);
  } catch (error) {
    // Overlapping merged areas: read without merges, as the check did (read-file.ts).
    if (!/merge/i.test(error instanceof Error ? error.message : String(error))) throw error;
    return new Workbook().xlsx.load(buffer, { ignoreNodes: ['mergeCells'] } as ExcelJS.XlsxReadOptions);
  }
}

async function mark(bytes: Uint8Array, findings: readonly Finding[]): Promise<MarkedCopy> {
  const workbook = await load(bytes);
  const byCell = new Map<string, Finding[]>();
  for (const f of findings)
    for (const ref of expandCellRefs(f.cells)) {
      const list = byCell.get(ref) ?? [];
      list.push(f);
      byCell.set(ref, list);
    }
  let marked = 0;
  const skipped: string[] = [];
  for (const [ref, list] of byCell) {
    const { sheet, address } = splitCellRef(ref);
    const ws = workbook.getWorksheet(sheet);
    if (!ws) {
      skipped.push(ref);
      continue;
    }
    const cell = ws.getCell(address);
    const worst = list.reduce<MarkKind>((s, f) => (RANK[markKindOf(f)] < RANK[s] ? markKindOf(f) : s), 'info');
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL_ARGB[worst] }, bgColor: { argb: MARK_FILL_ARGB[worst] } },
    };
    const text = list
      .slice(0, 5)
      .map(noteLine)
      .join('\n');
    cell.note = list.length > 5 ? `${text}\n……另有 ${list.length - 5} 条` : text;
    marked++;
  }
  const out = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), marked, skipped };
}
