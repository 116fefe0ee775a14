import type { TablesModel } from './model';
import type { WorkbookFacts } from './facts';

/**
 * The unit's name and the year, for summaries (batch rows, the pane): the best-attested name and the year
 * from `readWorkbook(…).facts` when given (the cover's full name where the titles shortened it); else the name
 * most tables print and the first year stated.
 */
export function unitAndYear(model: TablesModel, facts: WorkbookFacts = {}): { unit: string; year: string } {
  const counts = new Map<string, number>();
  let year = '';
  for (const t of Object.values(model)) {
    const name = t?.meta.department?.name;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (t?.meta.year && !year) year = String(t.meta.year);
  }
  const unit = facts.department?.name ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { unit, year: year || (facts.year !== undefined ? String(facts.year) : '') };
}
