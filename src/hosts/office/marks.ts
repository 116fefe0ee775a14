/// <reference types="office-js" />
/**
 * Marks are custom conditional formats (a fill by severity) whose rule formula says they are the add-in's
 * (mark-signature.ts): they sit on top of the user's own formatting without changing it, removing them
 * restores exactly what was there, and they are found again by what they are — in a later session, on a
 * renamed sheet — never by ids. A user's own rule, of whatever colour or formula, is never touched.
 *
 * Marking diffs the plan against the marks present (mark-diff.ts): unchanged formats stay, only the changed
 * ones are removed or added, and nothing at all is written when nothing changed. Round trips once the state
 * is known: one to scan (none when the workbook has no custom format), one to write (none when nothing
 * changes).
 */
import type { MarkResult, SkippedSheet } from '../host';
import { type FoundMark, diffMarks, wantedFormats } from '../mark-diff';
import { MARK_FILL, type MarkPlan } from '../mark-plan';
import { markFormula } from './mark-signature';
import { type MarkScan, scanMarks } from './mark-scan';
import { type WorkbookState, hasSheet } from './state';

/** Whether a state read earlier can serve for marking these sheets (their existence and protection are known). */
export function stateCovers(state: WorkbookState | undefined, plan: MarkPlan): state is WorkbookState {
  if (!state) return false;
  return plan.sheets.every((s) => !hasSheet(state, s.sheet) || state.protection.has(s.sheet));
}

/** The scan, redone (at most twice) while the formats moved under it; the state's types updated. */
async function freshScan(context: Excel.RequestContext, state: WorkbookState, useAreas: boolean): Promise<{ scan: MarkScan; state: WorkbookState }> {
  let current = state;
  for (let attempt = 0; ; attempt++) {
    const scan = await scanMarks(context, current, useAreas);
    current = { ...current, formatTypes: new Map([...current.formatTypes, ...scan.types]) };
    if (scan.fresh) return { scan, state: current };
    if (attempt >= 2) throw Object.assign(new Error('conditional formats kept changing while they were read'), { code: 'Conflict' });
  }
}

/** Format types after deleting these positions and adding `added` formats at the top. */
function typesAfter(types: readonly string[], removed: readonly FoundMark[], added: number): string[] {
  const gone = new Set(removed.map((m) => m.index));
  return [...Array.from({ length: added }, () => 'Custom'), ...types.filter((_, i) => !gone.has(i))];
}

/**
 * Queues, per sheet, the removals (highest position first, so that none moves another still to go) and
 * then the additions (each goes to the top, after every removal). Returns the counts.
 */
function queueChanges(context: Excel.RequestContext, sheet: string, remove: readonly FoundMark[], add: ReturnType<typeof wantedFormats>, useAreas: boolean): void {
  const ws = context.workbook.worksheets.getItem(sheet);
  if (remove.length) {
    const formats = ws.getRange().conditionalFormats;
    for (const mark of remove) formats.getItemAt(mark.index).delete();
  }
  for (const format of add) {
    const target: Excel.Range | Excel.RangeAreas = useAreas ? ws.getRanges(format.address) : ws.getRange(format.address);
    const cf = target.conditionalFormats.add('Custom');
    cf.custom.rule.formula = markFormula(format.severity);
    cf.custom.format.fill.color = MARK_FILL[format.severity];
  }
}

/**
 * Two round trips at most: (1) find the marks present; (2) remove the ones the plan no longer wants and add
 * the missing ones — skipped when the marks already match the plan. Protected sheets are left alone.
 */
export async function applyMarksWithState(
  context: Excel.RequestContext,
  plan: MarkPlan,
  state: WorkbookState,
  supports: (version: string) => boolean,
): Promise<{ result: MarkResult; state: WorkbookState }> {
  const useAreas = supports('1.9');
  const scanned = await freshScan(context, state, useAreas);
  const { found } = scanned.scan;
  let next = scanned.state;
  const skipped: SkippedSheet[] = [];
  const marked: string[] = [];
  let formats = 0;
  let removed = 0;
  let kept = 0;
  let queued = false;
  const planned = new Map(plan.sheets.map((s) => [s.sheet, s]));
  const sheets = [...new Set([...plan.sheets.map((s) => s.sheet), ...found.keys()])];
  const types = new Map(next.formatTypes);
  for (const sheet of sheets) {
    const sheetPlan = planned.get(sheet);
    if (!hasSheet(next, sheet)) {
      if (sheetPlan) skipped.push({ sheet, reason: 'missing', cells: sheetPlan.cells });
      continue;
    }
    if (next.protection.get(sheet)) {
      // Never unprotected; marks already there stay until the user lifts the protection.
      skipped.push({ sheet, reason: 'protected', cells: sheetPlan?.cells ?? [] });
      continue;
    }
    const diff = diffMarks(sheetPlan ? wantedFormats(sheetPlan, useAreas) : [], found.get(sheet) ?? []);
    if (diff.remove.length || diff.add.length) {
      queueChanges(context, sheet, diff.remove, diff.add, useAreas);
      queued = true;
      types.set(sheet, typesAfter(types.get(sheet) ?? [], diff.remove, diff.add.length));
    }
    formats += diff.add.length;
    removed += diff.remove.length;
    kept += diff.keep.length;
    if (sheetPlan) marked.push(...sheetPlan.cells);
  }
  if (queued) {
    await context.sync();
    next = { ...next, formatTypes: types };
  }
  return { result: { marked, skipped, formats, removed, kept, unresolved: plan.unresolved }, state: next };
}

/** Removes every mark of the add-in on unprotected sheets: one round trip to find them, one to remove them. */
export async function clearMarksWithState(
  context: Excel.RequestContext,
  state: WorkbookState,
  supports: (version: string) => boolean,
): Promise<{ removed: number; protectedSheets: string[]; state: WorkbookState }> {
  const scanned = await freshScan(context, state, supports('1.9'));
  const types = new Map(scanned.state.formatTypes);
  const protectedSheets: string[] = [];
  let removed = 0;
  for (const [sheet, marks] of scanned.scan.found) {
    if (scanned.state.protection.get(sheet)) {
      protectedSheets.push(sheet);
      continue;
    }
    const remove = [...marks].sort((a, b) => b.index - a.index);
    queueChanges(context, sheet, remove, [], false);
    types.set(sheet, typesAfter(types.get(sheet) ?? [], remove, 0));
    removed += remove.length;
  }
  if (removed) await context.sync();
  return { removed, protectedSheets, state: { ...scanned.state, formatTypes: types } };
}

