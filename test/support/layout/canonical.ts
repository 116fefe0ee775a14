/**
 * The generator's input: a canonical typed model (what the reader produced from a trusted layout) turned into plain
 * data — every amount with its logical key (the keys of `logicalAmounts`) and its 2-decimal value, or null when
 * the cell is blank — plus the per-table meta a renderer needs (title, department, no-data statement).
 */
import type { Amount, TablesModel } from '../../../src/core/tables/model';
import { TABLE_CODES, type TableCode } from '../../../src/core/tables/codes';
import { logicalAmountEntries } from '../../helpers';
import { ITEMS_09, type Item09 } from './labels';

export interface Amt {
  key: string;
  value: string | null;
}

export interface StatementData {
  /** Income lines by model key (gpb, …, grandTotal). */
  income: Record<string, Amt>;
  /** Expense lines by model key, each with its amounts by column. */
  expense: Record<string, Record<string, Amt>>;
  /** 类 rows in printed order. */
  classes: { code: string; amounts: Record<string, Amt> }[];
  /** Expense amount columns in printed order (01: amount; 04: total, gpb, gf, soc). */
  columns: string[];
}

export interface SubjectData {
  /** Amount columns by model key, in printed order. */
  columns: string[];
  total: Record<string, Amt>;
  rows: { code: string; name: string; amounts: Record<string, Amt> }[];
}

export interface EconomicData {
  /** 类 and 款 lines, each 类 followed by its 款 (code order within the model's order). */
  items: { code: string; name: string; amount: Amt }[];
  personnel: Amt;
  public: Amt;
}

export interface SangongData {
  budget: Record<Item09, Amt>;
  actual: Record<Item09, Amt>;
}

export interface TableInfo {
  title: string;
  department: string;
  /** The model's “说明：…本表无数据” line, when it has one. */
  emptyStatement?: string;
  /** True when every amount is blank (the table prints no data). */
  empty: boolean;
}

export interface Book {
  /** A name for messages: "sample" or "shanghai". */
  name: string;
  unit: string;
  year: number;
  /** The family's own numbering: Hunan prints 三公 as 09, Shanghai as 07. */
  family: 'hunan' | 'shanghai';
  info: Record<TableCode, TableInfo>;
  t01: StatementData;
  t04: StatementData;
  subjects: Record<'02' | '03' | '05' | '07' | '08', SubjectData>;
  t06: EconomicData;
  t09: SangongData;
}

/** Builds the book from a model that has all nine tables; throws when one is missing (the input is trusted). */
export function bookFromModel(model: TablesModel, name: string, meta: { unit: string; year: number }): Book {
  const keyOf = new Map<Amount, string>(logicalAmountEntries(model).map(([k, a]) => [a, k]));
  const amt = (a: Amount | undefined, what: string): Amt => {
    if (!a) throw new Error(`${name}: no amount for ${what}`);
    const key = keyOf.get(a);
    if (!key) throw new Error(`${name}: amount ${what} has no logical key`);
    return { key, value: a.blank ? null : a.value.toFixed(2) };
  };
  const need = <C extends TableCode>(code: C): NonNullable<TablesModel[C]> => {
    const t = model[code];
    if (!t) throw new Error(`${name}: the canonical model has no table ${code}`);
    return t as NonNullable<TablesModel[C]>;
  };
  const map = <T>(rec: Record<string, T>, f: (v: T, k: string) => Amt) =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v, k)]));

  const statement = (code: '01' | '04'): StatementData => {
    const t = need(code);
    const cols = code === '01' ? ['amount'] : ['total', 'gpb', 'gf', 'soc'];
    return {
      income: map(t.income as Record<string, { amounts: { amount: Amount } }>, (l, k) => amt(l.amounts.amount, `${code} ${k}`)),
      expense: Object.fromEntries(
        Object.entries(t.expense as Record<string, { amounts: Record<string, Amount> }>).map(([k, l]) => [
          k,
          map(l.amounts, (a, c) => amt(a, `${code} ${k} ${c}`)),
        ]),
      ),
      classes: t.classes.map((l) => ({ code: l.key, amounts: map(l.amounts as Record<string, Amount>, (a, c) => amt(a, `${code} ${l.key} ${c}`)) })),
      columns: cols.filter((c) => (t.expenseColumns as string[]).includes(c)),
    };
  };
  const subject = (code: '02' | '03' | '05' | '07' | '08'): SubjectData => {
    const t = need(code);
    const columns = Object.entries(t.columns as Record<string, { col: number }>)
      .sort((a, b) => a[1].col - b[1].col)
      .map(([k]) => k);
    if (!t.total) throw new Error(`${name}: ${code} has no 合计 row`);
    return {
      columns,
      total: map(t.total.amounts as Record<string, Amount>, (a, c) => amt(a, `${code} 合计 ${c}`)),
      rows: t.rows.map((r) => ({ code: r.code, name: r.name, amounts: map(r.amounts as Record<string, Amount>, (a, c) => amt(a, `${code} ${r.code} ${c}`)) })),
    };
  };
  const t06 = need('06');
  if (t06.unlabeled.length) throw new Error(`${name}: 06 amounts without a 科目 cannot be laid out`);
  // Each 类 followed by its 款, 类 in code order (the model lists them in reading order across the groups).
  const classes = t06.items.filter((i) => i.level === '类').sort((a, b) => a.code.localeCompare(b.code));
  const items06 = classes.flatMap((c) => [c, ...t06.items.filter((i) => i.level === '款' && i.code.startsWith(c.code)).sort((a, b) => a.code.localeCompare(b.code))]);
  if (items06.length !== t06.items.length) throw new Error(`${name}: 06 has 款 without their 类`);
  const t09 = need('09');
  const items09 = (side: 'budget' | 'actual') =>
    Object.fromEntries(ITEMS_09.map((k) => [k, amt(t09[side][k], `09 ${side} ${k}`)])) as Record<Item09, Amt>;

  const book: Omit<Book, 'info'> = {
    name,
    unit: meta.unit,
    year: meta.year,
    family: need('09').meta.family,
    t01: statement('01'),
    t04: statement('04'),
    subjects: { '02': subject('02'), '03': subject('03'), '05': subject('05'), '07': subject('07'), '08': subject('08') },
    t06: {
      items: items06.map((i) => ({ code: i.code, name: i.name, amount: amt(i.amount, `06 ${i.code}`) })),
      personnel: amt(t06.personnelTotal, '06 人员经费合计'),
      public: amt(t06.publicTotal, '06 公用经费合计'),
    },
    t09: { budget: items09('budget'), actual: items09('actual') },
  };
  const allBlank = (code: TableCode) => {
    const prefix = `${code}.`;
    return [...keyOf].every(([a, k]) => !k.startsWith(prefix) || a.blank);
  };
  const info = Object.fromEntries(
    TABLE_CODES.map((code) => {
      const m = need(code).meta;
      return [
        code,
        { title: m.title, department: m.department?.name ?? meta.unit, emptyStatement: m.emptyStatement?.text, empty: allBlank(code) },
      ];
    }),
  ) as Record<TableCode, TableInfo>;
  return { ...book, info };
}
