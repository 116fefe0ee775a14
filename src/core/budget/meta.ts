import type { Grid } from '../workbook/grid';
import type { TitleAt } from '../read/locate';
import { readMetaText } from '../read/layout';
import { isPlaceholderName } from '../read/department-name';
import type { BudgetTitleKind } from './title';

/**
 * The budget year and the department, from what the workbook prints: table titles (“2024年一般公共预算支出表”),
 * cover and heading lines (“株洲市XX中心2024年部门预算”) and 部门/单位 lines under the titles. The most frequent
 * reading wins; every year seen is returned so that a table of another year can be reported.
 */
export interface BudgetMeta {
  year?: number;
  /** Every year printed in a table title, with the titles' cells. */
  titleYears: Map<number, string[]>;
  department?: string;
}

/** A heading naming the budget: “2024年部门预算”, “XX局2024年度单位预算公开”, “2024年XX局部门预算”. */
const BUDGET_HEADING = /^(.*?)(\d{4})年度?(.*?)(部门|单位)预算/;
const YEAR_IN_TITLE = /(\d{4})年度?/;
const TABLE_NUMBER = /^(表[一二三四五六七八九十\d]{1,2}|附表\d{1,2}|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}[、.．])\s*/;

export function readBudgetMeta(grids: Grid[], titles: Array<TitleAt<BudgetTitleKind>>, read: Array<TitleAt<BudgetTitleKind>>): BudgetMeta {
  const years = new Map<number, number>();
  const titleYears = new Map<number, string[]>();
  const names = new Map<string, number>();
  const vote = <K>(m: Map<K, number>, k: K, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  for (const t of read) {
    const y = YEAR_IN_TITLE.exec(t.title);
    if (y) {
      // The 一般公共预算支出表 is the table the 情况说明 reads most from: its year breaks a tie.
      vote(years, Number(y[1]), t.code === 'gpb-expense' ? 3 : 2);
      titleYears.set(Number(y[1]), [...(titleYears.get(Number(y[1])) ?? []), t.grid.ref(t.titleRow, t.titleCol)]);
    }
    const meta = readMetaText(t.grid, t.titleRow, t.grid.rowsBetween(t.titleRow + 1, Math.min(t.endRow, t.titleRow + 4)));
    if (meta.department && !isPlaceholderName(meta.department.name)) vote(names, meta.department.name, 2);
  }
  // Headings: the first rows of every sheet and the rows just above each title.
  const headingRows = new Set<string>();
  for (const g of grids) for (const r of g.rowsBetween(g.top, Math.min(g.bottom, g.top + 4))) headingRows.add(`${g.name}\u0000${r}`);
  for (const t of titles) for (let r = Math.max(t.grid.top, t.titleRow - 2); r <= t.titleRow; r++) headingRows.add(`${t.grid.name}\u0000${r}`);
  const byName = new Map(grids.map((g) => [g.name, g]));
  for (const key of headingRows) {
    const [sheet, row] = key.split('\u0000');
    const grid = byName.get(sheet);
    if (!grid) continue;
    for (const [, text] of grid.rowTexts(Number(row))) {
      const m = BUDGET_HEADING.exec(text);
      if (!m || /决算/.test(text)) continue;
      vote(years, Number(m[2]));
      const name = (m[1].replace(TABLE_NUMBER, '') || m[3]).trim();
      if (name.length >= 2 && !isPlaceholderName(name)) vote(names, name);
    }
  }
  const best = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { year: best(years), titleYears, department: best(names) };
}
