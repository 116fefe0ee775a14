import type { TablesModel } from '../tables/model';
import { normalizeLabel } from '../util/text';
import { parseA1 } from '../workbook/address';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { BudgetBasis } from './claims';

/**
 * What the 09 table calls its 预算数, from its note (“预算数为‘三公’经费全年预算数，反映按规定程序调整后的预算数”):
 * the 全年预算 or the 年初预算; undefined when the note does not say. A 情况说明 that calls the figure by the
 * other name has the label wrong.
 */
const SAYS = /预算数?(?:为|是|指|反映)[^。；]{0,24}?(全年|年初)预算/;
const NAMES = /(全年|年初)预算数/;

export function sangongBudgetBasis(snapshot: WorkbookSnapshot, model: TablesModel): BudgetBasis | undefined {
  const meta = model['09']?.meta;
  if (!meta) return undefined;
  const sheet = snapshot.sheets.find((s) => s.name === meta.sheet);
  const [from, to] = meta.range.split(':').map((a) => parseA1(a));
  if (!sheet || !from || !to) return undefined;
  let named: BudgetBasis | undefined;
  // The note sits inside the frame or in the few rows under it.
  for (let r = from.row; r <= to.row + 8; r++) {
    for (const v of sheet.values[r - sheet.origin.row] ?? []) {
      if (typeof v !== 'string') continue;
      const t = normalizeLabel(v);
      const said = SAYS.exec(t);
      if (said) return said[1] as BudgetBasis;
      named ??= /^(?:注|说明)/.test(t) ? (NAMES.exec(t)?.[1] as BudgetBasis | undefined) : undefined;
    }
  }
  return named;
}
