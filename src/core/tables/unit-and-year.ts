import type { TablesModel } from './model';

/** The unit name most tables print, and the first year stated: for summaries (batch rows, the pane). */
export function unitAndYear(model: TablesModel): { unit: string; year: string } {
  const counts = new Map<string, number>();
  let year = '';
  for (const t of Object.values(model)) {
    const name = t?.meta.department?.name;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (t?.meta.year && !year) year = String(t.meta.year);
  }
  const unit = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { unit, year };
}
