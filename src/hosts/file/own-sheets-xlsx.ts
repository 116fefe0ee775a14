/**
 * Writing our sheets (审核说明, 审核结果) into a copy of an .xlsx: each one added last or, when the workbook has
 * one of ours of that name, replaced whole. A sheet of that name that is not ours (its A1 does not name the
 * add-in) and holds anything is never written over. The rest of the file is left exactly as it was
 * (xlsx-package/package.ts): no value, format, chart or print setting of the user's is rewritten.
 *
 * Browser-safe (jszip only): the CLI and the standalone page share it.
 */
import type { OwnSheet } from '../../core/explain/own-sheets';
import { canWriteOwnSheet } from '../../core/explain/own-sheets-write';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { PackageError, XlsxPackage } from './xlsx-package/package';
import { worksheetXml } from './xlsx-package/sheet-xml';
import { UNSTYLED, ensureStyles } from './xlsx-package/styles';
import { errorText } from '../../core/util/error-text';

export type OwnSheetsWrite = { ok: true; bytes: Uint8Array; created: string[]; replaced: string[] } | { ok: false; message: string };

/**
 * `snapshot`: the same file as read (snapshotFromXlsx), which says whether a sheet of that name is ours.
 * Never throws: a file that cannot be written to is a message.
 */
export async function writeOwnSheets(bytes: Uint8Array, snapshot: WorkbookSnapshot, sheets: readonly OwnSheet[]): Promise<OwnSheetsWrite> {
  for (const sheet of sheets) {
    const allowed = canWriteOwnSheet(snapshot, sheet.kind);
    if (!allowed.ok) return allowed;
  }
  try {
    const pkg = await XlsxPackage.open(bytes);
    const stylesPath = pkg.stylesPart();
    const styled = stylesPath ? ensureStyles(await pkg.part(stylesPath)) : undefined;
    if (styled && stylesPath) pkg.setPart(stylesPath, styled.xml);
    const ids = styled?.ids ?? UNSTYLED;
    const created: string[] = [];
    const replaced: string[] = [];
    for (const sheet of sheets) {
      const isNew = pkg.setSheet(sheet.name, worksheetXml(sheet, ids, pkg.namespaces()));
      (isNew ? created : replaced).push(sheet.name);
    }
    return { ok: true, bytes: await pkg.bytes(), created, replaced };
  } catch (error) {
    const why = error instanceof PackageError ? error.message : `写入时出错：${errorText(error)}`;
    return { ok: false, message: `无法在工作簿副本中写入${sheets.map((s) => `“${s.name}”`).join('、')}工作表：${why}。原文件未改动。` };
  }
}
