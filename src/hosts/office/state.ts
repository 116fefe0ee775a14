/// <reference types="office-js" />
/**
 * What the gateway needs to know about the workbook besides its values: which sheets exist and are
 * protected, and the types of the conditional formats on each sheet (the add-in's marks are found among the
 * custom ones by their formula: mark-scan.ts). Nothing here outlives a session: worksheet ids change when the
 * file is reopened (OfficeDev/office-js-docs#297) and a conditional format's id is only its priority
 * (Excel.ConditionalFormat.id: "the priority of the conditional format in the current
 * ConditionalFormatCollection"), so neither is ever stored in the workbook.
 */
import { z } from 'zod';

/** workbook.settings key naming the sheets the add-in wrote its narrative into: { v: 1, sheets: [name, …] }. */
export const NARRATIVE_KEY = 'juesuan.narrative';
/** Prefix of the pane's own small state (loadState / saveState). */
export const STATE_PREFIX = 'juesuan.state.';

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

export function parseNarrativeOwner(value: unknown): NarrativeOwner | null {
  return parseJsonSetting(value, NarrativeOwnerSchema);
}

export interface WorkbookState {
  /** Every sheet that existed when read, in workbook order (names as they were then). */
  sheets: string[];
  /** Sheet name → protected. */
  protection: Map<string, boolean>;
  /**
   * Sheet name → the types of the conditional formats on the whole sheet, in priority order: index i is
   * `ws.getRange().conditionalFormats.getItemAt(i)` as it was read.
   */
  formatTypes: Map<string, string[]>;
}

export function hasSheet(state: WorkbookState, name: string): boolean {
  return state.sheets.includes(name);
}

/** Queued in the first round trip of any read: the sheet list. */
export function queueSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  return sheets;
}

export interface StateProbe {
  sheets: string[];
  protection: Array<{ name: string; protection: Excel.WorksheetProtection }>;
  formats: Array<{ name: string; formats: Excel.ConditionalFormatCollection }>;
}

/**
 * Queued in the second round trip: every sheet's protection and the types of its conditional formats
 * (types only: loading `custom` fails as soon as another type is present, OfficeDev/office-js#2180).
 */
export function queueStateProbe(worksheets: readonly Excel.Worksheet[]): StateProbe {
  const probe: StateProbe = { sheets: worksheets.map((ws) => ws.name), protection: [], formats: [] };
  for (const ws of worksheets) {
    ws.protection.load('protected');
    probe.protection.push({ name: ws.name, protection: ws.protection });
    const formats = ws.getRange().conditionalFormats;
    formats.load('items/type');
    probe.formats.push({ name: ws.name, formats });
  }
  return probe;
}

/** After the sync: the probe's results as a WorkbookState. */
export function stateFromProbe(probe: StateProbe): WorkbookState {
  const protection = new Map<string, boolean>();
  for (const p of probe.protection) protection.set(p.name, p.protection.protected);
  const formatTypes = new Map<string, string[]>();
  for (const f of probe.formats) formatTypes.set(f.name, f.formats.items.map((cf) => String(cf.type)));
  return { sheets: probe.sheets, protection, formatTypes };
}

/** Two round trips: the workbook state alone. */
export async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const list = queueSheetList(context);
  await context.sync();
  const probe = queueStateProbe(list.items);
  await context.sync();
  return stateFromProbe(probe);
}
