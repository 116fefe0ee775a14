import type { Amount, AnyTable, TablesModel } from './model';
import type { TableCode } from './codes';

/** Every amount of the model with its table, in reading order: for coverage checks and cell lookups. */
export function allAmounts(model: TablesModel): Array<{ table: TableCode; amount: Amount }> {
  const out: Array<{ table: TableCode; amount: Amount }> = [];
  const seen = new Set<string>();
  // A plain walk (no Object.entries pairs): it runs on every check.
  const visit = (table: TableCode, v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === 'object') visit(table, v[i], depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if ('cell' in o && 'value' in o && 'blank' in o) {
      const a = o as unknown as Amount;
      if (!seen.has(a.cell)) {
        seen.add(a.cell);
        out.push({ table, amount: a });
      }
      return;
    }
    for (const k in o) if (k !== 'meta' && Object.prototype.hasOwnProperty.call(o, k)) visit(table, o[k], depth + 1);
  };
  for (const [code, table] of Object.entries(model) as Array<[TableCode, AnyTable]>) visit(code, table, 0);
  return out;
}
