/**
 * The 审核说明 sheet: where explanations live in the workbook, readable by a reviewer without the add-in.
 *
 *   A1  审核说明（决算审核助手）
 *   A2  a note: what the sheet is, which columns not to touch
 *   3   规则 | 单元格 | 问题 | 说明 | 日期 | 所涉数值 | 校验码
 *   4…  one explanation per row
 *
 * 单元格 lists the finding's cells one per line (the first is a link to it); 所涉数值 the values they held when
 * the explanation was written; 校验码 is the check's key and the values' fingerprint (src/core/explain/fingerprint).
 * Rows are read back by their column headers and parsed with zod: a row that does not parse is reported, never
 * guessed at. The rows are laid out by ./explanation-layout.
 */
import { z } from 'zod';
import type { Finding } from '../findings/finding';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { parseA1, splitCellRef } from '../workbook/address';
import { type ExplanationRecord, EXPLANATION_MAX_CHARS } from './explanation';
import { EXPLANATION_SHEET, ownSheetKind, sameSheetName } from './own-sheets';
import { serialDate } from '../workbook/dates';

export const EXPLANATION_HEADERS = ['规则', '单元格', '问题', '说明', '日期', '所涉数值', '校验码'] as const;
type Header = (typeof EXPLANATION_HEADERS)[number];

export interface SheetProblem {
  /** 1-based row on the sheet. */
  row: number;
  message: string;
}

export interface ParsedExplanations {
  records: ExplanationRecord[];
  problems: SheetProblem[];
  /** The sheet as named in the workbook, when there is one of ours. */
  sheet?: string;
}

const text = z.preprocess((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v)), z.string());
/** Excel turns a typed “2025-03-01” into a date serial; the file keeps the text. Either reads as YYYY-MM-DD. */
const date = z.preprocess((v) => (typeof v === 'number' && v > 0 && v < 2958466 ? (serialDate(v) ?? v) : v), text);

/** A row by its headers → the record it holds (the 校验码 split into the check's key and the values' fingerprint). */
const RowSchema = z
  .object({
    rule: text.pipe(z.string().trim().min(1, '“规则”为空')),
    cells: text,
    message: text,
    text: text.pipe(z.string().trim().min(1, '“说明”为空').max(EXPLANATION_MAX_CHARS, `“说明”超过 ${EXPLANATION_MAX_CHARS} 字`)),
    date: date.pipe(z.string().trim()),
    values: text,
    code: text.pipe(z.string().trim().regex(/^[0-9a-f]{16}-[0-9a-f]{16}$/, '“校验码”缺失或被改动')),
  })
  .transform(({ code, cells, message, ...row }): ExplanationRecord => {
    const [cellsKey, fingerprint] = code.split('-');
    return { ...row, cells: cells.split(/\r?\n/).map((l) => l.trim()).filter(isRef), cellsKey, fingerprint, message: message.trim() };
  });

const FIELD: Record<Header, keyof z.input<typeof RowSchema>> = {
  规则: 'rule',
  单元格: 'cells',
  问题: 'message',
  说明: 'text',
  日期: 'date',
  所涉数值: 'values',
  校验码: 'code',
};

function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

/** A line of the 单元格 column that names a cell (not the “……共 N 个单元格” line). */
function isRef(line: string): boolean {
  const at = line.lastIndexOf('!');
  return at > 0 && parseA1(splitCellRef(line).address.split(':')[0]) !== undefined;
}

/** The explanations in the workbook's 审核说明 sheet (ours only), and the rows that could not be read. */
export function readExplanations(snapshot: WorkbookSnapshot): ParsedExplanations {
  const sheet = snapshot.sheets.find((s) => sameSheetName(s.name, EXPLANATION_SHEET) && ownSheetKind(s) === 'explanations');
  if (!sheet) return { records: [], problems: [] };
  const bottom = sheet.origin.row + sheet.values.length - 1;
  const right = sheet.origin.col + sheet.values.reduce((m, r) => Math.max(m, r?.length ?? 0), 0) - 1;
  // The header row: the first of the top rows holding every header (a user may have moved or added columns).
  let header = -1;
  const columns = new Map<Header, number>();
  for (let r = 0; r <= Math.min(bottom, 9) && header < 0; r++) {
    const found = new Map<Header, number>();
    for (let c = 0; c <= right; c++) {
      const v = valueAt(sheet, r, c);
      const h = EXPLANATION_HEADERS.find((name) => typeof v === 'string' && v.trim() === name);
      if (h && !found.has(h)) found.set(h, c);
    }
    if (found.size === EXPLANATION_HEADERS.length) {
      header = r;
      for (const [h, c] of found) columns.set(h, c);
    }
  }
  if (header < 0) return { records: [], problems: [{ row: 3, message: `“${sheet.name}”工作表缺少表头（${EXPLANATION_HEADERS.join('、')}），其中的说明均未读取。` }], sheet: sheet.name };
  const records: ExplanationRecord[] = [];
  const problems: SheetProblem[] = [];
  for (let r = header + 1; r <= bottom; r++) {
    const raw = Object.fromEntries(EXPLANATION_HEADERS.map((h) => [FIELD[h], valueAt(sheet, r, columns.get(h)!)]));
    if (Object.values(raw).every((v) => v === null || v === '')) continue;
    const parsed = RowSchema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else problems.push({ row: r + 1, message: `“${sheet.name}”第 ${r + 1} 行无法读取（${parsed.error.issues.map((i) => i.message).join('；')}），该条说明未采用。` });
  }
  return { records, problems, sheet: sheet.name };
}

/**
 * Rows that could not be read, as notes in the report. The message names the row; no cell is given, so that
 * nothing is ever marked on the add-in's own sheet (it is replaced whole by the next write).
 */
export function problemFindings(parsed: ParsedExplanations): Finding[] {
  return parsed.problems.map((p) => ({ rule: 'explain-row-unreadable', severity: 'info' as const, message: p.message, cells: [] }));
}
