import Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import { sum } from '../narrative/money';
import { formatMoney, roundingBound } from '../util/money';
import { functionalName } from '../subjects/functional';
import { reportYear } from '../tables/report-year';
import type { TablesModel } from '../tables/model';
import { fieldLabel, type AmountKey, type CountKey } from './fields';
import type { Entry, Supplement } from './schema';
import { gpbLeafRows, leafRows } from './table-items';

/**
 * Checks of the 说明数据 values against each other and against the tables (sums that must add up, counts
 * that must agree). Sums beyond the rounding bound are errors, within it info (尾数); doubtful combinations
 * are warnings. All `supplement-*`.
 */
export function checkSupplement(s: Supplement, model?: TablesModel): Finding[] {
  const out: Finding[] = [];
  const amount = (k: AmountKey) => s.amounts[k];
  const count = (k: CountKey) => s.counts[k];

  const amountSum = (totalKey: AmountKey, partKeys: AmountKey[], requireAll: boolean) => {
    const total = amount(totalKey);
    const parts = partKeys.map((k) => amount(k)).filter((e): e is Entry<Decimal> => e !== undefined);
    if (!total || parts.length === 0 || (requireAll && parts.length < partKeys.length)) return;
    const expected = sum(parts.map((p) => p.value));
    const difference = total.value.minus(expected);
    if (difference.isZero()) return;
    const within = difference.abs().lte(roundingBound(parts.length + 1));
    out.push({
      rule: 'supplement-sum-mismatch',
      severity: within ? 'info' : 'error',
      message:
        `${total.cell}（${fieldLabel(totalKey)}）${formatMoney(total.value)} 万元应等于${partKeys.map(fieldLabel).join('、')}之和 ` +
        `${formatMoney(expected)} 万元，差额 ${formatMoney(difference)}${within ? '（尾数差异）' : ''}。`,
      cells: [total.cell, ...parts.map((p) => p.cell)],
      expected: formatMoney(expected),
      actual: formatMoney(total.value),
      difference: formatMoney(difference),
    });
  };
  const countSum = (total: Entry<Decimal> | undefined, totalLabel: string, parts: Array<[string, Entry<Decimal> | undefined]>, requireAll: boolean) => {
    const present = parts.filter((p): p is [string, Entry<Decimal>] => p[1] !== undefined);
    if (!total || present.length === 0 || (requireAll && present.length < parts.length)) return;
    const expected = sum(present.map(([, e]) => e.value));
    // With some parts blank, only a sum already above the total is wrong.
    if (expected.eq(total.value) || (present.length < parts.length && expected.lt(total.value))) return;
    out.push({
      rule: 'supplement-sum-mismatch',
      severity: 'error',
      message: `${total.cell}（${totalLabel}）${total.value.toFixed(0)} 应等于${parts.map(([l]) => l).join('、')}之和 ${expected.toFixed(0)}。`,
      cells: [total.cell, ...present.map(([, e]) => e.cell)],
      expected: expected.toFixed(0),
      actual: total.value.toFixed(0),
    });
  };
  const warn = (message: string, cells: string[], severity: Finding['severity'] = 'warning') =>
    out.push({ rule: 'supplement-inconsistent', severity, message, cells });
  const countPair = (k: CountKey): [string, Entry<Decimal> | undefined] => [fieldLabel(k), count(k)];

  amountSum('sgBudgetTotal', ['sgBudgetAbroad', 'sgBudgetPurchase', 'sgBudgetOperation', 'sgBudgetReception'], true);
  amountSum('sgPriorTotal', ['sgPriorAbroad', 'sgPriorPurchase', 'sgPriorOperation', 'sgPriorReception'], true);
  amountSum('procTotal', ['procGoods', 'procWorks', 'procServices'], true);
  amountSum('perfAmount', ['perfGpbAmount', 'perfGfAmount', 'perfSocAmount', 'perfSsfAmount'], false);

  const vehicleKeys: CountKey[] = [
    'vehiclesMinister', 'vehiclesLeader', 'vehiclesConfidential', 'vehiclesEmergency',
    'vehiclesLaw', 'vehiclesSpecial', 'vehiclesRetired', 'vehiclesOther',
  ];
  countSum(count('vehiclesTotal'), fieldLabel('vehiclesTotal'), vehicleKeys.map(countPair), false);
  countSum(count('perfProjects'), fieldLabel('perfProjects'), (['perfGpbProjects', 'perfGfProjects', 'perfSocProjects', 'perfSsfProjects'] as CountKey[]).map(countPair), false);
  countSum(count('perfProjects'), fieldLabel('perfProjects'), (['perfExcellent', 'perfGood', 'perfPass', 'perfFail'] as CountKey[]).map(countPair), true);
  countSum(count('perfIssues'), fieldLabel('perfIssues'), (['perfFixed', 'perfFixing'] as CountKey[]).map(countPair), true);

  // 因公出国（境）: a trip with people and money needs at least one 团组 (the sample's “团组 0 个，累计 1 人次”).
  const groups = count('abroadGroups');
  const persons = count('abroadPersons');
  const abroadActual = model?.['09']?.actual.abroad;
  if (groups && groups.value.isZero()) {
    if (persons && persons.value.gt(0))
      warn(`${groups.cell}（${fieldLabel('abroadGroups')}）为 0，但${fieldLabel('abroadPersons')}为 ${persons.value.toFixed(0)}（${persons.cell}）：有出国人次就应有团组，请核对。`, [groups.cell, persons.cell]);
    else if (abroadActual && abroadActual.value.gt(0))
      warn(`${groups.cell}（${fieldLabel('abroadGroups')}）为 0，但公开09表因公出国（境）费决算数为 ${formatMoney(abroadActual.value)} 万元（${abroadActual.cell}），请核对。`, [groups.cell, abroadActual.cell]);
  }
  if (groups && persons && persons.value.lt(groups.value))
    warn(`${persons.cell}（${fieldLabel('abroadPersons')}）${persons.value.toFixed(0)} 小于团组数 ${groups.value.toFixed(0)}（${groups.cell}），请核对。`, [persons.cell, groups.cell]);
  if (groups && groups.value.gt(0) && abroadActual && abroadActual.value.isZero())
    warn(`${groups.cell}（${fieldLabel('abroadGroups')}）为 ${groups.value.toFixed(0)}，但公开09表因公出国（境）费决算数为 0（${abroadActual.cell}），请核对。`, [groups.cell, abroadActual.cell]);
  const batches = count('receptionBatches');
  const guests = count('receptionPersons');
  if (batches && guests && guests.value.lt(batches.value))
    warn(`${guests.cell}（${fieldLabel('receptionPersons')}）${guests.value.toFixed(0)} 小于接待批次 ${batches.value.toFixed(0)}（${batches.cell}），请核对。`, [guests.cell, batches.cell]);

  // 公务用车: 购置数量 against 09 购置费; 保有量 against the 国有资产 vehicle count (normally equal, N14).
  const purchased = count('vehiclePurchased');
  const purchaseActual = model?.['09']?.actual.vehiclePurchase;
  if (purchased && model?.['09']) {
    const spent = purchaseActual !== undefined && purchaseActual.value.gt(0);
    if (purchased.value.gt(0) && !spent)
      warn(`${purchased.cell}（${fieldLabel('vehiclePurchased')}）为 ${purchased.value.toFixed(0)} 辆，但公开09表公务用车购置费决算数为 0，请核对。`, [purchased.cell, ...(purchaseActual ? [purchaseActual.cell] : [])]);
    if (purchased.value.isZero() && spent && purchaseActual)
      warn(`${purchased.cell}（${fieldLabel('vehiclePurchased')}）为 0，但公开09表公务用车购置费决算数为 ${formatMoney(purchaseActual.value)} 万元（${purchaseActual.cell}），请核对。`, [purchased.cell, purchaseActual.cell]);
  }
  const held = count('vehicleHeld');
  const vehicles = count('vehiclesTotal')?.value ?? (vehicleKeys.every((k) => count(k)) ? sum(vehicleKeys.map((k) => (count(k) as Entry<Decimal>).value)) : undefined);
  if (held && vehicles && !vehicles.eq(held.value))
    warn(
      `${held.cell}（${fieldLabel('vehicleHeld')}）${held.value.toFixed(0)} 辆与国有资产占用中的车辆总数 ${vehicles.toFixed(0)} 辆不同；两者通常相等（车辆总数含非财政拨款开支的车辆时可以不同），请核对。`,
      [held.cell, ...(count('vehiclesTotal') ? [count('vehiclesTotal')!.cell] : [])],
      'info',
    );

  // 政府采购: 小微 ⊂ 中小 ⊂ 总额, and each category's 中小企业 amount within the category.
  const proc = (k: AmountKey) => amount(k);
  const procTotal = proc('procTotal')?.value ?? (proc('procGoods') && proc('procWorks') && proc('procServices') ? sum([proc('procGoods')!.value, proc('procWorks')!.value, proc('procServices')!.value]) : undefined);
  const notAbove = (partKey: AmountKey, whole: Decimal | undefined, wholeLabel: string, wholeCell?: string) => {
    const part = proc(partKey);
    if (part && whole && part.value.gt(whole))
      warn(`${part.cell}（${fieldLabel(partKey)}）${formatMoney(part.value)} 万元大于${wholeLabel} ${formatMoney(whole)} 万元，请核对。`, [part.cell, ...(wholeCell ? [wholeCell] : [])]);
  };
  notAbove('procSme', procTotal, fieldLabel('procTotal'), proc('procTotal')?.cell);
  notAbove('procSmall', proc('procSme')?.value, fieldLabel('procSme'), proc('procSme')?.cell);
  notAbove('procSmeGoods', proc('procGoods')?.value, fieldLabel('procGoods'), proc('procGoods')?.cell);
  notAbove('procSmeWorks', proc('procWorks')?.value, fieldLabel('procWorks'), proc('procWorks')?.cell);
  notAbove('procSmeServices', proc('procServices')?.value, fieldLabel('procServices'), proc('procServices')?.cell);

  if (model) out.push(...checkItems(s, model));
  return out;
}

/** The 项级科目 table against 05/07/08: level, unknown codes, and Σ 年初预算 against the total. */
function checkItems(s: Supplement, model: TablesModel): Finding[] {
  const out: Finding[] = [];
  const rows = leafRows(model);
  const inTables = new Map(rows.map((r) => [r.code, r]));
  const year = reportYear(model);
  const parents = new Set(rows.flatMap((r) => [r.code.slice(0, 3), r.code.slice(0, 5)]));
  for (const item of s.items) {
    if (inTables.has(item.code)) continue;
    if (item.code.length < 7 && parents.has(item.code)) {
      out.push({
        rule: 'supplement-item-level',
        severity: 'warning',
        message: `${item.codeCell}：科目 ${item.code} 在公开表中还有下级科目，年初预算和原因应按项级科目填写；本行未被使用。`,
        cells: [item.codeCell],
      });
    } else if (!functionalName(item.code, year)) {
      out.push({
        rule: 'supplement-item-unknown-code',
        severity: 'warning',
        message: `${item.codeCell}：科目代码 ${item.code} 既不在公开05、07、08表中，也不在支出功能分类科目中，请核对。`,
        cells: [item.codeCell],
      });
    }
  }

  const total = s.amounts.budgetGpb;
  const gpb = gpbLeafRows(model);
  const budgets = [
    ...gpb.map((r) => s.items.find((i) => i.code === r.code)?.budget),
    ...s.items.filter((i) => !inTables.has(i.code) && i.code.length === 7 && i.budget && !i.budget.value.isZero()).map((i) => i.budget),
  ];
  if (total && gpb.length > 0 && budgets.every((b) => b !== undefined)) {
    const present = budgets as Array<Entry<Decimal>>;
    const expected = sum(present.map((b) => b.value));
    const difference = total.value.minus(expected);
    if (!difference.isZero()) {
      const within = difference.abs().lte(roundingBound(present.length + 1));
      out.push({
        rule: 'supplement-budget-sum',
        severity: within ? 'info' : 'warning',
        message:
          `${total.cell}（${fieldLabel('budgetGpb')}）${formatMoney(total.value)} 万元与项级科目表中各项年初预算之和 ${formatMoney(expected)} 万元` +
          `相差 ${formatMoney(difference)}${within ? '（尾数差异）' : '，请核对'}。`,
        cells: [total.cell, ...present.map((b) => b.cell)],
        expected: formatMoney(expected),
        actual: formatMoney(total.value),
        difference: formatMoney(difference),
      });
    }
  }
  return out;
}
