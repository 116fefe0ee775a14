import type { Amount, EconomicItem, Table06 } from '../tables/model';
import type { Grid } from '../workbook/grid';
import { ReadContext, truncate, type TableLocation } from './context';
import { findEmptyStatement, headerPaths, scanBody, splitHeader } from './layout';
import { buildMeta } from './meta';

/**
 * 公开06表: 经济分类 科目 in two or three side-by-side groups of (科目代码 | 科目名称 | 决算数), then a line
 * "人员经费合计 … 公用经费合计 …" (domain.md §1.2).
 */
const ECON_CODE = /^(3\d{2}|3\d{4})$/;
const PERSONNEL_TOTAL = /人员经费(合计|小计)?$/;
const PUBLIC_TOTAL = /公用经费(合计|小计)?$/;

function econCode(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return grid.text(row, col);
}

export function readTable06(ctx: ReadContext, loc: TableLocation): { table?: Table06; mismatch?: string } {
  const { grid } = loc;
  const isBody = (r: number) => grid.rowTexts(r).some(([c]) => ECON_CODE.test(econCode(grid, r, c)));
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, isBody);
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const body = scanBody(grid, layout.bodyStart, loc.endRow);

  // Groups start at each 代码 column; without headers, at each column holding economic codes.
  let codeCols = [...paths].filter(([, p]) => /代码|编码/.test(p.at(-1) ?? '')).map(([c]) => c);
  if (codeCols.length === 0) {
    const hits = new Map<number, number>();
    for (const r of body.rows)
      for (const [c] of grid.rowTexts(r)) if (ECON_CODE.test(econCode(grid, r, c))) hits.set(c, (hits.get(c) ?? 0) + 1);
    codeCols = [...hits].filter(([, n]) => n >= 2).map(([c]) => c);
  }
  if (codeCols.length === 0) return { mismatch: '未找到经济分类科目代码栏' };
  codeCols.sort((a, b) => a - b);
  const groups = codeCols.map((codeCol, i) => {
    const next = codeCols[i + 1] ?? grid.right + 1;
    const cols = [];
    for (let c = codeCol + 1; c < next; c++) cols.push(c);
    const nameCol = cols.find((c) => /名称/.test((paths.get(c) ?? []).join('/'))) ?? cols[0];
    const amountCol =
      cols.find((c) => /决算数|金额|合计|支出/.test((paths.get(c) ?? []).at(-1) ?? '')) ?? cols.find((c) => c !== nameCol);
    return { codeCol, nameCol, amountCol };
  });

  const items: EconomicItem[] = [];
  const unlabeled: Amount[] = [];
  let personnelTotal: Amount | undefined;
  let publicTotal: Amount | undefined;
  const totalAfter = (row: number, col: number): Amount => {
    const group = groups.find((g) => g.amountCol !== undefined && g.amountCol > col);
    for (let c = col + 1; c <= Math.min(grid.right, col + 3); c++) if (ctx.isNumeric(row, c)) return ctx.amount(row, c);
    return ctx.amount(row, group?.amountCol ?? col + 1);
  };
  for (const row of body.rows) {
    for (const [c, t] of grid.rowTexts(row)) {
      if (PERSONNEL_TOTAL.test(t) && !personnelTotal) personnelTotal = totalAfter(row, c);
      else if (PUBLIC_TOTAL.test(t) && !publicTotal) publicTotal = totalAfter(row, c);
    }
    const isTotalsRow = grid.rowTexts(row).some(([, t]) => PERSONNEL_TOTAL.test(t) || PUBLIC_TOTAL.test(t));
    if (isTotalsRow) continue;
    for (const g of groups) {
      if (g.amountCol === undefined) continue;
      const code = econCode(grid, row, g.codeCol);
      const name = g.nameCol !== undefined ? String(grid.value(row, g.nameCol) ?? '').trim() : '';
      if (!code && !name) {
        const amount = ctx.amount(row, g.amountCol);
        if (!amount.blank) {
          unlabeled.push(amount);
          ctx.error(
            'read-amount-without-subject',
            `单元格 ${amount.cell} 有金额 ${amount.value.toFixed(2)}，但同一行没有科目代码和名称，无法归入经济分类科目；请补上科目。`,
            [amount.cell, grid.ref(row, g.codeCol)],
          );
        }
        continue;
      }
      if (!ECON_CODE.test(code)) {
        if (code || !ctx.amount(row, g.amountCol).blank)
          ctx.error(
            'read-subject-code-invalid',
            `单元格 ${grid.ref(row, g.codeCol)} 的经济分类科目代码“${truncate(code || name)}”不是 3 位（类）或 5 位（款）数字。`,
            [grid.ref(row, g.codeCol)],
          );
        continue;
      }
      items.push({
        code,
        name: name.replace(/\s+/g, ''),
        level: code.length === 3 ? '类' : '款',
        amount: ctx.amount(row, g.amountCol, name),
        codeCell: grid.ref(row, g.codeCol),
        nameCell: g.nameCol !== undefined ? grid.ref(row, g.nameCol) : undefined,
      });
    }
  }
  const meta = buildMeta(loc, layout, body.lastRow, findEmptyStatement(grid, body.notes));
  return { table: { meta, items, personnelTotal, publicTotal, unlabeled, groups: groups.length } };
}
