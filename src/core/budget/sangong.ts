import Decimal from 'decimal.js';
import type { Amount, Item09 } from '../tables/model';
import { isLabelLike, parseAmount } from '../read/amount';
import { headerPaths, isSerialRow, scanBody, splitHeader } from '../read/layout';
import { itemOf, rowItemOf } from '../read/table-09';
import { truncate } from '../read/context';
import type { BudgetTableContext } from './context';
import { isOtherYearColumn, isThisYearColumn } from './columns';
import { mismatchOf, reportMismatches } from './checks';
import type { BudgetFigure, BudgetSangong } from './types';

/**
 * 一般公共预算“三公”经费支出表: the 三公 total and its items, printed across a row (合计 | 因公出国（境）费 |
 * 公务用车购置及运行费 {小计 | 购置费 | 运行费} | 公务接待费, one data row) or down a column (项目 | 预算数, one line
 * per item, “其中：” lines for the two vehicle parts). Items are known by the words of 公开09表's reader
 * (src/core/read/table-09.ts). Last year's column, an 增减 column or a 决算数 printed beside are not read.
 */
export interface SangongRead {
  sangong?: BudgetSangong;
  mismatch?: string;
}

type Found = Partial<Record<Item09, Amount>>;

/** The other fund sources a 三公 table may print beside 一般公共预算. */
const FUND_OTHER = /政府性基金|国有资本/;

/** A cell that says there is no figure (“单位不需填列”, “无”): the item is not budgeted here, not misprinted. */
const NO_FIGURE = /不需填列|不填列|不涉及|^无$/;

export function readSangong(ctx: BudgetTableContext, year: number | undefined): SangongRead {
  const found = readDown(ctx, year) ?? readAcross(ctx, year);
  if (!found || Object.keys(found).length === 0) {
    const nil = nilTable(ctx);
    return nil ? { sangong: nil } : { mismatch: '未找到因公出国（境）费、公务用车购置及运行费、公务接待费各栏或各行' };
  }
  // A subtotal left blank over printed parts (徐闻 2017: 公务用车购置及运行维护支出 blank, 运行维护费 3.60) is
  // not a budget of 0: it is given as the sum of its parts, like a subtotal not printed at all.
  const printed = (a: Amount | undefined) => a !== undefined && !a.blank;
  if (found.vehicleTotal?.blank && (printed(found.vehiclePurchase) || printed(found.vehicleOperation))) delete found.vehicleTotal;
  if (found.total?.blank && [found.abroad, found.vehicleTotal, found.vehiclePurchase, found.vehicleOperation, found.reception].some(printed)) delete found.total;
  reportMismatches(
    ctx,
    [
      mismatchOf('合计与因公出国（境）费、公务用车购置及运行费、公务接待费之和', found.total, [found.abroad, found.vehicleTotal ?? found.vehiclePurchase, found.vehicleTotal ? undefined : found.vehicleOperation, found.reception]),
      mismatchOf('公务用车购置及运行费与购置费、运行费之和', found.vehicleTotal, [found.vehiclePurchase, found.vehicleOperation]),
    ].filter((m) => m !== undefined),
  );
  const fig = (a: Amount | undefined) => (a ? ctx.figure(a) : undefined);
  const vehicleParts = found.vehicleTotal ? [found.vehicleTotal] : [found.vehiclePurchase, found.vehicleOperation];
  const out: BudgetSangong = {};
  const put = (key: keyof BudgetSangong, f: BudgetFigure | undefined) => f && (out[key] = f);
  put('total', fig(found.total) ?? derived(ctx, [found.abroad, ...vehicleParts, found.reception]));
  put('abroad', fig(found.abroad));
  put('vehicle', fig(found.vehicleTotal) ?? derived(ctx, vehicleParts));
  put('purchase', fig(found.vehiclePurchase));
  put('operation', fig(found.vehicleOperation));
  put('reception', fig(found.reception));
  return { sangong: out };
}

/**
 * A figure the table does not print but its parts give (公务用车购置及运行费 printed only as its two parts): the
 * sum, with the cells it comes from. Only when every part is printed.
 */
function derived(ctx: BudgetTableContext, parts: Array<Amount | undefined>): BudgetFigure | undefined {
  if (parts.length < 2 || parts.some((p) => p === undefined)) return undefined;
  const amounts = parts as Amount[];
  const sum = amounts.reduce((acc, a) => acc.plus(a.value), new Decimal(0));
  const cells = amounts.map((a) => a.cell);
  return { ...ctx.figure({ value: sum, cell: cells[0], blank: false }), from: cells };
}

/**
 * A row's item by 公开09表's words; budget tables also drop the 费: “公务用车购置” (B1), “公务用车购置及运行” (B7).
 */
function rowItem(label: string): Item09 | undefined {
  return rowItemOf(/公务用车(购置|运行|运行维护|购置及运行|购置及运行维护)$/.test(label) ? `${label}费` : label);
}

/** A statement that the unit has no 三公 budget: “本单位无“三公”经费”, “无三公经费预算”, “未安排“三公”经费”. */
const NIL_STATEMENT = /(无|未安排|没有|不涉及|未列支?).{0,6}三公|三公.{0,12}(为零|为0|0元|0万元|无|未安排)/;

/**
 * A 三公 table with no figure in it — a statement “本单位无“三公”经费” under the title, or the header with an
 * empty data row — is a budget of 0 for every item, not a table missing: the zeros point at the statement (or
 * the title) and one note says how they were read. Only when the table says what it is (the statement, or at
 * least two items named in its header), so that a 目录 line or a stray title is not taken for it.
 */
function nilTable(ctx: BudgetTableContext): BudgetSangong | undefined {
  const { grid, at } = ctx;
  const rows = grid.rowsBetween(at.titleRow + 1, at.endRow).filter((r) => !isSerialRow(grid, r));
  let statement: { cell: string; text: string } | undefined;
  const items = new Set<Item09>();
  for (const r of rows)
    for (const [c, text] of grid.rowTexts(r)) {
      const parsed = parseAmount(grid.value(r, c));
      if (parsed.kind === 'number' && !parsed.value.isZero()) return undefined;
      if (!isLabelLike(parsed)) continue;
      if (NIL_STATEMENT.test(text.replace(/[“”"]/g, ''))) statement ??= { cell: grid.ref(r, c), text };
      const item = itemOf([text]);
      if (item && item !== 'total') items.add(item);
    }
  if (!statement && items.size < 2) return undefined;
  const cell = statement?.cell ?? grid.ref(at.titleRow, at.titleCol);
  const zero = (): BudgetFigure => ({ value: new Decimal(0), cell });
  ctx.read.findings.push({
    rule: 'budget-sangong-nil',
    severity: 'info',
    message: `${ctx.label}未列任何金额${statement ? `（${cell.split('!').pop()}：“${truncate(statement.text, 30)}”）` : ''}，“三公”经费各项预算数按 0 读取。`,
    cells: [cell],
  });
  return { total: zero(), abroad: zero(), vehicle: zero(), purchase: zero(), operation: zero(), reception: zero() };
}

/** Items down a column: the amount column is this year's budget (本年, the budget year, or the first one). */
function readDown(ctx: BudgetTableContext, year: number | undefined): Found | undefined {
  const { grid } = ctx;
  // A row whose first cell names one item (a header row naming several is the across layout's header; a
  // “小计” under a 预算数 header is a column's name).
  const itemLabel = (r: number) => {
    const texts = grid.rowTexts(r);
    const labels = texts.filter(([c, t]) => isLabelLike(parseAmount(grid.value(r, c))) && rowItem(t) !== undefined);
    return labels.length === 1 && labels[0][0] === texts[0][0] ? labels[0] : undefined;
  };
  // The items' labels stand in one column, the leftmost that names items.
  const all = grid.rowsBetween(ctx.at.titleRow + 1, ctx.at.endRow).filter((r) => itemLabel(r) !== undefined);
  if (all.length === 0) return undefined;
  const labelCol = Math.min(...all.map((r) => itemLabel(r)![0]));
  const isItemRow = (r: number) => itemLabel(r)?.[0] === labelCol;
  const layout = splitHeader(grid, ctx.at.titleRow, ctx.at.endRow, isItemRow);
  const rows = scanBody(grid, layout.bodyStart, ctx.at.endRow).rows.filter(isItemRow);
  if (new Set(rows.map((r) => rowItem(itemLabel(r)![1]))).size < 2) return undefined;
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const candidates = [...paths]
    .filter(([c, p]) => c > labelCol && !isOtherYearColumn(p.join('/'), year) && !/其中|^(行次|栏次|序号)$/.test(p[p.length - 1] ?? ''))
    .filter(([c]) => rows.some((r) => parseAmount(grid.value(r, c)).kind === 'number' || NO_FIGURE.test(grid.text(r, c))))
    .map(([c, p]) => ({ col: c, header: p.join('/') }));
  // Columns by fund source (合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算, B8): the 一般公共预算 one is what
  // the 决算's 一般公共预算财政拨款“三公” table compares with.
  const byFund = candidates.some((c) => FUND_OTHER.test(c.header));
  const chosen =
    (byFund ? candidates.find((c) => /一般公共预算/.test(c.header) && !FUND_OTHER.test(c.header)) : undefined) ??
    candidates.find((c) => isThisYearColumn(c.header, year)) ??
    candidates[0];
  if (!chosen) return {};
  const found: Found = {};
  for (const r of rows) {
    const [, label] = itemLabel(r)!;
    const item = rowItem(label)!;
    if (found[item] || NO_FIGURE.test(grid.text(r, chosen.col))) continue;
    found[item] = ctx.read.amount(r, chosen.col, label);
  }
  return found;
}

/** Items across a row: each column's item from its header; the data row is the first row of figures under it. */
function readAcross(ctx: BudgetTableContext, year: number | undefined): Found | undefined {
  const { grid } = ctx;
  const isData = (r: number) => {
    if (isSerialRow(grid, r)) return false;
    const parsed = grid.rowTexts(r).map(([c]) => parseAmount(grid.value(r, c)));
    return parsed.some((p) => p.kind === 'number') && parsed.slice(1).every((p) => !isLabelLike(p));
  };
  const layout = splitHeader(grid, ctx.at.titleRow, ctx.at.endRow, isData);
  if (layout.headerRows.length === 0) return undefined;
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const columns = new Map<Item09, number>();
  for (const [col, path] of paths) {
    const item = itemOf(path);
    if (!item || isOtherYearColumn(path.join('/'), year)) continue;
    const header = path.join('/');
    const preferred = isThisYearColumn(header, year);
    if (!columns.has(item) || preferred) columns.set(item, col);
  }
  if (columns.size === 0) return undefined;
  const dataRow = scanBody(grid, layout.bodyStart, ctx.at.endRow).rows.find((r) => [...columns.values()].some((c) => parseAmount(grid.value(r, c)).kind === 'number'));
  if (dataRow === undefined) return undefined;
  const found: Found = {};
  for (const [item, col] of columns) if (!NO_FIGURE.test(grid.text(dataRow, col))) found[item] = ctx.read.amount(dataRow, col, () => (paths.get(col) ?? []).join('/'));
  return found;
}
