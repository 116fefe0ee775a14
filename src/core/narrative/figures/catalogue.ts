import { PERSONNEL_CLASSES, PUBLIC_CLASSES } from '../../subjects/economic';
import type { TableCode } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { Amount, Column03, Item09, SubjectRow, SubjectTable, TablesModel } from '../../tables/model';
import { cellWitness, sumOfWitnesses, sumWitness, zeroWitness, type Witness } from './witness';

/**
 * Every table figure the narrative states, with its own cell (the primary) and the identities that state it again
 * (domain.md §2.1 A01–A17, §2.2 B01–B10). Only exact identities are witnesses: inequalities (B09 03 ≥ 05, B12
 * 09 ≥ 06) and soft rules (B13, B14) never are.
 */

export type IncomeLine = 'fiscal' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other';
export type FigureKey =
  | '01.grandTotal'
  | '01.totalIncome'
  | `01.income.${IncomeLine}`
  | `03.${Column03}`
  | '04.grandTotal'
  | `05.${'total' | 'basic' | 'project'}`
  | `05.class.${string}`
  | `05.item.${string}`
  | '06.personnel'
  | '06.public'
  | `09.${'actual' | 'budget'}.${Item09}`
  | `${'07' | '08'}.${'income' | 'total'}`;

export interface FigureSpec {
  /** The figure in the narrative's words, for placeholders and messages: “基本支出”. */
  label: string;
  /** The table that prints it. */
  table: TableCode;
  primary?: Witness;
  alternatives: Array<Witness | undefined>;
}

/** How a message names a printed cell (“公开05表“合计”行“基本支出””) and a sum (“公开06表人员经费各类科目之和”). */
const at = (table: string, row: string, col?: string) => `公开${table}表“${row}”${col ? `行“${col}”` : ''}`;
const of = (table: string, what: string) => `公开${table}表${what}之和`;

/** What a figure's identities may lean on: the doubt test, and other figures once settled (never a cycle). */
export interface FigureEnv {
  doubted: (w: Witness) => boolean;
  settled: (key: FigureKey) => Witness | undefined;
}

/** 01's income lines and 03's columns are named as 02 and 03 print them. */
const INCOME_NAMES = (k: IncomeLine) => columnName('02', k);
const EXPENSE_NAMES = (k: Column03) => columnName('03', k);
const ITEM09_NAMES: Record<Item09, string> = {
  total: '“三公”经费',
  abroad: '因公出国（境）费',
  vehicleTotal: '公务用车购置及运行维护费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
};

export function figureSpec(model: TablesModel, key: FigureKey, env: FigureEnv): FigureSpec {
  const [table, ...rest] = key.split('.');
  switch (table) {
    case '01':
      return rest[0] === 'grandTotal' ? grandTotal(model, '01') : rest[0] === 'totalIncome' ? totalIncome01(model) : income01(model, rest[1] as IncomeLine);
    case '03':
      return expense03(model, rest[0] as Column03, env);
    case '04':
      return grandTotal(model, '04');
    case '05':
      if (rest[0] === 'class' || rest[0] === 'item') return row05(model, rest[1], rest[0]);
      return column05(model, rest[0] as 'total' | 'basic' | 'project', env);
    case '06':
      return economic06(model, rest[0] as 'personnel' | 'public');
    case '09':
      return item09(model, rest[0] as 'actual' | 'budget', rest[1] as Item09);
    default:
      return fund(model, table as '07' | '08', rest[0] as 'income' | 'total');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 01 收入支出决算总表 (A01, A05, B01, B02) and 04's 总计 (A10)

/**
 * 01 and 04 总计: 收入总计 = 支出总计 (A05, A10). When they differ neither is stated: one is wrong, and nothing else
 * here says which.
 */
function grandTotal(model: TablesModel, code: '01' | '04'): FigureSpec {
  const t = model[code];
  const side = (s: 'income' | 'expense') => {
    const line = t?.[s].grandTotal?.amounts as Record<string, Amount> | undefined;
    return cellWitness(line?.amount ?? line?.total, at(code, s === 'income' ? '收入总计' : '支出总计'), `${code}.${s}`);
  };
  return { label: code === '01' ? '收入支出总计' : '财政拨款收入支出总计', table: code, primary: side('income'), alternatives: [side('expense')] };
}

function incomeLines01(model: TablesModel): Array<Amount | undefined> {
  const t = model['01'];
  const line = (k: keyof NonNullable<typeof t>['income']) => t?.income[k]?.amounts.amount;
  const fiscal = t?.income.fiscal ? [line('fiscal')] : [line('gpb'), line('gf'), line('soc')];
  return [...fiscal, line('superior'), line('business'), line('operating'), line('affiliated'), line('other')];
}

function totalIncome01(model: TablesModel): FigureSpec {
  const lines = incomeLines01(model).filter((a) => a !== undefined);
  return {
    label: '本年收入合计',
    table: '01',
    primary: cellWitness(model['01']?.income.totalIncome?.amounts.amount, at('01', '本年收入合计'), '01.totalIncome'),
    alternatives: [
      lines.length > 0 ? sumWitness(lines, of('01', '各项收入'), '01.A01') : undefined,
      cellWitness(model['02']?.total?.amounts.total, at('02', '合计', '本年收入合计'), '02.total'),
    ],
  };
}

function income01(model: TablesModel, k: IncomeLine): FigureSpec {
  const t = model['01'];
  const line = (key: keyof NonNullable<typeof t>['income']) => t?.income[key]?.amounts.amount;
  const name = INCOME_NAMES(k);
  const parts = sumWitness([line('gpb')], of('01', '三项财政拨款收入'), '01.fiscal-parts', [], [line('gf'), line('soc')]);
  // Older forms print one 财政拨款收入 line; newer ones print its three parts only.
  const primary = k === 'fiscal' && !t?.income.fiscal ? parts : cellWitness(line(k), at('01', name), `01.${k}`);
  return {
    label: name,
    table: '01',
    primary,
    alternatives: [
      k === 'fiscal' && t?.income.fiscal ? parts : undefined,
      cellWitness(model['02']?.total?.amounts[k], at('02', '合计', name), '02.total'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 03 支出决算表 (A07, A08, B04), and 05/07/08 when all spending is 财政拨款 (B09: then 03 = 05 + 07 + 08)

const PARTS_03: Column03[] = ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'];

function expense03(model: TablesModel, col: Column03, env: FigureEnv): FigureSpec {
  const t = model['03'];
  const total = t?.total?.amounts;
  const name = EXPENSE_NAMES(col);
  const alternatives: Array<Witness | undefined> = [classSum(t, col, '03', name)];
  if (col === 'total') {
    alternatives.push(
      total ? sumWitness(PARTS_03.map((p) => total[p]).filter(Boolean), of('03', '“合计”行各支出栏'), '03.total') : undefined,
      cellWitness(model['01']?.expense.totalExpense?.amounts.amount, at('01', '本年支出合计'), '01.totalExpense'),
    );
  } else {
    const others = PARTS_03.filter((p) => p !== col && total?.[p]);
    alternatives.push(total?.[col] ? sumWitness([total.total], `${at('03', '合计')}行本年支出合计减其他各栏`, '03.total', others.map((p) => total[p])) : undefined);
    alternatives.push(fiscalSplit(model, col, env));
  }
  return { label: name, table: '03', primary: cellWitness(total?.[col], at('03', '合计', name), '03.total'), alternatives };
}

/**
 * When 01 本年支出合计 equals 04 本年支出合计 all spending is 财政拨款, and since 03 ≥ 05 + 07 + 08 in every column
 * (B09) with equal totals, each column of 03 equals the sum of 05, 07 and 08 (上缴上级、经营、对附属: 0).
 */
function fiscalSplit(model: TablesModel, col: Column03, env: FigureEnv): Witness | undefined {
  const doubted = env.doubted;
  const all = cellWitness(model['01']?.expense.totalExpense?.amounts.amount, at('01', '本年支出合计'), '01');
  const fiscal = cellWitness(model['04']?.expense.totalExpense?.amounts.total, at('04', '本年支出合计'), '04');
  if (!all || !fiscal || doubted(all) || doubted(fiscal) || !all.value.minus(fiscal.value).abs().lte('0.01')) return undefined;
  const how = '本年支出全部为财政拨款支出（公开01表与公开04表本年支出合计相等）';
  if (col !== 'basic' && col !== 'project') return zeroWitness([...all.cells, ...fiscal.cells], `${how}，${EXPENSE_NAMES(col)}`, 'fiscal-split');
  // 05's column as settled by its own vote (a 类 row in doubt does not put its 合计 in doubt).
  const parts: Array<Witness | undefined> = [model['05']?.total ? env.settled(`05.${col}`) : undefined];
  for (const code of ['07', '08'] as const) {
    const t = model[code];
    const source = model['04']?.expense.totalExpense?.amounts[code === '07' ? 'gf' : 'soc'];
    // What the fund spent, by its own table or else by 04: a fund with spending must show the split.
    const spent = t?.total?.amounts.total ?? source;
    if (t?.total && t.columns[col]) parts.push(cellWitness(t.total.amounts[col], `公开${code}表`, code));
    else if (!spent || !spent.value.isZero()) return undefined;
  }
  return sumOfWitnesses(parts, `${how}，公开05、07、08表“合计”行${EXPENSE_NAMES(col)}之和`, 'fiscal-split');
}

function classSum(table: SubjectTable | undefined, col: string, code: TableCode, name: string): Witness | undefined {
  const classes = uniqueRows(table).filter((r) => r.level === '类');
  if (!table || classes.length === 0 || !table.columns[col]) return undefined;
  return sumWitness(classes.map((r) => r.amounts[col]), of(code, `各类级科目“${name}”`), `${code}.classes`);
}

/** Rows by code, the first where a code is printed twice (the duplicate is a structure finding of its own). */
export function uniqueRows(table: SubjectTable | undefined): SubjectRow[] {
  const seen = new Set<string>();
  return (table?.rows ?? []).filter((r) => !seen.has(r.code) && seen.add(r.code));
}

// ---------------------------------------------------------------------------------------------------------------
// 05 一般公共预算财政拨款支出决算表 (A07, A12, B05, B10)

const COLUMN_05 = { total: '合计', basic: '基本支出', project: '项目支出' } as const;

function column05(model: TablesModel, col: 'total' | 'basic' | 'project', env: FigureEnv): FigureSpec {
  const t = model['05'];
  const a = t?.total?.amounts;
  const row = (c: 'total' | 'basic' | 'project') => a?.[c];
  const alternatives: Array<Witness | undefined> = [classSum(t, col, '05', COLUMN_05[col])];
  if (col === 'total') {
    alternatives.push(sumWitness([row('basic'), row('project')], of('05', '“合计”行基本支出与项目支出'), '05.total'));
    alternatives.push(cellWitness(model['04']?.expense.totalExpense?.amounts.gpb, at('04', '本年支出合计', '一般公共预算财政拨款'), '04'));
  } else {
    const other = col === 'basic' ? 'project' : 'basic';
    alternatives.push(sumWitness([row('total')], `${at('05', '合计')}行合计减${COLUMN_05[other]}`, '05.total', [row(other)]));
    // 合计 and 基本支出 settled by their own witnesses (04, 06) leave 项目支出 as their difference.
    if (col === 'project') alternatives.push(sumOfWitnesses([env.settled('05.total')], '公开05表合计减基本支出（二者均经他表核实）', '05.settled', [env.settled('05.basic')]));
    if (col === 'basic' && model['06'])
      alternatives.push(sumOfWitnesses([env.settled('06.personnel'), env.settled('06.public')], of('06', '人员经费与公用经费'), '06'));
  }
  const label = col === 'total' ? '一般公共预算财政拨款支出' : `一般公共预算财政拨款${COLUMN_05[col]}`;
  return { label, table: '05', primary: cellWitness(row(col), at('05', '合计', COLUMN_05[col]), '05.total'), alternatives };
}

/** A 类 (五（二）) or a 项 (五（三）) of 05: its row's 合计, its row (基本 + 项目), its 款 (a 类), 04's line (a 类). */
function row05(model: TablesModel, code: string, level: 'class' | 'item'): FigureSpec {
  const rows = uniqueRows(model['05']);
  const row = rows.find((r) => r.code === code);
  const children = rows.filter((r) => r.parentCode === code);
  const name = row?.name ?? '';
  const line = level === 'class' ? model['04']?.classes.find((c) => c.key === code) : undefined;
  return {
    label: level === 'class' ? `${name}（类）` : `${code} ${name}支出决算`,
    table: '05',
    primary: cellWitness(row?.amounts.total, at('05', `${code} ${name}`, '合计'), `05.row.${code}`),
    alternatives: [
      row ? sumWitness([row.amounts.basic, row.amounts.project], of('05', '该行基本支出与项目支出'), `05.row.${code}`) : undefined,
      children.length > 0 ? sumWitness(children.map((c) => c.amounts.total), of('05', `“${code}”所属各款`), `05.children.${code}`) : undefined,
      cellWitness(line?.amounts.gpb, at('04', line?.label ?? code, '一般公共预算财政拨款'), '04'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 06 基本支出明细表 (A13, A14)

function economic06(model: TablesModel, which: 'personnel' | 'public'): FigureSpec {
  const t = model['06'];
  const classes = which === 'personnel' ? PERSONNEL_CLASSES : PUBLIC_CLASSES;
  const name = which === 'personnel' ? '人员经费' : '公用经费';
  const classRows = (t?.items ?? []).filter((i) => i.level === '类' && classes.includes(i.code));
  const classWitness = classRows.length > 0 ? sumWitness(classRows.map((i) => i.amount), of('06', `${name}各类科目`), '06.classes') : undefined;
  const total = which === 'personnel' ? t?.personnelTotal : t?.publicTotal;
  // Without a 合计 line (some layouts) the classes are the figure itself.
  return { label: name, table: '06', primary: total ? cellWitness(total, at('06', `${name}合计`), '06.total') : classWitness, alternatives: [total && classWitness] };
}

// ---------------------------------------------------------------------------------------------------------------
// 09 “三公”经费 (A17), each of 预算 and 决算

function item09(model: TablesModel, side: 'actual' | 'budget', item: Item09): FigureSpec {
  const b = model['09']?.[side];
  const where = side === 'actual' ? '决算数' : '预算数';
  const w = (k: Item09) => cellWitness(b?.[k], `公开09表${where}“${ITEM09_NAMES[k]}${k === 'vehicleTotal' ? '小计' : ''}”`, `09.${k}`);
  // A layout without the 小计 prints the vehicle figure only as its two parts.
  const vehicle = b?.vehicleTotal ? [b.vehicleTotal] : [b?.vehiclePurchase, b?.vehicleOperation];
  const sum = (plus: Array<Amount | undefined>, minus: Array<Amount | undefined>, how: string, origin: string) => sumWitness(plus, `公开09表${where}${how}`, origin, minus);
  const alternatives: Array<Witness | undefined> = [];
  let primary = w(item);
  switch (item) {
    case 'total':
      // A layout without the 合计 line prints the total only as its items.
      if (!b?.total) primary = sum([b?.abroad, ...vehicle, b?.reception], [], '各项之和', '09.items');
      else alternatives.push(sum([b.abroad, ...vehicle, b.reception], [], '各项之和', '09.items'));
      break;
    case 'vehicleTotal':
      if (!b?.vehicleTotal) primary = sum([b?.vehiclePurchase, b?.vehicleOperation], [], '购置费与运行维护费之和', '09.vehicle-parts');
      else alternatives.push(sum([b.vehiclePurchase, b.vehicleOperation], [], '购置费与运行维护费之和', '09.vehicle-parts'));
      alternatives.push(sum([b?.total], [b?.abroad, b?.reception], '合计减因公出国（境）费和公务接待费', '09.total'));
      break;
    case 'vehiclePurchase':
      alternatives.push(b?.vehicleTotal ? sum([b.vehicleTotal], [b.vehicleOperation], '小计减运行维护费', '09.vehicleTotal') : undefined);
      break;
    case 'vehicleOperation':
      alternatives.push(b?.vehicleTotal ? sum([b.vehicleTotal], [b.vehiclePurchase], '小计减购置费', '09.vehicleTotal') : undefined);
      break;
    default: {
      const others = (['abroad', 'reception'] as const).filter((k) => k !== item).map((k) => b?.[k]);
      alternatives.push(sum([b?.total], [...vehicle, ...others], '合计减其他各项', '09.total'));
    }
  }
  return { label: `${ITEM09_NAMES[item]}${where}`, table: '09', primary, alternatives };
}

// ---------------------------------------------------------------------------------------------------------------
// 07 / 08 (A07, A15, B06, B07)

function fund(model: TablesModel, code: '07' | '08', col: 'income' | 'total'): FigureSpec {
  const t = model[code];
  const name = code === '07' ? '政府性基金预算财政拨款' : '国有资本经营预算财政拨款';
  const label = `${name}${col === 'income' ? '收入' : '支出'}`;
  const source = code === '07' ? 'gf' : 'soc';
  const t04 = model['04'];
  const a = t?.total?.amounts;
  return {
    label,
    table: code,
    primary: cellWitness(a?.[col], at(code, '合计', col === 'income' ? '本年收入' : '本年支出合计'), `${code}.total`),
    alternatives: [
      classSum(t, col, code, col === 'income' ? '本年收入' : '本年支出合计'),
      col === 'income'
        ? cellWitness(t04?.income[source]?.amounts.amount, at('04', name), '04')
        : cellWitness(t04?.expense.totalExpense?.amounts[source], at('04', '本年支出合计', name), '04'),
    ],
  };
}
