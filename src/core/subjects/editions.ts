/**
 * A classification stored as one base edition plus, per year, what that year's edition changed against the year
 * before (data/*-changes.json). Later editions apply the lists forwards, earlier ones undo them backwards, so each
 * change is written (and sourced) once instead of repeating ~1,400 names for every year.
 */
export type Change =
  | { add: string; name: string; source: string }
  | { remove: string; name: string; source: string }
  | { rename: string; from: string; to: string; source: string };

export interface ChangeFile {
  base: number;
  first: number;
  last: number;
  editions: Record<string, readonly Change[]>;
}

/** code → name of one edition, codes in 类 → 款 → 项 order (lexicographic order of the codes is exactly that). */
export type EditionNames = ReadonlyMap<string, string>;

export function buildEditions(baseRows: ReadonlyArray<readonly string[]>, file: ChangeFile): ReadonlyMap<number, EditionNames> {
  const editions = new Map<number, EditionNames>();
  const base = new Map<string, string>();
  for (const [code, name] of baseRows) {
    if (base.has(code)) throw new Error(`科目 ${code} appears twice in the ${file.base} edition`);
    base.set(code, name);
  }
  editions.set(file.base, sorted(base));
  for (let year = file.base + 1; year <= file.last; year++) {
    const next = new Map(editions.get(year - 1));
    for (const change of changesOf(file, year)) apply(next, change, year);
    editions.set(year, sorted(next));
  }
  for (let year = file.base - 1; year >= file.first; year--) {
    const previous = new Map(editions.get(year + 1));
    for (const change of [...changesOf(file, year + 1)].reverse()) apply(previous, invert(change), year + 1);
    editions.set(year, sorted(previous));
  }
  return editions;
}

/** The edition to use for a report year: that year's, or the nearest one when it is outside first…last. */
export function nearestEdition(year: number | undefined, file: Pick<ChangeFile, 'base' | 'first' | 'last'>): number {
  if (year === undefined || !Number.isFinite(year)) return file.base;
  return Math.min(file.last, Math.max(file.first, Math.trunc(year)));
}

function changesOf(file: ChangeFile, year: number): readonly Change[] {
  const list = file.editions[String(year)];
  if (!list) throw new Error(`no change list for the ${year} edition`);
  return list;
}

function apply(names: Map<string, string>, change: Change, year: number): void {
  const fail = (why: string) => {
    throw new Error(`${year} edition, ${JSON.stringify(change)}: ${why}`);
  };
  if ('add' in change) {
    if (names.has(change.add)) fail('code already present');
    names.set(change.add, change.name);
  } else if ('remove' in change) {
    if (names.get(change.remove) !== change.name) fail(`code holds “${names.get(change.remove)}”`);
    names.delete(change.remove);
  } else {
    if (names.get(change.rename) !== change.from) fail(`code holds “${names.get(change.rename)}”`);
    names.set(change.rename, change.to);
  }
}

function invert(change: Change): Change {
  if ('add' in change) return { remove: change.add, name: change.name, source: change.source };
  if ('remove' in change) return { add: change.remove, name: change.name, source: change.source };
  return { rename: change.rename, from: change.to, to: change.from, source: change.source };
}

function sorted(names: Map<string, string>): EditionNames {
  return new Map([...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The neighbouring edition (own − 1 or own + 1, within first…last) whose name for a code `matches` when the own
 * edition's does not: a report filled in with last year's or next year's template.
 */
export function neighbourEdition(
  own: number,
  file: Pick<ChangeFile, 'first' | 'last'>,
  nameIn: (year: number) => string | undefined,
  matches: (name: string) => boolean,
): number | undefined {
  const current = nameIn(own);
  if (current !== undefined && matches(current)) return undefined;
  for (const other of [own - 1, own + 1]) {
    if (other < file.first || other > file.last) continue;
    const there = nameIn(other);
    if (there !== undefined && matches(there)) return other;
  }
  return undefined;
}
