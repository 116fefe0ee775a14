import Decimal from 'decimal.js';
import type { Amount, Column05, SubjectRow, SubjectTable } from '../tables/model';
import { amountsBound, sumOf } from '../rules/tolerance';
import { formatMoney } from '../util/money';
import type { BudgetTableContext } from './context';

/** One identity that does not hold: what was printed, what its parts add up to. */
export interface Mismatch {
  what: string;
  printed: Amount;
  sum: Decimal;
  parts: Amount[];
}

/**
 * The identity of printed amounts, with the 决算 rules' tolerance (src/core/rules/tolerance.ts): each rounded
 * amount stands for ±0.005 of the printed unit, so Σ parts = total holds within 0.005 × the amounts involved.
 */
export function holds(total: Amount, parts: Amount[]): boolean {
  return total.value.minus(sumOf(parts)).abs().lte(amountsBound([total, ...parts]));
}

/** Σ its parts, when they do not give the printed total (undefined when they do). */
export function mismatchOf(what: string, printed: Amount | undefined, parts: Array<Amount | undefined>): Mismatch | undefined {
  const present = parts.filter((p): p is Amount => p !== undefined);
  if (!printed || present.length === 0 || holds(printed, present)) return undefined;
  return { what, printed, sum: sumOf(present), parts: present };
}

const COLUMN_WORDS: Record<Column05, string> = { total: '合计', basic: '基本支出', project: '项目支出' };

/**
 * 一般公共预算支出表: each printed 科目 equals the sum of the printed 科目 under it (类 = Σ 款, 款 = Σ 项, or 类 =
 * Σ 项 where no 款 is printed), the 合计 row the sum of the top lines, and on every line 合计 = 基本支出 + 项目支出.
 */
export function checkSubjectSums(ctx: BudgetTableContext, table: SubjectTable<Column05>): void {
  const cols = (Object.keys(table.columns) as Column05[]).filter((k) => table.columns[k]);
  const byCode = new Map(table.rows.map((r) => [r.code, r]));
  const parentOf = (row: SubjectRow<Column05>): SubjectRow<Column05> | undefined => {
    for (let len = row.code.length - 2; len >= 3; len -= 2) {
      const p = byCode.get(row.code.slice(0, len));
      if (p) return p;
    }
    return undefined;
  };
  const children = new Map<string, SubjectRow<Column05>[]>();
  const roots: SubjectRow<Column05>[] = [];
  for (const row of table.rows) {
    const parent = parentOf(row);
    if (parent) children.set(parent.code, [...(children.get(parent.code) ?? []), row]);
    else roots.push(row);
  }
  const found: Mismatch[] = [];
  const push = (m: Mismatch | undefined) => m && found.push(m);
  for (const col of cols) {
    if (table.total) push(mismatchOf(`合计行的${COLUMN_WORDS[col]}与各类之和`, table.total.amounts[col], roots.map((r) => r.amounts[col])));
    for (const [code, kids] of children) push(mismatchOf(`${code}的${COLUMN_WORDS[col]}与其下各科目之和`, byCode.get(code)?.amounts[col], kids.map((k) => k.amounts[col])));
  }
  if (cols.includes('basic') || cols.includes('project')) {
    const lines = [...(table.total ? [{ code: '合计', amounts: table.total.amounts }] : []), ...table.rows];
    for (const line of lines) push(mismatchOf(`${line.code}的合计与基本支出、项目支出之和`, line.amounts.total, [line.amounts.basic, line.amounts.project]));
  }
  reportMismatches(ctx, found);
}

/** All the sums of one table that do not hold: one finding (one misunderstanding, however many lines it touches). */
export function reportMismatches(ctx: BudgetTableContext, found: Mismatch[]): void {
  if (found.length === 0) return;
  const unit = ctx.unit.text;
  const described = found.slice(0, 5).map((m) => `${m.what}（${m.printed.cell.split('!').pop()} 填 ${formatMoney(m.printed.value)}，合计为 ${formatMoney(m.sum)}）`);
  const first = found[0];
  ctx.warn(
    'budget-total-mismatch',
    `有 ${found.length} 处金额不平（单位：${unit}）：${described.join('；')}${found.length > 5 ? ' 等' : ''}，超出尾数误差；该表的数字可能有误，请核对后再用于情况说明。`,
    [...new Set(found.flatMap((m) => [m.printed.cell, ...m.parts.map((p) => p.cell)]))].slice(0, 40),
    { expected: formatMoney(first.sum), actual: formatMoney(first.printed.value), difference: formatMoney(first.printed.value.minus(first.sum)), tolerance: formatMoney(amountsBound([first.printed, ...first.parts])) },
  );
}
