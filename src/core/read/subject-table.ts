import type Decimal from 'decimal.js';
import type { Grid } from '../workbook/grid';
import type { Amount, SubjectLevel, SubjectRow, SubjectTable, TableMeta } from '../tables/model';
import { stripNumbering } from '../util/text';
import { ReadContext, truncate, type TableLocation } from './context';
import { findEmptyStatement, headerCellOf, headerPaths, isSentence, ownLeaf, scanBody, splitHeader, type BodyScan } from './layout';
import { buildMeta } from './meta';
import { isLabelLike, parseAmount } from './amount';
import { columnLetters } from '../workbook/address';
import { columnName } from '../tables/column-names';
import { chooseAssignment, codeText, isCodeColumn, isTextColumn, profileColumns, sumHolds, type ColumnProfile } from './columns';

/** An amount column: its key and the header words that identify it, most specific first. */
export interface ColumnSpec<K extends string> {
  key: K;
  match: RegExp;
}

/** How a 科目 table (02, 03, 05, 07, 08) is read: its amount columns and the identity of each row. */
export interface SubjectSpec<K extends string> {
  columns: ColumnSpec<K>[];
  /** Columns without which the table cannot be checked. */
  required: K[];
  /** Keys in the order the table prints them (for a header that names a column wrongly or not at all). */
  order: readonly K[];
  /** Row identity: total = Σ parts (the reading under which it holds is preferred). */
  rowTotal?: { total: K; parts: K[] };
  /**
   * Columns that are not this table's amounts, by their joined header path; by default the 预算数 columns a
   * 决算 table prints beside its figures. A 部门预算 table says which of its columns are not this year's budget.
   */
  otherColumn?: (header: string) => boolean;
}

const TOTAL_LABEL = /^(合计|总计|本年合计|本年收入合计|本年支出合计|收入合计|支出合计)$/;
const CODE_ONLY = /^(\d{3}|\d{5}|\d{7})$/;
const CODE_AND_NAME = /^\[?(\d{7}|\d{5}|\d{3})\]?[\s\-_:：.、]*(\D.*)$/;
const SPLIT_CODE = /^(\d{3})(?:[\s.·-]+(\d{2}))?(?:[\s.·-]+(\d{2}))?$/;
const PART_WORD = /^(类|款|项)$/;

/**
 * A data row starts with a 科目 code or 合计, and everything else in it is a name or an amount. (A header
 * row may also hold "合计" — as the label of an amount column — but beside other header words.)
 */
function isSubjectBodyRow(grid: Grid, row: number): boolean {
  const texts = grid.rowTexts(row);
  if (texts.length === 0) return false;
  const [col, first] = texts[0];
  // The 合计 row with the 类 | 款 | 项 labels of split code columns printed on it (Shanghai 2025).
  if (texts.some(([, t]) => TOTAL_LABEL.test(t)) && texts.filter(([, t]) => PART_WORD.test(t)).length >= 2)
    return texts.every(([c, t]) => PART_WORD.test(t) || TOTAL_LABEL.test(t) || !isLabelLike(parseAmount(grid.value(row, c))));
  // An Excel error or a formula without its result in the 合计 row is a bad amount, not a header word.
  if (TOTAL_LABEL.test(first)) return texts.slice(1).every(([c]) => !isLabelLike(parseAmount(grid.value(row, c))));
  const raw = codeText(grid, row, col);
  return CODE_ONLY.test(first) || SPLIT_CODE.test(raw) || CODE_AND_NAME.test(first);
}

function levelOf(code: string): SubjectLevel {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

export interface SubjectTableResult<K extends string> {
  table?: SubjectTable<K>;
  /** Why the header did not fit this table, for the "table not found" message. */
  mismatch?: string;
  /** It is this table, but a column it needs could not be placed: one finding, and its rules are skipped. */
  unreadable?: string;
}

type Part = '类' | '款' | '项';

/** Where the 科目 code sits: one column, or 类 | 款 | 项 (the first may hold the whole code). */
interface CodeLayout {
  cols: Array<{ col: number; part: Part }>;
}

/**
 * The 类 | 款 | 项 labels of split code columns: under a 编码 header, or on the first body row (Shanghai 2025
 * prints them on its 合计 row).
 */
function partLabels(grid: Grid, rows: Array<number | undefined>): Map<number, Part> {
  for (const row of rows) {
    if (row === undefined) continue;
    const found = new Map<number, Part>();
    for (const [c, t] of grid.rowTexts(row)) if (PART_WORD.test(t)) found.set(c, t as Part);
    if (found.size >= 2) return found;
  }
  return new Map();
}

function findCodeLayout(
  paths: Map<number, string[]>,
  profiles: Map<number, ColumnProfile>,
  labelled: Map<number, Part>,
): CodeLayout | undefined {
  const declared = new Map<number, Part>(labelled);
  const headerCode: number[] = [];
  for (const [col, path] of paths) {
    const leaf = path[path.length - 1] ?? '';
    const joined = path.join('/');
    if (PART_WORD.test(leaf) && /代码|编码|科目|编号/.test(joined)) declared.set(col, leaf as Part);
    else if (/代码|编码|编号/.test(leaf)) headerCode.push(col);
  }
  const byContent = [...profiles.values()].filter(isCodeColumn).map((p) => p.col);
  const named = [...declared.keys(), ...headerCode, ...byContent];
  if (named.length === 0) return undefined;
  // The code starts in the leftmost column that holds codes (or, in a table without rows, that is headed so);
  // its parts follow it to the right.
  const holding = named.filter((c) => (profiles.get(c)?.codes ?? 0) > 0);
  const start = Math.min(...(holding.length > 0 ? holding : named));
  const cols: CodeLayout['cols'] = [{ col: start, part: declared.get(start) ?? '类' }];
  for (const next of [start + 1, start + 2]) {
    const p = profiles.get(next);
    const part = declared.get(next);
    const isPart = part !== undefined || (headerCode.includes(next) && (p?.parts ?? 0) > 0) || ((p?.parts ?? 0) >= 2 && (p?.parts ?? 0) >= (p?.filled ?? 0) / 2);
    if (!isPart) break;
    cols.push({ col: next, part: part ?? (cols.length === 1 ? '款' : '项') });
  }
  return { cols };
}

/** Digits of a code part; a part typed as a number (1) keeps its two digits (01). */
function partDigits(grid: Grid, row: number, col: number, part: Part): string {
  const v = grid.value(row, col);
  if (part !== '类' && typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100) return String(v).padStart(2, '0');
  return codeText(grid, row, col).replace(/[\s[\]]/g, '');
}

function budgetColumn(header: string): boolean {
  return /预算数|年初预算|调整预算|全年预算/.test(header) && !/决算/.test(header);
}

export function readSubjectTable<K extends string>(ctx: ReadContext, loc: TableLocation, spec: SubjectSpec<K>): SubjectTableResult<K> {
  const { grid } = loc;
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, (r) => isSubjectBodyRow(grid, r));
  if (layout.headerRows.length === 0) return { mismatch: '标题下未找到表头' };
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const body = scanBody(grid, layout.bodyStart, loc.endRow, (r) => isSubjectBodyRow(grid, r));
  const profiles = profileColumns(grid, body.rows);
  const labelled = partLabels(grid, [layout.headerRows[layout.headerRows.length - 1], body.rows[0]]);
  const codeLayout = findCodeLayout(paths, profiles, labelled);
  const codeCols = codeLayout?.cols ?? [];
  const codeColSet = new Set(codeCols.map((c) => c.col));

  // The name column: headed 名称, or the column of words beside the codes.
  const namedByHeader = [...paths].find(([c, p]) => !codeColSet.has(c) && /名称/.test(p[p.length - 1] ?? ''))?.[0];
  const wordy = [...profiles.values()].filter((p) => !codeColSet.has(p.col) && isTextColumn(p)).sort((a, b) => b.texts - a.texts)[0]?.col;
  const nameCol = namedByHeader !== undefined && !isCodeColumn(profiles.get(namedByHeader)) ? namedByHeader : wordy;

  // Amount columns: by header words, among the columns whose cells are not words or codes.
  const serial = (c: number) => (paths.get(c) ?? []).some((p) => /行次|栏次/.test(p));
  const codeHeaded = (c: number) => /代码|编码|编号/.test((paths.get(c) ?? []).join('/')) && (profiles.get(c)?.numbers ?? 0) === 0;
  // 预算数 columns printed beside the 决算 figures (年初预算数, 调整预算数) are not this table's amounts.
  const budgetOnly = (c: number) => (spec.otherColumn ?? budgetColumn)((paths.get(c) ?? []).join('/'));
  // Whole numbers of 3, 5 or 7 digits read like codes; right of the codes, under an amount column's header, they
  // are amounts (a budget table printed in 元: 项目支出 2070000).
  const namesAmount = (c: number) => spec.columns.some((s) => s.match.test((paths.get(c) ?? []).join('/')));
  const codeNotAmount = (c: number) => {
    const p = profiles.get(c);
    return isCodeColumn(p) && !(p!.textCodes === 0 && codeCols.length > 0 && c > codeCols[0].col && namesAmount(c));
  };
  const candidates = [...paths.keys()]
    .filter((c) => !codeColSet.has(c) && c !== nameCol && !serial(c) && !codeHeaded(c) && !budgetOnly(c) && !isTextColumn(profiles.get(c)) && !codeNotAmount(c))
    .filter((c) => (paths.get(c) ?? []).length > 0 || (profiles.get(c)?.numbers ?? 0) > 0)
    .sort((a, b) => a - b);
  const headerKey = new Map<number, K | undefined>();
  for (const c of candidates) {
    // A column whose lowest label is a group label over several columns is not named by it.
    const named = ownLeaf(grid, layout.headerRows, c) !== '' || !grid.hasMerges;
    headerKey.set(c, named ? spec.columns.find((s) => s.match.test((paths.get(c) ?? []).join('/')))?.key : undefined);
  }
  // A table none of whose headers names one of its columns is not this table (a 目录 line, another table).
  if (![...headerKey.values()].some(Boolean)) return { mismatch: '表头中没有本表的栏目名称' };
  // A column that says nothing and holds nothing is left alone: a code part, a spacer.
  const placeable = candidates.filter((c) => headerKey.get(c) !== undefined || (profiles.get(c)?.numbers ?? 0) > 0);
  const value = (row: number, col: number | undefined): Decimal | undefined => {
    if (col === undefined) return undefined;
    const p = parseAmount(grid.value(row, col));
    return p.kind === 'number' ? p.cents : undefined;
  };
  const rowTotal = spec.rowTotal;
  const holds = rowTotal
    ? (row: number, colOf: (k: K) => number | undefined) => {
        const total = value(row, colOf(rowTotal.total));
        const parts = rowTotal.parts.map((k) => value(row, colOf(k)));
        if (total === undefined) return parts.every((p) => p === undefined || p.isZero());
        return sumHolds(total, parts, parts.filter((p) => p !== undefined).length + 1);
      }
    : undefined;
  const assigned = chooseAssignment({
    candidates: placeable,
    headerKey,
    order: spec.order,
    required: spec.required,
    rows: body.rows,
    holds,
    hasFigures: (c) => (profiles.get(c)?.numbers ?? 0) > 0,
  });
  const missing = spec.required.filter((k) => !assigned.has(k));
  if (missing.length > 0) {
    const header = layout.headerRows.map((r) => grid.rowTexts(r).map(([, t]) => t).join('|')).join(' / ');
    return {
      unreadable: `表头“${truncate(header, 60)}”中未能找到${missing.map((k) => `“${columnName(ctx.table, k)}”`).join('、')}栏`,
      mismatch: `表头缺少必要的列（${missing.map((k) => columnName(ctx.table, k)).join('、')}）`,
    };
  }
  const columns: SubjectTable<K>['columns'] = {};
  for (const [key, col] of assigned) columns[key] = { label: (paths.get(col) ?? []).join('/'), col };
  for (const [key, col] of assigned) {
    const said = headerKey.get(col);
    if (said === key) continue;
    const header = (paths.get(col) ?? []).join('/');
    ctx.warn(
      'read-column-inferred',
      `第 ${columnLetters(col)} 列的表头“${truncate(header || '（空）', 30)}”不是本表该栏的标准名称，按列的位置和表内勾稽关系识别为“${columnName(ctx.table, key)}”；请核对表头。`,
      [headerCellOf(grid, layout.headerRows, col, layout.bodyStart)],
    );
  }

  const read = readRows(ctx, grid, body, codeCols, nameCol, assigned, paths);
  if (read.economic) return { mismatch: '科目代码是经济分类科目（如 301、30101），不是功能分类科目' };
  const mappedCols = new Set<number | undefined>([...codeColSet, nameCol, ...assigned.values(), ...[...paths.keys()].filter(budgetOnly)]);
  reportUnmappedNumericColumns(ctx, paths, mappedCols, body.rows);
  const meta: TableMeta = buildMeta(loc, layout, Math.max(body.lastRow, layout.bodyStart - 1), findEmptyStatement(grid, [...body.notes, ...read.notes]));
  return { table: { meta, columns, total: read.total, rows: read.rows } };
}

interface RowsRead<K extends string> {
  rows: SubjectRow<K>[];
  total?: SubjectTable<K>['total'];
  notes: BodyScan['notes'];
  /** The codes are 经济分类 (3xx/5xx), not 功能分类 (2xx): another table. */
  economic: boolean;
}

function readRows<K extends string>(
  ctx: ReadContext,
  grid: Grid,
  body: BodyScan,
  codeCols: CodeLayout['cols'],
  nameCol: number | undefined,
  assigned: Map<K, number>,
  paths: Map<number, string[]>,
): RowsRead<K> {
  const rows: SubjectRow<K>[] = [];
  const notes: BodyScan['notes'] = [];
  let total: SubjectTable<K>['total'];
  let lastClass = '';
  let lastSection = '';
  const amountCols = [...assigned];
  const withoutCode: Array<{ row: number; name: string; cells: string[] }> = [];
  const badCodes: Array<{ row: number; code: string; cells: string[] }> = [];
  const readAmounts = (row: number): Record<K, Amount> => {
    const out = {} as Record<K, Amount>;
    for (const [key, col] of amountCols) out[key] = ctx.amount(row, col, () => (paths.get(col) ?? []).join('/'));
    return out;
  };
  const blankAmounts = (row: number) => amountCols.every(([, col]) => {
    const p = parseAmount(grid.value(row, col));
    return p.kind === 'empty' || (p.kind === 'number' && p.value.isZero());
  });
  let economic = 0;
  let functional = 0;
  for (const row of body.rows) {
    const labels = [...codeCols.map((c) => grid.label(row, c.col)), nameCol === undefined ? '' : grid.label(row, nameCol)].map((t) => stripNumbering(t));
    const codeCells = codeCols.map((c) => grid.ref(row, c.col));
    if (labels.some((t) => TOTAL_LABEL.test(t))) {
      const at = [...codeCols.map((c) => c.col), nameCol ?? -1].find((c) => c >= 0 && TOTAL_LABEL.test(stripNumbering(grid.label(row, c))));
      if (!total) total = { row, labelCell: grid.ref(row, at ?? codeCols[0]?.col ?? grid.left), amounts: readAmounts(row) };
      continue;
    }
    let name = nameCol !== undefined ? String(grid.value(row, nameCol) ?? '').trim() : '';
    let code = '';
    if (codeCols.length > 0) {
      const first = codeText(grid, row, codeCols[0].col).replace(/\s+/g, ' ');
      const split = codeCols.length === 1 ? SPLIT_CODE.exec(first) : null;
      const joined = CODE_AND_NAME.exec(first.replace(/\s/g, ''));
      const part = (p: Part) => {
        const c = codeCols.find((x) => x.part === p);
        return c ? partDigits(grid, row, c.col, p) : '';
      };
      if (split) code = split[1] + (split[2] ?? '') + (split[3] ?? '');
      else if (joined && !CODE_ONLY.test(first.replace(/\s/g, ''))) {
        code = joined[1];
        if (!name || name === first) name = joined[2].trim();
      } else if (codeCols.length === 1) code = first.replace(/[\s[\]]/g, '');
      else {
        const cls = part('类');
        const sec = part('款');
        const item = part('项');
        if (/^(\d{5}|\d{7})$/.test(cls) && !sec && !item) code = cls;
        else {
          // Some exports print only the new part of a code; others the whole code in each column.
          const clsCode = cls || (sec || item ? lastClass : '');
          const secCode = sec.length === 5 ? sec.slice(3) : sec || (item ? lastSection : '');
          const itemCode = item.length === 7 ? item.slice(5) : item;
          code = clsCode + secCode + itemCode;
        }
      }
    } else {
      const joined = CODE_AND_NAME.exec(name.replace(/\s/g, ''));
      if (joined) {
        code = joined[1];
        name = joined[2];
      }
    }
    // A sentence where a code belongs (a no-data statement written into the first column) is a note.
    if (code && !CODE_ONLY.test(code) && isSentence(code) && blankAmounts(row)) {
      notes.push({ row, col: codeCols[0]?.col ?? grid.left, text: String(grid.value(row, codeCols[0]?.col ?? grid.left) ?? '').trim() });
      continue;
    }
    if (!code && name && isSentence(name.replace(/\s/g, '')) && blankAmounts(row)) {
      notes.push({ row, col: nameCol ?? grid.left, text: name });
      continue;
    }
    const amounts = readAmounts(row);
    const filled = amountCols.filter(([key]) => !amounts[key].blank);
    if (!code) {
      if (filled.length > 0 || name) withoutCode.push({ row, name, cells: [codeCells[0] ?? grid.ref(row, nameCol ?? grid.left), ...filled.map(([key]) => amounts[key].cell)] });
      continue;
    }
    if (!CODE_ONLY.test(code)) {
      badCodes.push({ row, code, cells: codeCells.length ? codeCells : [grid.ref(row, nameCol ?? grid.left)] });
      continue;
    }
    if (code[0] === '3' || code[0] === '5') economic++;
    else functional++;
    rows.push({
      code,
      name: stripNumbering(name.replace(/\s+/g, '')) || name,
      level: levelOf(code),
      parentCode: code.length > 3 ? code.slice(0, code.length - 2) : undefined,
      row,
      codeCells: codeCells.length ? codeCells : [grid.ref(row, nameCol ?? grid.left)],
      nameCell: nameCol !== undefined ? grid.ref(row, nameCol) : undefined,
      amounts,
    });
    lastClass = code.slice(0, 3);
    lastSection = code.length >= 5 ? code.slice(3, 5) : '';
  }
  if (withoutCode.length > 0) {
    const first = withoutCode[0];
    const withAmounts = withoutCode.some((w) => w.cells.length > 1);
    ctx.warn(
      'read-row-without-code',
      withoutCode.length === 1
        ? `第 ${first.row + 1} 行${first.name ? `“${truncate(first.name)}”` : ''}没有科目代码${withAmounts ? '，其金额未纳入审核' : ''}；请补上科目代码。`
        : `第 ${withoutCode.map((w) => w.row + 1).slice(0, 10).join('、')}${withoutCode.length > 10 ? ' 等' : ''} 行（共 ${withoutCode.length} 行）没有科目代码${withAmounts ? '，其金额未纳入审核' : ''}；请补上科目代码。`,
      withoutCode.flatMap((w) => w.cells).slice(0, 40),
    );
  }
  if (badCodes.length > 0) {
    const first = badCodes[0];
    ctx.error(
      'read-subject-code-invalid',
      badCodes.length === 1
        ? `单元格 ${first.cells[0]} 的科目代码“${truncate(first.code)}”不是 3/5/7 位数字（类 3 位、款 5 位、项 7 位）。`
        : `${badCodes.length} 行的科目代码不是 3/5/7 位数字（类 3 位、款 5 位、项 7 位），如单元格 ${first.cells[0]}“${truncate(first.code)}”。`,
      badCodes.flatMap((b) => b.cells).slice(0, 40),
    );
  }
  return { rows, total, notes, economic: economic > functional };
}

/** A column with numbers in the body that no header label explains is reported, never silently dropped. */
export function reportUnmappedNumericColumns(
  ctx: ReadContext,
  paths: Map<number, string[]>,
  mapped: Set<number | undefined>,
  bodyRows: number[],
): void {
  for (const [col, path] of paths) {
    if (mapped.has(col) || path.some((p) => /行次|栏次/.test(p))) continue;
    const numeric = bodyRows.filter((r) => ctx.isNumeric(r, col));
    if (numeric.length === 0) continue;
    // A column of 行次 numbers (1, 2, 3 … down the rows) explains itself.
    if (numeric.every((r, i) => ctx.grid.text(r, col) === String(Number(ctx.grid.text(numeric[0], col)) + i)) && numeric.length > 2) continue;
    ctx.warn(
      'read-column-unrecognised',
      `第 ${columnLetters(col)} 列${path.length ? `（表头“${truncate(path.join('/'))}”）` : '（无表头）'}有金额但无法识别为本表的标准栏目，未纳入审核。`,
      numeric.slice(0, 20).map((r) => ctx.grid.ref(r, col)),
    );
  }
}
