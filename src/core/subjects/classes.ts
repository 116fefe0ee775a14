import data from './data/class-rows.json';
import { FUNCTIONAL_ALIASES } from './aliases';
import { FUNCTIONAL_EDITION_YEARS, functionalEdition } from './functional-editions';

/**
 * The 类 rows of 公开01表 and 公开04表 (支出功能分类, domain.md §1.3), in printed order (data/class-rows.json).
 * A year's rows are those its edition holds, named as it names them; `aliases` are the names of the same 类 in
 * other editions and older or regional names, matched after normalizeLabel. A workbook may print any subset (24
 * or 26 rows): readers key rows by name, never by 行次.
 */
export interface ClassRow {
  code: string;
  name: string;
  aliases: string[];
}

const CODES: readonly string[] = data.codes.split(' ');

const byEdition = new Map<unknown, readonly ClassRow[]>();

/** The 01/04 类 rows of the edition of `year` (the base edition without a year; the nearest outside 2019–2026). */
export function classRowsFor(year?: number): readonly ClassRow[] {
  // Asked by several rules on every check: built once per edition (editions are immutable).
  const names = functionalEdition(year);
  let rows = byEdition.get(names);
  if (!rows) {
    rows = Object.freeze(CODES.filter((code) => names.has(code)).map((code) => classRow(code, names.get(code)!)));
    byEdition.set(names, rows);
  }
  return rows;
}

/**
 * Every 类 row of any edition 2019–2026, under its base-edition (2024) name, with the names of all editions and
 * the older names as aliases: for matching a printed label whatever the report's year.
 */
export const CLASS_ROWS: readonly ClassRow[] = CODES.map((code) =>
  classRow(
    code,
    functionalEdition().get(code)!,
    FUNCTIONAL_EDITION_YEARS.map((year) => functionalEdition(year).get(code)),
  ),
);

function classRow(code: string, name: string, otherNames: ReadonlyArray<string | undefined> = []): ClassRow {
  const aliases: string[] = [];
  for (const other of [...otherNames, ...(FUNCTIONAL_ALIASES[code] ?? [])]) {
    if (other && other !== name && !aliases.includes(other)) aliases.push(other);
  }
  return { code, name, aliases };
}
