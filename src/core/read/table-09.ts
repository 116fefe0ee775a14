import type { Amount, Item09, Table09 } from '../tables/model';
import { ReadContext, type TableLocation } from './context';
import { headerPaths, isSerialRow, scanBody, splitHeader, findEmptyStatement } from './layout';
import { buildMeta } from './meta';
import { isLabelLike, parseAmount } from './amount';

/**
 * 公开09表: 预算数 and 决算数 of each 三公 item, either as two blocks (Hunan: 1–6 | 7–12) or as
 * interleaved pairs per item (Shanghai). A column is known by its block word and its item word.
 */
function itemOf(path: string[]): Item09 | undefined {
  // From the leaf up: "公务用车购置及运行维护费/小计" is the subtotal, "…/公务用车购置费" the purchase.
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (/^(预算数?|决算数?|预算|决算|金额)$/.test(p)) continue;
    if (/购置/.test(p) && /运行/.test(p)) return 'vehicleTotal';
    if (/^小计$/.test(p)) return 'vehicleTotal';
    if (/购置/.test(p)) return 'vehiclePurchase';
    if (/运行|运维/.test(p)) return 'vehicleOperation';
    if (/出国|出境/.test(p)) return 'abroad';
    if (/接待/.test(p)) return 'reception';
    if (/合计|总计/.test(p)) return 'total';
  }
  return undefined;
}

function blockOf(path: string[]): 'budget' | 'actual' | undefined {
  const joined = path.join('/');
  if (/决算/.test(joined.replace(/决算表/g, ''))) return 'actual';
  if (/预算/.test(joined)) return 'budget';
  return undefined;
}

export function readTable09(ctx: ReadContext, loc: TableLocation): { table?: Table09; mismatch?: string } {
  const { grid } = loc;
  // The data row: amounts only (a leading label such as "金额" allowed), not the bare 栏次 numbers.
  const isBody = (r: number) => {
    if (isSerialRow(grid, r)) return false;
    const parsed = grid.rowTexts(r).map(([c]) => parseAmount(grid.value(r, c)));
    return parsed.some((p) => p.kind === 'number') && parsed.slice(1).every((p) => !isLabelLike(p));
  };
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, isBody);
  if (layout.headerRows.length === 0) return { mismatch: '标题下未找到表头' };
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const columns: Array<{ col: number; block: 'budget' | 'actual'; item: Item09 }> = [];
  for (const [col, path] of paths) {
    const block = blockOf(path);
    const item = itemOf(path);
    if (block && item && !columns.some((c) => c.block === block && c.item === item)) columns.push({ col, block, item });
  }
  if (!columns.some((c) => c.block === 'actual')) return { mismatch: '表头中未找到“决算数”栏' };
  const body = scanBody(grid, layout.bodyStart, loc.endRow);
  const dataRow = body.rows.find((r) => columns.some((c) => ctx.isNumeric(r, c.col))) ?? layout.bodyStart;
  const budget: Partial<Record<Item09, Amount>> = {};
  const actual: Partial<Record<Item09, Amount>> = {};
  for (const c of columns) (c.block === 'budget' ? budget : actual)[c.item] = ctx.amount(dataRow, c.col, () => (paths.get(c.col) ?? []).join('/'));
  const meta = buildMeta(loc, layout, Math.max(body.lastRow, dataRow), findEmptyStatement(grid, body.notes));
  return { table: { meta, budget, actual } };
}
