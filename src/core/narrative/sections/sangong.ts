import type Decimal from 'decimal.js';
import type { AmountKey, CountKey, TextKey } from '../../supplement/fields';
import type { Amount, Item09 } from '../../tables/model';
import type { NarrativeContext } from '../context';
import { valueOf } from '../context';
import type { NarrativeSection } from '../document';
import { cents, changeOf, comparisonWord, formatMoney, isZeroAmount, sum } from '../money';
import { changePhrase, completion, reason, section, shareOf, subNumber, wan } from '../phrases';

/**
 * 七 财政拨款“三公”经费支出决算 — 决算数 from 09; 预算数 from 说明数据 when given there (the published budget may
 * differ from the 09 预算 columns: the sample's 09 budget copies its actuals), else from 09; 上年数, counts and
 * reasons from 说明数据.
 */

type Part = 'total' | 'abroad' | 'vehicle' | 'purchase' | 'operation' | 'reception';

const BUDGET_KEYS: Record<Exclude<Part, 'vehicle'>, AmountKey> = {
  total: 'sgBudgetTotal',
  abroad: 'sgBudgetAbroad',
  purchase: 'sgBudgetPurchase',
  operation: 'sgBudgetOperation',
  reception: 'sgBudgetReception',
};
const PRIOR_KEYS: Record<Exclude<Part, 'vehicle'>, AmountKey> = {
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
const LEAVES = ['abroad', 'purchase', 'operation', 'reception'] as const;

/** A figure that is either known or must be asked for (the placeholder is made only when the figure is used). */
type Figure = { value: Decimal } | { ask: () => string };

function shown(f: Figure): string {
  return 'value' in f ? wan(f.value) : `${f.ask()}万元`;
}

class Figures {
  readonly budgetSource: 'table' | 'supplement';

  constructor(private readonly ctx: NarrativeContext) {
    const anyItem = LEAVES.some((p) => ctx.amount(BUDGET_KEYS[p]) !== undefined);
    this.budgetSource = anyItem || ctx.amount('sgBudgetTotal') !== undefined || !ctx.model['09'] ? 'supplement' : 'table';
  }

  actual(part: Part): Decimal {
    const t09 = this.ctx.model['09'];
    const a = t09?.actual[ITEM09[part]];
    if (part === 'vehicle' && !a) return sum([this.actual('purchase'), this.actual('operation')]);
    if (part === 'total' && !a) return sum([this.actual('abroad'), this.actual('vehicle'), this.actual('reception')]);
    return valueOf(a);
  }

  budget(part: Part): Figure {
    if (this.budgetSource === 'table') {
      const b = this.ctx.model['09']?.budget;
      if (part === 'vehicle' && !b?.vehicleTotal) return { value: sum([valueOf(b?.vehiclePurchase), valueOf(b?.vehicleOperation)]) };
      return { value: valueOf(b?.[ITEM09[part]]) };
    }
    return this.fromSupplement(part, BUDGET_KEYS);
  }

  prior(part: Part): Figure {
    return this.fromSupplement(part, PRIOR_KEYS);
  }

  private fromSupplement(part: Part, keys: Record<Exclude<Part, 'vehicle'>, AmountKey>): Figure {
    const ctx = this.ctx;
    if (part === 'vehicle') {
      const p = ctx.amount(keys.purchase);
      const o = ctx.amount(keys.operation);
      if (p && o) return { value: p.plus(o) };
      return { ask: () => ctx.missingField(p ? keys.operation : keys.purchase) };
    }
    const direct = ctx.amount(keys[part]);
    if (direct) return { value: direct };
    if (part === 'total') {
      const leaves = LEAVES.map((l) => ctx.amount(keys[l]));
      if (leaves.every((l) => l !== undefined)) return { value: sum(leaves as Decimal[]) };
    }
    return { ask: () => ctx.missingField(keys[part]) };
  }
}

/** “，完成预算的98.57%” / “，未安排预算” (budget 0, spending) / “” (0 and 0, or budget unknown). */
function rateClause(actual: Decimal, budget: Figure): string {
  if (!('value' in budget)) return '';
  const rate = completion(actual, budget.value, '预算');
  if (rate) return `，${rate}`;
  return isZeroAmount(actual) ? '' : '，未安排预算';
}

/** “与上年相比增加0.97万元，增长7.27%” / “与上年相比持平” / the placeholder. */
function priorClause(actual: Decimal, prior: Figure): string {
  if (!('value' in prior)) return `与上年相比增减情况${prior.ask()}`;
  const c = changeOf(actual, prior.value);
  return c.direction === 'flat' ? '与上年相比持平' : `与上年相比${changePhrase(c)}`;
}

/** Hunan reasons: “决算数小于预算数的主要原因是…。决算数大于上年数的主要原因是…。” — none where equal. */
function reasonsHunan(ctx: NarrativeContext, actual: Decimal, budget: Figure, prior: Figure, budgetKey: TextKey, priorKey: TextKey): string {
  let out = '';
  if ('value' in budget) {
    const word = comparisonWord(actual, budget.value);
    if (word !== '持平') out += `决算数${word}预算数的主要原因是${reason(ctx.needText(budgetKey))}。`;
  }
  if ('value' in prior) {
    const word = comparisonWord(actual, prior.value);
    if (word !== '持平') out += `决算数${word}上年数的主要原因是${reason(ctx.needText(priorKey))}。`;
  }
  return out;
}

function positive(d: Decimal | undefined): boolean {
  return d !== undefined && d.gt(0);
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
  const total = f.actual('total');
  const totalBudget = f.budget('total');
  if (isZeroAmount(total) && 'value' in totalBudget && isZeroAmount(totalBudget.value))
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
  if (f.budgetSource !== 'supplement' || !tableBudget || !('value' in budget)) return;
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

function hunan(ctx: NarrativeContext, f: Figures, number: string): [string[], string[]] {
  const Y = ctx.yearText;
  ctx.section = `${number}${subNumber(0)}`;
  const line = (label: string, part: Part) =>
    `${label}预算为${shown(f.budget(part))}，支出决算为${wan(f.actual(part))}${rateClause(f.actual(part), f.budget(part))}；${priorClause(f.actual(part), f.prior(part))}。`;
  const overall = `${Y}${line('“三公”经费财政拨款支出', 'total')}${reasonsHunan(ctx, f.actual('total'), f.budget('total'), f.prior('total'), 'sgReasonBudget', 'sgReasonPrior')}`;

  ctx.section = `${number}${subNumber(1)}`;
  const abroad = f.actual('abroad');
  let p1 = `1.${line('因公出国（境）费支出', 'abroad')}${reasonsHunan(ctx, abroad, f.budget('abroad'), f.prior('abroad'), 'sgAbroadReasonBudget', 'sgAbroadReasonPrior')}`;
  if (!isZeroAmount(abroad) || positive(ctx.count('abroadGroups')))
    p1 += `${Y}安排因公出国（境）团组${count(ctx, 'abroadGroups')}个，累计${count(ctx, 'abroadPersons')}人次，主要包括：${reason(ctx.needText('abroadContent'))}。`;
  else p1 += `${Y}未安排因公出国（境）团组。`;

  const p2 = `2.${line('公务用车购置及运行维护费支出', 'vehicle')}其中：`;
  const purchase = f.actual('purchase');
  let p2a = `公务用车购置费支出预算为${shown(f.budget('purchase'))}，支出决算为${wan(purchase)}${rateClause(purchase, f.budget('purchase'))}；${priorClause(purchase, f.prior('purchase'))}。`;
  p2a += reasonsHunan(ctx, purchase, f.budget('purchase'), f.prior('purchase'), 'sgPurchaseReasonBudget', 'sgPurchaseReasonPrior');
  const bought = ctx.count('vehiclePurchased');
  p2a += positive(bought) || !isZeroAmount(purchase) ? `${Y}购置公务用车${count(ctx, 'vehiclePurchased')}辆。` : `${Y}未购置公务用车。`;
  const operation = f.actual('operation');
  const use = ctx.text('vehicleOperationUse');
  let p2b = `公务用车运行维护费支出预算为${shown(f.budget('operation'))}，支出决算为${wan(operation)}${use ? `，主要用于${reason(use)}` : ''}${rateClause(operation, f.budget('operation'))}；${priorClause(operation, f.prior('operation'))}。`;
  p2b += reasonsHunan(ctx, operation, f.budget('operation'), f.prior('operation'), 'sgOperationReasonBudget', 'sgOperationReasonPrior');
  p2b += `截至${ctx.yearEnd}，我单位开支财政拨款的公务用车保有量为${count(ctx, 'vehicleHeld')}辆。`;

  const reception = f.actual('reception');
  let p3 = `3.${line('公务接待费支出', 'reception')}${reasonsHunan(ctx, reception, f.budget('reception'), f.prior('reception'), 'sgReceptionReasonBudget', 'sgReceptionReasonPrior')}`;
  if (!isZeroAmount(reception) || positive(ctx.count('receptionBatches')))
    p3 += `${Y}共接待来访团组${count(ctx, 'receptionBatches')}个、来宾${count(ctx, 'receptionPersons')}人次，主要是${reason(ctx.needText('receptionContent'))}。`;
  else p3 += `${Y}未发生公务接待。`;
  return [[overall], [p1, p2, p2a, p2b, p3]];
}

function shanghai(ctx: NarrativeContext, f: Figures, number: string): [string[], string[]] {
  const Y = ctx.yearText;
  ctx.section = `${number}${subNumber(0)}`;
  const total = f.actual('total');
  const totalBudget = f.budget('total');
  const rate = (part: Part) => rateClause(f.actual(part), f.budget(part));
  let o1 =
    `“三公”经费财政拨款支出年初预算为${shown(totalBudget)}，支出决算为${wan(total)}${rate('total')}，其中：` +
    `因公出国（境）费决算为${wan(f.actual('abroad'))}${rate('abroad')}；` +
    `公务用车购置及运行维护费支出决算为${wan(f.actual('vehicle'))}${rate('vehicle')}；` +
    `公务接待费支出决算为${wan(f.actual('reception'))}${rate('reception')}。`;
  if ('value' in totalBudget) {
    const word = comparisonWord(total, totalBudget.value);
    if (word !== '持平') o1 += `${Y}“三公”经费支出决算数${word}预算数的主要原因：${reason(ctx.needText('sgReasonBudget'))}。`;
  } else o1 += `${Y}“三公”经费支出决算数与预算数差异的主要原因：${reason(ctx.needText('sgReasonBudget'))}。`;

  const totalPrior = f.prior('total');
  let o2: string;
  if ('value' in totalPrior) {
    const c = changeOf(total, totalPrior.value);
    o2 = c.direction === 'flat' ? `${Y}“三公”经费财政拨款支出决算数与${ctx.priorYearText}持平` : `${Y}“三公”经费财政拨款支出决算数比${ctx.priorYearText}${changePhrase(c)}`;
  } else o2 = `${Y}“三公”经费财政拨款支出决算数与${ctx.priorYearText}相比，增减情况${totalPrior.ask()}`;
  const parts: Array<[Part, string, TextKey]> = [
    ['abroad', '因公出国（境）费', 'sgAbroadReasonPrior'],
    ['vehicle', '公务用车购置及运行维护费', 'sgVehicleReasonPrior'],
    ['reception', '公务接待费', 'sgReceptionReasonPrior'],
  ];
  const changes: string[] = [];
  const reasons: string[] = [];
  for (const [part, label, key] of parts) {
    const prior = f.prior(part);
    if (!('value' in prior)) {
      changes.push(`${label}支出决算增减情况${prior.ask()}`);
      continue;
    }
    const c = changeOf(f.actual(part), prior.value);
    if (c.direction === 'flat') {
      changes.push(`${label}支出决算与${ctx.priorYearText}持平`);
      continue;
    }
    changes.push(`${label}支出决算${changePhrase(c)}`);
    reasons.push(`${label}支出${c.direction === 'up' ? '增加' : '减少'}的主要原因是${reason(ctx.needText(key))}`);
  }
  o2 += `，其中：${changes.join('；')}。${reasons.length ? `${reasons.join('；')}。` : ''}`;

  ctx.section = `${number}${subNumber(1)}`;
  const shareText = parts
    .map(([part, label]) => [`${label}支出决算${wan(f.actual(part))}`, shareOf(f.actual(part), total)].filter(Boolean).join('，'))
    .join('；');
  const d0 = `“三公”经费财政拨款支出决算中，${shareText}。具体情况如下：`;
  const abroad = f.actual('abroad');
  const d1 = isZeroAmount(abroad)
    ? `1、因公出国（境）费支出${wan(abroad)}。${Y}未安排因公出国（境）团组。`
    : `1、因公出国（境）费支出${wan(abroad)}。全年安排因公出国（境）团组${count(ctx, 'abroadGroups')}个、累计${count(ctx, 'abroadPersons')}人次。开支内容包括：${reason(ctx.needText('abroadContent'))}。`;
  const purchase = f.actual('purchase');
  const operation = f.actual('operation');
  const use = ctx.text('vehicleOperationUse');
  const bought = isZeroAmount(purchase) && !positive(ctx.count('vehiclePurchased')) ? `${Y}未购置公务用车` : `${Y}购置公务用车${count(ctx, 'vehiclePurchased')}辆`;
  const d2 =
    `2、公务用车购置及运行维护费支出${wan(f.actual('vehicle'))}。其中：公务用车购置支出为${wan(purchase)}，${bought}；` +
    `公务用车运行维护支出${wan(operation)}${use ? `，主要用于${reason(use)}` : ''}，开支财政拨款的公务用车保有量为${count(ctx, 'vehicleHeld')}辆。`;
  const reception = f.actual('reception');
  let d3: string;
  if (isZeroAmount(reception)) d3 = `3、公务接待费支出${wan(reception)}。${Y}未发生公务接待。`;
  else {
    const foreign = ctx.amount('receptionForeignAmount');
    d3 = `3、公务接待费支出${wan(reception)}。其中：国内公务接待支出${wan(reception)}${foreign ? `（含外宾接待支出${wan(foreign)}）` : ''}，主要用于${reason(ctx.needText('receptionContent'))}。`;
    d3 += `国内公务接待${count(ctx, 'receptionBatches')}批次、${count(ctx, 'receptionPersons')}人次`;
    const fb = ctx.count('receptionForeignBatches');
    const fp = ctx.count('receptionForeignPersons');
    d3 += fb && fp ? `，其中：接待外宾${fb.toFixed(0)}批次、${fp.toFixed(0)}人次。` : '。';
  }
  return [[o1, o2], [d0, d1, d2, d3]];
}
