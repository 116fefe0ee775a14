import type { Amount, EconomicItem, Table06 } from '../tables/model';
import type { Grid } from '../workbook/grid';
import { ReadContext, truncate, type TableLocation } from './context';
import { findEmptyStatement, headerPaths, scanBody, splitHeader } from './layout';
import { buildMeta } from './meta';
import { isLabelLike, parseAmount } from './amount';

/**
 * 公开06表: 经济分类 科目 in two or three side-by-side groups of (科目代码 | 科目名称 | 决算数), then a line
 * "人员经费合计 … 公用经费合计 …" (domain.md §1.2). The code may be one cell (30101) or split over two
 * columns (类 | 款 = 301 | 01, the 类 row's 款 cell blank).
 */
const ECON_CODE = /^(3\d{2}|3\d{4})$/;
const ECON_CLASS = /^3\d{2}$/;
const PART = /^\d{1,2}$/;
const PERSONNEL_TOTAL = /人员经费(合计|小计)?$/;
const PUBLIC_TOTAL = /公用经费(合计|小计)?$/;

function econCode(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return grid.text(row, col).replace(/[[\]]/g, '');
}

/** The 款 part of a split code: two digits, also when typed as the number 1. */
function partOf(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100) return String(v).padStart(2, '0');
  const t = grid.text(row, col);
  return PART.test(t) ? t.padStart(2, '0') : t;
}

interface Group {
  codeCol: number;
  /** The 款 column of a split code. */
  partCol?: number;
  nameCol?: number;
  amountCol?: number;
}

export function readTable06(ctx: ReadContext, loc: TableLocation): { table?: Table06; mismatch?: string } {
  const { grid } = loc;
  const isBody = (r: number) => grid.rowTexts(r).some(([c]) => ECON_CODE.test(econCode(grid, r, c)));
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, isBody);
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const body = scanBody(grid, layout.bodyStart, loc.endRow);
  const groups = findGroups(grid, paths, body.rows);
  if (groups.length === 0) return { mismatch: '未找到经济分类科目代码栏' };

  const items: EconomicItem[] = [];
  const unlabeled: Amount[] = [];
  const badCodes: Array<{ cell: string; text: string }> = [];
  let personnelTotal: Amount | undefined;
  let publicTotal: Amount | undefined;
  const totalAfter = (row: number, col: number): Amount => {
    const group = groups.find((g) => g.amountCol !== undefined && g.amountCol > col);
    for (let c = col + 1; c <= Math.min(grid.right, col + 3); c++) if (ctx.isNumeric(row, c)) return ctx.amount(row, c);
    return ctx.amount(row, group?.amountCol ?? col + 1);
  };
  for (const row of body.rows) {
    let isTotalsRow = false;
    for (const [c, t] of grid.rowTexts(row)) {
      if (PERSONNEL_TOTAL.test(t)) {
        isTotalsRow = true;
        personnelTotal ??= totalAfter(row, c);
      } else if (PUBLIC_TOTAL.test(t)) {
        isTotalsRow = true;
        publicTotal ??= totalAfter(row, c);
      }
    }
    if (isTotalsRow) continue;
    for (const g of groups) {
      if (g.amountCol === undefined) continue;
      const cls = econCode(grid, row, g.codeCol);
      const part = g.partCol !== undefined ? partOf(grid, row, g.partCol) : '';
      const code = ECON_CLASS.test(cls) && PART.test(part) ? cls + part : cls;
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
        if (code || !ctx.amount(row, g.amountCol).blank) badCodes.push({ cell: grid.ref(row, g.codeCol), text: code || name });
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
  if (badCodes.length > 0)
    ctx.error(
      'read-subject-code-invalid',
      badCodes.length === 1
        ? `单元格 ${badCodes[0].cell} 的经济分类科目代码“${truncate(badCodes[0].text)}”不是 3 位（类）或 5 位（款）数字。`
        : `${badCodes.length} 个经济分类科目代码不是 3 位（类）或 5 位（款）数字，如单元格 ${badCodes[0].cell}“${truncate(badCodes[0].text)}”。`,
      badCodes.map((b) => b.cell).slice(0, 40),
    );
  const meta = buildMeta(loc, layout, body.lastRow, findEmptyStatement(grid, body.notes));
  return { table: { meta, items, personnelTotal, publicTotal, unlabeled, groups: groups.length } };
}

/**
 * The column groups: each starts at a column of 经济分类 codes (by header 代码/编码 or by its cells), takes
 * the next column as the 款 part when it holds 1–2 digit parts, then its name and its amount column.
 */
function findGroups(grid: Grid, paths: Map<number, string[]>, rows: number[]): Group[] {
  const leaf = (c: number) => paths.get(c)?.[paths.get(c)!.length - 1] ?? '';
  const classHits = new Map<number, number>();
  const partHits = new Map<number, number>();
  for (const r of rows)
    for (const [c] of grid.rowTexts(r)) {
      const t = econCode(grid, r, c);
      if (ECON_CODE.test(t)) classHits.set(c, (classHits.get(c) ?? 0) + 1);
      else if (PART.test(t)) partHits.set(c, (partHits.get(c) ?? 0) + 1);
    }
  const headed = [...paths.keys()].filter((c) => /代码|编码/.test(leaf(c)) || /^类$/.test(leaf(c)));
  let starts = [...new Set([...headed, ...[...classHits].filter(([, n]) => n >= 2).map(([c]) => c)])].sort((a, b) => a - b);
  // A split code's 款 column may be headed 编码 too (a merged header over both): it continues the group.
  starts = starts.filter((c, i) => !(i > 0 && starts[i - 1] === c - 1 && (classHits.get(c) ?? 0) === 0));
  return starts.map((codeCol, i) => {
    const next = starts[i + 1] ?? grid.right + 1;
    const cols: number[] = [];
    for (let c = codeCol + 1; c < next; c++) cols.push(c);
    const partCandidate = cols[0];
    const isPart =
      partCandidate !== undefined &&
      ((partHits.get(partCandidate) ?? 0) >= 2 || /^款$/.test(leaf(partCandidate))) &&
      !/名称/.test((paths.get(partCandidate) ?? []).join('/'));
    const partCol = isPart ? partCandidate : undefined;
    const rest = cols.filter((c) => c !== partCol);
    const wordy = (c: number) => rows.filter((r) => isLabelLike(parseAmount(grid.value(r, c))) && !PERSONNEL_TOTAL.test(grid.text(r, c)) && !PUBLIC_TOTAL.test(grid.text(r, c))).length;
    const nameCol = rest.find((c) => /名称/.test((paths.get(c) ?? []).join('/'))) ?? rest.find((c) => wordy(c) > 0) ?? rest[0];
    const amountCol =
      rest.find((c) => c !== nameCol && /决算数|金额|合计|支出/.test(leaf(c)) && wordy(c) <= 1) ?? rest.find((c) => c !== nameCol && wordy(c) <= 1);
    return { codeCol, partCol, nameCol, amountCol };
  });
}
