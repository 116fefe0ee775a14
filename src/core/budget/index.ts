import type { Finding } from '../findings/finding';
import { Grid } from '../workbook/grid';
import { a1 } from '../workbook/address';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { TableCode } from '../tables/codes';
import { findTitles, type TitleAt } from '../read/locate';
import { truncate } from '../read/context';
import { BudgetTableContext, tableUnit, type TableUnit } from './context';
import { BUDGET_TABLE_KINDS, BUDGET_TABLE_NAMES, classifyBudgetTitle, type BudgetTitleKind } from './title';
import { readBudgetMeta } from './meta';
import { readOverview } from './overview';
import { readGpbExpense } from './gpb-expense';
import { readBasicExpense } from './basic-expense';
import { readSangong } from './sangong';
import type { BudgetFigures, BudgetReadResult, BudgetTableKind } from './types';

export type { BudgetFigure, BudgetFigures, BudgetItem, BudgetReadResult, BudgetSangong, BudgetTableKind } from './types';

/** The 决算 table whose reader's column names the messages of each budget table use. */
const SHAPE: Record<BudgetTableKind, TableCode> = { overview: '01', 'gpb-expense': '05', 'basic-expense': '06', sangong: '09' };

/**
 * A unit's published 部门预算 workbook → the figures the 情况说明 needs (src/core/budget/types.ts). Tables are
 * located by their titles' words, anywhere, in any order, several to a sheet (docs/budget-layouts.md); the
 * other tables of a budget workbook are recognised and left alone. Never throws: every problem is a Chinese
 * finding with a `budget-*` rule.
 */
export function readBudgetWorkbook(snapshot: WorkbookSnapshot): BudgetReadResult {
  try {
    return read(snapshot);
  } catch (error) {
    return {
      figures: { gpbItems: [], tables: [] },
      findings: [
        {
          rule: 'budget-read-failed',
          severity: 'error',
          message: `读取预算工作簿${snapshot.source ? `“${snapshot.source}”` : ''}时出错（${error instanceof Error ? error.message : String(error)}），未取得任何预算数。`,
          cells: [],
        },
      ],
    };
  }
}

interface Attempt {
  at: TitleAt<BudgetTitleKind>;
  why: string;
}

function read(snapshot: WorkbookSnapshot): BudgetReadResult {
  const grids = snapshot.sheets.filter((s) => s.values.length > 0).map((s) => new Grid(s));
  const hidden = new Set(snapshot.sheets.filter((s) => s.visibility && s.visibility !== 'visible').map((s) => s.name));
  const titles = findTitles(grids, classifyBudgetTitle);
  const wanted = titles.filter((t) => (BUDGET_TABLE_KINDS as readonly string[]).includes(t.code));
  const year = readBudgetMeta(grids, titles, wanted).year;
  // Of two copies, the one of the budget year on a visible sheet is read first.
  const otherYear = (t: TitleAt<BudgetTitleKind>) => Number(year !== undefined && /\d{4}年/.test(t.title) && !t.title.includes(`${year}年`));
  const ofKind = (kind: BudgetTableKind) =>
    titles
      .filter((t) => t.code === kind)
      .sort((a, b) => Number(hidden.has(a.grid.name)) - Number(hidden.has(b.grid.name)) || otherYear(a) - otherYear(b));
  const fallbackUnit = usualUnit(wanted);

  const figures: BudgetFigures = { gpbItems: [], tables: [] };
  const findings: Finding[] = [];
  const readTables: Array<TitleAt<BudgetTitleKind>> = [];
  const failed = new Map<BudgetTableKind, Attempt[]>();
  const noUnit: string[] = [];
  const converted: Array<{ name: string; unit: string; cell?: string }> = [];
  for (const kind of BUDGET_TABLE_KINDS) {
    for (const at of ofKind(kind)) {
      const ctx = new BudgetTableContext(kind, at, SHAPE[kind], fallbackUnit);
      const why = readOne(ctx, kind, year, figures);
      if (why) {
        failed.set(kind, [...(failed.get(kind) ?? []), { at, why }]);
        continue;
      }
      findings.push(...ctx.findings());
      readTables.push(at);
      const copies = ofKind(kind).filter((t) => t !== at && t.endRow - t.titleRow >= 2);
      if (copies.length > 0)
        findings.push({
          rule: 'budget-table-duplicate',
          severity: 'info',
          message: `预算工作簿中有 ${copies.length + 1} 张${BUDGET_TABLE_NAMES[kind].name}，使用${place(at)}“${truncate(at.title, 30)}”；${copies.map((c) => `${place(c)}“${truncate(c.title, 30)}”`).join('、')}未读取。`,
          cells: [at, ...copies].map((t) => t.grid.ref(t.titleRow, t.titleCol)),
        });
      figures.tables.push({ kind, title: String(at.grid.value(at.titleRow, at.titleCol) ?? at.title).trim(), sheet: at.grid.name, unit: ctx.unit.text });
      if (!ctx.unit.cell) noUnit.push(ctx.label);
      if (ctx.unit.text !== '万元') converted.push({ name: BUDGET_TABLE_NAMES[kind].name, unit: ctx.unit.text, cell: ctx.unit.cell });
      break;
    }
  }

  const finalAccounts = titles.filter((t) => t.code === 'final-accounts');
  if (readTables.length === 0) {
    findings.push(nothingRead(snapshot, finalAccounts, failed));
    return { figures, findings };
  }
  const meta = readBudgetMeta(grids, titles, readTables);
  if (meta.year !== undefined) figures.year = String(meta.year);
  if (meta.department) figures.department = meta.department;
  for (const kind of BUDGET_TABLE_KINDS) if (!figures.tables.some((t) => t.kind === kind)) findings.push(missing(kind, failed.get(kind) ?? [], titles));
  // A hidden sheet still counts (both hosts say which sheets are hidden): the only copy of a table is read, but
  // the accountant is told, since a hidden sheet is often a working copy rather than the published table.
  const onHidden = readTables.filter((t) => hidden.has(t.grid.name));
  if (onHidden.length > 0)
    findings.push({
      rule: 'budget-table-hidden',
      severity: 'info',
      message: `预算工作簿中${onHidden.map((t) => `${BUDGET_TABLE_NAMES[t.code as BudgetTableKind].name}（隐藏的工作表“${t.grid.name}”）`).join('、')}是从隐藏的工作表读取的（没有可见的同名表）；请确认它是公开的版本。`,
      cells: onHidden.map((t) => t.grid.ref(t.titleRow, t.titleCol)),
    });
  if (meta.titleYears.size > 1 && meta.year !== undefined) {
    const others = [...meta.titleYears].filter(([y]) => y !== meta.year);
    findings.push({
      rule: 'budget-year-mixed',
      severity: 'warning',
      message: `预算工作簿各表的年度不一致：多数为 ${meta.year} 年，但 ${others.map(([y, cells]) => `${cells.map((c) => c.split('!').pop()).join('、')} 为 ${y} 年`).join('；')}；请确认所给的是同一年度的部门预算。`,
      cells: others.flatMap(([, cells]) => cells),
    });
  }
  if (converted.length > 0) {
    const units = [...new Set(converted.map((c) => c.unit))];
    const byUnit = units.map((u) => `${converted.filter((c) => c.unit === u).map((c) => c.name).join('、')}以“${u}”为单位`);
    figures.unitNote = `预算工作簿中${byUnit.join('，')}，金额已按原值换算为万元（未四舍五入）。`;
    findings.push({ rule: 'budget-unit-converted', severity: 'info', message: figures.unitNote, cells: converted.flatMap((c) => (c.cell ? [c.cell] : [])) });
  }
  if (noUnit.length > 0)
    findings.push({
      rule: 'budget-unit-assumed',
      severity: 'info',
      message: `${noUnit.join('、')}未注明金额单位，按${fallbackUnit && fallbackUnit.text !== '万元' ? `其他各表的“${fallbackUnit.text}”` : '万元'}读取；请核对。`,
      cells: [],
    });
  return { figures, findings };
}

/** Reads one located table into `figures`; the reason it is not that table, when it is not. */
function readOne(ctx: BudgetTableContext, kind: BudgetTableKind, year: number | undefined, figures: BudgetFigures): string | undefined {
  switch (kind) {
    case 'overview': {
      const r = readOverview(ctx);
      if (r.mismatch) return r.mismatch;
      if (r.income) figures.incomeTotal = r.income;
      if (r.expense) figures.expenseTotal = r.expense;
      return undefined;
    }
    case 'gpb-expense': {
      const r = readGpbExpense(ctx, year);
      if (r.mismatch || r.unreadable) return r.unreadable ?? r.mismatch;
      if (r.total) figures.gpbExpenseTotal = r.total;
      figures.gpbItems = r.items;
      return undefined;
    }
    case 'basic-expense': {
      const r = readBasicExpense(ctx, year);
      if (r.mismatch) return r.mismatch;
      figures.basic = r.basic;
      return undefined;
    }
    case 'sangong': {
      const r = readSangong(ctx, year);
      if (r.mismatch) return r.mismatch;
      figures.sangong = r.sangong;
      return undefined;
    }
  }
}

/** The unit most of the tables state: the unit of a table that states none. */
function usualUnit(located: Array<TitleAt<BudgetTitleKind>>): TableUnit | undefined {
  const counts = new Map<string, { unit: TableUnit; n: number }>();
  for (const at of located) {
    const u = tableUnit(at.grid, at.titleRow, at.endRow);
    if (u) counts.set(u.text, { unit: { text: u.text, toWan: u.toWan }, n: (counts.get(u.text)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.unit;
}

function place(at: TitleAt<BudgetTitleKind>): string {
  return `工作表“${at.grid.name}”${a1(at.titleRow, at.titleCol)}`;
}

function lookedFor(kind: BudgetTableKind): string {
  const { name, variants } = BUDGET_TABLE_NAMES[kind];
  return `“${name}”（或${variants.map((v) => `“${v}”`).join('、')}）`;
}

/** One finding for a table not read: not there at all, or there but not understood (why). */
function missing(kind: BudgetTableKind, attempts: Attempt[], titles: Array<TitleAt<BudgetTitleKind>>): Finding {
  // A title with nothing under it (a 目录 line) is not the table found; a title with rows under it is.
  const first = attempts.find((a) => a.at.endRow - a.at.titleRow >= 2);
  const effect = FIGURES_OF[kind];
  if (first)
    return {
      rule: 'budget-table-unreadable',
      severity: 'warning',
      message: `预算工作簿${place(first.at)}有标题“${truncate(first.at.title, 30)}”，但${first.why}，无法读取；${effect}请核对该表的表头。`,
      cells: [first.at.grid.ref(first.at.titleRow, first.at.titleCol)],
    };
  // A 财政拨款支出表 is not the 一般公共预算 one (its amounts include 政府性基金 and other 财政拨款): say it was seen.
  const fiscal = kind === 'gpb-expense' ? titles.find((t) => t.code === 'fiscal-expense' && t.endRow - t.titleRow >= 2) : undefined;
  const seen = fiscal
    ? `（${place(fiscal)}的“${truncate(fiscal.title, 30)}”含政府性基金等全部财政拨款，不是一般公共预算支出表，其数字未使用）`
    : '';
  return {
    rule: 'budget-table-missing',
    severity: 'warning',
    message: `预算工作簿中未找到${lookedFor(kind)}${seen}；${effect}`,
    cells: fiscal ? [fiscal.grid.ref(fiscal.titleRow, fiscal.titleCol)] : [],
  };
}

const FIGURES_OF: Record<BudgetTableKind, string> = {
  overview: '收支总计的预算数未取得，情况说明中相应的预算数需手工填写。',
  'gpb-expense': '一般公共预算财政拨款支出的年初预算（总数及各科目）未取得，情况说明中相应的预算数需手工填写。',
  'basic-expense': '基本支出中人员经费、公用经费的预算数未取得。',
  sangong: '“三公”经费的预算数未取得，情况说明中相应的预算数需手工填写。',
};

/** Nothing read: a 决算 workbook given as the budget, or no budget table at all — one finding either way. */
function nothingRead(snapshot: WorkbookSnapshot, finalAccounts: Array<TitleAt<BudgetTitleKind>>, failed: Map<BudgetTableKind, Attempt[]>): Finding {
  const source = snapshot.source ? `“${snapshot.source}”` : '';
  if (finalAccounts.length > 0) {
    const sample = finalAccounts.slice(0, 2).map((t) => `${place(t)}“${truncate(t.title, 24)}”`);
    return {
      rule: 'budget-is-final-accounts',
      severity: 'error',
      message: `所给的预算工作簿${source}是部门决算（${sample.join('、')}${finalAccounts.length > 2 ? ` 等 ${finalAccounts.length} 张决算表` : ''}），不是部门预算；未取得任何预算数。请改选本年度公开的部门预算工作簿（含部门收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表）。`,
      cells: finalAccounts.slice(0, 10).map((t) => t.grid.ref(t.titleRow, t.titleCol)),
    };
  }
  const tried = [...failed.values()].flat().filter((a) => a.at.endRow - a.at.titleRow >= 2);
  return {
    rule: 'budget-tables-missing',
    severity: 'error',
    message: `预算工作簿${source}中未找到可读取的部门预算表格（查找的是${BUDGET_TABLE_KINDS.map(lookedFor).join('、')}）${tried.length > 0 ? `；${place(tried[0].at)}有标题“${truncate(tried[0].at.title, 24)}”，但${tried[0].why}` : ''}；未取得任何预算数。`,
    cells: tried.slice(0, 10).map((a) => a.at.grid.ref(a.at.titleRow, a.at.titleCol)),
  };
}
