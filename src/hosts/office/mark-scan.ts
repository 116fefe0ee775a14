/// <reference types="office-js" />
/**
 * Finding the add-in's marks in the workbook by their content (mark-signature.ts), in one round trip once the
 * conditional formats' types are known (WorkbookState.formatTypes, read with the snapshot or the state):
 * for every custom format, its rule formula and its areas. `custom` is only asked of formats whose type is
 * Custom: asking it of another type fails the whole batch (InvalidOperation, OfficeDev/office-js#2180).
 *
 * Formats are reached by position (ConditionalFormatCollection.getItemAt, ExcelApi 1.6): a format's `id` is
 * its priority, not a lasting name. The same sync reloads every scanned sheet's types; if they differ from
 * the ones the positions came from (the user changed a rule meanwhile), the scan says so and is redone.
 *
 * Requirement sets: conditionalFormats, getItemAt, custom.rule.formula, getRangeOrNullObject 1.6;
 * ConditionalFormat.getRanges 1.9 (a format on several areas: our 1.9 marks). Below 1.9 a format on several
 * ranges reads as a null range: such a mark is replaced rather than kept.
 */
import type { FoundMark } from '../mark-diff';
import { parseAreasAddress } from './read-snapshot';
import { markSeverity } from './mark-signature';
import { rectA1 } from '../mark-plan';
import type { WorkbookState } from './state';

export interface MarkScan {
  /** Sheet name → the add-in's marks on it. */
  found: Map<string, FoundMark[]>;
  /** Sheet name → format types as reloaded in the scan's sync (for the sheets scanned). */
  types: Map<string, string[]>;
  /** False when the types changed since `state` was read: the positions may have named other formats. */
  fresh: boolean;
}

interface Probe {
  sheet: string;
  collection: Excel.ConditionalFormatCollection;
  customs: Array<{ index: number; rule: Excel.ConditionalFormatRule; where: Excel.Range | Excel.RangeAreas }>;
}

/** Custom formats' positions per sheet, from the state. */
function customIndexes(state: WorkbookState): Array<{ sheet: string; indexes: number[] }> {
  const out: Array<{ sheet: string; indexes: number[] }> = [];
  for (const sheet of state.sheets) {
    const indexes = (state.formatTypes.get(sheet) ?? []).flatMap((type, i) => (type === 'Custom' ? [i] : []));
    if (indexes.length) out.push({ sheet, indexes });
  }
  return out;
}

/** One round trip (none when no sheet has a custom format). Throws what Excel throws (stale positions). */
export async function scanMarks(context: Excel.RequestContext, state: WorkbookState, useAreas: boolean): Promise<MarkScan> {
  const targets = customIndexes(state);
  if (!targets.length) return { found: new Map(), types: new Map(), fresh: true };
  const probes: Probe[] = targets.map(({ sheet, indexes }) => {
    const collection = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    collection.load('items/type');
    const customs = indexes.map((index) => {
      const format = collection.getItemAt(index);
      const rule = format.custom.rule;
      rule.load('formula');
      const where = useAreas ? format.getRanges() : format.getRangeOrNullObject();
      where.load('address');
      return { index, rule, where };
    });
    return { sheet, collection, customs };
  });
  await context.sync();

  const found = new Map<string, FoundMark[]>();
  const types = new Map<string, string[]>();
  let fresh = true;
  for (const probe of probes) {
    const now = probe.collection.items.map((cf) => String(cf.type));
    types.set(probe.sheet, now);
    const before = state.formatTypes.get(probe.sheet) ?? [];
    if (now.length !== before.length || now.some((t, i) => t !== before[i])) fresh = false;
    const marks: FoundMark[] = [];
    for (const { index, rule, where } of probe.customs) {
      const severity = markSeverity(rule.formula);
      if (!severity) continue;
      // Only the 1.6 getRangeOrNullObject() can be a null object (a format on several ranges).
      const isNull = !useAreas && (where as Excel.Range).isNullObject;
      marks.push({ index, severity, areas: isNull ? null : parseAreasAddress(where.address).map(rectA1) });
    }
    if (marks.length) found.set(probe.sheet, marks);
  }
  return { found, types, fresh };
}
