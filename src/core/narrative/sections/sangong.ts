import type Decimal from 'decimal.js';
import type { AmountKey, CountKey, TextKey } from '../../supplement/fields';
import type { Amount, Item09 } from '../../tables/model';
import { compare } from '../change';
import type { NarrativeContext } from '../context';
import type { NarrativeSection } from '../document';
import { isKnown, known, type Fig } from '../figures/fig';
import { partOf, shareText, wanOf } from '../figures/state';
import { comparisonWord, isZeroAmount, sum } from '../money';
import { cents, formatMoney } from '../../util/money';
import { changePhrase, completion, reason, section, subNumber } from '../phrases';

/**
 * 七 财政拨款“三公”经费支出决算 — 决算数 from 09 (each item from its own cell: 购置费 from 公务用车购置费, 运行维护费
 * from 公务用车运行维护费, never one for both); 预算数 from 说明数据 when given there (the published budget may
 * differ from the 09 预算 columns: the sample's 09 budget copies its actuals), else from 09; 上年数, counts and
 * reasons from 说明数据. Figures in doubt (09 合计 ≠ Σ items…) are settled or asked for by ctx.fig.
 */

type Part = 'total' | 'abroad' | 'vehicle' | 'purchase' | 'operation' | 'reception';
type Leaf = Exclude<Part, 'vehicle'>;

const BUDGET_KEYS: Record<Leaf, AmountKey> = {
  total: 'sgBudgetTotal',
  abroad: 'sgBudgetAbroad',
  purchase: 'sgBudgetPurchase',
  operation: 'sgBudgetOperation',
  reception: 'sgBudgetReception',
};
const PRIOR_KEYS: Record<Leaf, AmountKey> = {
  total: 'sgPriorTotal',
  abroad: 'sgPriorAbroad',
  purchase: 'sgPriorPurchase',
  operation: 'sgPriorOperation',
  reception: 'sgPriorReception',
};
const ITEM09: Record<Part, Item09> = {
  total: 'total',
  abroad: 'abroad',
  vehicle: 'vehicleTotal',
  purchase: 'vehiclePurchase',
  operation: 'vehicleOperation',
  reception: 'reception',
};
const NAMES: Record<Part, string> = {
  total: '“三公”经费',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行维护费',
  purchase: '公务用车购置费',
  operation: '公务用车运行维护费',
  reception: '公务接待费',
};
const LEAVES = ['abroad', 'purchase', 'operation', 'reception'] as const;

class Figures {
  readonly budgetSource: 'table' | 'supplement';

  constructor(private readonly ctx: NarrativeContext) {
    const anyItem = LEAVES.some((p) => ctx.amount(BUDGET_KEYS[p]) !== undefined);
    this.budgetSource = anyItem || ctx.amount('sgBudgetTotal') !== undefined || !ctx.model['09'] ? 'supplement' : 'table';
  }

  actual(part: Part): Fig {
    return this.ctx.fig(`09.actual.${ITEM09[part]}`);
  }

  budget(part: Part): Fig {
    if (this.budgetSource === 'table') return this.ctx.fig(`09.budget.${ITEM09[part]}`);
    const ctx = this.ctx;
    const entry = (k: AmountKey): Fig | undefined => {
      const e = ctx.supplement?.amounts[k];
      return e ? known(e.value, [e.cell]) : undefined;
    };
    if (part === 'vehicle') {
      const p = entry(BUDGET_KEYS.purchase);
      const o = entry(BUDGET_KEYS.operation);
      if (p && o && isKnown(p) && isKnown(o)) return known(p.value.plus(o.value), [...p.cells, ...o.cells]);
      return { ask: () => ctx.missingField(p ? BUDGET_KEYS.operation : BUDGET_KEYS.purchase) };
    }
    const direct = entry(BUDGET_KEYS[part]);
    if (direct) return direct;
    if (part === 'total') {
      const leaves = LEAVES.map((l) => ctx.amount(BUDGET_KEYS[l]));
      if (leaves.every((l) => l !== undefined)) return known(sum(leaves as Decimal[]));
    }
    return { ask: () => ctx.missingField(BUDGET_KEYS[part]) };
  }

  /** The prior year's figure from 说明数据 (the vehicle line: its two parts; the total: its items when not given). */
  prior(part: Part): Decimal | undefined {
    const ctx = this.ctx;
    if (part === 'vehicle') {
      const p = ctx.amount(PRIOR_KEYS.purchase);
      const o = ctx.amount(PRIOR_KEYS.operation);
      return p && o ? p.plus(o) : undefined;
    }
    const direct = ctx.amount(PRIOR_KEYS[part]);
    if (direct || part !== 'total') return direct;
    const leaves = LEAVES.map((l) => ctx.amount(PRIOR_KEYS[l]));
    return leaves.every((l) => l !== undefined) ? sum(leaves as Decimal[]) : undefined;
  }

  /** The 说明数据 lines a missing prior figure asks for. */
  priorKeys(part: Part): AmountKey[] {
    if (part === 'vehicle') return [PRIOR_KEYS.purchase, PRIOR_KEYS.operation].filter((k) => this.ctx.amount(k) === undefined);
    return [PRIOR_KEYS[part]];
  }

  /** Hunan's single placeholder for a missing prior figure (the first line to fill). */
  askPrior(part: Part): string {
    return this.ctx.missingField(this.priorKeys(part)[0] ?? PRIOR_KEYS.purchase);
  }
}

/** “，完成预算的98.57%” / “，未安排预算” (budget 0, spending) / “” (0 and 0, or a figure unknown: no rate). */
function rateClause(actual: Fig, budget: Fig): string {
  if (!isKnown(actual) || !isKnown(budget)) return '';
  const rate = completion(actual.value, budget.value, '预算');
  if (rate) return `，${rate}`;
  return isZeroAmount(actual.value) ? '' : '，未安排预算';
}

/** Hunan: “与上年相比增加0.97万元，增长7.27%” / “与上年相比持平” / the placeholder. */
function priorClauseHunan(ctx: NarrativeContext, f: Figures, part: Part): string {
  const prior = f.prior(part);
  if (!prior) return `与上年相比增减情况${f.askPrior(part)}`;
  const c = compare(ctx, f.actual(part), prior, NAMES[part], f.priorKeys(part));
  if ('unknown' in c) return `与上年相比${c.unknown}`;
  return c.change.direction === 'flat' ? '与上年相比持平' : `与上年相比${changePhrase(c.change)}`;
}

/** Hunan reasons: “决算数小于预算数的主要原因是…。决算数大于上年数的主要原因是…。” — none where equal or unknown. */
function reasonsHunan(ctx: NarrativeContext, f: Figures, part: Part, budgetKey: TextKey, priorKey: TextKey): string {
  const actual = f.actual(part);
  if (!isKnown(actual)) return '';
  let out = '';
  const budget = f.budget(part);
  if (isKnown(budget)) {
    const word = comparisonWord(actual.value, budget.value);
    if (word !== '持平') out += `决算数${word}预算数的主要原因是${reason(ctx.needText(budgetKey))}。`;
  }
  const prior = f.prior(part);
  if (prior) {
    const word = comparisonWord(actual.value, prior);
    if (word !== '持平') out += `决算数${word}上年数的主要原因是${reason(ctx.needText(priorKey))}。`;
  }
  return out;
}

function positive(d: Decimal | undefined): boolean {
  return d !== undefined && d.gt(0);
}

function zero(f: Fig): boolean {
  return isKnown(f) && isZeroAmount(f.value);
}

function count(ctx: NarrativeContext, key: CountKey): string {
  return ctx.needCount(key);
}

export function sangongSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '财政拨款“三公”经费支出决算情况说明';
  const t09 = ctx.model['09'];
  if (!t09) return section('sangong', number, title, [ctx.missingTable('09')]);
  const f = new Figures(ctx);
  checkBudgetSource(ctx, f);
  if (zero(f.actual('total')) && zero(f.budget('total')))
    return section('sangong', number, title, [`${ctx.unitName}${ctx.yearText}无“三公”经费财政拨款支出。`]);
  const [overall, detail] = ctx.format === 'hunan' ? hunan(ctx, f, number) : shanghai(ctx, f, number);
  ctx.section = number;
  return section('sangong', number, title, [], [
    section('sangong-overall', subNumber(0), '“三公”经费财政拨款支出决算总体情况说明', overall),
    section('sangong-detail', subNumber(1), '“三公”经费财政拨款支出决算具体情况说明', detail),
  ]);
}

function checkBudgetSource(ctx: NarrativeContext, f: Figures): void {
  const tableBudget: Amount | undefined = ctx.model['09']?.budget.total;
  const budget = f.budget('total');
  if (f.budgetSource !== 'supplement' || !tableBudget || !isKnown(budget)) return;
  if (cents(tableBudget.value).eq(cents(budget.value))) return;
  const cell = ctx.supplement?.amounts.sgBudgetTotal?.cell ?? LEAVES.map((l) => ctx.supplement?.amounts[BUDGET_KEYS[l]]?.cell).find(Boolean);
  ctx.report(
    'narrative-source-conflict',
    'warning',
    `说明数据中的“三公”经费预算合计 ${formatMoney(budget.value)} 万元与公开09表预算数合计 ${formatMoney(tableBudget.value)} 万元（${tableBudget.cell}）不一致；情况说明第${ctx.section}部分采用说明数据的预算数，请核对09表“预算数”栏。`,
    [tableBudget.cell, ...(cell ? [cell] : [])],
    '09',
  );
}

/** Hunan reasons by item: against the budget, against the prior year. */
const HUNAN_REASONS: Record<Leaf, [TextKey, TextKey]> = {
  total: ['sgReasonBudget', 'sgReasonPrior'],
  abroad: ['sgAbroadReasonBudget', 'sgAbroadReasonPrior'],
  purchase: ['sgPurchaseReasonBudget', 'sgPurchaseReasonPrior'],
  operation: ['sgOperationReasonBudget', 'sgOperationReasonPrior'],
  reception: ['sgReceptionReasonBudget', 'sgReceptionReasonPrior'],
};

function hunan(ctx: NarrativeContext, f: Figures, number: string): [string[], string[]] {
  const Y = ctx.yearText;
  ctx.section = `${number}${subNumber(0)}`;
  // “X预算为…，支出决算为…[，主要用于…]，完成预算的…；与上年相比…。” and the reasons (none for the vehicle line).
  const line = (label: string, part: Part, use = '') =>
    `${label}预算为${wanOf(f.budget(part))}，支出决算为${wanOf(f.actual(part))}${use}${rateClause(f.actual(part), f.budget(part))}；${priorClauseHunan(ctx, f, part)}。${part === 'vehicle' ? '' : reasonsHunan(ctx, f, part, ...HUNAN_REASONS[part])}`;
  const overall = `${Y}${line('“三公”经费财政拨款支出', 'total')}`;

  ctx.section = `${number}${subNumber(1)}`;
  let p1 = `1.${line('因公出国（境）费支出', 'abroad')}`;
  if (!zero(f.actual('abroad')) || positive(ctx.count('abroadGroups')))
    p1 += `${Y}安排因公出国（境）团组${count(ctx, 'abroadGroups')}个，累计${count(ctx, 'abroadPersons')}人次，主要包括：${reason(ctx.needText('abroadContent'))}。`;
  else p1 += `${Y}未安排因公出国（境）团组。`;

  const p2 = `2.${line('公务用车购置及运行维护费支出', 'vehicle')}其中：`;
  const bought = positive(ctx.count('vehiclePurchased')) || !zero(f.actual('purchase'));
  const p2a = `${line('公务用车购置费支出', 'purchase')}${bought ? `${Y}购置公务用车${count(ctx, 'vehiclePurchased')}辆。` : `${Y}未购置公务用车。`}`;
  const use = ctx.text('vehicleOperationUse');
  const p2b = `${line('公务用车运行维护费支出', 'operation', use ? `，主要用于${reason(use)}` : '')}截至${ctx.yearEnd}，我单位开支财政拨款的公务用车保有量为${count(ctx, 'vehicleHeld')}辆。`;

  let p3 = `3.${line('公务接待费支出', 'reception')}`;
  if (!zero(f.actual('reception')) || positive(ctx.count('receptionBatches')))
    p3 += `${Y}共接待来访团组${count(ctx, 'receptionBatches')}个、来宾${count(ctx, 'receptionPersons')}人次，主要是${reason(ctx.needText('receptionContent'))}。`;
  else p3 += `${Y}未发生公务接待。`;
  return [[overall], [p1, p2, p2a, p2b, p3]];
}

/**
 * Shanghai 七(一): budget and completion per item, then “2024年度“三公”经费财政拨款支出决算数比2023年度减少（增加）
 * XXX万元，下降（增长）XX%，其中：…” with one reason per item that changed; 七(二): shares, then 1、2、3.
 */
function shanghai(ctx: NarrativeContext, f: Figures, number: string): [string[], string[]] {
  const Y = ctx.yearText;
  const PY = ctx.priorYearText;
  ctx.section = `${number}${subNumber(0)}`;
  const total = f.actual('total');
  const totalBudget = f.budget('total');
  const rate = (part: Part) => rateClause(f.actual(part), f.budget(part));
  let o1 =
    `“三公”经费财政拨款支出年初预算为${wanOf(totalBudget)}，支出决算为${wanOf(total)}${rate('total')}，其中：` +
    `因公出国（境）费决算为${wanOf(f.actual('abroad'))}${rate('abroad')}；` +
    `公务用车购置及运行维护费支出决算为${wanOf(f.actual('vehicle'))}${rate('vehicle')}；` +
    `公务接待费支出决算为${wanOf(f.actual('reception'))}${rate('reception')}。`;
  const word = isKnown(totalBudget) && isKnown(total) ? comparisonWord(total.value, totalBudget.value) : '小于/大于';
  if (word !== '持平') o1 += `${Y}“三公”经费支出决算数${word}预算数的主要原因：${reason(ctx.needText('sgReasonBudget'))}。`;

  const totalChange = compare(ctx, total, f.prior('total'), NAMES.total, f.priorKeys('total'));
  let o2: string;
  if ('unknown' in totalChange) o2 = `${Y}“三公”经费财政拨款支出决算数比${PY}${totalChange.unknown}`;
  else if (totalChange.change.direction === 'flat') o2 = `${Y}“三公”经费财政拨款支出决算数与${PY}持平`;
  else o2 = `${Y}“三公”经费财政拨款支出决算数比${PY}${changePhrase(totalChange.change)}`;
  const parts: Array<[Part, TextKey]> = [
    ['abroad', 'sgAbroadReasonPrior'],
    ['vehicle', 'sgVehicleReasonPrior'],
    ['reception', 'sgReceptionReasonPrior'],
  ];
  const changes: string[] = [];
  const reasons: string[] = [];
  for (const [part, key] of parts) {
    const label = NAMES[part];
    const c = compare(ctx, f.actual(part), f.prior(part), label, f.priorKeys(part));
    if ('unknown' in c) {
      changes.push(`${label}支出决算${c.unknown}`);
      reasons.push(`${label}支出增加/减少的主要原因是${reason(ctx.needText(key))}`);
    } else if (c.change.direction === 'flat') changes.push(`${label}支出决算与${PY}持平`);
    else {
      changes.push(`${label}支出决算${changePhrase(c.change)}`);
      reasons.push(`${label}支出${c.change.direction === 'up' ? '增加' : '减少'}的主要原因是${reason(ctx.needText(key))}`);
    }
  }
  o2 += `，其中：${changes.join('；')}。${reasons.length ? `${reasons.join('；')}。` : ''}`;

  ctx.section = `${number}${subNumber(1)}`;
  const item = (part: Part, whole: Fig, wholeLabel: string) => partOf(ctx, f.actual(part), whole, `${NAMES[part]}支出决算`, wholeLabel);
  const shareText0 = parts
    .map(([part]) => {
      const v = item(part, total, '“三公”经费支出决算合计');
      return [`${NAMES[part]}支出决算${wanOf(v)}`, shareText(ctx, v, total, `${NAMES[part]}支出决算`, '占', '“三公”经费支出决算合计')].filter(Boolean).join('，');
    })
    .join('；');
  const d0 = `“三公”经费财政拨款支出决算中，${shareText0}。具体情况如下：`;
  const abroad = f.actual('abroad');
  const d1 = zero(abroad)
    ? `1、因公出国（境）费支出${wanOf(abroad)}。${Y}未安排因公出国（境）团组。`
    : `1、因公出国（境）费支出${wanOf(abroad)}。全年安排因公出国（境）团组${count(ctx, 'abroadGroups')}个、累计${count(ctx, 'abroadPersons')}人次。开支内容包括：${reason(ctx.needText('abroadContent'))}。`;
  const vehicle = f.actual('vehicle');
  const purchase = item('purchase', vehicle, '公务用车购置及运行维护费支出决算');
  const operation = item('operation', vehicle, '公务用车购置及运行维护费支出决算');
  const use = ctx.text('vehicleOperationUse');
  const bought = zero(purchase) && !positive(ctx.count('vehiclePurchased')) ? `${Y}未购置公务用车` : `${Y}购置公务用车${count(ctx, 'vehiclePurchased')}辆`;
  const d2 =
    `2、公务用车购置及运行维护费支出${wanOf(vehicle)}。其中：公务用车购置支出为${wanOf(purchase)}，${bought}。` +
    `公务用车运行维护支出${wanOf(operation)}${use ? `，主要用于${reason(use)}` : ''}，开支财政拨款的公务用车保有量为${count(ctx, 'vehicleHeld')}辆。`;
  const reception = f.actual('reception');
  let d3: string;
  if (zero(reception)) d3 = `3、公务接待费支出${wanOf(reception)}。${Y}未发生公务接待。`;
  else {
    const foreign = ctx.amount('receptionForeignAmount');
    d3 = `3、公务接待费支出${wanOf(reception)}。其中：国内公务接待支出${wanOf(reception)}${foreign ? `（含外宾接待支出${formatMoney(foreign)}万元）` : ''}，主要用于${reason(ctx.needText('receptionContent'))}。`;
    d3 += `国内公务接待${count(ctx, 'receptionBatches')}批次、${count(ctx, 'receptionPersons')}人次`;
    const fb = ctx.count('receptionForeignBatches');
    const fp = ctx.count('receptionForeignPersons');
    d3 += fb && fp ? `，其中：接待外宾${fb.toFixed(0)}批次、${fp.toFixed(0)}人次。` : '。';
  }
  return [
    [o1, o2],
    [d0, d1, d2, d3],
  ];
}

