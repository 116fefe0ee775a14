import { TABLE_CODES, type TableCode } from '../../tables/codes';
import type { SubjectRow, SubjectTable, TableMeta, TablesModel } from '../../tables/model';

/** The 功能分类 科目 tables (类/款/项 rows). */
export const SUBJECT_TABLE_CODES = ['02', '03', '05', '07', '08'] as const;
export type SubjectTableCode = (typeof SUBJECT_TABLE_CODES)[number];

/** The 科目 tables the model holds, in table order; a missing table is simply absent. */
export function subjectTables(model: TablesModel): Array<{ code: SubjectTableCode; table: SubjectTable }> {
  const out: Array<{ code: SubjectTableCode; table: SubjectTable }> = [];
  for (const code of SUBJECT_TABLE_CODES) {
    const table = model[code] as SubjectTable | undefined;
    if (table && Array.isArray(table.rows)) out.push({ code, table });
  }
  return out;
}

/** Every table's meta, in table order. */
export function tableMetas(model: TablesModel): Array<{ code: TableCode; meta: TableMeta }> {
  const out: Array<{ code: TableCode; meta: TableMeta }> = [];
  for (const code of TABLE_CODES) {
    const meta = model[code]?.meta;
    if (meta) out.push({ code, meta });
  }
  return out;
}

/** “第 9 行” (rows are 0-based in the model). */
export function rowNo(row: SubjectRow): string {
  return `第 ${row.row + 1} 行`;
}

/** The cell that shows a row's 科目 code (the 类 column of a split code comes first). */
export function codeCellsOf(row: SubjectRow): string[] {
  return row.codeCells.length > 0 ? row.codeCells : row.nameCell ? [row.nameCell] : [];
}

/** “公开02、06表” — a short list of table codes for messages. */
export function shortTables(codes: readonly TableCode[]): string {
  return `公开${codes.join('、')}表`;
}

/**
 * The value held by most entries; a tie goes to the one seen first (tables are visited in table order), so
 * the result does not depend on anything but the workbook.
 */
export function majority<T>(entries: readonly T[], key: (e: T) => string): { key: string; members: T[] } | undefined {
  const groups = groupBy(entries, key);
  let best: { key: string; members: T[] } | undefined;
  for (const [k, members] of groups) if (!best || members.length > best.members.length) best = { key: k, members };
  return best;
}

/** Groups in first-seen order. */
export function groupBy<T>(entries: readonly T[], key: (e: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const k = key(e);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  return groups;
}
