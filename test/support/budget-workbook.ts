/**
 * A 部门预算 workbook built from the sample's published figures (test/fixtures/seed-2024-budget.xlsx is this
 * builder's default output, written by scripts/make-budget-fixture.ts), with switches for the layouts
 * docs/budget-layouts.md describes.
 *
 * Published (the sample's 情况说明, /work/shared/seed): 年初预算 of 一般公共预算财政拨款支出 580.13 万元 in total
 * and per 项 (五（三）: 2010450 476.41, 2080502 6.06, 2080505 27.91, 2080506 13.96, 2101102 11.53, 2101103 6.62,
 * 2101199 14.30, 2210201 23.35; 2010499, 2101101 and 2110199 0 — the stated 项 add up to 580.14, the sample's own
 * 0.01 尾数), and the 三公 budgets of 七 (19 = 出国 7 + 公务用车 7 (购置 0, 运行 7) + 接待 5; the 09 table's 预算数
 * columns repeat the 决算数 instead: domain.md §4 #2–3).
 *
 * Assumed (nothing published says it): the 基本/项目 split (项目支出 207.00 on 2010450 事业运行, the sample's
 * “年初预算专项资金 207 万元”, so 基本支出 373.13); 人员经费 245.26 / 公用经费 127.87 and their 经济分类 lines;
 * 收入总计 = 支出总计 = 580.13 (all income 一般公共预算拨款, as in the sample's 决算). 类 and 款 lines are the sums
 * of their 项. The distractor tables' figures are made up and differ on purpose, so that reading one of them
 * instead of the real table shows.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const BUDGET_DEPARTMENT = '株洲市长株潭一体化发展事务中心';
export const BUDGET_YEAR = 2024;

export interface BudgetLine {
  code: string;
  name: string;
  basic: string;
  project: string;
}

/** The 项 lines with a budget (the published ones), and the 项 whose 年初预算 is 0 (printed only with `zeroLines`). */
export const BUDGET_ITEMS: BudgetLine[] = [
  { code: '2010450', name: '事业运行', basic: '269.41', project: '207.00' },
  { code: '2080502', name: '事业单位离退休', basic: '6.06', project: '0' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: '27.91', project: '0' },
  { code: '2080506', name: '机关事业单位职业年金缴费支出', basic: '13.96', project: '0' },
  { code: '2101102', name: '事业单位医疗', basic: '11.53', project: '0' },
  { code: '2101103', name: '公务员医疗补助', basic: '6.62', project: '0' },
  { code: '2101199', name: '其他行政事业单位医疗支出', basic: '14.30', project: '0' },
  { code: '2210201', name: '住房公积金', basic: '23.35', project: '0' },
];
export const ZERO_ITEMS: BudgetLine[] = [
  { code: '2010499', name: '其他发展与改革事务支出', basic: '0', project: '0' },
  { code: '2101101', name: '行政单位医疗', basic: '0', project: '0' },
  { code: '2110199', name: '其他环境保护管理事务支出', basic: '0', project: '0' },
];
const PARENT_NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '20104': '发展与改革事务',
  '208': '社会保障和就业支出',
  '20805': '行政事业单位养老支出',
  '210': '卫生健康支出',
  '21011': '行政事业单位医疗',
  '211': '节能环保支出',
  '21101': '环境保护管理事务',
  '221': '住房保障支出',
  '22102': '住房改革支出',
};

/** The printed 合计 row: the published total (580.13), not the 项' sum (580.14). */
export const BUDGET_TOTAL = { total: '580.13', basic: '373.13', project: '207.00' };
export const BUDGET_BASIC = { personnel: '245.26', publicUse: '127.87', total: '373.13' };
const ECONOMIC = [
  { code: '301', name: '工资福利支出', personnel: '235.00', publicUse: '0' },
  { code: '302', name: '商品和服务支出', personnel: '0', publicUse: '127.87' },
  { code: '303', name: '对个人和家庭的补助', personnel: '10.26', publicUse: '0' },
];
export const BUDGET_SANGONG = { total: '19.00', abroad: '7.00', vehicle: '7.00', purchase: '0', operation: '7.00', reception: '5.00' };
export const BUDGET_OVERVIEW = { income: '580.13', expense: '580.13' };

/**
 * A table printed in 元 carries the 元 the 万元 figures were rounded from, so its lines add up exactly: 45 元 less
 * on three 项 (each still rounds to its published 万元), a 合计 of 5,801,265.00 元 (580.1265 万元, printed 580.13).
 */
export const YUAN_DELTAS: Record<string, string> = { '2010450': '-0.0045', '2080505': '-0.0045', '2210201': '-0.0045' };
const YUAN_ECONOMIC_DELTA: Record<string, string> = { '301': '-0.0035' };

export type BudgetTable = 'overview' | 'gpb-expense' | 'basic-expense' | 'sangong';

export interface BudgetLayout {
  /** 科目编码 printed over three columns 类 | 款 | 项. */
  splitCodes?: boolean;
  /** Code and name in one cell (“2010450 事业运行”). */
  codeWithName?: boolean;
  /** Tables printed in 元 (true: all four). */
  yuan?: boolean | BudgetTable[];
  /** 三公 items down a column (项目 | 预算数) instead of across a row. */
  sangongDown?: boolean;
  /** The other tables of a budget workbook (目录, 部门收入总表, 部门支出总表, 财政拨款收支总表, 政府性基金…, 绩效目标). */
  distractors?: boolean;
  /** Every table stacked on one sheet (titles without the year, one “2024年部门预算” heading on top). */
  oneSheet?: boolean;
  /** Tables left out. */
  omit?: BudgetTable[];
  /** The 项 with a 年初预算 of 0 printed (with their 类/款), their amounts blank. */
  zeroLines?: boolean;
  /** A 2023年执行数 block printed before the 2024年预算数 columns of 一般公共预算支出表 and 三公. */
  priorYearColumns?: boolean;
  /**
   * Other spellings of the four titles (docs/budget-layouts.md): 收支预算总表, 一般公共预算财政拨款支出预算表,
   * 一般公共预算财政拨款基本支出表, 部门预算资金安排的“三公”经费情况表 (B10).
   */
  altTitles?: boolean;
  /** Where 单位 is stated: on the 部门 line (default), in the title (“…表（单位：万元）”), or alone on a row at the right. */
  unitPlace?: 'line' | 'title' | 'own-row';
  /** A 行次 column after the names and a 栏次 row under the header (一般公共预算支出表, 基本支出表). */
  lineNumbers?: boolean;
  /** The 合计 row printed last instead of first (一般公共预算支出表, 基本支出表, 三公 down a column). */
  totalAtBottom?: boolean;
  /** Each title in a merged cell over the table's width, its text in the merge's top-left… or typed far right (column D). */
  titleRight?: boolean;
  /** Tables whose sheets are hidden (ignored with `oneSheet`). */
  hidden?: BudgetTable[];
  /** A 2024年财政拨款支出表 with 一般公共预算 and 政府性基金 columns (not the 一般公共预算 one), before the real tables. */
  fiscalExpense?: boolean;
  /** The table's number at the corner of the row under the title (“预算05表”, column H). */
  cornerNumbers?: boolean;
}

type Cell = string | number | null;
interface Block {
  title: string;
  sheet: string;
  rows: Cell[][];
  /** Merges relative to the block's first row (0-based rows and columns). */
  merges?: Array<[number, number, number, number]>;
  kind?: BudgetTable;
  /** Index in `rows` of the 合计 row, for `totalAtBottom`. */
  totalRow?: number;
  /** Column of the names, for `lineNumbers` (行次 goes right of it). */
  nameCol?: number;
  /** First and last header row in `rows`, for `lineNumbers`. */
  headerRows?: [number, number];
  /** Column of the title (0: A). */
  titleCol?: number;
  /** Columns holding amounts (0-based), from the header on. */
  amountCols?: number[];
}

const n = (s: string) => new Decimal(s);

export function budgetWorkbook(layout: BudgetLayout = {}): ExcelJS.Workbook {
  const titlePrefix = layout.oneSheet ? '' : `${BUDGET_YEAR}年`;
  const unitText = (t: BudgetTable) => (inYuan(layout, t) ? '单位：元' : '单位：万元');
  const unitLine = (t: BudgetTable): Cell[] =>
    layout.unitPlace === 'title'
      ? [`部门：${BUDGET_DEPARTMENT}`]
      : layout.unitPlace === 'own-row'
        ? [`部门：${BUDGET_DEPARTMENT}`, null, null, null, null, null, null, null, unitText(t)]
        : [`部门：${BUDGET_DEPARTMENT}`, null, null, null, unitText(t)];
  const amount = (t: BudgetTable) => (s: string): Cell => {
    const v = n(s);
    if (v.isZero()) return null;
    return (inYuan(layout, t) ? v.times(10000) : v).toNumber();
  };
  const blocks: Block[] = [];
  const omit = new Set(layout.omit ?? []);

  if (layout.distractors) blocks.push(...distractorBlocks(titlePrefix, 'before'));
  if (!omit.has('overview')) blocks.push(overviewBlock(titlePrefix, unitLine('overview'), amount('overview'), layout));
  if (layout.distractors) blocks.push(...distractorBlocks(titlePrefix, 'middle'));
  if (layout.fiscalExpense) blocks.push(fiscalExpenseBlock(titlePrefix));
  if (!omit.has('gpb-expense')) blocks.push(gpbBlock(titlePrefix, unitLine('gpb-expense'), amount('gpb-expense'), layout));
  if (!omit.has('basic-expense')) blocks.push(basicBlock(titlePrefix, unitLine('basic-expense'), amount('basic-expense'), layout));
  if (!omit.has('sangong')) blocks.push(sangongBlock(titlePrefix, unitLine('sangong'), amount('sangong'), layout));
  if (layout.distractors) blocks.push(...distractorBlocks(titlePrefix, 'after'));
  for (const b of blocks) restyle(b, layout, unitText);

  const wb = new ExcelJS.Workbook();
  // Fixed, so that the same layout always gives the same file.
  wb.creator = 'juesuan tests';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  if (layout.oneSheet) {
    const ws = wb.addWorksheet('部门预算表');
    ws.getCell(1, 1).value = `${BUDGET_DEPARTMENT}${BUDGET_YEAR}年部门预算`;
    let top = 3;
    for (const b of blocks) {
      writeBlock(ws, b, top);
      top += b.rows.length + 3;
    }
  } else {
    const hidden = new Set(layout.hidden ?? []);
    for (const b of blocks) writeBlock(wb.addWorksheet(b.sheet, b.kind && hidden.has(b.kind) ? { state: 'hidden' } : {}), b, 1);
  }
  return wb;
}

/** Other spellings of the four titles; the alternatives are the ones docs/budget-layouts.md lists as seen or assumed. */
const ALT_TITLES: Record<BudgetTable, string> = {
  overview: '收支预算总表',
  'gpb-expense': '一般公共预算财政拨款支出预算表',
  'basic-expense': '一般公共预算财政拨款基本支出表',
  sangong: '部门预算资金安排的“三公”经费情况表',
};

const CORNER_NUMBERS: Record<BudgetTable, number> = { overview: 1, 'gpb-expense': 5, 'basic-expense': 6, sangong: 7 };

/** The switches that change a built block after the fact: title spelling and place, unit place, 行次, 合计 last, 表号. */
function restyle(b: Block, layout: BudgetLayout, unitText: (t: BudgetTable) => string): void {
  if (!b.kind) return;
  if (layout.altTitles) b.title = b.title.replace(/[^年]*表$/, ALT_TITLES[b.kind]);
  if (layout.unitPlace === 'title') b.title = `${b.title}（${unitText(b.kind)}）`;
  if (layout.totalAtBottom && b.totalRow !== undefined) {
    const [total] = b.rows.splice(b.totalRow, 1);
    const note = b.rows.findIndex((r) => /^注/.test(String(r[0] ?? '')));
    b.rows.splice(note < 0 ? b.rows.length : note, 0, total);
  }
  if (layout.lineNumbers && b.nameCol !== undefined && b.headerRows) {
    // 行次 right of the names (numbering the body lines), and a 栏次 row under the header numbering the amounts.
    const at = b.nameCol + 1;
    const [first, last] = b.headerRows;
    let line = 0;
    b.rows.forEach((r, i) => {
      if (i < first || (i > last && r.length <= at)) return;
      r.splice(at, 0, i === first ? '行次' : i <= last ? null : ++line);
    });
    const width = Math.max(...b.rows.slice(first, last + 1).map((r) => r.length));
    const serial: Cell[] = Array.from({ length: width }, (_, c) => (c === 0 ? '栏次' : c > at ? c - at : null));
    b.rows.splice(last + 1, 0, serial);
    b.merges = (b.merges ?? []).map(([r1, c1, r2, c2]) => [r1, c1 >= at ? c1 + 1 : c1, r2, c2 >= at ? c2 + 1 : c2]);
    if (last > first) b.merges.push([first, at, last, at]);
  }
  if (layout.titleRight) b.titleCol = 3;
  if (layout.cornerNumbers) {
    const first = b.rows[0];
    while (first.length < 8) first.push(null);
    first[7] = `预算0${CORNER_NUMBERS[b.kind]}表`;
  }
}

function writeBlock(ws: ExcelJS.Worksheet, b: Block, top: number): void {
  ws.getCell(top, (b.titleCol ?? 0) + 1).value = b.title;
  b.rows.forEach((row, i) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(top + 1 + i, c + 1);
      cell.value = v;
      if (typeof v === 'number') cell.numFmt = '#,##0.00';
    }),
  );
  for (const [r1, c1, r2, c2] of b.merges ?? []) ws.mergeCells(top + 1 + r1, c1 + 1, top + 1 + r2, c2 + 1);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 30;
}

function overviewBlock(prefix: string, unit: Cell[], amt: (s: string) => Cell, layout: BudgetLayout): Block {
  const { income, expense } = overviewFigures(layout);
  return {
    title: `${prefix}部门收支总表`,
    sheet: '表1 部门收支总表',
    kind: 'overview',
    rows: [
      unit,
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', amt(income), '一、一般公共服务支出', amt('476.41')],
      ['二、政府性基金预算拨款收入', null, '二、社会保障和就业支出', amt('47.93')],
      ['三、国有资本经营预算拨款收入', null, '三、卫生健康支出', amt('32.45')],
      ['四、事业收入', null, '四、住房保障支出', amt('23.35')],
      ['五、其他收入', null, null, null],
      ['本年收入合计', amt(income), '本年支出合计', amt(expense)],
      ['上年结转', null, '结转下年', null],
      ['收入总计', amt(income), '支出总计', amt(expense)],
    ],
    merges: [
      [1, 0, 1, 1],
      [1, 2, 1, 3],
    ],
  };
}

/** Every printed line of 一般公共预算支出表: 类 and 款 as the sums of their 项, in code order. */
export function budgetLines(zeroLines = false, yuanDetail = false): Array<BudgetLine & { total: string }> {
  const items = [...BUDGET_ITEMS, ...(zeroLines ? ZERO_ITEMS : [])].map((it) =>
    yuanDetail && YUAN_DELTAS[it.code] ? { ...it, basic: n(it.basic).plus(YUAN_DELTAS[it.code]).toFixed(4) } : it,
  );
  const codes = new Set<string>();
  for (const it of items) for (const len of [3, 5, 7]) codes.add(it.code.slice(0, len));
  return [...codes].sort().map((code) => {
    const under = items.filter((it) => it.code.startsWith(code));
    const basic = under.reduce((a, it) => a.plus(it.basic), n('0'));
    const project = under.reduce((a, it) => a.plus(it.project), n('0'));
    const name = code.length === 7 ? items.find((it) => it.code === code)!.name : PARENT_NAMES[code];
    return { code, name, basic: basic.toString(), project: project.toString(), total: basic.plus(project).toString() };
  });
}

/** What 一般公共预算支出表 prints, in 万元: its 合计 row and lines (the 元 detail when printed in 元). */
export function gpbFigures(layout: BudgetLayout = {}): { total: typeof BUDGET_TOTAL; lines: Array<BudgetLine & { total: string }> } {
  const yuan = inYuan(layout, 'gpb-expense');
  const lines = budgetLines(layout.zeroLines, yuan);
  if (!yuan) return { total: BUDGET_TOTAL, lines };
  const sum = (k: 'basic' | 'project') => lines.filter((l) => l.code.length === 7).reduce((a, l) => a.plus(l[k]), n('0'));
  return { total: { total: sum('basic').plus(sum('project')).toString(), basic: sum('basic').toString(), project: sum('project').toString() }, lines };
}

/** 一般公共预算基本支出表's 合计 (人员经费, 公用经费), in 万元 (the 元 detail when printed in 元). */
export function basicFigures(layout: BudgetLayout = {}): typeof BUDGET_BASIC & { lines: typeof ECONOMIC } {
  const yuan = inYuan(layout, 'basic-expense');
  const lines = ECONOMIC.map((e) => (yuan && YUAN_ECONOMIC_DELTA[e.code] ? { ...e, personnel: n(e.personnel).plus(YUAN_ECONOMIC_DELTA[e.code]).toString() } : e));
  const sum = (k: 'personnel' | 'publicUse') => lines.reduce((a, e) => a.plus(e[k]), n('0'));
  if (!yuan) return { ...BUDGET_BASIC, lines };
  return { personnel: sum('personnel').toString(), publicUse: sum('publicUse').toString(), total: sum('personnel').plus(sum('publicUse')).toString(), lines };
}

/** 收入总计 / 支出总计 as the 收支总表 prints them, in 万元. */
export function overviewFigures(layout: BudgetLayout = {}): typeof BUDGET_OVERVIEW {
  if (!inYuan(layout, 'overview')) return BUDGET_OVERVIEW;
  const total = gpbFigures({ ...layout, yuan: ['gpb-expense'] }).total.total;
  return { income: total, expense: total };
}

function inYuan(layout: BudgetLayout, t: BudgetTable): boolean {
  return layout.yuan === true || (Array.isArray(layout.yuan) && layout.yuan.includes(t));
}

function gpbBlock(prefix: string, unit: Cell[], amt: (s: string) => Cell, layout: BudgetLayout): Block {
  const { total: printedTotal, lines } = gpbFigures(layout);
  const codeCols = layout.splitCodes ? 3 : layout.codeWithName ? 0 : 1;
  const nameCols = 1;
  const lead = codeCols + nameCols;
  const prior = layout.priorYearColumns ? 1 : 0;
  const header1: Cell[] = [];
  const header2: Cell[] = [];
  const merges: Block['merges'] = [];
  if (layout.splitCodes) {
    header1.push('科目编码', null, null, '科目名称');
    header2.push('类', '款', '项', null);
    merges.push([1, 0, 1, 2], [1, 3, 2, 3]);
  } else if (layout.codeWithName) {
    header1.push('科目编码及名称');
    header2.push(null);
    merges.push([1, 0, 2, 0]);
  } else {
    header1.push('科目编码', '科目名称');
    header2.push(null, null);
    merges.push([1, 0, 2, 0], [1, 1, 2, 1]);
  }
  if (prior) {
    header1.push(`${BUDGET_YEAR - 1}年执行数`);
    header2.push('合计');
  }
  header1.push(`${BUDGET_YEAR}年预算数`, null, null);
  header2.push('合计', '基本支出', '项目支出');
  merges.push([1, lead + prior, 1, lead + prior + 2]);
  const codeCells = (code: string, name: string): Cell[] => {
    if (layout.splitCodes) return [code.slice(0, 3), code.slice(3, 5) || null, code.slice(5, 7) || null, name];
    if (layout.codeWithName) return [`${code} ${name}`];
    return [code, name];
  };
  const priorCells = (total: string): Cell[] => (prior ? [amt(n(total).times('1.1').toFixed(2))] : []);
  const rows: Cell[][] = [unit, header1, header2];
  rows.push([...(layout.splitCodes ? ['合计', null, null, null] : layout.codeWithName ? ['合计'] : ['合计', null]), ...priorCells(printedTotal.total), amt(printedTotal.total), amt(printedTotal.basic), amt(printedTotal.project)]);
  for (const l of lines) rows.push([...codeCells(l.code, l.name), ...priorCells(l.total), amt(l.total), amt(l.basic), amt(l.project)]);
  rows.push(['注：本表反映部门本年度一般公共预算财政拨款支出预算情况。']);
  return { title: `${prefix}一般公共预算支出表`, sheet: '表5 一般公共预算支出表', rows, merges, kind: 'gpb-expense', totalRow: 3, nameCol: codeCols, headerRows: [1, 2] };
}

function basicBlock(prefix: string, unit: Cell[], amt: (s: string) => Cell, layout: BudgetLayout): Block {
  const b = basicFigures(layout);
  const rows: Cell[][] = [
    unit,
    ['部门预算支出经济分类科目', null, `${BUDGET_YEAR}年一般公共预算基本支出`, null, null],
    ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    ['合计', null, amt(b.total), amt(b.personnel), amt(b.publicUse)],
    ...b.lines.map((e) => [e.code, e.name, amt(n(e.personnel).plus(e.publicUse).toString()), amt(e.personnel), amt(e.publicUse)]),
  ];
  return {
    title: `${prefix}一般公共预算基本支出表`,
    sheet: '表6 一般公共预算基本支出表',
    rows,
    kind: 'basic-expense',
    totalRow: 3,
    nameCol: 1,
    headerRows: [1, 2],
    merges: [
      [1, 0, 1, 1],
      [1, 2, 1, 4],
    ],
  };
}

function sangongBlock(prefix: string, unit: Cell[], amt: (s: string) => Cell, layout: BudgetLayout): Block {
  const s = BUDGET_SANGONG;
  const title = `${prefix}一般公共预算“三公”经费支出表`;
  const sheet = '表7 三公经费支出表';
  const prior = layout.priorYearColumns;
  if (layout.sangongDown) {
    // Source order (docs/budget-layouts.md): 出国, 接待, 公务用车 and its two parts.
    const rows: Cell[][] = [
      unit,
      ['项目', ...(prior ? [`${BUDGET_YEAR - 1}年预算数`] : []), `${BUDGET_YEAR}年预算数`],
      ['合计', ...(prior ? [amt('24.00')] : []), amt(s.total)],
      ['1.因公出国（境）费', ...(prior ? [amt('0')] : []), amt(s.abroad)],
      ['2.公务接待费', ...(prior ? [amt('5.00')] : []), amt(s.reception)],
      ['3.公务用车购置及运行维护费', ...(prior ? [amt('19.00')] : []), amt(s.vehicle)],
      ['其中：公务用车运行维护费', ...(prior ? [amt('7.00')] : []), amt(s.operation)],
      ['公务用车购置费', ...(prior ? [amt('12.00')] : []), amt(s.purchase)],
    ];
    return { title, sheet, rows, kind: 'sangong', totalRow: 2, nameCol: 0, headerRows: [1, 1] };
  }
  const items = (v: typeof s): Cell[] => [amt(v.total), amt(v.abroad), amt(v.vehicle), amt(v.purchase), amt(v.operation), amt(v.reception)];
  const header1: Cell[] = ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'];
  const header2: Cell[] = [null, null, '小计', '公务用车购置费', '公务用车运行费', null];
  const merges: Block['merges'] = [
    [2, 0, 3, 0],
    [2, 1, 3, 1],
    [2, 2, 2, 4],
    [2, 5, 3, 5],
  ];
  const group: Cell[] = [`${BUDGET_YEAR}年预算数`, null, null, null, null, null];
  const rows: Cell[][] = [unit];
  if (prior) {
    rows.push([`${BUDGET_YEAR - 1}年预算数`, null, null, null, null, null, ...group], [...header1, ...header1], [...header2, ...header2]);
    rows.push([...items({ total: '24.00', abroad: '0', vehicle: '19.00', purchase: '12.00', operation: '7.00', reception: '5.00' }), ...items(s)]);
    merges.push(...merges.map(([a, b, c, d]) => [a, b + 6, c, d + 6] as [number, number, number, number]), [1, 0, 1, 5], [1, 6, 1, 11]);
  } else {
    rows.push(group, header1, header2, items(s));
    merges.push([1, 0, 1, 5]);
  }
  return { title, sheet, rows, merges, kind: 'sangong' };
}

/**
 * 财政拨款支出表 by fund source: its 合计 holds 政府性基金 too, so it is not the 一般公共预算 one (its figures
 * differ from the real table's on purpose: 10 of 政府性基金 on 2120899).
 */
function fiscalExpenseBlock(prefix: string): Block {
  return {
    title: `${prefix}财政拨款支出表`,
    sheet: '表4-1 财政拨款支出表',
    rows: [
      [`部门：${BUDGET_DEPARTMENT}`, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '一般公共预算', '政府性基金预算'],
      ['合计', null, 590.13, 580.13, 10],
      ['201', '一般公共服务支出', 476.41, 476.41, null],
      ['212', '城乡社区支出', 10, null, 10],
      ['2120899', '其他国有土地使用权出让收入安排的支出', 10, null, 10],
    ],
  };
}

/** The other tables of a budget workbook, with figures that differ from the real tables' on purpose. */
function distractorBlocks(prefix: string, where: 'before' | 'middle' | 'after'): Block[] {
  const unit: Cell[] = [`部门：${BUDGET_DEPARTMENT}`, null, null, null, '单位：万元'];
  if (where === 'before')
    return [
      {
        title: '目录',
        sheet: '目录',
        rows: [['一、部门收支总表'], ['二、部门收入总表'], ['三、部门支出总表'], ['四、财政拨款收支总表'], ['五、一般公共预算支出表'], ['六、一般公共预算基本支出表'], ['七、一般公共预算“三公”经费支出表'], ['八、政府性基金预算支出表'], ['九、国有资本经营预算支出表'], ['十、项目支出绩效目标表']],
      },
    ];
  if (where === 'middle')
    return [
      {
        title: `${prefix}部门收入总表`,
        sheet: '表2 部门收入总表',
        rows: [unit, ['科目编码', '科目名称', '合计', '一般公共预算拨款收入', '事业收入'], ['合计', null, 611.5, 601.5, 10], ['201', '一般公共服务支出', 611.5, 601.5, 10]],
      },
      {
        title: `${prefix}部门支出总表`,
        sheet: '表3 部门支出总表',
        rows: [
          unit,
          ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
          ['合计', null, 611.5, 390.5, 221],
          ['201', '一般公共服务支出', 500.5, 279.5, 221],
          ['20104', '发展与改革事务', 500.5, 279.5, 221],
          ['2010450', '事业运行', 500.5, 279.5, 221],
          ['208', '社会保障和就业支出', 111, 111, null],
        ],
      },
      {
        title: `${prefix}财政拨款收支总表`,
        sheet: '表4 财政拨款收支总表',
        rows: [
          unit,
          ['收入', null, '支出', null, null, null],
          ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算'],
          ['一、本年收入', 601.5, '一、本年支出', 601.5, 591.5, 10],
          ['收入总计', 601.5, '支出总计', 601.5, 591.5, 10],
        ],
      },
    ];
  return [
    {
      title: `${prefix}政府性基金预算支出表`,
      sheet: '表8 政府性基金预算支出表',
      rows: [unit, ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['合计', null, 10, null, 10], ['2120899', '其他国有土地使用权出让收入安排的支出', 10, null, 10]],
    },
    {
      title: `${prefix}国有资本经营预算支出表`,
      sheet: '表9 国有资本经营预算支出表',
      rows: [unit, ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['合计', null, null, null, null], ['说明：本单位无国有资本经营预算支出，故本表无数据。']],
    },
    {
      title: `${prefix}项目支出绩效目标表`,
      sheet: '表10 项目支出绩效目标表',
      rows: [['项目名称', '长株潭一体化发展工作经费'], ['预算金额', 207], ['年度目标', '推进长株潭一体化发展各项工作'], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '召开联席会议次数', '≥1次']],
    },
  ];
}

/** The workbook's bytes, the same for the same layout (fixed zip dates: ExcelJS stamps the time of writing). */
export async function budgetWorkbookBytes(layout: BudgetLayout = {}): Promise<Buffer> {
  const raw = await budgetWorkbook(layout).xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw as ArrayBuffer);
  const out = new JSZip();
  const date = new Date(Date.UTC(2024, 0, 1));
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
