/**
 * The marks a sheet should carry against the marks it carries: which conditional formats to keep, which to
 * remove, which to add. Pure. A re-check whose findings did not change writes nothing, so it neither clears
 * the user's undo list (hosts below ExcelApi 1.19) nor adds an undo step (1.19+), and a change of one finding
 * rewrites only the formats it touches.
 */
import type { GridRect } from '../core/workbook/snapshot';
import { type MarkKind, type SheetMarkPlan, chunkAddresses, rectA1 } from './mark-plan';

/** One conditional format the plan wants on a sheet: a severity and its areas ("B7", "C9:C12"). */
export interface WantedFormat {
  severity: MarkKind;
  /** For Worksheet.getRanges (ExcelApi 1.9), or one area for Worksheet.getRange. */
  address: string;
  areas: string[];
}

/** One of the add-in's marks found on a sheet. */
export interface FoundMark {
  /** Its position in the sheet's conditional formats when found (deletion goes by position). */
  index: number;
  severity: MarkKind;
  /** Its areas, or null when they could not be read (then it is replaced, never kept). */
  areas: string[] | null;
}

/**
 * The formats for one sheet's plan: on ExcelApi 1.9 one per severity and chunk of ≤ 200 areas / 4,000
 * characters (RangeAreas; getRanges truncates addresses past 8,192 characters, excel-add-ins-troubleshooting),
 * below 1.9 one per rectangle.
 */
export function wantedFormats(plan: SheetMarkPlan, useAreas: boolean): WantedFormat[] {
  const out: WantedFormat[] = [];
  for (const { severity, rects } of plan.severities) {
    const addresses = useAreas ? chunkAddresses(rects) : rects.map((r: GridRect) => rectA1(r));
    for (const address of addresses) out.push({ severity, address, areas: address.split(',') });
  }
  return out;
}

/** The same severity on the same set of areas, whatever their order. */
function key(severity: MarkKind, areas: readonly string[]): string {
  return `${severity}|${[...areas].map((a) => a.replace(/\$/g, '').toUpperCase()).sort().join(',')}`;
}

export interface MarkDiff {
  keep: FoundMark[];
  /** Highest index first: deleting in this order never moves a format still to be deleted. */
  remove: FoundMark[];
  add: WantedFormat[];
}

export function diffMarks(wanted: readonly WantedFormat[], found: readonly FoundMark[]): MarkDiff {
  const available = new Map<string, FoundMark[]>();
  const remove: FoundMark[] = [];
  for (const mark of found) {
    if (!mark.areas) {
      remove.push(mark);
      continue;
    }
    const k = key(mark.severity, mark.areas);
    const list = available.get(k) ?? [];
    list.push(mark);
    available.set(k, list);
  }
  const keep: FoundMark[] = [];
  const add: WantedFormat[] = [];
  for (const format of wanted) {
    const match = available.get(key(format.severity, format.areas))?.shift();
    if (match) keep.push(match);
    else add.push(format);
  }
  for (const rest of available.values()) remove.push(...rest);
  remove.sort((a, b) => b.index - a.index);
  return { keep, remove, add };
}
