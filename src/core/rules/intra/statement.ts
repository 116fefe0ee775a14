import type { Amount, Column04, StatementLine, Table04 } from '../../tables/model';

/**
 * Small readers over the 01/04 model shared by the t01 and t04 rules. A line or column the table does not
 * print is `undefined`; a blank cell is an Amount with `blank: true` (the Shanghai reader may omit it instead).
 */

/** The amount of a line in one column, if both are there. */
export function at<K extends string>(line: StatementLine<K> | undefined, column: K): Amount | undefined {
  return line?.amounts?.[column];
}

/** A printed, non-blank figure. */
export function filled(amount: Amount | undefined): amount is Amount {
  return amount !== undefined && !amount.blank;
}

/** True when the amount is absent, blank or 0 (a figure that cannot hide a split). */
export function isZero(amount: Amount | undefined): boolean {
  return amount === undefined || amount.value.isZero();
}

export const SOURCES = ['gpb', 'gf', 'soc'] as const;

/**
 * 01's 财政拨款收入 lines: the three sources, or the single 财政拨款收入 line of older and some regional forms
 * (when both are printed, the sources are its 其中 lines and the single line is the one that adds up).
 */
export function fiscalIncomeKeys(t01: { income?: Partial<Record<string, unknown>> }): Array<'gpb' | 'gf' | 'soc' | 'fiscal'> {
  return t01.income?.fiscal ? ['fiscal'] : [...SOURCES];
}
export type Source = (typeof SOURCES)[number];

export const OPENING_KEY = { gpb: 'openingGpb', gf: 'openingGf', soc: 'openingSoc' } as const;
export const CLOSING_KEY = { gpb: 'closingGpb', gf: 'closingGf', soc: 'closingSoc' } as const;

/**
 * 04's 年末 source sub-rows, when the table prints them: the seed's layout has three unlabelled rows under
 * 年末财政拨款结转和结余 whose figure stands in the 合计 column. The reader keys the rows after 年末 by position,
 * so blank unlabelled rows (Shanghai: the lines beside the income side's 年初 其中 rows) are no split: the
 * sub-rows count only when one of them has a label or a figure. A row's figure is its 合计, or — when only the
 * source's own column holds one — that column.
 */
export function closingSubRows(t: Table04): Array<{ source: Source; amount: Amount }> {
  const lines = SOURCES.map((s) => ({ source: s, line: t.expense?.[CLOSING_KEY[s]] }));
  const printed = lines.some(
    ({ line }) => line && ((line.label ?? '').trim() !== '' || Object.values(line.amounts ?? {}).some((a) => filled(a as Amount | undefined))),
  );
  if (!printed) return [];
  const out: Array<{ source: Source; amount: Amount }> = [];
  for (const { source, line } of lines) {
    const total = at(line, 'total');
    const own = at(line, source);
    const amount = !filled(total) && filled(own) ? own : (total ?? own);
    if (amount) out.push({ source, amount });
  }
  return out;
}

/** 04's 年初 source sub-rows that the table prints. */
export function openingSubRows(t: Table04): Array<{ source: Source; amount: Amount }> {
  const out: Array<{ source: Source; amount: Amount }> = [];
  for (const s of SOURCES) {
    const amount = at(t.income?.[OPENING_KEY[s]], 'amount');
    if (amount) out.push({ source: s, amount });
  }
  return out;
}

/** Expense columns of 04 in printed meaning order: 合计 first, then the three sources. */
export const COLUMNS_04_ORDER: Column04[] = ['total', 'gpb', 'gf', 'soc'];
