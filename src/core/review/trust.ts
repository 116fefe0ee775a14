import type { Finding } from '../findings/finding';
import { RULES } from '../rules/catalogue';
import { STRUCTURE_RULES } from '../rules/structure';

/**
 * Which table (and 说明数据) figures deserve trust, from the findings of the table rules, the reader and the
 * 说明数据 checks. A figure is *doubted* when a check of its own table (a row total, 类 = Σ款, 合计 = Σ类, the
 * 三公 budget copied from the actuals, a cell that is not a number) or of the 说明数据 fails on its cell: the
 * table contradicts itself there, so it cannot say alone what the text should state. A figure is *disputed*
 * when only a check between two tables names it (05 vs 04): each side passes its own checks, and which is right
 * is for the figures that agree to tell. Findings about names, years and layout cast no doubt on amounts, and
 * neither do 尾数 notes (info).
 */
export interface SourceDoubt {
  /** The rule's id and Chinese title (“公开05表（…）科目逐级汇总”). */
  rule: string;
  title: string;
  /** The finding's cells (the table's, for pointing at). */
  cells: string[];
  /** The finding's message, for quoting. */
  message: string;
}

/**
 * Rules whose failure says nothing about an amount: the structure rules (names, years, layout, codes), except
 * the one that finds the 09 budget copied from its actuals.
 */
const NOT_ABOUT_AMOUNTS = new Set(STRUCTURE_RULES.map((r) => r.id).filter((id) => id !== 't09-budget-copied'));

const TITLES = new Map(RULES.map((r) => [r.id, { title: r.title, tables: r.tables.length }]));

export class SourceDoubts {
  private readonly doubted = new Map<string, SourceDoubt>();
  private readonly disputed = new Map<string, SourceDoubt>();

  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      if (f.severity === 'info' || NOT_ABOUT_AMOUNTS.has(f.rule)) continue;
      const known = TITLES.get(f.rule);
      const own = f.rule.startsWith('supplement-') || f.rule.startsWith('read-cell-') || (known !== undefined && known.tables <= 1);
      const cross = known !== undefined && known.tables > 1;
      if (!own && !cross) continue;
      const doubt: SourceDoubt = { rule: f.rule, title: known?.title ?? supplementTitle(f.rule), cells: f.cells, message: f.message };
      const into = own ? this.doubted : this.disputed;
      for (const c of f.cells) if (!into.has(c)) into.set(c, doubt);
    }
  }

  /** The failed check of its own table (or of the 说明数据) on one of these cells, if any. */
  doubtOf(cells: readonly string[]): SourceDoubt | undefined {
    for (const c of cells) {
      const d = this.doubted.get(c);
      if (d) return d;
    }
    return undefined;
  }

  /** The failed check between tables on one of these cells, if any. */
  disputeOf(cells: readonly string[]): SourceDoubt | undefined {
    for (const c of cells) {
      const d = this.disputed.get(c);
      if (d) return d;
    }
    return undefined;
  }
}

function supplementTitle(rule: string): string {
  return rule.startsWith('supplement-') ? '说明数据自身核对' : rule.startsWith('read-cell-') ? '单元格不是有效金额' : rule;
}
