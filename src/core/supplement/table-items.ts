import { functionalName, isKnownFunctionalName } from '../subjects/functional';
import type { Amount, SubjectRow, SubjectTable, TablesModel } from '../tables/model';
import { reportYear } from '../tables/report-year';

/** The tables whose 项 rows get a 年初预算 and a reason: 05 (一般公共预算), 07 (政府性基金), 08 (国有资本经营). */
export type ItemTable = '05' | '07' | '08';
export const ITEM_TABLES: readonly ItemTable[] = ['05', '07', '08'];

export interface LeafRow {
  table: ItemTable;
  code: string;
  /** “社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”. */
  label: string;
  /** 本年支出 (05: 合计; 07/08: 本年支出合计). */
  actual?: Amount;
  row: SubjectRow;
}

/** Rows of a subject table that have no child row in it (normally the 项), in table order. */
export function leafRowsOf(table: SubjectTable | undefined): SubjectRow[] {
  if (!table) return [];
  return table.rows.filter((r) => !table.rows.some((o) => o !== r && o.code.length > r.code.length && o.code.startsWith(r.code)));
}

export function leafRows(model: TablesModel): LeafRow[] {
  const year = reportYear(model);
  return ITEM_TABLES.flatMap((code) => {
    const table = model[code] as SubjectTable | undefined;
    return leafRowsOf(table).map((row) => ({
      table: code,
      code: row.code,
      label: subjectLabel(table, row.code, year),
      actual: (row.amounts as Record<string, Amount | undefined>).total,
      row,
    }));
  });
}

export function gpbLeafRows(model: TablesModel): LeafRow[] {
  return leafRows(model).filter((r) => r.table === '05');
}

/**
 * “X（类）Y（款）Z（项）” for a code, each level named as the table prints it (so a 2023 table's older names
 * stay), unless the printed name contradicts the code (then the name in the edition of the report's year,
 * `year`, by default the table's); a level the table does not print comes from that edition, and as the code
 * when unknown there too.
 */
export function subjectLabel(table: SubjectTable | undefined, code: string, year = table?.meta.year): string {
  const levels: Array<[string, string]> = [[code.slice(0, 3), '类']];
  if (code.length >= 5) levels.push([code.slice(0, 5), '款']);
  if (code.length === 7) levels.push([code, '项']);
  return levels.map(([c, level]) => `${levelName(table, c, year)}（${level}）`).join('');
}

function levelName(table: SubjectTable | undefined, code: string, year: number | undefined): string {
  const printed = table?.rows.find((r) => r.code === code)?.name.trim();
  if (printed && isKnownFunctionalName(code, printed, year) !== 'mismatch') return printed;
  return functionalName(code, year) ?? printed ?? code;
}
