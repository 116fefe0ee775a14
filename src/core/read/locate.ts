import type { Grid } from '../workbook/grid';
import type { TableCode } from '../tables/codes';
import { classifyTitle } from './title';
import { normalizeLabel } from '../util/text';
import type { TableLocation } from './context';

/**
 * Every cell that reads like the title of one of the nine tables, on any sheet, in any order, several per
 * sheet. A candidate's rows end where the next title on its sheet begins. A 目录 line is a candidate too:
 * the table readers reject it because no header follows.
 */
export function findTitleCandidates(grids: Grid[]): TableLocation[] {
  return findTitles(grids, classifyTitle);
}

/** A title cell found by `findTitles`, classified by the caller's own vocabulary (决算 tables, 预算 tables). */
export interface TitleAt<C> {
  code: C;
  grid: Grid;
  title: string;
  titleRow: number;
  titleCol: number;
  /** The row before the next title on the sheet (or the sheet's last row). */
  endRow: number;
}

/**
 * Every cell that `classify` names as a table title, first per row; each title's rows end where the next
 * classified title on its sheet begins. Shared by the 决算 reader and the 部门预算 reader (src/core/budget).
 */
export function findTitles<C>(grids: Grid[], classify: (label: string) => C | undefined): Array<TitleAt<C>> {
  const out: Array<TitleAt<C>> = [];
  for (const grid of grids) {
    const found: Array<{ code: C; row: number; col: number; title: string }> = [];
    for (const r of grid.rowsBetween(grid.top, grid.bottom)) {
      for (const [c, t] of grid.rowTexts(r)) {
        const raw = grid.value(r, c);
        if (typeof raw !== 'string' || !raw.includes('表')) continue;
        const code = classify(t);
        if (code !== undefined) {
          found.push({ code, row: r, col: c, title: t });
          break;
        }
      }
    }
    found.forEach((f, i) => {
      const next = found[i + 1];
      out.push({ code: f.code, grid, title: f.title, titleRow: f.row, titleCol: f.col, endRow: next ? next.row - 1 : grid.bottom });
    });
  }
  return out;
}

/** Sheets named after a table ("收入决算表") whose title row is missing: the table starts at the top. */
export function sheetNameCandidates(grids: Grid[], code: TableCode): TableLocation[] {
  return grids
    .filter((g) => classifyTitle(normalizeLabel(g.name)) === code)
    .map((grid) => ({ code, grid, title: grid.name, titleRow: grid.top - 1, titleCol: grid.left, endRow: grid.bottom, titleFromSheetName: true }));
}
