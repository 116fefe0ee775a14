import type { Amount, AnyTable, TablesModel } from './model';
import type { TableCode } from './codes';

/** Every amount of the model with its table, in reading order: for coverage checks and cell lookups. */
export function allAmounts(model: TablesModel): Array<{ table: TableCode; amount: Amount }> {
  const out: Array<{ table: TableCode; amount: Amount }> = [];
  const seen = new Set<string>();
  const visit = (table: TableCode, v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('cell' in o && 'value' in o && 'blank' in o) {
      const a = o as unknown as Amount;
      if (!seen.has(a.cell)) {
        seen.add(a.cell);
        out.push({ table, amount: a });
      }
      return;
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'meta') visit(table, x, depth + 1);
  };
  for (const [code, table] of Object.entries(model) as Array<[TableCode, AnyTable]>) visit(code, table, 0);
  return out;
}
