/// <reference types="office-js" />
/**
 * What the gateway needs to know about the workbook besides its values: which sheets exist and are
 * protected, which conditional formats the add-in added (kept in workbook.settings, so that they can be
 * removed in a later session), and which of those still exist.
 */
import { z } from 'zod';

/**
 * workbook.settings key of the add-in's marks:
 * { v: 1, sheets: { [sheet name]: [conditional format id, …] }, sheetIds: { [sheet name]: worksheet id } }.
 * The worksheet id (documented to survive renames and moves) finds the marks again after a rename.
 */
export const MARKS_KEY = 'juesuan.marks';
/** workbook.settings key naming the sheets the add-in wrote its narrative into: { v: 1, sheets: [name, …] }. */
export const NARRATIVE_KEY = 'juesuan.narrative';
/** Prefix of the pane's own small state (loadState / saveState). */
export const STATE_PREFIX = 'juesuan.state.';

const MarksStateSchema = z.object({
  v: z.literal(1),
  sheets: z.record(z.string(), z.array(z.string())),
  sheetIds: z.record(z.string(), z.string()).optional(),
});
export type MarksState = z.infer<typeof MarksStateSchema>;

const NarrativeOwnerSchema = z.object({ v: z.literal(1), sheets: z.array(z.string()) });
export type NarrativeOwner = z.infer<typeof NarrativeOwnerSchema>;

/** A setting's value as stored (JSON text; some hosts may hand back the parsed object). */
function parseJsonSetting<T>(value: unknown, schema: z.ZodType<T>): T | null {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function parseMarksState(value: unknown): MarksState | null {
  return parseJsonSetting(value, MarksStateSchema);
}

export function parseNarrativeOwner(value: unknown): NarrativeOwner | null {
  return parseJsonSetting(value, NarrativeOwnerSchema);
}

export function isEmptyMarks(state: MarksState | null): boolean {
  return !state || Object.values(state.sheets).every((ids) => ids.length === 0);
}

export interface SheetIdentity {
  name: string;
  id: string;
}

export interface WorkbookState {
  /** Every sheet that existed when read, in workbook order. */
  sheets: SheetIdentity[];
  /** Sheet name → protected, for the sheets whose protection was read. */
  protection: Map<string, boolean>;
  /** The stored marks as found: current sheet name → recorded format ids (sheets found by id, else by name). */
  marked: Map<string, string[]>;
  /** For sheets holding stored marks: the conditional formats present on the sheet, id → type. */
  liveFormats: Map<string, Map<string, string>>;
  /** Whether the workbook holds a record of marks (possibly naming only sheets deleted since). */
  recorded: boolean;
}

export function hasSheet(state: WorkbookState, name: string): boolean {
  return state.sheets.some((s) => s.name === name);
}

/** Recorded marks → the sheets they are on now (a renamed sheet is found by its worksheet id). */
export function locateMarks(marks: MarksState | null, sheets: readonly SheetIdentity[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [recorded, ids] of Object.entries(marks?.sheets ?? {})) {
    if (!ids.length) continue;
    const wsId = marks?.sheetIds?.[recorded];
    const sheet = (wsId !== undefined ? sheets.find((s) => s.id === wsId) : undefined) ?? sheets.find((s) => s.name === recorded);
    if (!sheet) continue; // deleted: its formats went with it
    out.set(sheet.name, [...(out.get(sheet.name) ?? []), ...ids]);
  }
  return out;
}

/** The record to store for marks now on these sheets. */
export function marksRecord(marked: ReadonlyMap<string, readonly string[]>, sheets: readonly SheetIdentity[]): MarksState {
  const record: MarksState = { v: 1, sheets: {}, sheetIds: {} };
  for (const [name, ids] of marked) {
    if (!ids.length) continue;
    record.sheets[name] = [...ids];
    const id = sheets.find((s) => s.name === name)?.id;
    if (id !== undefined) record.sheetIds![name] = id;
  }
  return record;
}

/** Queued in the first round trip of any read: the sheet list and the stored marks. */
export function queueSheetList(context: Excel.RequestContext): { sheets: Excel.WorksheetCollection; marks: Excel.Setting } {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  const marks = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
  marks.load('value');
  return { sheets, marks };
}

/** After the first round trip: the sheets and where the recorded marks are. */
export function sheetList(list: { sheets: Excel.WorksheetCollection; marks: Excel.Setting }): SheetList {
  const sheets = list.sheets.items.map((ws) => ({ name: ws.name, id: ws.id }));
  const marks = list.marks.isNullObject ? null : parseMarksState(list.marks.value);
  return { sheets, marked: locateMarks(marks, sheets), recorded: !list.marks.isNullObject };
}

export interface SheetList {
  sheets: SheetIdentity[];
  marked: Map<string, string[]>;
  recorded: boolean;
}

export interface StateProbe extends SheetList {
  protection: Array<{ name: string; protection: Excel.WorksheetProtection }>;
  formats: Array<{ name: string; formats: Excel.ConditionalFormatCollection }>;
}

/**
 * Queued in the second round trip: protection of the given sheets, and the formats present on every sheet
 * that holds recorded marks (ids and types only: loading custom rules fails when other format types exist).
 */
export function queueStateProbe(
  worksheets: readonly Excel.Worksheet[],
  found: SheetList,
  protectionOf: 'all' | 'marked',
): StateProbe {
  const probe: StateProbe = { ...found, protection: [], formats: [] };
  for (const ws of worksheets) {
    const marked = found.marked.has(ws.name);
    if (protectionOf === 'all' || marked) {
      ws.protection.load('protected');
      probe.protection.push({ name: ws.name, protection: ws.protection });
    }
    if (marked) {
      const formats = ws.getRange().conditionalFormats;
      formats.load('items/id,items/type');
      probe.formats.push({ name: ws.name, formats });
    }
  }
  return probe;
}

/** After the sync: the probe's results as a WorkbookState. */
export function stateFromProbe(probe: StateProbe): WorkbookState {
  const protection = new Map<string, boolean>();
  for (const p of probe.protection) protection.set(p.name, p.protection.protected);
  const liveFormats = new Map<string, Map<string, string>>();
  for (const f of probe.formats) liveFormats.set(f.name, new Map(f.formats.items.map((cf) => [cf.id, String(cf.type)])));
  return { sheets: probe.sheets, protection, marked: probe.marked, liveFormats, recorded: probe.recorded };
}

/** Two round trips (one when 'marked' and nothing is marked): the workbook state alone. */
export async function readState(context: Excel.RequestContext, protectionOf: 'all' | 'marked'): Promise<WorkbookState> {
  const list = queueSheetList(context);
  await context.sync();
  const found = sheetList(list);
  if (protectionOf === 'marked' && found.marked.size === 0) return { ...found, protection: new Map(), liveFormats: new Map() };
  const probe = queueStateProbe(list.sheets.items, found, protectionOf);
  await context.sync();
  return stateFromProbe(probe);
}
