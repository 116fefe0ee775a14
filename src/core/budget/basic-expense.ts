import type { Amount } from '../tables/model';
import { isLabelLike, parseAmount } from '../read/amount';
import { codeText } from '../read/columns';
import { headerPaths, scanBody, splitHeader } from '../read/layout';
import { stripNumbering } from '../util/text';
import type { BudgetTableContext } from './context';
import { isOtherYearColumn } from './columns';
import { mismatchOf, reportMismatches } from './checks';
import type { BudgetFigures } from './types';

/**
 * 一般公共预算基本支出表: lines by 经济分类 (301 工资福利支出 …, or by 功能分类 in some regions) with columns 合计 |
 * 人员经费 | 公用经费, and a 合计 row — the figures wanted are that row's. A table printed like 公开06表 (groups
 * of code | name | amount, then “人员经费合计 … 公用经费合计”) gives them as labelled cells instead.
 */
export interface BasicRead {
  basic?: NonNullable<BudgetFigures['basic']>;
  mismatch?: string;
}

const PERSONNEL = /人员经费/;
const PUBLIC_USE = /公用经费/;
const TOTAL = /合计|总计|小计|基本支出$/;
const TOTAL_ROW = /^(合计|总计|基本支出合计)$/;
const PERSONNEL_LINE = /^人员经费(合计|小计)?$/;
const PUBLIC_LINE = /^(日常)?公用经费(合计|小计)?$/;

export function readBasicExpense(ctx: BudgetTableContext, year: number | undefined): BasicRead {
  const { grid } = ctx;
  // The body starts with a code or the 合计 row in the first cell (a header row has 合计 among other words).
  const isBody = (r: number) => {
    const [first] = grid.rowTexts(r);
    return first !== undefined && (TOTAL_ROW.test(first[1]) || /^[23]\d{2}(\d{2}){0,2}$/.test(codeText(grid, r, first[0])));
  };
  const layout = splitHeader(grid, ctx.at.titleRow, ctx.at.endRow, isBody);
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const body = scanBody(grid, layout.bodyStart, ctx.at.endRow);
  const column = (re: RegExp) =>
    [...paths].find(([, p]) => {
      const joined = p.join('/');
      return re.test(p[p.length - 1] ?? '') && !isOtherYearColumn(joined, year);
    })?.[0];
  const personnelCol = column(PERSONNEL);
  const publicCol = column(PUBLIC_USE);
  const totalCol = column(TOTAL);
  const read = (row: number, col: number | undefined, what: string) => (col === undefined ? undefined : ctx.read.amount(row, col, what));

  let personnel: Amount | undefined;
  let publicUse: Amount | undefined;
  let total: Amount | undefined;
  if (personnelCol !== undefined && publicCol !== undefined) {
    const totalRow = body.rows.find((r) => grid.rowTexts(r, grid.left, Math.min(personnelCol, publicCol) - 1).some(([, t]) => TOTAL_ROW.test(stripNumbering(t))));
    if (totalRow === undefined) return { mismatch: '表中没有“合计”行' };
    personnel = read(totalRow, personnelCol, '人员经费');
    publicUse = read(totalRow, publicCol, '公用经费');
    total = totalCol !== undefined && totalCol !== personnelCol && totalCol !== publicCol ? read(totalRow, totalCol, '合计') : undefined;
  } else {
    // Labelled lines: “人员经费合计 | 299.48”, wherever they stand in the body.
    for (const row of body.rows) {
      for (const [col, text] of grid.rowTexts(row)) {
        const label = stripNumbering(text);
        const next = grid.rowTexts(row, col + 1).find(([c]) => parseAmount(grid.value(row, c)).kind === 'number')?.[0];
        if (next === undefined || !isLabelLike(parseAmount(grid.value(row, col)))) continue;
        if (PERSONNEL_LINE.test(label)) personnel ??= ctx.read.amount(row, next, label);
        else if (PUBLIC_LINE.test(label)) publicUse ??= ctx.read.amount(row, next, label);
        else if (TOTAL_ROW.test(label) && /基本支出/.test(label)) total ??= ctx.read.amount(row, next, label);
      }
    }
    if (!personnel && !publicUse) return { mismatch: '表头和表中都没有“人员经费”“公用经费”' };
  }
  if (total) reportMismatches(ctx, [mismatchOf('合计与人员经费、公用经费之和', total, [personnel, publicUse])].filter((m) => m !== undefined));
  return {
    basic: {
      ...(personnel ? { personnel: ctx.figure(personnel) } : {}),
      ...(publicUse ? { publicUse: ctx.figure(publicUse) } : {}),
      ...(total ? { total: ctx.figure(total) } : {}),
    },
  };
}
