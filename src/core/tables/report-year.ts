import { TABLE_CODES } from './codes';
import type { TablesModel } from './model';

/**
 * The year of the report: the one most tables state (meta.year), a tie going to the table first in table order;
 * else the workbook's year from `facts` (cover, 目录; then the file name); undefined when nothing states one. Selects
 * the 科目 edition the names are checked against.
 */
export function reportYear(model: TablesModel, facts?: { year?: number; fileYear?: number }): number | undefined {
  const counts = new Map<number, number>();
  for (const code of TABLE_CODES) {
    const year = model[code]?.meta.year;
    if (typeof year === 'number' && Number.isFinite(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  // No table states its year: the workbook's (cover, 目录, file name), as the reader found it.
  return best?.[0] ?? facts?.year ?? facts?.fileYear;
}
