import type { Finding } from '../../findings/finding';
import { RULES } from '../../rules/catalogue';
import { runRules } from '../../rules/engine';
import type { TablesModel } from '../../tables/model';
import type { WorkbookFacts } from '../../tables/facts';
import { figureSpec, type FigureKey, type FigureSpec } from './catalogue';
import { resolve, settledWitness, type Resolution, type Witness } from './witness';

export { uniqueRows, type FigureKey, type FigureSpec } from './catalogue';
export type { Resolution, Witness } from './witness';

export interface Resolved {
  key: FigureKey;
  spec: FigureSpec;
  resolution: Resolution;
  /** The error findings (broken identities) that name the figure's own cell. */
  against: Finding[];
}

/**
 * The tables' figures as the narrative may state them. The checker's own rules (domain.md §2.1–§2.2) run once;
 * a cell named by an error finding is in doubt, and a figure whose cell is in doubt is settled by its witnesses
 * (witness.ts) — stated as printed, replaced by the value the tables agree on, or not stated.
 */
export class TableFigures {
  private readonly doubts = new Map<string, Finding[]>();
  private readonly cache = new Map<FigureKey, Resolved>();

  constructor(
    private readonly model: TablesModel,
    facts?: WorkbookFacts,
  ) {
    // Differences within the rounding bound are info: a 尾数 never puts a figure in doubt.
    for (const f of runRules(model, RULES, facts ?? {}))
      if (f.severity === 'error') for (const cell of f.cells) this.doubts.set(cell, [...(this.doubts.get(cell) ?? []), f]);
  }

  readonly doubted = (w: Witness): boolean => (w.suspect ?? w.cells).some((c) => this.doubts.has(c));

  /** The figure's value as a witness for another figure's identity, when its own vote settled it. */
  readonly settled = (key: FigureKey): Witness | undefined => {
    const r = this.get(key).resolution;
    return r.kind === 'doubtful' ? undefined : settledWitness(r.witness);
  };

  /** The error findings naming any of `cells`, each once. */
  findingsAt(cells: readonly string[]): Finding[] {
    return [...new Set(cells.flatMap((c) => this.doubts.get(c) ?? []))];
  }

  get(key: FigureKey): Resolved {
    let r = this.cache.get(key);
    if (!r) {
      const spec = figureSpec(this.model, key, { doubted: this.doubted, settled: this.settled });
      const resolution = resolve(spec.primary, spec.alternatives, this.doubted);
      r = { key, spec, resolution, against: spec.primary ? this.findingsAt(spec.primary.cells) : [] };
      this.cache.set(key, r);
    }
    return r;
  }
}
