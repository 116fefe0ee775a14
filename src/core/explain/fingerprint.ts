/**
 * What an explanation covered: the values of the finding's cells as read, and a short fingerprint of them. An
 * explanation written for 27.89 says nothing about 28.89: when any covered value changes, the fingerprint
 * changes and the explanation is stale.
 *
 * A value as read is the snapshot's: a number as JavaScript writes it (the same double reads the same in Excel
 * and from the file), text trimmed, a blank as empty. A date cell reads as a serial number in Excel and as a
 * date from the file, so an explanation over a date cell written in one and checked in the other reads as
 * stale; the 决算 tables' cells are amounts and labels, never dates.
 */
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { expandCellRefs, parseA1, splitCellRef } from '../workbook/address';

export interface CoveredValue {
  ref: string;
  value: string;
}

export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.trim();
}

/** Every cell of `cells` (ranges expanded) with its value in the snapshot, in the finding's order. */
export function coveredValues(snapshot: WorkbookSnapshot, cells: readonly string[]): CoveredValue[] {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  return expandCellRefs(cells).map((ref) => {
    const { sheet, address } = splitCellRef(ref);
    const at = parseA1(address);
    const s = sheets.get(sheet);
    const value = s && at ? s.values[at.row - s.origin.row]?.[at.col - s.origin.col] : null;
    return { ref, value: valueText(value) };
  });
}

/** 16 hex digits (FNV-1a, 64 bits) of the values in order. */
export function valuesFingerprint(values: readonly CoveredValue[]): string {
  return fnv1a64(values.map((v) => `${v.ref}\u0001${v.value}`).join('\u0002'));
}

/** 16 hex digits of the finding's cell list: the part of an explanation's key that says which check it answers. */
export function cellsKey(cells: readonly string[]): string {
  return fnv1a64(cells.join('\u0002'));
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a over the UTF-8 bytes: not a security measure, a change detector that is the same in Node and in a browser. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
