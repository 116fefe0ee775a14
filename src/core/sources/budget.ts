import type Decimal from 'decimal.js';
import type { BudgetFigure, BudgetFigures } from '../budget/types';
import type { Item09 } from '../tables/model';
import { sum } from '../narrative/money';
import { cents, roundingBound } from '../util/money';
import type { AmountKey } from '../supplement/fields';
import type { Entry } from '../supplement/schema';
import { externalRef } from './external-ref';
import type { BudgetInput } from './types';

/**
 * This year's published 部门预算 as the 说明数据 lines it answers: 年初预算 of 一般公共预算财政拨款支出 (total and
 * per 科目) and the “三公” budgets. Each entry keeps its budget-workbook cell as an external reference.
 */
export interface BudgetEntries {
  name: string;
  year?: number;
  department?: string;
  amounts: Partial<Record<AmountKey, Entry<Decimal>>>;
  /** 年初预算 per 科目 code (类, 款, 项 as printed). */
  items: Map<string, { name?: string; budget: Entry<Decimal> }>;
  /** The printed lowest-level lines add up to the 合计 (within 尾数): a 科目 not printed had no 年初预算. */
  complete: boolean;
}

/** Each “三公” budget line: its 说明数据 key, its part in the 部门预算 figures, its 公开09表 item, its name. */
export const SANGONG_BUDGET_LINES: ReadonlyArray<[AmountKey, keyof NonNullable<BudgetFigures['sangong']>, Item09, string]> = [
  ['sgBudgetTotal', 'total', 'total', '合计'],
  ['sgBudgetAbroad', 'abroad', 'abroad', '因公出国（境）费'],
  ['sgBudgetPurchase', 'purchase', 'vehiclePurchase', '公务用车购置费'],
  ['sgBudgetOperation', 'operation', 'vehicleOperation', '公务用车运行维护费'],
  ['sgBudgetReception', 'reception', 'reception', '公务接待费'],
];

export function budgetEntries(input: BudgetInput): BudgetEntries {
  const f = input.figures;
  const book = `部门预算工作簿“${input.name}”`;
  const entry = (figure: BudgetFigure | undefined, what: string): Entry<Decimal> | undefined => {
    if (!figure) return undefined;
    const cell = externalRef(input.name, figure.cell);
    return { value: figure.value, cell, from: `${book}${what}（${cell}）` };
  };
  const amounts: BudgetEntries['amounts'] = {};
  const gpb = entry(f.gpbExpenseTotal, '一般公共预算支出表“合计”');
  if (gpb) amounts.budgetGpb = gpb;
  for (const [key, part, , what] of SANGONG_BUDGET_LINES) {
    const e = entry(f.sangong?.[part], `“三公”经费预算表“${what}”`);
    if (e) amounts[key] = e;
  }
  const items = new Map<string, { name?: string; budget: Entry<Decimal> }>();
  for (const item of f.gpbItems) {
    const e = entry(item.total, `一般公共预算支出表 ${item.code}${item.name ? `“${item.name}”` : ''}合计`);
    if (e && !items.has(item.code)) items.set(item.code, { name: item.name, budget: e });
  }
  const year = /(?:19|20)\d{2}/.exec(f.year ?? '')?.[0];
  const codes = [...items.keys()];
  const leaves = codes.filter((c) => !codes.some((d) => d !== c && d.startsWith(c)));
  const total = f.gpbExpenseTotal?.value;
  const complete = total !== undefined && leaves.length > 0 && sum(leaves.map((c) => cents(items.get(c)!.budget.value))).minus(cents(total)).abs().lte(roundingBound(leaves.length + 1));
  return { name: input.name, year: year ? Number(year) : undefined, department: f.department, amounts, items, complete };
}
