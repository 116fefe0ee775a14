import { a1 } from '../workbook/address';
import type { TableMeta } from '../tables/model';
import type { TableLocation } from './context';
import { readMetaText, type HeaderLayout } from './layout';

/** The table's identity: title, where it sits, 部门/单位/year, layout family. */
export function buildMeta(
  loc: TableLocation,
  layout: HeaderLayout,
  lastRow: number,
  emptyStatement?: { text: string; cell: string },
): TableMeta {
  const { grid } = loc;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let hunan = layout.serialRow !== undefined;
  const firstRow = loc.titleFromSheetName ? loc.titleRow + 1 : loc.titleRow;
  for (const r of grid.rowsBetween(firstRow, lastRow)) {
    for (const [c, t] of grid.rowTexts(r)) {
      left = Math.min(left, c);
      right = Math.max(right, c);
      if (t === '行次' || t === '栏次') hunan = true;
    }
  }
  if (!Number.isFinite(left)) left = right = loc.titleCol;
  const text = readMetaText(grid, loc.titleRow, layout.metaRows);
  return {
    code: loc.code,
    title: loc.titleFromSheetName ? loc.title : String(grid.value(loc.titleRow, loc.titleCol) ?? '').trim(),
    titleCell: grid.ref(firstRow, loc.titleCol),
    sheet: grid.name,
    range: `${a1(firstRow, left)}:${a1(lastRow, right)}`,
    unit: text.unit,
    department: text.department,
    year: text.year,
    family: hunan ? 'hunan' : 'shanghai',
    emptyStatement,
  };
}
