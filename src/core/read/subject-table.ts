import type { Grid } from '../workbook/grid';
import type { SubjectLevel, SubjectRow, SubjectTable, TableMeta } from '../tables/model';
import { stripNumbering } from '../util/text';
import { ReadContext, truncate, type TableLocation } from './context';
import { findEmptyStatement, headerPaths, scanBody, splitHeader } from './layout';
import { buildMeta } from './meta';
import { isLabelLike, parseAmount } from './amount';
import { columnLetters } from '../workbook/address';

/** An amount column: its key and the header words that identify it, most specific first. */
export interface ColumnSpec<K extends string> {
  key: K;
  match: RegExp;
}

const TOTAL_LABEL = /^(合计|总计|本年合计)$/;
const CODE_ONLY = /^(\d{3}|\d{5}|\d{7})$/;
const CODE_AND_NAME = /^\[?(\d{7}|\d{5}|\d{3})\]?(\D.*)$/;
const SPLIT_CODE = /^(\d{3})(?:[\s.·-]+(\d{2}))?(?:[\s.·-]+(\d{2}))?$/;

function codeText(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return String(v ?? '').normalize('NFKC').trim();
}

/**
 * A data row starts with a 科目 code or 合计, and everything else in it is a name or an amount. (A header
 * row may also hold "合计" — as the label of an amount column — but beside other header words.)
 */
function isSubjectBodyRow(grid: Grid, row: number): boolean {
  const texts = grid.rowTexts(row);
  if (texts.length === 0) return false;
  const [col, first] = texts[0];
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
}

export function readSubjectTable<K extends string>(
  ctx: ReadContext,
  loc: TableLocation,
  specs: ColumnSpec<K>[],
  required: K[],
): SubjectTableResult<K> {
  const { grid } = loc;
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, (r) => isSubjectBodyRow(grid, r));
  if (layout.headerRows.length === 0) return { mismatch: '标题下未找到表头' };
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);

  const codeCols: Array<{ col: number; part: 'full' | '类' | '款' | '项' }> = [];
  let nameCol: number | undefined;
  const columns: SubjectTable<K>['columns'] = {};
  const headerCells = new Map<number, string>();
  for (const [col, path] of paths) {
    if (path.length === 0) continue;
    const joined = path.join('/');
    const leaf = path[path.length - 1];
    headerCells.set(col, joined);
    if (/^(类|款|项)$/.test(leaf) && /代码|编码|科目|编号/.test(joined)) {
      codeCols.push({ col, part: leaf as '类' | '款' | '项' });
      continue;
    }
    if (/代码|编码|编号/.test(leaf)) {
      codeCols.push({ col, part: 'full' });
      continue;
    }
    if (/名称/.test(leaf)) {
      nameCol ??= col;
      continue;
    }
    const spec = specs.find((s) => s.match.test(joined) && columns[s.key] === undefined);
    if (spec) columns[spec.key] = { label: joined, col };
  }
  const missing = required.filter((k) => columns[k] === undefined);
  if (missing.length > 0) return { mismatch: `表头缺少必要的列（${missing.join('、')}）` };

  // Without a 代码 header, the code sits in the first column of the body (often "项目").
  if (codeCols.length === 0) {
    const first = Math.min(...[...paths.keys()].filter((c) => (paths.get(c) ?? []).length > 0));
    codeCols.push({ col: first, part: 'full' });
    if (nameCol === first) nameCol = undefined;
  }
  const amountCols = Object.entries(columns) as Array<[K, { label: string; col: number }]>;
  const mappedCols = new Set([...codeCols.map((c) => c.col), nameCol, ...amountCols.map(([, c]) => c.col)]);

  const body = scanBody(grid, layout.bodyStart, loc.endRow);
  const rows: SubjectRow<K>[] = [];
  let total: SubjectTable<K>['total'];
  let lastClass = '';
  let lastSection = '';
  const readAmounts = (row: number): Record<K, ReturnType<ReadContext['amount']>> => {
    const out = {} as Record<K, ReturnType<ReadContext['amount']>>;
    for (const [key, c] of amountCols) out[key] = ctx.amount(row, c.col, c.label);
    return out;
  };
  for (const row of body.rows) {
    let code = '';
    let name = nameCol !== undefined ? String(grid.value(row, nameCol) ?? '').trim() : '';
    const codeCells = codeCols.map((c) => grid.ref(row, c.col));
    const firstCodeText = grid.text(row, codeCols[0].col);
    if (TOTAL_LABEL.test(firstCodeText) || TOTAL_LABEL.test(stripNumbering(grid.text(row, nameCol ?? -1)))) {
      total = { row, labelCell: TOTAL_LABEL.test(firstCodeText) ? codeCells[0] : grid.ref(row, nameCol ?? 0), amounts: readAmounts(row) };
      continue;
    }
    if (codeCols[0].part === 'full') {
      const raw = codeText(grid, row, codeCols[0].col).replace(/\s+/g, ' ');
      const split = SPLIT_CODE.exec(raw);
      const joined = CODE_AND_NAME.exec(raw.replace(/\s/g, ''));
      if (split) code = split[1] + (split[2] ?? '') + (split[3] ?? '');
      else if (joined) {
        code = joined[1];
        if (!name) name = joined[2].trim();
      } else code = raw.replace(/\s/g, '');
    } else {
      const part = (p: '类' | '款' | '项') => {
        const c = codeCols.find((x) => x.part === p);
        return c ? codeText(grid, row, c.col).replace(/\s/g, '') : '';
      };
      const cls = part('类');
      const sec = part('款');
      const item = part('项');
      // Some exports print only the new part of a code; others the whole code in each column.
      const clsCode = cls || (sec || item ? lastClass : '');
      const secCode = sec.length === 5 ? sec.slice(3) : sec || (item ? lastSection : '');
      const itemCode = item.length === 7 ? item.slice(5) : item;
      code = clsCode + secCode + itemCode;
      if (cls) lastClass = cls;
      if (sec) lastSection = secCode;
      if (cls && !sec) lastSection = '';
    }
    const amounts = readAmounts(row);
    const hasAmount = amountCols.some(([key]) => !amounts[key].blank);
    if (!code) {
      if (hasAmount || name) {
        ctx.warn(
          'read-row-without-code',
          `第 ${row + 1} 行${name ? `“${truncate(name)}”` : ''}没有科目代码${hasAmount ? '，其金额未纳入审核' : ''}；请补上科目代码。`,
          [codeCells[0], ...amountCols.map(([key]) => amounts[key].cell).filter((_, i) => !amounts[amountCols[i][0]].blank)],
        );
      }
      continue;
    }
    if (!CODE_ONLY.test(code)) {
      ctx.error(
        'read-subject-code-invalid',
        `单元格 ${codeCells[0]} 的科目代码“${truncate(code)}”不是 3/5/7 位数字（类 3 位、款 5 位、项 7 位）。`,
        codeCells,
      );
      continue;
    }
    rows.push({
      code,
      name: stripNumbering(name.replace(/\s+/g, '')) || name,
      level: levelOf(code),
      parentCode: code.length > 3 ? code.slice(0, code.length - 2) : undefined,
      row,
      codeCells,
      nameCell: nameCol !== undefined ? grid.ref(row, nameCol) : undefined,
      amounts,
    });
    if (codeCols[0].part === 'full') {
      lastClass = code.slice(0, 3);
      lastSection = code.length >= 5 ? code.slice(3, 5) : '';
    }
  }
  reportUnmappedNumericColumns(ctx, paths, mappedCols, body.rows);
  const meta: TableMeta = buildMeta(loc, layout, Math.max(body.lastRow, layout.bodyStart - 1), findEmptyStatement(grid, body.notes));
  return { table: { meta, columns, total, rows } };
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
    ctx.warn(
      'read-column-unrecognised',
      `第 ${columnLetters(col)} 列${path.length ? `（表头“${truncate(path.join('/'))}”）` : '（无表头）'}有金额但无法识别为本表的标准栏目，未纳入审核。`,
      numeric.slice(0, 20).map((r) => ctx.grid.ref(r, col)),
    );
  }
}
