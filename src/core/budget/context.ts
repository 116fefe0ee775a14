import Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import type { Amount } from '../tables/model';
import type { TableCode } from '../tables/codes';
import type { Grid } from '../workbook/grid';
import { ReadContext } from '../read/context';
import { readMetaText } from '../read/layout';
import type { TitleAt } from '../read/locate';
import type { BudgetFigure, BudgetTableKind } from './types';
import { budgetTableLabel, type BudgetTitleKind } from './title';

/** The unit a table prints its amounts in, and the factor that turns them into 万元 (exactly). */
export interface TableUnit {
  text: '万元' | '元' | '千元' | '亿元';
  /** The cell that states it; none when the table states no unit (万元 is then assumed). */
  cell?: string;
  toWan: Decimal;
}

const FACTORS: Record<TableUnit['text'], Decimal> = {
  万元: new Decimal(1),
  元: new Decimal('0.0001'),
  千元: new Decimal('0.1'),
  亿元: new Decimal(10000),
};

/**
 * One located budget table being read: its cells become figures in 万元, its problems findings with `budget-*`
 * rules and messages that name the budget table (the reused 决算 readers speak through `read`).
 */
export class BudgetTableContext {
  readonly read: ReadContext;
  readonly label: string;
  readonly unit: TableUnit;

  constructor(
    readonly kind: BudgetTableKind,
    readonly at: TitleAt<BudgetTitleKind>,
    /** The 决算 table whose reader reads this table's shape (only the messages' column names depend on it). */
    shape: TableCode,
    /** The workbook's usual unit, for a table that states none. */
    fallbackUnit?: TableUnit,
  ) {
    this.label = budgetTableLabel(kind, at.grid.name);
    this.read = new ReadContext(at.grid, shape, this.label);
    this.unit = tableUnit(at.grid, at.titleRow, at.endRow) ?? fallbackUnit ?? { text: '万元', toWan: FACTORS.万元 };
  }

  get grid(): Grid {
    return this.at.grid;
  }

  /** A printed amount as a figure in 万元. */
  figure(a: Amount): BudgetFigure {
    return { value: this.unit.toWan.eq(1) ? a.value : a.value.times(this.unit.toWan), cell: a.cell };
  }

  /** The findings of reading, as budget findings: rules `budget-…`, no 决算 table code. */
  findings(): Finding[] {
    this.read.consolidate();
    return this.read.findings.map(asBudgetFinding);
  }

  warn(rule: string, message: string, cells: string[], extra: Partial<Finding> = {}): void {
    this.read.findings.push({ rule, severity: 'warning', message: `${this.label}${message}`, cells, ...extra });
  }
}

export function asBudgetFinding(f: Finding): Finding {
  const { table: _table, ...rest } = f;
  return { ...rest, rule: f.rule.startsWith('budget-') ? f.rule : `budget-${f.rule}` };
}

/** The unit stated on the title's line, the lines under it or the three above it (“单位：元”, “金额单位：万元”). */
export function tableUnit(grid: Grid, titleRow: number, endRow: number): TableUnit | undefined {
  const meta = readMetaText(grid, titleRow, grid.rowsBetween(titleRow + 1, Math.min(endRow, titleRow + 5)));
  const text = meta.unit?.text as TableUnit['text'] | undefined;
  return text && FACTORS[text] ? { text, cell: meta.unit?.cell, toWan: FACTORS[text] } : undefined;
}
