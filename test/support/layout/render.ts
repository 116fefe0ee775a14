/**
 * renderLayout: a canonical book + switches (+ a seed for the remaining dice) → a WorkbookSnapshot as a host
 * would give it, with the logical key of every amount cell drawn. Deterministic: the same inputs give the same
 * workbook, and every random choice is drawn from a stream named after its purpose (see rng.ts).
 */
import type { TableCode } from '../../../src/core/tables/codes';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { a1, sheetSnapshot, type Block, type HeadCell, type HostStyle, type Placed } from './block';
import type { Book } from './canonical';
import { Ctx } from './context';
import { balanceBody, coverBlock, econDetailBody, tocBlock } from './extras';
import { framed, numberLabel } from './frame';
import { NOTES, TITLE_VARIANTS } from './labels';
import { statementBody } from './statement';
import { emptyStatement, subjectBody } from './subject';
import type { Switches } from './switches';
import { institutionBody, t09Body } from './t09';
import { t06Body } from './t06';

export interface Layout {
  book: Book;
  seed: number;
  switches: Switches;
  snapshot: WorkbookSnapshot;
  /** "Sheet!A1" → logical key of every amount cell drawn, blank ones included. */
  cellKeys: Map<string, string>;
  /** Keys drawn as 0.00 where the canonical amount is blank (the all-zero 合计 row of an empty table). */
  zeroKeys: Set<string>;
  /** Head cells of the public tables (for the mislabel property). */
  heads: HeadCell[];
  /** Where each table went, for failure messages: "09 → Sheet3!B40". */
  placements: string[];
  /**
   * Findings the layout itself calls for, by rule id: the reader must say how it read an unusual layout (the 三公
   * rows of another table stand in for 09: one info), and these may come in addition to the canonical findings.
   */
  announced: string[];
}

interface Item {
  /** The public table drawn, if any (the 机构运行信息表 holding 三公 rows counts as 09). */
  table?: TableCode;
  title: string;
  block: Block;
  /** Printed position 1…9 (numbered tables only). */
  printed?: number;
}

const HUNAN_ORDER: TableCode[] = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];
const SHANGHAI_ORDER: TableCode[] = ['01', '02', '03', '04', '05', '06', '09', '07', '08'];

function titleOf(ctx: Ctx, code: TableCode): string {
  const model = ctx.book.info[code].title;
  if (ctx.s.titleWords === 'model') return model;
  const others = TITLE_VARIANTS[code].filter((t) => t !== model);
  return others.length ? ctx.rng(`title:${code}`).pick(others) : model;
}

function publicItem(ctx: Ctx, code: TableCode, printed: number): Item {
  const info = ctx.book.info[code];
  if (code === '09' && ctx.s.t09 === 'in-other-table') {
    const title = '机构运行信息表';
    return { table: '09', title, block: framed(ctx, { table: '09', title, department: info.department, body: institutionBody(ctx, true), notes: [] }) };
  }
  let body: Block;
  let below: string | undefined;
  if (code === '01' || code === '04') body = statementBody(ctx, code);
  else if (code === '06') body = t06Body(ctx);
  else if (code === '09') body = t09Body(ctx);
  else body = subjectBody(ctx, code);
  if (code !== '01' && code !== '04' && code !== '06') below = emptyStatement(ctx, code).below;
  const title = titleOf(ctx, code);
  const block = framed(ctx, { table: code, title, department: info.department, printed, body, notes: NOTES[code], statementBelow: below });
  return { table: code, title, block, printed };
}

function extraItems(ctx: Ctx): Item[] {
  const { extras, t09 } = ctx.s;
  const make = (title: string, body: Block): Item => ({ title, block: framed(ctx, { title, department: ctx.book.unit, body, notes: [] }) });
  const out: Item[] = [];
  if (extras === 'econ-detail' || extras === 'all') out.push(make('一般公共预算财政拨款支出决算明细表', econDetailBody(ctx)));
  // With 09 drawn inside a 机构运行信息表 there is already one; a second would be a duplicate of the same table.
  if ((extras === 'institution' || extras === 'all') && t09 !== 'in-other-table') out.push(make('机构运行信息表', institutionBody(ctx, false)));
  if (extras === 'balance' || extras === 'all') out.push(make('资产负债情况表', balanceBody(ctx)));
  return out;
}

function sanitize(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim();
  return (s.length > 31 ? s.slice(0, 31) : s) || 'Sheet';
}

function randomName(ctx: Ctx, i: number): string {
  const rng = ctx.rng(`name:${i}`);
  const chars = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `T${Array.from({ length: 5 }, () => rng.pick(chars.split(''))).join('')}`;
}

/** The sheet name of a sheet holding `items` (the i-th table sheet, 0-based). */
function sheetName(ctx: Ctx, items: Item[], i: number, single: boolean): string {
  const { sheetNames } = ctx.s;
  if (sheetNames === 'sheet') return `Sheet${i + 1}`;
  if (sheetNames === 'random') return randomName(ctx, i);
  if (!single) return sheetNames === 'title' ? `${ctx.book.year}年度部门决算表${i + 1}` : `决算表${i + 1}`;
  const item = items[0];
  if (item.printed === undefined) return sanitize(item.title);
  if (sheetNames === 'gongkai') return `公开${String(item.printed).padStart(2, '0')}表`;
  if (sheetNames === 'biao') return `表${item.printed}`;
  return sanitize(item.title);
}

function unique(name: string, taken: Set<string>): string {
  let out = name;
  for (let k = 2; taken.has(out); k++) out = sanitize(`${name.slice(0, 27)}(${k})`);
  taken.add(out);
  return out;
}

export interface RenderOptions {
  /**
   * Tables left out, as a region that does not publish one (2019 reports had no 08). Not a switch: it changes the
   * findings (the table is missing), so it is tested on its own.
   */
  omit?: TableCode[];
}

export function renderLayout(book: Book, switches: Switches, seed: number, options: RenderOptions = {}): Layout {
  const ctx = new Ctx(book, switches, seed);
  const s = switches;
  const order = (s.printedOrder === 'hunan' ? HUNAN_ORDER : SHANGHAI_ORDER).filter((code) => !options.omit?.includes(code));
  let items: Item[] = order.map((code, i) => publicItem(ctx, code, i + 1));
  const extras = extraItems(ctx);
  const posRng = ctx.rng('extras');
  for (const e of extras) items.splice(posRng.int(1, items.length - 1), 0, e);
  if (s.order === 'shuffled') items = ctx.rng('shuffle').shuffle(items);

  // Items → sheets
  let groups: Item[][];
  if (s.arrangement === 'per-sheet') groups = items.map((i) => [i]);
  else if (s.arrangement === 'stacked') groups = [items];
  else {
    const rng = ctx.rng('groups');
    groups = [];
    for (let i = 0; i < items.length; ) {
      const n = rng.int(2, 3);
      groups.push(items.slice(i, i + n));
      i += n;
    }
  }

  const host: HostStyle = { amounts: s.amounts, empty: s.emptyCells === 'null' ? null : '', merges: s.mergesReported === 'yes' };
  const taken = new Set<string>();
  const sheets: { name: string; placed: Placed[] }[] = [];
  if (s.front === 'cover-toc') {
    const entries = order.map((code, i) => ({ number: numberLabel(ctx, i + 1), title: titleOf(ctx, code) }));
    sheets.push({ name: unique('封面', taken), placed: [{ block: coverBlock(ctx), row: 0, col: 0 }] });
    sheets.push({ name: unique('目录', taken), placed: [{ block: tocBlock(ctx, entries), row: 0, col: 0 }] });
  }
  const offsetRng = ctx.rng('offset');
  const placements: string[] = [];
  groups.forEach((group, gi) => {
    const name = unique(sheetName(ctx, group, gi, group.length === 1), taken);
    const placed: Placed[] = [];
    // Moved: down 1–4 rows on the sheet (above the first table only, so stackGap stays what it says) and
    // right 1–3 columns per table.
    let row = s.offset === 'moved' ? offsetRng.int(1, 4) : 0;
    for (const item of group) {
      const dc = s.offset === 'moved' ? offsetRng.int(1, 3) : 0;
      placed.push({ block: item.block, row, col: dc });
      placements.push(`${item.table ?? item.title} → ${name}!${a1(row, dc)}`);
      row += item.block.height + s.stackGap;
    }
    sheets.push({ name, placed });
  });

  const cellKeys = new Map<string, string>();
  const zeroKeys = new Set<string>();
  const heads: HeadCell[] = [];
  const snapshot: WorkbookSnapshot = { source: `${book.name}-${seed}.xlsx`, sheets: [] };
  for (const sheet of sheets) {
    const out = sheetSnapshot(sheet.name, sheet.placed, host);
    snapshot.sheets.push(out.snapshot);
    for (const [k, v] of out.cellKeys) cellKeys.set(k, v);
    for (const k of out.zeroKeys) zeroKeys.add(k);
    heads.push(...out.heads);
  }
  const announced = switches.t09 === 'in-other-table' ? ['read-table-block'] : [];
  return { book, seed, switches, snapshot, cellKeys, zeroKeys, heads, placements, announced };
}
