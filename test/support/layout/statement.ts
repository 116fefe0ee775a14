/**
 * 01 收入支出决算总表 and 04 财政拨款收入支出决算总表: an income side and an expense side next to each other, the
 * 类 rows on the expense side, the totals aligned at the bottom (domain.md §1.2).
 */
import type { Amt, StatementData } from './canonical';
import type { Block } from './block';
import type { Ctx } from './context';
import { chineseNumeral, CLASS_NAMES, columnHead, DEBT_CLASSES, EXPENSE_01, EXPENSE_04, INCOME_01, INCOME_04 } from './labels';

const INCOME_TOP = { '01': ['gpb', 'gf', 'soc', 'superior', 'business', 'operating', 'affiliated', 'other'], '04': ['gpb', 'gf', 'soc'] };
/** The bottom rows, income key beside expense key. */
const TAIL = {
  '01': [
    ['totalIncome', 'totalExpense'],
    ['useNonFiscalBalance', 'balanceDistribution'],
    ['openingBalance', 'closingBalance'],
    ['grandTotal', 'grandTotal'],
  ],
  '04': [
    ['totalIncome', 'totalExpense'],
    ['openingBalance', 'closingBalance'],
    ['openingGpb', 'closingGpb'],
    ['openingGf', 'closingGf'],
    ['openingSoc', 'closingSoc'],
    ['grandTotal', 'grandTotal'],
  ],
} as const;

/** The 类 rows this layout prints: the model's, or without the blank 债务 rows (24 instead of 26). */
function printedClasses(ctx: Ctx, data: StatementData): StatementData['classes'] {
  if (ctx.s.classRows === 'model') return data.classes;
  return data.classes.filter((c) => !(DEBT_CLASSES.includes(c.code) && Object.values(c.amounts).every((a) => a.value === null)));
}

export function statementBody(ctx: Ctx, code: '01' | '04'): Block {
  const { s } = ctx;
  const data = code === '01' ? ctx.book.t01 : ctx.book.t04;
  const incomeLabels = code === '01' ? INCOME_01 : INCOME_04;
  const expenseLabels = code === '01' ? EXPENSE_01 : EXPENSE_04;
  const b = ctx.block(code);
  const withNo = s.rowNumbers === 'yes';
  // Columns: income label, [行次], amount | expense label, [行次], amounts…
  const incLabel = 0;
  const incNo = withNo ? 1 : -1;
  const incAmt = withNo ? 2 : 1;
  const expLabel = incAmt + 1;
  const expNo = withNo ? expLabel + 1 : -1;
  const expFirst = withNo ? expLabel + 2 : expLabel + 1;
  const expCols = data.columns;
  const lastCol = expFirst + expCols.length - 1;

  let r = 0;
  if (s.sideRow === 'yes') {
    ctx.span(b, r, incLabel, r, incAmt, '收入');
    ctx.span(b, r, expLabel, r, lastCol, '支出');
    r++;
  }
  ctx.span(b, r, incLabel, r, incLabel, s.sideRow === 'yes' ? '项目' : '收入');
  if (withNo) ctx.span(b, r, incNo, r, incNo, '行次');
  ctx.span(b, r, incAmt, r, incAmt, '金额');
  ctx.span(b, r, expLabel, r, expLabel, s.sideRow === 'yes' ? '项目' : '支出');
  if (withNo) ctx.span(b, r, expNo, r, expNo, '行次');
  expCols.forEach((c, i) => ctx.span(b, r, expFirst + i, r, expFirst + i, code === '01' ? '金额' : columnHead('04', c)));
  r++;
  if (s.subRow === '栏次') {
    b.text(r, incLabel, '栏次');
    b.text(r, expLabel, '栏次');
    b.text(r, incAmt, 1);
    expCols.forEach((_c, i) => b.text(r, expFirst + i, i + 2));
    r++;
  } else if (s.subRow === '决算数') {
    ctx.span(b, r, incAmt, r, incAmt, '决算数');
    expCols.forEach((_c, i) => ctx.span(b, r, expFirst + i, r, expFirst + i, '决算数'));
    r++;
  }

  const numbered = (i: number, label: string) => (s.labelNumbers === 'numbered' ? `${chineseNumeral(i + 1)}、${label}` : label);
  const top = INCOME_TOP[code].filter((k) => data.income[k]);
  const classes = printedClasses(ctx, data);
  const n = Math.max(top.length, classes.length);
  const tail = TAIL[code];
  let incomeNo = 1;
  let expenseNo = n + tail.length + 1;
  const incomeLine = (row: number, key: string | undefined, label: string) => {
    if (withNo) b.text(row, incNo, incomeNo++);
    if (!key) return;
    const a: Amt | undefined = data.income[key];
    if (!a) return;
    b.text(row, incLabel, label);
    b.amount(row, incAmt, a);
  };
  const expenseLine = (row: number, amounts: Record<string, Amt> | undefined, label: string) => {
    if (withNo) b.text(row, expNo, expenseNo++);
    if (!amounts) return;
    b.text(row, expLabel, label);
    expCols.forEach((c, i) => {
      if (amounts[c]) b.amount(row, expFirst + i, amounts[c]);
    });
  };
  for (let i = 0; i < n; i++, r++) {
    const key = top[i];
    incomeLine(r, key, key ? numbered(i, incomeLabels[key]) : '');
    const cls = classes[i];
    if (cls) expenseLine(r, cls.amounts, numbered(i, CLASS_NAMES[cls.code] ?? cls.code));
    else if (withNo) b.text(r, expNo, expenseNo++);
  }
  // Labelled source rows that are blank under a non-blank 年末 row would print a split of 0.00: another table,
  // with its own finding (t04-closing-split). Such a book keeps them unlabelled, as the seed prints them.
  const sources = ['closingGpb', 'closingGf', 'closingSoc'];
  const blank = (k: string) => Object.values(data.expense[k] ?? {}).every((a) => a.value === null);
  const labelSources = s.closingLabels04 === 'labelled' && !(sources.every(blank) && !blank('closingBalance'));
  for (const [inc, exp] of tail) {
    const bottom = (key: string, labels: Record<string, string>) =>
      key === 'grandTotal' ? s.bottomWord : key === 'useNonFiscalBalance' && s.balanceLabel === 'short' ? '使用非财政拨款结余' : labels[key];
    incomeLine(r, inc, bottom(inc, incomeLabels));
    const blankLabel = code === '04' && sources.includes(exp) && !labelSources;
    expenseLine(r, data.expense[exp], blankLabel ? '' : bottom(exp, expenseLabels));
    r++;
  }
  return b;
}
