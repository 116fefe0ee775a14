import Decimal from 'decimal.js';
import type { Amount } from '../../tables/model';

/**
 * A figure the narrative states (05 合计, 类 201, 基本支出…) is printed in one cell, and the tables' identities
 * (domain.md §2.1–§2.2) state it again: Σ of its children, total − the other parts, the same line in another
 * table. Each such statement is a witness. When the printed cell is in doubt (a rule found an identity it takes
 * part in broken), the witnesses vote: the value most independent witnesses agree on is stated; when no value
 * has a clear majority the figure is not stated at all (a placeholder and a warning, never a guess).
 */
export interface Witness {
  value: Decimal;
  /** Every cell it is computed from. */
  cells: string[];
  /** Printed (non-blank) amounts involved: agreement allows 0.005 per rounded amount (domain.md §2.4). */
  rounded: number;
  /** What it is, for messages: “公开04表“本年支出合计”行一般公共预算财政拨款栏”. */
  how: string;
  /**
   * Witnesses of one origin fail together (the cells of one printed row, copied or typed as a unit): they
   * count once in a vote. The primary cell and the row's own total − parts share the row's origin.
   */
  origin: string;
  /**
   * The cells whose doubt puts this witness in doubt; all of `cells` when absent. A figure already settled by its
   * own vote (used inside another figure's identity) has none.
   */
  suspect?: string[];
}

const HALF_CENT = new Decimal('0.005');

/** One cell as a witness; absent when the table has no such cell. */
export function cellWitness(amount: Amount | undefined, how: string, origin: string): Witness | undefined {
  if (!amount) return undefined;
  return { value: amount.value, cells: [amount.cell], rounded: amount.blank ? 0 : 1, how, origin };
}

/**
 * Σ plus − Σ minus as a witness. Absent when a term is absent (a column or line the table does not have):
 * a sum with a hole in it states nothing. `optional` terms may be absent (a line older forms do not print).
 */
export function sumWitness(
  plus: ReadonlyArray<Amount | undefined>,
  how: string,
  origin: string,
  minus: ReadonlyArray<Amount | undefined> = [],
  optional: ReadonlyArray<Amount | undefined> = [],
): Witness | undefined {
  const cell = (a: Amount | undefined) => cellWitness(a, how, origin);
  const extra = optional.filter((a) => a !== undefined);
  const w = sumOfWitnesses([...plus.map(cell), ...extra.map(cell)], how, origin, minus.map(cell));
  return w && { ...w, suspect: undefined };
}

/** A value known to be exactly 0 by an identity (e.g. 经营支出 when all spending is 财政拨款), from `cells`. */
export function zeroWitness(cells: string[], how: string, origin: string): Witness {
  return { value: new Decimal(0), cells, rounded: 0, how, origin };
}

/** Σ plus − Σ minus of witnesses (figures settled elsewhere, cells): one witness, in doubt where any part is. */
export function sumOfWitnesses(plus: ReadonlyArray<Witness | undefined>, how: string, origin: string, minus: ReadonlyArray<Witness | undefined> = []): Witness | undefined {
  const all = [...plus, ...minus];
  if (plus.length === 0 || all.some((p) => p === undefined)) return undefined;
  const list = all as Witness[];
  const add = (plus as Witness[]).reduce((acc, w) => acc.plus(w.value), new Decimal(0));
  return {
    value: (minus as Witness[]).reduce((acc, w) => acc.minus(w.value), add),
    cells: list.flatMap((w) => w.cells),
    rounded: list.reduce((n, w) => n + w.rounded, 0),
    how,
    origin,
    suspect: list.flatMap((w) => w.suspect ?? w.cells),
  };
}

/** A figure settled by its own vote, as a term of another figure's identity: no longer a suspect. */
export function settledWitness(w: Witness): Witness {
  return { ...w, suspect: [] };
}

/** Two witnesses agree when they differ by no more than their rounding allows. */
export function agree(first: Witness, second: Witness): boolean {
  const rounded = first.rounded + second.rounded;
  return first.value.minus(second.value).abs().lte(HALF_CENT.mul(rounded || 1));
}

export type Resolution =
  /** The printed cell: in no broken identity, or confirmed by an independent witness. */
  | { kind: 'printed'; witness: Witness }
  /** Another witness, agreed by a majority, where the printed cell is wrong or missing. */
  | { kind: 'substituted'; witness: Witness; primary?: Witness; supporters: Witness[]; outvoted: Witness[] }
  /** No value has a clear majority: not to be stated. */
  | { kind: 'doubtful'; witnesses: Witness[] };

/**
 * The vote. `primary` is the figure's own cell (absent when its table or column could not be read);
 * `doubted` says whether a witness takes a cell a rule found in a broken identity.
 */
export function resolve(primary: Witness | undefined, alternatives: ReadonlyArray<Witness | undefined>, doubted: (w: Witness) => boolean): Resolution {
  if (primary && !doubted(primary)) return { kind: 'printed', witness: primary };
  const all = [primary, ...alternatives].filter((w): w is Witness => w !== undefined);
  if (all.length === 0) return { kind: 'doubtful', witnesses: [] };
  if (all.length === 1) {
    const only = all[0];
    if (doubted(only)) return { kind: 'doubtful', witnesses: all };
    return only === primary ? { kind: 'printed', witness: only } : { kind: 'substituted', witness: only, supporters: [only], outvoted: [] };
  }
  const support = (w: Witness) => new Set(all.filter((v) => agree(w, v)).map((v) => v.origin)).size;
  const scores = all.map(support);
  const best = scores.reduce((m, s) => (s > m ? s : m), 0);
  const leaders = all.filter((_, i) => scores[i] === best);
  // A tie between values that disagree (two origins against two) is no majority.
  if (best < 2 || leaders.some((w) => !agree(w, leaders[0]))) return { kind: 'doubtful', witnesses: all };
  if (primary && agree(primary, leaders[0])) return { kind: 'printed', witness: primary };
  const chosen = leaders.find((w) => !doubted(w)) ?? leaders[0];
  return { kind: 'substituted', witness: chosen, primary, supporters: all.filter((w) => agree(w, chosen)), outvoted: all.filter((w) => !agree(w, chosen)) };
}
