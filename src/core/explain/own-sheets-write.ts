/**
 * What writers of our sheets need besides the format: whether a sheet of that name may be written, and how an
 * internal link is addressed. Not needed by a check (kept apart so that the pane loads it only to write).
 */
import type { WorkbookSnapshot, SheetSnapshot } from '../workbook/snapshot';
import { splitCellRef } from '../workbook/address';
import { OWN_SHEET_NAMES, type OwnSheetKind, ownSheetKind, sameSheetName } from './own-sheets';

/** A sheet with nothing in it: a write may take it over (a user's empty sheet of that name). */
export function isBlankSheet(sheet: SheetSnapshot): boolean {
  return sheet.values.every((row) => !row || row.every((v) => v === null || v === ''));
}

/**
 * Whether a sheet of that name may be written: absent, blank, or ours of that kind. Otherwise the reason, in
 * Chinese, why it is left alone.
 */
export function canWriteOwnSheet(snapshot: WorkbookSnapshot, kind: OwnSheetKind): { ok: true } | { ok: false; message: string } {
  const name = OWN_SHEET_NAMES[kind];
  const sheet = snapshot.sheets.find((s) => sameSheetName(s.name, name));
  if (!sheet || isBlankSheet(sheet) || ownSheetKind(sheet) === kind) return { ok: true };
  return { ok: false, message: foreignSheetMessage(name) };
}

export function foreignSheetMessage(name: string): string {
  return `工作簿中已有名为“${name}”的工作表，但它不是决算审核助手生成的（第一格不是“${name}（决算审核助手）”）。为避免覆盖其中的内容，未写入。请将该表改名后重试。`;
}

/** Where an internal link goes, as Excel writes it: `'公开06表'!C12` (the name always quoted, quotes doubled). */
export function linkTarget(ref: string): string {
  const { sheet, address } = splitCellRef(ref);
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
