import Decimal from 'decimal.js';
import { sum } from '../narrative/money';
import { cents } from '../util/money';
import { PERSONNEL_CLASSES, PUBLIC_CLASSES } from '../subjects/economic';
import { classRowsFor } from '../subjects/classes';
import { reportYear } from '../tables/report-year';
import { functionalName } from '../subjects/functional';
import { fieldLabel, type AmountKey, type CountKey, type ScoreKey } from '../supplement/fields';
import type { Supplement } from '../supplement/schema';
import { leafRowsOf, subjectLabel } from '../supplement/table-items';
import type { TableCode } from '../tables/codes';
import type { Amount, Item09, SubjectTable, TablesModel } from '../tables/model';
import type { BudgetBasis } from './claims';
import { SourceDoubts } from './trust';

/**
 * What a figure of the narrative should be: for each subject (“收入支出总计”, “卫生健康支出（类）”, “公务接待费”),
 * its sources — the table cells, the 说明数据 entries, or sums of them — by role: the year's amount (`actual`),
 * the budget, the prior-year amount, a count. A subject without a source for a role cannot be checked for it
 * (its rates are then checked against the text's own figures only).
 */
export interface Source {
  value: Decimal;
  cells: string[];
  /** “公开01表“总计””, “说明数据“上年收入支出总计””. */
  where: string;
  kind: 'table' | 'supplement' | 'derived';
  /** For a sum of independently rounded amounts: how many (the 尾数 bound is 0.005 × terms). */
  terms?: number;
  /** A table the figure must agree with although the narrative takes it from elsewhere (三公 budget vs 09表). */
  cross?: boolean;
  /**
   * Another witness of the same figure by an identity of the tables (05 类 = 04 一般公共预算 column = Σ 05 款):
   * the text may state either side of a rounding difference, and a witness the text does not match is no
   * finding of its own (the table rules report tables that disagree); it stands in for a doubted source.
   */
  witness?: boolean;
  /** For a budget: whether it is the 年初预算 or the 全年预算 (the 09 table's note says which). */
  basis?: BudgetBasis;
}

export interface Subject {
  key: string;
  /** For messages: “一般公共预算财政拨款支出”. */
  name: string;
  actual: Source[];
  budget: Source[];
  prior: Source[];
  count: Source[];
  /** The denominator of “占X%” when the sentence names none. */
  base?: string;
  /** A figure that equals one of these instead of `actual` is explained by the note (N01: 本年合计 for 总计). */
  confusions?: Array<{ source: Source; note: string }>;
  table?: TableCode;
  /** 功能分类 code, for 科目 subjects. */
  code?: string;
}

type Builder = (s: Subjects) => Subject | undefined;

const ZERO = new Decimal(0);

export class Subjects {
  private readonly cache = new Map<string, Subject | undefined>();

  constructor(
    readonly model: TablesModel,
    readonly supplement?: Supplement,
    /** Which figures fail their own checks (trust.ts); none by default. */
    readonly doubts: SourceDoubts = new SourceDoubts([]),
    /** What the 09 table's note calls its 预算数 (the seed's: 全年预算数), when it says. */
    readonly budgetBasis09?: BudgetBasis,
  ) {}

  get(key: string): Subject | undefined {
    if (!this.cache.has(key)) this.cache.set(key, this.build(key));
    return this.cache.get(key);
  }

  private build(key: string): Subject | undefined {
    const fixed = BUILDERS[key];
    if (fixed) return fixed(this);
    const [kind, a, b, column] = key.split(':');
    if (kind === 'class') return this.classSubject(a);
    if (kind === 'item') return column ? this.itemColumn(a as '05' | '07' | '08', b, column as 'basic' | 'project') : this.itemSubject(a as '05' | '07' | '08', b);
    if (kind === 'cnt') return this.countSubject(a as CountKey);
    if (kind === 'score') return this.scoreSubject(a as ScoreKey);
    return undefined;
  }

  // ---- sources -------------------------------------------------------------------------------------------

  table(a: Amount | undefined, where: string, cross = false): Source | undefined {
    if (!a) return undefined;
    return { value: a.value, cells: [a.cell], where, kind: 'table', ...(cross ? { cross } : {}) };
  }

  supp(key: AmountKey): Source | undefined {
    const e = this.supplement?.amounts[key];
    return e ? { value: e.value, cells: [e.cell], where: `说明数据“${fieldLabel(key)}”`, kind: 'supplement' } : undefined;
  }

  suppCount(key: CountKey): Source | undefined {
    const e = this.supplement?.counts[key];
    return e ? { value: e.value, cells: [e.cell], where: `说明数据“${fieldLabel(key)}”`, kind: 'supplement' } : undefined;
  }

  /** Σ of sources, when every one is known. */
  total(parts: Array<Source | undefined>, where: string, cross = false): Source | undefined {
    if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
    const list = parts as Source[];
    if (list.length === 1) return { ...list[0], where, ...(cross ? { cross } : {}) };
    return {
      value: sum(list.map((p) => cents(p.value))),
      cells: list.flatMap((p) => p.cells),
      where,
      kind: list.every((p) => p.kind === 'table') ? 'table' : 'derived',
      terms: list.length,
      ...(cross ? { cross } : {}),
    };
  }

  private classSubject(code: string): Subject | undefined {
    const row = classRowsFor(reportYear(this.model)).find((r) => r.code === code);
    if (!row) return undefined;
    const t05 = this.model['05'];
    const printed = t05?.rows.find((r) => r.code === code);
    const actual = printed
      ? this.table(printed.amounts.total, `公开05表“${printed.name.trim() || row.name}”合计`)
      : t05
        ? { value: ZERO, cells: [], where: '公开05表（无此类科目）', kind: 'table' as const }
        : undefined;
    const line04 = this.model['04']?.classes.find((c) => c.key === code)?.amounts.gpb;
    const witnesses = [
      witness(line04 && !line04.blank ? this.table(line04, `公开04表“${row.name}”一般公共预算财政拨款`) : undefined),
      witness(t05 ? this.childSum(t05, code, `公开05表“${row.name}”所属各款之和`) : undefined),
    ];
    return { key: `class:${code}`, name: `${row.name}（类）`, actual: [...list(actual), ...present(witnesses)], budget: [], prior: [], count: [], base: 'gpb.total', table: '05', code };
  }

  private itemSubject(code: '05' | '07' | '08', subject: string): Subject | undefined {
    const table = this.model[code] as SubjectTable | undefined;
    const row = table?.rows.find((r) => r.code === subject);
    const item = this.supplement?.items.find((i) => i.code === subject);
    const year = reportYear(this.model);
    const label = subjectLabel(table, subject, year);
    const actual = row
      ? this.table((row.amounts as Record<string, Amount | undefined>).total, `公开${code}表 ${subject}“${row.name.trim() || functionalName(subject, year) || ''}”合计`)
      : table
        ? { value: ZERO, cells: [], where: `公开${code}表（无科目 ${subject}）`, kind: 'table' as const }
        : undefined;
    const budget: Source | undefined = item?.budget
      ? { value: item.budget.value, cells: [item.budget.cell], where: `说明数据项级科目 ${subject} “年初预算”`, kind: 'supplement', basis: '年初' }
      : undefined;
    const fullYear: Source | undefined = item?.fullYearBudget
      ? { value: item.fullYearBudget.value, cells: [item.fullYearBudget.cell], where: `说明数据项级科目 ${subject} “全年预算”`, kind: 'supplement', basis: '全年' }
      : undefined;
    // An item written at 类 or 款 level: its printed children witness its amount.
    const kids = table && subject.length < 7 ? witness(this.childSum(table, subject, `公开${code}表 ${subject} 所属各级科目之和`)) : undefined;
    return { key: `item:${code}:${subject}`, name: label, actual: [...list(actual), ...list(kids)], budget: present([budget, fullYear]), prior: [], count: [], table: code, code: subject };
  }

  /** An item's 基本支出 or 项目支出 column. */
  private itemColumn(code: '05' | '07' | '08', subject: string, column: 'basic' | 'project'): Subject | undefined {
    const table = this.model[code] as SubjectTable | undefined;
    if (!table || !(column in table.columns)) return undefined;
    const row = table.rows.find((r) => r.code === subject);
    const words = column === 'basic' ? '基本支出' : '项目支出';
    const amount = (row?.amounts as Record<string, Amount | undefined> | undefined)?.[column];
    const actual = amount ? this.table(amount, `公开${code}表 ${subject}“${row!.name.trim()}”${words}`) : { value: ZERO, cells: [], where: `公开${code}表 ${subject}${words}`, kind: 'table' as const };
    return { key: `item:${code}:${subject}:${column}`, name: `${subjectLabel(table, subject, reportYear(this.model))}${words}`, actual: list(actual), budget: [], prior: [], count: [], table: code, code: subject };
  }

  private countSubject(key: CountKey): Subject {
    let source = this.suppCount(key);
    if (!source && key === 'vehiclesTotal') {
      const parts = VEHICLE_COUNTS.map((k) => this.suppCount(k));
      source = this.total(parts, '说明数据各类车辆之和');
    }
    return { key: `cnt:${key}`, name: fieldLabel(key), actual: [], budget: [], prior: [], count: list(source) };
  }

  private scoreSubject(key: ScoreKey): Subject {
    const e = this.supplement?.scores[key];
    const source: Source | undefined = e ? { value: e.value, cells: [e.cell], where: `说明数据“${fieldLabel(key)}”`, kind: 'supplement' } : undefined;
    return { key: `score:${key}`, name: fieldLabel(key), actual: [], budget: [], prior: [], count: list(source) };
  }

  /** Σ of a row's printed children (类 → 款, 款 → 项) in the `total` column; undefined when it has none. */
  childSum(table: SubjectTable, parent: string, where: string, column = 'total'): Source | undefined {
    const depth = parent.length === 3 ? 5 : parent.length === 5 ? 7 : 0;
    const kids = table.rows.filter((r) => r.code.length === depth && r.code.startsWith(parent));
    const amounts = kids.map((r) => (r.amounts as Record<string, Amount | undefined>)[column]).filter((a): a is Amount => a !== undefined && !a.blank);
    if (depth === 0 || amounts.length === 0) return undefined;
    return this.total(amounts.map((a) => this.table(a, where)), where);
  }

  /** Σ of a table's 类 rows in one column: the 合计 row's witness (a template may leave 合计 blank). */
  classSum(table: SubjectTable, where: string, column = 'total'): Source | undefined {
    const amounts = table.rows.filter((r) => r.code.length === 3).map((r) => (r.amounts as Record<string, Amount | undefined>)[column]).filter((a): a is Amount => a !== undefined && !a.blank);
    if (amounts.length === 0) return undefined;
    return this.total(amounts.map((a) => this.table(a, where)), where);
  }

  /** Leaf rows (项) of a subject table with a non-zero amount: what 五（三） / 八 must explain. */
  leafCodes(code: '05' | '07' | '08'): string[] {
    return leafRowsOf(this.model[code] as SubjectTable | undefined)
      .filter((r) => !cents(((r.amounts as Record<string, Amount | undefined>).total?.value) ?? ZERO).isZero())
      .map((r) => r.code);
  }
}

export const VEHICLE_COUNTS: CountKey[] = [
  'vehiclesMinister',
  'vehiclesLeader',
  'vehiclesConfidential',
  'vehiclesEmergency',
  'vehiclesLaw',
  'vehiclesSpecial',
  'vehiclesRetired',
  'vehiclesOther',
];

function list<T>(x: T | undefined): T[] {
  return x === undefined ? [] : [x];
}

function present<T>(xs: Array<T | undefined>): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

function basisOf(s: Source | undefined, basis: BudgetBasis): Source | undefined {
  return s ? { ...s, basis } : undefined;
}

function witness(s: Source | undefined): Source | undefined {
  return s ? { ...s, witness: true } : undefined;
}

function subject(key: string, name: string, parts: Partial<Omit<Subject, 'key' | 'name'>>): Subject {
  return { key, name, actual: [], budget: [], prior: [], count: [], ...parts };
}

function line01(s: Subjects, k: keyof NonNullable<TablesModel['01']>['income'], label: string): Source | undefined {
  return s.table(s.model['01']?.income[k]?.amounts.amount, `公开01表“${label}”`);
}

function col03(s: Subjects, k: 'total' | 'basic' | 'project' | 'toSuperior' | 'operating' | 'toAffiliated', label: string): Source | undefined {
  return s.table(s.model['03']?.total?.amounts[k], `公开03表合计行“${label}”`);
}

function income(key: string, k: 'gpb' | 'gf' | 'soc' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other' | 'useNonFiscalBalance' | 'openingBalance', name: string): [string, Builder] {
  return [key, (s) => subject(key, name, { actual: list(line01(s, k, name)), base: 't01.totalIncome', table: '01' })];
}

function expense(key: string, k: 'basic' | 'project' | 'toSuperior' | 'operating' | 'toAffiliated', name: string): [string, Builder] {
  return [key, (s) => subject(key, name, { actual: list(col03(s, k, name)), base: 't03.total', table: '03' })];
}

const SG: Record<string, { item: Item09; name: string; budget: AmountKey[]; prior: AmountKey[] }> = {
  'sg.total': { item: 'total', name: '“三公”经费财政拨款支出', budget: ['sgBudgetTotal'], prior: ['sgPriorTotal'] },
  'sg.abroad': { item: 'abroad', name: '因公出国（境）费', budget: ['sgBudgetAbroad'], prior: ['sgPriorAbroad'] },
  'sg.vehicle': { item: 'vehicleTotal', name: '公务用车购置及运行维护费', budget: ['sgBudgetPurchase', 'sgBudgetOperation'], prior: ['sgPriorPurchase', 'sgPriorOperation'] },
  'sg.purchase': { item: 'vehiclePurchase', name: '公务用车购置费', budget: ['sgBudgetPurchase'], prior: ['sgPriorPurchase'] },
  'sg.operation': { item: 'vehicleOperation', name: '公务用车运行维护费', budget: ['sgBudgetOperation'], prior: ['sgPriorOperation'] },
  'sg.reception': { item: 'reception', name: '公务接待费', budget: ['sgBudgetReception'], prior: ['sgPriorReception'] },
};
const SG_LEAVES: Record<'budget' | 'prior', AmountKey[]> = {
  budget: ['sgBudgetAbroad', 'sgBudgetPurchase', 'sgBudgetOperation', 'sgBudgetReception'],
  prior: ['sgPriorAbroad', 'sgPriorPurchase', 'sgPriorOperation', 'sgPriorReception'],
};

function sangong(key: string): Builder {
  const d = SG[key];
  return (s) => {
    const t09 = s.model['09'];
    const cell = (side: 'budget' | 'actual', item: Item09): Source | undefined => {
      if (!t09) return undefined;
      const a = t09[side][item];
      const label = `公开09表${side === 'budget' ? '预算数' : '决算数'}“${SG[Object.keys(SG).find((k) => SG[k].item === item)!].name}”`;
      if (a) {
        const src = s.table(a, label, side === 'budget')!;
        return side === 'budget' && s.budgetBasis09 ? { ...src, basis: s.budgetBasis09 } : src;
      }
      if (item === 'vehicleTotal') return s.total([cell(side, 'vehiclePurchase'), cell(side, 'vehicleOperation')], label, side === 'budget');
      // A blank (absent) item of a table that was read is 0.
      return { value: ZERO, cells: [], where: label, kind: 'table', ...(side === 'budget' ? { cross: true } : {}) };
    };
    const fromSupplement = (keys: AmountKey[], leaves: AmountKey[], where: string): Source | undefined => {
      if (keys.length === 1) {
        const direct = s.supp(keys[0]);
        if (direct) return direct;
        if (key === 'sg.total') return s.total(leaves.map((k) => s.supp(k)), `说明数据${where}各项之和`);
        return undefined;
      }
      return s.total(keys.map((k) => s.supp(k)), `说明数据${where}（购置费与运行维护费之和）`);
    };
    const budget = [fromSupplement(d.budget, SG_LEAVES.budget, '“三公”经费预算'), cell('budget', d.item)].filter((x): x is Source => x !== undefined);
    const prior = fromSupplement(d.prior, SG_LEAVES.prior, '上年“三公”经费决算');
    // The 09 合计 and 小计 are witnessed by their items (a blank 合计 over printed items is not 0).
    const parts: Partial<Record<Item09, Item09[]>> = { total: ['abroad', 'vehicleTotal', 'reception'], vehicleTotal: ['vehiclePurchase', 'vehicleOperation'] };
    const items = parts[d.item];
    const sumOf = items && t09 ? witness(s.total(items.map((i) => cell('actual', i)), `公开09表决算数${d.name}各项之和`)) : undefined;
    return subject(key, d.name, { actual: present([cell('actual', d.item), sumOf]), budget, prior: list(prior), base: 'sg.total', table: '09' });
  };
}

function fund(code: '07' | '08', side: 'income' | 'total', name: string): Builder {
  return (s) => {
    const t = s.model[code] as SubjectTable | undefined;
    if (!t) return subject(`fund${code}.${side}`, name, {});
    const a = (t.total?.amounts as Record<string, Amount | undefined> | undefined)?.[side];
    const source: Source = a ? { value: a.value, cells: [a.cell], where: `公开${code}表合计行`, kind: 'table' } : { value: ZERO, cells: [], where: `公开${code}表（无数据）`, kind: 'table' };
    if (side === 'income' && !('income' in t.columns)) return subject(`fund${code}.${side}`, name, { table: code });
    // A template may leave the 合计 row blank over figures in the rows: the rows' sum and 04 say what it is.
    const t04 = s.model['04'];
    const column = code === '07' ? 'gf' : 'soc';
    const line04 = side === 'income' ? t04?.income[column]?.amounts.amount : t04?.expense.totalExpense?.amounts[column];
    const witnesses = [
      witness(s.classSum(t, `公开${code}表各类级科目之和`, side)),
      witness(line04 && !line04.blank ? s.table(line04, `公开04表${side === 'income' ? '收入' : '“本年支出合计”'}${code === '07' ? '政府性基金预算财政拨款' : '国有资本经营预算财政拨款'}`) : undefined),
    ];
    return subject(`fund${code}.${side}`, name, { actual: [source, ...present(witnesses)], table: code });
  };
}

function supplementAmount(key: string, name: string, amount: AmountKey, extra: Partial<Subject> = {}): [string, Builder] {
  return [key, (s) => subject(key, name, { actual: list(s.supp(amount)), ...extra })];
}

const BUILDERS: Record<string, Builder> = Object.fromEntries<Builder>([
  [
    't01.grandTotal',
    (s) => {
      const t01 = s.model['01'];
      const inc = s.table(t01?.income.grandTotal?.amounts.amount, '公开01表收入“总计”');
      const exp = s.table(t01?.expense.grandTotal?.amounts.amount, '公开01表支出“总计”');
      const actual = [inc, exp && inc && !cents(exp.value).eq(cents(inc.value)) ? exp : undefined].filter((x): x is Source => x !== undefined);
      if (actual.length === 0 && exp) actual.push(exp);
      const total = line01(s, 'totalIncome', '本年收入合计');
      return subject('t01.grandTotal', '收入支出总计', {
        actual,
        prior: list(s.supp('priorTotal')),
        table: '01',
        confusions: total ? [{ source: total, note: '文中数字等于“本年收入合计”，而这里应写公开01表的“总计”（本年收入合计加使用非财政拨款结余、年初结转和结余）' }] : [],
      });
    },
  ],
  [
    't01.totalIncome',
    (s) => {
      const t02 = s.table(s.model['02']?.total?.amounts.total, '公开02表合计行“本年收入合计”');
      const t01 = line01(s, 'totalIncome', '本年收入合计');
      return subject('t01.totalIncome', '本年收入合计', { actual: t01 ? [t01, ...list(witness(t02))] : list(t02), table: '01' });
    },
  ],
  [
    'income.fiscal',
    (s) => {
      const t01 = s.model['01'];
      const keys = t01?.income.fiscal ? (['fiscal'] as const) : (['gpb', 'gf', 'soc'] as const);
      const lines = keys.map((k) => t01?.income[k]?.amounts.amount).filter((a): a is Amount => a !== undefined);
      const present = lines.filter((a) => !a.blank);
      const used = present.length ? present : lines.slice(0, 1);
      const source: Source | undefined = used.length
        ? { value: sum(used.map((a) => a.value)), cells: used.map((a) => a.cell), where: '公开01表财政拨款收入（一般公共预算、政府性基金、国有资本经营之和）', kind: 'table' }
        : s.table(s.model['02']?.total?.amounts.fiscal, '公开02表合计行“财政拨款收入”');
      return subject('income.fiscal', '财政拨款收入', { actual: list(source), base: 't01.totalIncome', table: '01' });
    },
  ],
  income('income.gpb', 'gpb', '一般公共预算财政拨款收入'),
  income('income.gf', 'gf', '政府性基金预算财政拨款收入'),
  income('income.soc', 'soc', '国有资本经营预算财政拨款收入'),
  income('income.superior', 'superior', '上级补助收入'),
  income('income.business', 'business', '事业收入'),
  income('income.operating', 'operating', '经营收入'),
  income('income.affiliated', 'affiliated', '附属单位上缴收入'),
  income('income.other', 'other', '其他收入'),
  income('income.useNonFiscalBalance', 'useNonFiscalBalance', '使用非财政拨款结余'),
  income('income.opening', 'openingBalance', '年初结转和结余'),
  [
    't03.total',
    (s) => {
      const t01 = s.table(s.model['01']?.expense.totalExpense?.amounts.amount, '公开01表“本年支出合计”');
      const t03 = col03(s, 'total', '本年支出合计');
      return subject('t03.total', '本年支出合计', { actual: t03 ? [t03, ...list(witness(t01))] : list(t01), table: '03' });
    },
  ],
  expense('t03.basic', 'basic', '基本支出'),
  expense('t03.project', 'project', '项目支出'),
  expense('t03.toSuperior', 'toSuperior', '上缴上级支出'),
  expense('t03.operating', 'operating', '经营支出'),
  expense('t03.toAffiliated', 'toAffiliated', '对附属单位补助支出'),
  ['exp.closing', (s) => subject('exp.closing', '年末结转和结余', { actual: list(s.table(s.model['01']?.expense.closingBalance?.amounts.amount, '公开01表“年末结转和结余”')), table: '01' })],
  ['exp.distribution', (s) => subject('exp.distribution', '结余分配', { actual: list(s.table(s.model['01']?.expense.balanceDistribution?.amounts.amount, '公开01表“结余分配”')), table: '01' })],
  [
    't04.grandTotal',
    (s) => {
      const inc = s.table(s.model['04']?.income.grandTotal?.amounts.amount, '公开04表收入“总计”');
      const exp = s.table(s.model['04']?.expense.grandTotal?.amounts.total, '公开04表支出“总计”');
      return subject('t04.grandTotal', '财政拨款收入支出总计', { actual: inc ? [inc, ...list(witness(exp))] : list(exp), prior: list(s.supp('priorFiscalTotal')), table: '04' });
    },
  ],
  [
    'gpb.total',
    (s) => {
      const budget = basisOf(s.supp('budgetGpb'), '年初');
      const t05 = s.model['05'];
      const line04 = s.model['04']?.expense.totalExpense?.amounts.gpb;
      return subject('gpb.total', '一般公共预算财政拨款支出', {
        actual: present([
          s.table(t05?.total?.amounts.total, '公开05表合计行“合计”'),
          witness(line04 && !line04.blank ? s.table(line04, '公开04表“本年支出合计”一般公共预算财政拨款') : undefined),
          witness(t05 ? s.classSum(t05, '公开05表各类级科目合计之和') : undefined),
        ]),
        prior: list(s.supp('priorGpbExpense')),
        budget: list(budget),
        base: 't03.total',
        table: '05',
      });
    },
  ],
  [
    'basic.total',
    (s) => {
      const t06 = s.model['06'];
      const from06 = t06?.personnelTotal && t06.publicTotal ? s.total([s.table(t06.personnelTotal, ''), s.table(t06.publicTotal, '')], '公开06表人员经费合计与公用经费合计之和') : undefined;
      return subject('basic.total', '一般公共预算财政拨款基本支出', {
        actual: present([s.table(s.model['05']?.total?.amounts.basic, '公开05表合计行“基本支出”'), witness(from06)]),
        table: '05',
      });
    },
  ],
  [
    'basic.personnel',
    (s) => {
      const t06 = s.model['06'];
      const direct = s.table(t06?.personnelTotal, '公开06表“人员经费合计”');
      const classes = t06?.items.filter((i) => i.level === '类' && PERSONNEL_CLASSES.includes(i.code)).map((i) => s.table(i.amount, `公开06表 ${i.code}`));
      const sum06 = classes?.length ? s.total(classes, '公开06表人员经费（301、303之和）') : undefined;
      return subject('basic.personnel', '人员经费', { actual: direct ? [direct, ...list(witness(sum06))] : list(sum06), base: 'basic.total', table: '06' });
    },
  ],
  [
    'basic.public',
    (s) => {
      const t06 = s.model['06'];
      const direct = s.table(t06?.publicTotal, '公开06表“公用经费合计”');
      const classes = t06?.items.filter((i) => i.level === '类' && PUBLIC_CLASSES.includes(i.code)).map((i) => s.table(i.amount, `公开06表 ${i.code}`));
      const sum06 = classes?.length ? s.total(classes, '公开06表公用经费之和') : undefined;
      return subject('basic.public', '公用经费', { actual: direct ? [direct, ...list(witness(sum06))] : list(sum06), base: 'basic.total', table: '06' });
    },
  ],
  ...Object.keys(SG).map((k): [string, Builder] => [k, sangong(k)]),
  ['fund07.income', fund('07', 'income', '政府性基金预算财政拨款收入')],
  ['fund07.expense', fund('07', 'total', '政府性基金预算财政拨款支出')],
  ['fund08.income', fund('08', 'income', '国有资本经营预算财政拨款收入')],
  ['fund08.expense', fund('08', 'total', '国有资本经营预算财政拨款支出')],
  ['opcost', (s) => subject('opcost', '机关运行经费', { actual: list(s.supp('operatingCost')), prior: list(s.supp('priorOperatingCost')) })],
  ...(['meeting', 'training'] as const).map((k): [string, Builder] => [
    k,
    (s) => {
      const code = k === 'meeting' ? '30215' : '30216';
      const item = s.model['06']?.items.find((i) => i.code === code);
      const fromTable = item ? s.table(item.amount, `公开06表 ${code}“${item.name.trim() || (k === 'meeting' ? '会议费' : '培训费')}”`) : undefined;
      const given = s.supp(k === 'meeting' ? 'meetingAmount' : 'trainingAmount');
      return subject(k, k === 'meeting' ? '会议费' : '培训费', { actual: list(given ?? fromTable), table: '06' });
    },
  ]),
  supplementAmount('festival', '节庆、晚会、论坛、赛事活动经费', 'festivalAmount'),
  [
    'proc.total',
    (s) => subject('proc.total', '政府采购支出总额', {
      actual: list(s.supp('procTotal') ?? s.total([s.supp('procGoods'), s.supp('procWorks'), s.supp('procServices')], '说明数据货物、工程、服务采购之和')),
    }),
  ],
  supplementAmount('proc.goods', '政府采购货物支出', 'procGoods'),
  supplementAmount('proc.works', '政府采购工程支出', 'procWorks'),
  supplementAmount('proc.services', '政府采购服务支出', 'procServices'),
  supplementAmount('proc.sme', '授予中小企业合同金额', 'procSme', { base: 'proc.total' }),
  supplementAmount('proc.small', '授予小微企业合同金额', 'procSmall', { base: 'proc.sme' }),
  supplementAmount('proc.smeGoods', '货物采购授予中小企业合同金额', 'procSmeGoods', { base: 'proc.goods' }),
  supplementAmount('proc.smeWorks', '工程采购授予中小企业合同金额', 'procSmeWorks', { base: 'proc.works' }),
  supplementAmount('proc.smeServices', '服务采购授予中小企业合同金额', 'procSmeServices', { base: 'proc.services' }),
  [
    'perf.total',
    (s) => {
      const amounts: AmountKey[] = ['perfGpbAmount', 'perfGfAmount', 'perfSocAmount', 'perfSsfAmount'];
      const counts: CountKey[] = ['perfGpbProjects', 'perfGfProjects', 'perfSocProjects', 'perfSsfProjects'];
      const present = <T,>(xs: Array<T | undefined>) => xs.filter((x): x is T => x !== undefined);
      const amountParts = present(amounts.map((k) => s.supp(k)));
      const countParts = present(counts.map((k) => s.suppCount(k)));
      return subject('perf.total', '绩效自评项目', {
        actual: list(s.supp('perfAmount') ?? (amountParts.length ? s.total(amountParts, '说明数据各类预算绩效自评项目资金之和') : undefined)),
        count: list(s.suppCount('perfProjects') ?? (countParts.length ? s.total(countParts, '说明数据各类预算绩效自评项目个数之和') : undefined)),
      });
    },
  ],
  ['perf.gpb', (s) => subject('perf.gpb', '一般公共预算绩效自评项目', { actual: list(s.supp('perfGpbAmount')), count: list(s.suppCount('perfGpbProjects')), base: 'gpb.total' })],
  ['perf.gf', (s) => subject('perf.gf', '政府性基金预算绩效自评项目', { actual: list(s.supp('perfGfAmount')), count: list(s.suppCount('perfGfProjects')), base: 'fund07.expense' })],
  ['perf.soc', (s) => subject('perf.soc', '国有资本经营预算绩效自评项目', { actual: list(s.supp('perfSocAmount')), count: list(s.suppCount('perfSocProjects')), base: 'fund08.expense' })],
  ['perf.ssf', (s) => subject('perf.ssf', '社会保险基金预算绩效自评项目', { actual: list(s.supp('perfSsfAmount')), count: list(s.suppCount('perfSsfProjects')) })],
  [
    'perf.overall',
    (s) => subject('perf.overall', '整体支出', {
      budget: list(basisOf(s.supp('fullYearBudget'), '全年')),
      actual: list(s.supp('perfExecuted') ?? col03(s, 'total', '本年支出合计')),
    }),
  ],
  ['perf.target', (s) => subject('perf.target', '编报绩效目标的项目', { actual: list(s.supp('perfTargetAmount')), count: list(s.suppCount('perfTargetProjects')) })],
  ['perf.track', (s) => subject('perf.track', '绩效跟踪评价的项目', { actual: list(s.supp('perfTrackAmount')), count: list(s.suppCount('perfTrackProjects')) })],
]);
