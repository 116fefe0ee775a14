import Decimal from 'decimal.js';
import type { Finding, Severity } from '../findings/finding';
import type { Amount, TablesModel } from '../tables/model';
import type { TableCode } from '../tables/codes';
import type { WorkbookFacts } from '../tables/facts';
import type { Rule } from './rule';
import { amountsBound, sumOf } from './tolerance';
import { formatMoney } from '../util/money';

export type Vars = Record<string, string | number>;

/** Fills "{name}" placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillTemplate(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

/** What a rule sees: the model, the workbook's facts (department witnesses), and helpers that turn comparisons into findings. */
export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly model: TablesModel,
    readonly rule: Rule,
    readonly facts: WorkbookFacts = {},
  ) {}

  /** A finding with the rule's template. */
  report(vars: Vars, cells: string[], extra: Partial<Finding> = {}, severity: Severity = this.rule.severity): void {
    this.findings.push({
      rule: this.rule.id,
      severity,
      table: (extra.table ?? this.rule.tables[0]) as string,
      message: fillTemplate(this.rule.message, vars),
      cells: dedupe(cells),
      ...extra,
    });
  }

  /**
   * `total` must equal the signed sum of `parts` (minus parts subtract). Beyond the rounding bound →
   * the rule's severity; a non-zero difference within it → info (尾数差异). Cells: total first, then parts.
   */
  expectSum(
    total: Amount | undefined,
    parts: Array<Amount | undefined>,
    vars: Vars,
    options: { minus?: Array<Amount | undefined>; table?: TableCode } = {},
  ): void {
    if (!total) return;
    const plus = parts.filter((p): p is Amount => p !== undefined);
    const minus = (options.minus ?? []).filter((p): p is Amount => p !== undefined);
    const expected = minus.length === 0 ? sumOf(plus) : sumOf(plus).minus(sumOf(minus));
    this.compare(expected, total, [total, ...plus, ...minus], vars, options.table);
  }

  /** `actual` must equal `expected` (already computed from `involved`), within the rounding bound. */
  compare(expected: Decimal, actual: Amount, involved: Amount[], vars: Vars, table?: TableCode): void {
    // Most identities hold: settle those without allocating a difference.
    if (actual.value.eq(expected)) return;
    const difference = actual.value.minus(expected);
    const bound = amountsBound(involved);
    const figures = {
      expected: formatMoney(expected),
      actual: formatMoney(actual.value),
      difference: formatMoney(difference),
      tolerance: formatMoney(bound),
    };
    const cells = orderCells(actual, involved);
    if (difference.abs().lte(bound)) {
      this.findings.push({
        rule: this.rule.id,
        severity: 'info',
        table: table ?? this.rule.tables[0],
        message: `${fillTemplate(this.rule.message, { ...vars, ...figures })}（尾数差异 ${figures.difference}，在舍入容差 ±${figures.tolerance} 以内，可不调整）`,
        cells,
        ...figures,
      });
      return;
    }
    this.report({ ...vars, ...figures }, cells, { ...figures, table: table ?? this.rule.tables[0] });
  }

  /** `larger` ≥ `smaller` (an inequality such as 03 ≥ 05), with the same rounding allowance. */
  expectAtLeast(larger: Amount | undefined, smaller: Amount | undefined, vars: Vars, table?: TableCode): void {
    if (!larger || !smaller) return;
    const shortfall = smaller.value.minus(larger.value);
    if (shortfall.lte(0)) return;
    const bound = amountsBound([larger, smaller]);
    const figures = {
      expected: `≥ ${formatMoney(smaller.value)}`,
      actual: formatMoney(larger.value),
      difference: formatMoney(shortfall.negated()),
      tolerance: formatMoney(bound),
    };
    if (shortfall.lte(bound)) {
      this.findings.push({
        rule: this.rule.id,
        severity: 'info',
        table: table ?? this.rule.tables[0],
        message: `${fillTemplate(this.rule.message, { ...vars, ...figures })}（尾数差异，在舍入容差 ±${figures.tolerance} 以内）`,
        cells: dedupe([larger.cell, smaller.cell]),
        ...figures,
      });
      return;
    }
    this.report({ ...vars, ...figures }, [larger.cell, smaller.cell], { ...figures, table: table ?? this.rule.tables[0] });
  }
}

/** The compared cell first, then the others that hold a figure, then blank ones (which may be the missing figure). */
function orderCells(first: Amount, involved: Amount[]): string[] {
  const rest = involved.filter((a) => a.cell !== first.cell);
  return dedupe([first.cell, ...rest.filter((a) => !a.blank).map((a) => a.cell), ...rest.filter((a) => a.blank).map((a) => a.cell)]);
}

function dedupe(cells: string[]): string[] {
  return [...new Set(cells)];
}

export const ZERO = new Decimal(0);
