import type { Amount, Item09, Table09 } from '../tables/model';
import type { Grid } from '../workbook/grid';
import { stripNumbering } from '../util/text';
import { ReadContext, type TableLocation } from './context';
import { headerPaths, isMetaRow, isSerialRow, scanBody, splitHeader, findEmptyStatement, type HeaderLayout } from './layout';
import { buildMeta } from './meta';
import { isLabelLike, parseAmount } from './amount';

/**
 * 公开09表: 预算数 and 决算数 of each 三公 item, laid out in one of three ways — two blocks of columns
 * (Hunan: 1–6 | 7–12), interleaved pairs of columns per item (Shanghai), or items as rows with a 预算数 and a
 * 决算数 column — or, where a region publishes no table of its own, a block of rows inside another table
 * (a 机构运行信息表). Columns and rows are known by their words, never by position.
 */
export function itemOf(path: string[]): Item09 | undefined {
  // From the leaf up: "公务用车购置及运行维护费/小计" is the subtotal, "…/公务用车购置费" the purchase.
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (/^(预算数?|决算数?|预算|决算|金额|统计数|实际数)$/.test(p)) continue;
    if (/购置/.test(p) && /运行/.test(p)) return 'vehicleTotal';
    if (/^小计$/.test(p)) return 'vehicleTotal';
    if (/购置/.test(p)) return 'vehiclePurchase';
    if (/运行|运维/.test(p)) return 'vehicleOperation';
    // “公务用车费” (budget tables of 2015–2016) is the vehicle subtotal.
    if (/^公务用车费$/.test(p)) return 'vehicleTotal';
    if (/出国|出境/.test(p)) return 'abroad';
    if (/接待/.test(p)) return 'reception';
    if (/合计|总计|三公/.test(p)) return 'total';
  }
  return undefined;
}

function blockOf(path: string[]): 'budget' | 'actual' | undefined {
  const joined = path.join('/');
  // Last year's figures are not this table's.
  if (/上年|去年|上一年/.test(joined)) return undefined;
  if (/决算|统计数|实际/.test(joined.replace(/决算表/g, ''))) return 'actual';
  if (/预算/.test(joined)) return 'budget';
  return undefined;
}

/** A row label that counts (团组, 人次, 批次, 辆) rather than spends. */
const COUNT_LABEL = /团组|人次|批次|辆|数量|人数|个数|次数|\(个\)|\(人\)|\(辆\)/;

/** The item a row label names: “（二）公务用车购置及运行维护费”, “其中：公务用车购置费”, “一、“三公”经费支出”. */
export function rowItemOf(label: string): Item09 | undefined {
  const text = stripNumbering(stripNumbering(label.replace(/^其中[:：]?/, '')).replace(/^其中[:：]?/, ''));
  if (!text || COUNT_LABEL.test(text) || text.length > 30) return undefined;
  if (!/费|经费|合计|小计|支出/.test(text)) return undefined;
  return itemOf([text]);
}

export function readTable09(ctx: ReadContext, loc: TableLocation): { table?: Table09; mismatch?: string } {
  if (loc.block) return readRows09(ctx, loc, loc.block.headerRows, loc.block.rows);
  const { grid } = loc;
  // The data row: amounts only (a leading label such as "金额" allowed), not the bare 栏次 numbers.
  const isColumnBody = (r: number) => {
    if (isSerialRow(grid, r)) return false;
    const parsed = grid.rowTexts(r).map(([c]) => parseAmount(grid.value(r, c)));
    return parsed.some((p) => p.kind === 'number') && parsed.slice(1).every((p) => !isLabelLike(p));
  };
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, isColumnBody);
  if (layout.headerRows.length === 0) return { mismatch: '标题下未找到表头' };
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const columns = placeColumns(ctx, grid, layout, paths);
  // Items as rows: the header names only 预算数 and 决算数.
  if (columns.filter((c) => c.block === 'actual').length < 2) {
    const rows = scanBody(grid, layout.bodyStart, loc.endRow).rows;
    if (rows.some((r) => grid.rowTexts(r).some(([, t]) => rowItemOf(t) !== undefined))) return readRows09(ctx, loc, layout.headerRows, rows, layout);
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

type Placed = { col: number; block: 'budget' | 'actual'; item: Item09 };
const ITEM_ORDER: Item09[] = ['total', 'abroad', 'vehicleTotal', 'vehiclePurchase', 'vehicleOperation', 'reception'];

/**
 * Each column's block (预算数/决算数) and item, from its header; where one header word is not recognised, from
 * the layout's symmetry: an item whose 决算数 column is known and whose other column has no block word is its
 * 预算数 (and the reverse), and a column of a known block between known items takes the item its position
 * gives, if the table's identities (合计 = Σ items, 小计 = 购置 + 运行) still hold. One finding per unread
 * header cell.
 */
function placeColumns(ctx: ReadContext, grid: Grid, layout: HeaderLayout, paths: Map<number, string[]>): Placed[] {
  const raw = [...paths].map(([col, path]) => ({ col, block: blockOf(path), item: itemOf(path) }));
  const inferred = new Set<number>();
  for (const c of raw) {
    if (c.block || !c.item) continue;
    const sameItem = raw.filter((x) => x.item === c.item && x.col !== c.col);
    const blocks = new Set(sameItem.map((x) => x.block).filter(Boolean));
    if (blocks.size === 1 && sameItem.filter((x) => !x.block).length === 0) {
      c.block = blocks.has('actual') ? 'budget' : 'actual';
      inferred.add(c.col);
    }
  }
  for (const block of ['budget', 'actual'] as const) {
    const inBlock = raw.filter((c) => c.block === block).sort((a, b) => a.col - b.col);
    const unknown = inBlock.filter((c) => !c.item);
    const missing = ITEM_ORDER.filter((i) => !inBlock.some((c) => c.item === i));
    if (unknown.length !== 1 || missing.length !== 1 || inBlock.length !== ITEM_ORDER.length) continue;
    unknown[0].item = inBlock.indexOf(unknown[0]) === ITEM_ORDER.indexOf(missing[0]) ? missing[0] : undefined;
    if (unknown[0].item) inferred.add(unknown[0].col);
  }
  const columns: Placed[] = [];
  for (const c of raw) if (c.block && c.item && !columns.some((x) => x.block === c.block && x.item === c.item)) columns.push(c as Placed);
  // One finding per header cell that was not understood (a merged 预算数 over six columns is one cell).
  const cells = new Map<string, { text: string; cols: number[] }>();
  for (const col of inferred) {
    if (!columns.some((c) => c.col === col)) continue;
    for (const row of layout.headerRows) {
      const text = grid.label(row, col);
      if (!text || blockOf([text]) || itemOf([text]) || /^(预算数?|决算数?)$/.test(text)) continue;
      const m = grid.mergeOf(row, col);
      const ref = m ? grid.ref(m.top, m.left) : grid.ref(row, col);
      cells.set(ref, { text, cols: [...(cells.get(ref)?.cols ?? []), col] });
      break;
    }
  }
  for (const [ref, { text, cols }] of cells) {
    const what = cols.map((col) => {
      const c = columns.find((x) => x.col === col)!;
      return `${c.block === 'budget' ? '预算数' : '决算数'}·${ITEM_NAMES[c.item]}`;
    });
    ctx.warn(
      'read-column-inferred',
      `表头单元格 ${ref.split('!').pop()}“${text}”不是本表的标准栏目名称，按表格的对称结构识别为${what.slice(0, 3).join('、')}${what.length > 3 ? ` 等 ${what.length} 栏` : ''}；请核对表头。`,
      [ref],
    );
  }
  return columns;
}

const ITEM_NAMES: Record<Item09, string> = {
  total: '合计',
  abroad: '因公出国（境）费',
  vehicleTotal: '公务用车购置及运行维护费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
};

/** Items as rows, with a 预算数 column and a 决算数 column (a table of its own, or a block in another table). */
function readRows09(ctx: ReadContext, loc: TableLocation, headerRows: number[], rows: number[], layout?: HeaderLayout): { table?: Table09; mismatch?: string } {
  const { grid } = loc;
  const paths = headerPaths(grid, headerRows, grid.left, grid.right);
  const budgetCol = [...paths].find(([, p]) => blockOf(p) === 'budget')?.[0];
  const actualCol = [...paths].find(([, p]) => blockOf(p) === 'actual')?.[0];
  if (actualCol === undefined) return { mismatch: '表头中未找到“决算数”栏' };
  const budget: Partial<Record<Item09, Amount>> = {};
  const actual: Partial<Record<Item09, Amount>> = {};
  let last = rows[0] ?? loc.titleRow;
  for (const row of rows) {
    const label = grid.rowTexts(row).find(([c, t]) => c < actualCol && isLabelLike(parseAmount(grid.value(row, c))) && t.length > 1)?.[1];
    const item = label ? rowItemOf(label) : undefined;
    if (!item || actual[item]) continue;
    actual[item] = ctx.amount(row, actualCol, () => `${label}（决算数）`);
    if (budgetCol !== undefined) budget[item] = ctx.amount(row, budgetCol, () => `${label}（预算数）`);
    last = row;
  }
  if (!actual.abroad && !actual.reception && !actual.vehicleTotal) return { mismatch: '未找到因公出国（境）费、公务用车购置及运行维护费、公务接待费各行' };
  // A block's own table: its unit and department lines sit between its title and its header.
  const metaRows = grid.rowsBetween(loc.titleRow + 1, (headerRows[0] ?? loc.titleRow) - 1);
  const header: HeaderLayout = layout ?? { metaRows, headerRows, bodyStart: rows[0] ?? loc.titleRow + 1 };
  const meta = buildMeta(loc, header, last);
  if (loc.block) {
    meta.title = `${meta.title}（“三公”经费部分）`;
    meta.range = `${grid.rangeRef(rows[0], grid.left, last, grid.right).split('!').pop()}`;
  }
  return { table: { meta, budget, actual } };
}

/**
 * Where no 三公 table was found: a block of rows inside another table whose first row names the 三公 total
 * (“一、“三公”经费支出”) and whose next rows name its items, under a header with 预算数/决算数 columns.
 */
export function findSangongBlocks(grids: Grid[]): TableLocation[] {
  const out: TableLocation[] = [];
  for (const grid of grids) {
    const rows = grid.rowsBetween(grid.top, grid.bottom);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const first = grid.rowTexts(r).find(([, t]) => /三公/.test(t));
      if (!first || rowItemOf(first[1]) !== 'total') continue;
      const block = [r];
      const seen = new Set<Item09>(['total']);
      for (let j = i + 1; j < rows.length && j <= i + 10; j++) {
        const label = grid.rowTexts(rows[j])[0]?.[1] ?? '';
        const item = rowItemOf(label);
        if (!item || seen.has(item)) {
          if (COUNT_LABEL.test(label) || !label) continue;
          break;
        }
        seen.add(item);
        block.push(rows[j]);
      }
      if (!seen.has('abroad') || !seen.has('reception')) continue;
      const headerRow = [...rows.slice(0, i)].reverse().find((h) => r - h <= 15 && grid.rowTexts(h).some(([, t]) => blockOf([t]) !== undefined));
      if (headerRow === undefined) continue;
      const above = rows.filter((h) => h < headerRow && headerRow - h <= 1 && !grid.rowIsEmpty(h) && !isMetaRow(grid, h));
      const titleRow = [...rows.slice(0, i)].reverse().find((h) => h < headerRow && grid.rowTexts(h).length === 1 && /表/.test(grid.rowTexts(h)[0][1])) ?? headerRow;
      const titleCol = grid.rowTexts(titleRow)[0]?.[0] ?? grid.left;
      out.push({
        code: '09',
        grid,
        title: grid.text(titleRow, titleCol),
        titleRow,
        titleCol,
        endRow: block[block.length - 1],
        block: { headerRows: [...above, headerRow], rows: block },
      });
      break;
    }
  }
  return out;
}
