import type { Amount, Statement, StatementLine, TableMeta } from '../tables/model';
import { CLASS_ROWS } from '../subjects/classes';
import { normalizeLabel, stripNumbering } from '../util/text';
import type { Grid } from '../workbook/grid';
import { ReadContext, truncate, type TableLocation } from './context';
import { findEmptyStatement, headerCellOf, headerPaths, scanBody, splitHeader } from './layout';
import { buildMeta } from './meta';
import { chooseAssignment, sumHolds } from './columns';
import { parseAmount } from './amount';
import { columnLetters } from '../workbook/address';
import { columnName } from '../tables/column-names';


function amountValue(grid: Grid, row: number, col: number) {
  const p = parseAmount(grid.value(row, col));
  return p.kind === 'number' ? p.cents : undefined;
}

/**
 * 公开01表 and 公开04表: a 收入 side and a 支出 side printed next to each other, rows keyed by their labels
 * (never by 行次, which differs by region and year: domain.md §1.2).
 */

type Matcher = [key: string, re: RegExp];

const INCOME_01: Matcher[] = [
  ['useNonFiscalBalance', /使用非财政拨款结余|用事业基金弥补收支差额/],
  ['openingBalance', /年初结转和结余|上年结转(和结余)?$/],
  ['totalIncome', /本年收入合计|^收入合计$/],
  ['grandTotal', /^(收入)?总计$/],
  ['gpb', /一般公共预算/],
  ['gf', /政府性基金/],
  ['soc', /国有资本经营/],
  ['superior', /上级补助/],
  ['business', /^事业收入/],
  ['operating', /^经营收入/],
  ['affiliated', /附属单位上缴/],
  ['other', /^其他收入/],
  // Older and some regional forms print one 财政拨款收入 line instead of the three sources.
  ['fiscal', /^财政拨款(收入)?$/],
];
const EXPENSE_01: Matcher[] = [
  ['totalExpense', /本年支出合计|^支出合计$/],
  ['balanceDistribution', /结余分配/],
  ['closingBalance', /年末结转和结余/],
  ['grandTotal', /^(支出)?总计$/],
];
const INCOME_04: Matcher[] = [
  ['openingBalance', /年初财政拨款结转和结余|年初结转和结余|上年结转/],
  ['totalIncome', /本年收入合计|^收入合计$/],
  ['grandTotal', /^(收入)?总计$/],
  ['gpb', /一般公共预算/],
  ['gf', /政府性基金/],
  ['soc', /国有资本经营/],
];
const EXPENSE_04: Matcher[] = [
  ['totalExpense', /本年支出合计|^支出合计$/],
  ['closingBalance', /年末财政拨款结转和结余|年末结转和结余/],
  ['grandTotal', /^(支出)?总计$/],
  ['gpb', /一般公共预算/],
  ['gf', /政府性基金/],
  ['soc', /国有资本经营/],
];

const BARE_TOTAL = /^(合计|总计)$/;

const CLASS_BY_NAME = new Map<string, { code: string; name: string }>();
for (const c of CLASS_ROWS) for (const n of [c.name, ...c.aliases]) CLASS_BY_NAME.set(normalizeLabel(n), c);

const rowLabels = new Map<string, string>();

function rowLabel(grid: Grid, row: number, col: number): string {
  const text = grid.text(row, col);
  const known = rowLabels.get(text);
  if (known !== undefined) return known;
  if (rowLabels.size > 20000) rowLabels.clear();
  const label = stripNumbering(text.replace(/^其中[:：]?/, '')).replace(/\((类|款|项)\)$/, '').replace(/^\d{3}/, '');
  rowLabels.set(text, label);
  return label;
}

export function classOfLabel(label: string): { code: string; name: string } | undefined {
  return CLASS_BY_NAME.get(label);
}

function matchKey(label: string, matchers: Matcher[]): string | undefined {
  return matchers.find(([, re]) => re.test(label))?.[0];
}

export interface StatementSpec<C extends string> {
  code: '01' | '04';
  incomeMatchers: Matcher[];
  expenseMatchers: Matcher[];
  /** Expense amount columns by header words; a single 'amount' column for 01. */
  expenseColumns: Array<[C, RegExp]>;
  /** Sub-rows that follow a balance line (04: 年初/年末 by source). */
  subRows?: { after: string; keys: Record<string, string>; blankOrder: string[] };
}

export const SPEC_01: StatementSpec<'amount'> = {
  code: '01',
  incomeMatchers: INCOME_01,
  expenseMatchers: EXPENSE_01,
  expenseColumns: [['amount', /金额|决算数|合计|^$/]],
};

export const SPEC_04: StatementSpec<'total' | 'gpb' | 'gf' | 'soc'> = {
  code: '04',
  incomeMatchers: INCOME_04,
  expenseMatchers: EXPENSE_04,
  expenseColumns: [
    ['gpb', /一般公共预算/],
    ['gf', /政府性基金/],
    ['soc', /国有资本经营/],
    ['total', /合计|小计|金额|决算数/],
  ],
};

export function readStatement<C extends string>(
  ctx: ReadContext,
  loc: TableLocation,
  spec: StatementSpec<C>,
): { table?: Statement<string, string, C>; mismatch?: string } {
  const { grid } = loc;
  // The income label column is the leftmost: its first line starts the body.
  const isBody = (r: number) => {
    const first = grid.rowTexts(r)[0];
    if (!first) return false;
    const l = rowLabel(grid, r, first[0]);
    return matchKey(l, spec.incomeMatchers) !== undefined && !/总计|合计/.test(l);
  };
  const layout = splitHeader(grid, loc.titleRow, loc.endRow, isBody);
  const body = scanBody(grid, layout.bodyStart, loc.endRow);
  if (body.rows.length === 0) return { mismatch: '标题下未找到收入、支出项目' };
  const paths = headerPaths(grid, layout.headerRows, grid.left, grid.right);
  const serialCols = new Set<number>();
  for (const [c, p] of paths) if (p.some((x) => /行次/.test(x))) serialCols.add(c);

  // The label columns are where the labels are: most income labels, most 类 names.
  const incomeHits = new Map<number, number>();
  const expenseHits = new Map<number, number>();
  for (const r of body.rows)
    for (const [c] of grid.rowTexts(r)) {
      if (typeof grid.value(r, c) !== 'string') continue;
      const l = rowLabel(grid, r, c);
      if (matchKey(l, spec.incomeMatchers) && !/总计/.test(l)) incomeHits.set(c, (incomeHits.get(c) ?? 0) + 1);
      if (classOfLabel(l) || /本年支出合计/.test(l)) expenseHits.set(c, (expenseHits.get(c) ?? 0) + 1);
    }
  const argmax = (m: Map<number, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const incomeCol = argmax(incomeHits);
  const expenseCol = argmax(expenseHits);
  if (incomeCol === undefined || expenseCol === undefined || expenseCol < incomeCol)
    return { mismatch: '未找到左右并列的收入、支出项目栏' };
  // Some forms print the two sides one under the other: one label column, 收入 lines first, then 支出.
  const vertical = expenseCol === incomeCol;
  const inCol: number = incomeCol;
  const outCol: number = expenseCol;

  const headerCols = [...paths].filter(([, p]) => p.length > 0).map(([c]) => c);
  const lastCol = Math.max(...body.rows.map((r) => grid.rowTexts(r).at(-1)?.[0] ?? expenseCol), ...headerCols, expenseCol + 1);
  const isAmountCol = (c: number) => !serialCols.has(c) && !body.rows.every((r) => /^\d{1,2}$/.test(grid.text(r, c)) || grid.isEmpty(r, c));
  const incomeRange = vertical ? range(incomeCol + 1, lastCol) : range(incomeCol + 1, expenseCol - 1);
  const incomeAmountCol =
    incomeRange.find((c) => !serialCols.has(c) && /金额|决算数|合计/.test((paths.get(c) ?? []).join('/'))) ??
    incomeRange.find(isAmountCol) ??
    incomeRange.find((c) => !serialCols.has(c));
  if (incomeAmountCol === undefined) return { mismatch: '收入方没有金额栏' };
  const inAmountCol: number = incomeAmountCol;

  const candidates = range(expenseCol + 1, lastCol).filter((c) => !serialCols.has(c));
  let expenseCols = new Map<C, number>();
  if (spec.expenseColumns.length > 1) {
    // 04: 合计 | 一般公共预算 | 政府性基金 | 国有资本经营 — a header that names one of them wrongly or not at all
    // is settled by the row identity 合计 = Σ sources.
    const keys = spec.expenseColumns.map(([k]) => k);
    const headerKey = new Map<number, C | undefined>();
    const amountLike = candidates.filter((c) => (paths.get(c) ?? []).length > 0 || isAmountCol(c));
    for (const c of amountLike) headerKey.set(c, spec.expenseColumns.find(([, re]) => re.test((paths.get(c) ?? []).join('/')))?.[0]);
    const total = keys[keys.length - 1];
    const parts = keys.slice(0, -1);
    const value = (row: number, col: number | undefined) => (col === undefined ? undefined : amountValue(grid, row, col));
    expenseCols = chooseAssignment<C>({
      candidates: amountLike,
      headerKey,
      order: [total, ...parts],
      required: [total],
      rows: body.rows,
      hasFigures: (c) => body.rows.some((r) => amountValue(grid, r, c) !== undefined),
      holds: (row, colOf) => {
        const t = value(row, colOf(total));
        const ps = parts.map((k) => value(row, colOf(k)));
        if (t === undefined) return ps.every((p) => p === undefined || p.isZero());
        return sumHolds(t, ps, ps.filter((p) => p !== undefined).length + 1);
      },
    });
    for (const [key, col] of expenseCols) {
      if (headerKey.get(col) === key) continue;
      ctx.warn(
        'read-column-inferred',
        `支出方第 ${columnLetters(col)} 列的表头“${truncate((paths.get(col) ?? []).join('/') || '（空）', 30)}”不是本表该栏的标准名称，按列的位置和表内勾稽关系识别为“${columnName('04', key)}”；请核对表头。`,
        [headerCellOf(grid, layout.headerRows, col, layout.bodyStart)],
      );
    }
  } else {
    for (const [key, re] of spec.expenseColumns) {
      const col = candidates.find((c) => re.test((paths.get(c) ?? []).join('/')) && ![...expenseCols.values()].includes(c));
      if (col !== undefined) expenseCols.set(key, col);
    }
  }
  if (expenseCols.size === 0) {
    const col = candidates.find(isAmountCol) ?? candidates[0];
    if (col === undefined) return { mismatch: '支出方没有金额栏' };
    expenseCols.set(spec.expenseColumns[spec.expenseColumns.length > 1 ? spec.expenseColumns.length - 1 : 0][0], col);
  }

  const income: Record<string, StatementLine<'amount'>> = {};
  const expense: Record<string, StatementLine<C>> = {};
  const classes: StatementLine<C>[] = [];
  let incomeAfterOpening = false;
  let expenseAfterClosing = 0;
  // What a bad cell is called in a message: its line, and on 04 its column.
  const expenseWhat = (label: string, col: number) =>
    `支出“${truncate(label || '（无项目名称）', 20)}”${expenseCols.size > 1 ? `的“${truncate((paths.get(col) ?? []).join('/'), 20)}”栏` : ''}`;
  const readExpense = (row: number, label: string) => {
    const out = {} as Record<C, Amount>;
    for (const [key, col] of expenseCols) out[key] = ctx.amount(row, col, () => expenseWhat(label, col));
    return out;
  };
  let onExpenseSide = false;
  for (const row of body.rows) {
    if (vertical) {
      const label = rowLabel(grid, row, incomeCol);
      if (!onExpenseSide && (classOfLabel(label) || matchKey(label, spec.expenseMatchers) === 'totalExpense' || /^支出(项目)?$/.test(label))) onExpenseSide = true;
      if (/^(收入|支出)(项目)?$/.test(label)) continue;
    }
    if (!vertical || !onExpenseSide) readIncomeRow(row);
    if (!vertical || onExpenseSide) readExpenseRow(row);
  }
  /** A “其中：…” line under a known line: a breakdown the public tables do not define, noted and not checked. */
  function detailLine(row: number, col: number, cells: string[]): void {
    ctx.findings.push({
      rule: 'read-row-detail',
      severity: 'info',
      table: ctx.table,
      message: `${ctx.label}第 ${row + 1} 行“${truncate(grid.text(row, col))}”是上一行的明细（其中项），不在标准格式中，其金额未单独核对。`,
      cells: [...cells, grid.ref(row, col)],
    });
  }
  function readIncomeRow(row: number): void {
    // 收入 side
    const inLabel = rowLabel(grid, row, inCol);
    let inKey = inLabel ? matchKey(inLabel, spec.incomeMatchers) : undefined;
    // A bottom line labelled 合计 (not 总计): the grand total once 本年收入合计 has been seen, else the year's total.
    if (!inKey && BARE_TOTAL.test(inLabel)) inKey = income.totalIncome ? 'grandTotal' : 'totalIncome';
    if (spec.code === '04' && inKey && ['gpb', 'gf', 'soc'].includes(inKey) && incomeAfterOpening)
      inKey = `opening${inKey[0].toUpperCase()}${inKey.slice(1)}`;
    if (inKey === 'openingBalance') incomeAfterOpening = true;
    if (inKey === 'totalIncome' || inKey === 'grandTotal') incomeAfterOpening = inKey === 'totalIncome' ? false : incomeAfterOpening;
    const inAmount = ctx.amount(row, inAmountCol, () => `收入“${truncate(inLabel || '（无项目名称）', 20)}”`);
    if (inKey && !income[inKey]) {
      income[inKey] = { key: inKey, label: grid.text(row, inCol), labelCell: grid.ref(row, inCol), amounts: { amount: inAmount } };
    } else if (!inAmount.blank && isDetailLine(grid.text(row, inCol))) {
      detailLine(row, inCol, [inAmount.cell]);
    } else if (!inAmount.blank) {
      ctx.warn(
        'read-row-unrecognised',
        `收入方第 ${row + 1} 行${inLabel ? `“${truncate(inLabel)}”` : '（无项目名称）'}有金额但无法识别为标准项目，未纳入审核。`,
        [inAmount.cell, grid.ref(row, inCol)],
      );
    }
  }
  function readExpenseRow(row: number): void {
    // 支出 side
    const outLabel = rowLabel(grid, row, outCol);
    const amounts = readExpense(row, outLabel);
    const hasAmount = Object.values<Amount>(amounts).some((a) => !a.blank);
    const cls = outLabel ? classOfLabel(outLabel) : undefined;
    let outKey = cls ? undefined : outLabel ? matchKey(outLabel, spec.expenseMatchers) : undefined;
    if (!cls && !outKey && BARE_TOTAL.test(outLabel)) outKey = expense.totalExpense ? 'grandTotal' : 'totalExpense';
    if (spec.code === '04' && outKey === 'closingBalance') expenseAfterClosing = 1;
    else if (spec.code === '04' && expenseAfterClosing > 0 && outKey !== 'grandTotal') {
      // 年末 by source: labelled, or blank in the seed's layout (行次 61–63 in source order).
      const order = ['closingGpb', 'closingGf', 'closingSoc'];
      if (outKey && ['gpb', 'gf', 'soc'].includes(outKey)) outKey = `closing${outKey[0].toUpperCase()}${outKey.slice(1)}`;
      else if (!outLabel && expenseAfterClosing <= 3) outKey = order[expenseAfterClosing - 1];
      expenseAfterClosing++;
    }
    if (cls) {
      if (classes.some((c) => c.key === cls.code))
        ctx.warn('read-row-duplicate', `支出方“${cls.name}”出现了两次（第 ${row + 1} 行），只取第一次。`, [grid.ref(row, outCol)]);
      else classes.push({ key: cls.code, label: grid.text(row, outCol), labelCell: grid.ref(row, outCol), amounts });
    } else if (outKey && !expense[outKey]) {
      expense[outKey] = { key: outKey, label: grid.text(row, outCol), labelCell: grid.ref(row, outCol), amounts };
    } else if (hasAmount && isDetailLine(grid.text(row, outCol))) {
      detailLine(row, outCol, Object.values<Amount>(amounts).filter((a) => !a.blank).map((a) => a.cell));
    } else if (hasAmount) {
      ctx.warn(
        'read-row-unrecognised',
        `支出方第 ${row + 1} 行${outLabel ? `“${truncate(outLabel)}”` : '（无项目名称）'}有金额但无法识别为标准项目或功能分类类级科目，未纳入审核。`,
        [...Object.values<Amount>(amounts).filter((a) => !a.blank).map((a) => a.cell), grid.ref(row, outCol)],
      );
    }
  }
  const meta: TableMeta = buildMeta(loc, layout, body.lastRow, findEmptyStatement(grid, body.notes));
  return {
    table: { meta, income, expense, classes, expenseColumns: [...expenseCols.keys()] } as Statement<string, string, C>,
  };
}

function isDetailLine(text: string): boolean {
  return /^其中/.test(text);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}
