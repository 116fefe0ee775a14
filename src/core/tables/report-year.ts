import { TABLE_CODES } from './codes';
import type { TablesModel } from './model';

/**
 * The year of the report: the one most tables state (meta.year), a tie going to the table first in table order;
 * undefined when no table states a year. Selects the 科目 edition the names are checked against.
 */
export function reportYear(model: TablesModel): number | undefined {
  const counts = new Map<number, number>();
  for (const code of TABLE_CODES) {
    const year = model[code]?.meta.year;
    if (typeof year === 'number' && Number.isFinite(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
