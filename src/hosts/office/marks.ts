/// <reference types="office-js" />
/**
 * Marks are conditional formats (custom rule "=TRUE", a fill by severity): they sit on top of the user's
 * own formatting without changing it, and removing them restores exactly what was there. Their ids go to
 * workbook.settings so that 清除标记 removes exactly what the add-in added, also in a later session.
 */
import type { MarkResult, SkippedSheet } from '../host';
import { MARK_FILL, type MarkPlan, chunkAddresses, rectA1 } from '../mark-plan';
import { MARKS_KEY, type WorkbookState, hasSheet, marksRecord } from './state';

/** The formula of every mark: always true, so the fill shows on every cell of the range. */
export const MARK_FORMULA = '=TRUE';

/** Whether a state read earlier can serve for marking these sheets (their existence and protection are known). */
export function stateCovers(state: WorkbookState | undefined, plan: MarkPlan): state is WorkbookState {
  if (!state) return false;
  return plan.sheets.every((s) => !hasSheet(state, s.sheet) || state.protection.has(s.sheet));
}

/**
 * Queues the removal of the recorded marks that still exist, on sheets that are not protected. Returns how
 * many were queued, and the marks that stay recorded (on protected sheets they cannot be removed now).
 */
function queueRemoval(context: Excel.RequestContext, state: WorkbookState): { removed: number; kept: Map<string, string[]> } {
  const kept = new Map<string, string[]>();
  let removed = 0;
  for (const [sheet, ids] of state.marked) {
    const live = state.liveFormats.get(sheet);
    const present = ids.filter((id) => live?.get(id) === 'Custom');
    if (!present.length) continue; // removed by the user meanwhile
    if (state.protection.get(sheet) !== false) {
      kept.set(sheet, present);
      continue;
    }
    const formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    for (const id of present) formats.getItem(id).delete();
    removed += present.length;
  }
  return { removed, kept };
}

function stateAfter(state: WorkbookState, marked: Map<string, string[]>): WorkbookState {
  const liveFormats = new Map<string, Map<string, string>>();
  for (const [sheet, ids] of marked) liveFormats.set(sheet, new Map(ids.map((id) => [id, 'Custom'])));
  return { ...state, marked, liveFormats, recorded: marked.size > 0 };
}

/**
 * Two round trips: (1) remove the previous marks, add one conditional format per rectangle (ExcelApi 1.7)
 * or per chunk of up to 200 areas (ExcelApi 1.9, RangeAreas), and load their ids; (2) record the ids.
 */
export async function applyMarksWithState(
  context: Excel.RequestContext,
  plan: MarkPlan,
  state: WorkbookState,
  supports: (version: string) => boolean,
): Promise<{ result: MarkResult; state: WorkbookState }> {
  const { removed, kept } = queueRemoval(context, state);
  const skipped: SkippedSheet[] = [...kept.keys()].filter((s) => !plan.sheets.some((p) => p.sheet === s)).map((sheet) => ({ sheet, reason: 'protected', cells: [] }));
  const marked: string[] = [];
  const added: Array<{ sheet: string; format: Excel.ConditionalFormat }> = [];
  const useAreas = supports('1.9');
  for (const sheetPlan of plan.sheets) {
    if (!hasSheet(state, sheetPlan.sheet)) {
      skipped.push({ sheet: sheetPlan.sheet, reason: 'missing', cells: sheetPlan.cells });
      continue;
    }
    if (state.protection.get(sheetPlan.sheet)) {
      skipped.push({ sheet: sheetPlan.sheet, reason: 'protected', cells: sheetPlan.cells });
      continue;
    }
    const ws = context.workbook.worksheets.getItem(sheetPlan.sheet);
    for (const { severity, rects } of sheetPlan.severities) {
      const targets: Array<Excel.Range | Excel.RangeAreas> = useAreas ? chunkAddresses(rects).map((a) => ws.getRanges(a)) : rects.map((r) => ws.getRange(rectA1(r)));
      for (const target of targets) {
        const format = target.conditionalFormats.add('Custom');
        format.custom.rule.formula = MARK_FORMULA;
        format.custom.format.fill.color = MARK_FILL[severity];
        format.load('id');
        added.push({ sheet: sheetPlan.sheet, format });
      }
    }
    marked.push(...sheetPlan.cells);
  }
  const result = (formats: number): MarkResult => ({ marked, skipped, formats, removed, unresolved: plan.unresolved });
  if (removed === 0 && added.length === 0 && !state.recorded) return { result: result(0), state };
  await context.sync();

  const next = new Map(kept);
  for (const { sheet, format } of added) next.set(sheet, [...(next.get(sheet) ?? []), format.id]);
  if (next.size) context.workbook.settings.add(MARKS_KEY, JSON.stringify(marksRecord(next, state.sheets)));
  else if (state.recorded) context.workbook.settings.getItem(MARKS_KEY).delete();
  await context.sync();
  return { result: result(added.length), state: stateAfter(state, next) };
}

/** One round trip once the state is known: remove every recorded mark that still exists, then the record. */
export async function clearMarksWithState(context: Excel.RequestContext, state: WorkbookState): Promise<{ removed: number; state: WorkbookState }> {
  if (!state.recorded) return { removed: 0, state };
  const { removed, kept } = queueRemoval(context, state);
  if (kept.size) context.workbook.settings.add(MARKS_KEY, JSON.stringify(marksRecord(kept, state.sheets)));
  else context.workbook.settings.getItem(MARKS_KEY).delete();
  await context.sync();
  return { removed, state: stateAfter(state, kept) };
}
