import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import { changeOf, comparisonWord, percentOf } from '../../src/core/narrative/money';
import { formatMoney } from '../../src/core/util/money';
import { changePhrase, completion } from '../../src/core/narrative/phrases';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { appendSheet, filledTemplate, SAMPLE_ITEMS, SAMPLE_VALUES, seedSnapshot, squash } from './support';

/** (e) The words follow the sign: 增加/增长 up, 减少/下降 down, 持平 on equality; no rate on a zero denominator. */

const d = (s: string | number) => new Decimal(s);

test('changePhrase: up, down, equal, prior 0', () => {
  assert.equal(changePhrase(changeOf(d('14.32'), d('13.35'))), '增加0.97万元，增长7.27%');
  assert.equal(changePhrase(changeOf(d('519.63'), d('526.36'))), '减少6.73万元，下降1.28%');
  assert.equal(changePhrase(changeOf(d('0.56'), d('1.35'))), '减少0.79万元，下降58.52%');
  assert.equal(changePhrase(changeOf(d('7.2'), d('7.20'))), '持平');
  assert.equal(changePhrase(changeOf(d('6.9'), d('0'))), '增加6.90万元，上年无此项支出');
  assert.equal(changeOf(d('6.9'), d('0')).rate, undefined);
  // Compared as printed: 7.204 and 7.196 both show as 7.20.
  assert.equal(changeOf(d('7.204'), d('7.196')).direction, 'flat');
});

test('comparisonWord and completion: 大于/小于/持平, no rate on a zero budget', () => {
  assert.equal(comparisonWord(d('353.87'), d('476.41')), '小于');
  assert.equal(comparisonWord(d('56.78'), d('0')), '大于');
  assert.equal(comparisonWord(d('22.99'), d('22.99')), '持平');
  assert.equal(completion(d('353.87'), d('476.41')), '完成年初预算的74.28%');
  assert.equal(completion(d('56.78'), d('0')), undefined);
  assert.equal(completion(d('0'), d('0')), undefined);
});

test('rounding: 四舍五入 to 2 places, shares from the displayed amounts', () => {
  assert.equal(formatMoney(d('0.005')), '0.01');
  assert.equal(formatMoney(d('2.675')), '2.68'); // a float would give 2.67
  assert.equal(formatMoney(d('-6.725')), '-6.73');
  assert.equal(percentOf(d('13.82'), d('13.96'))!.toFixed(2), '99.00');
  assert.equal(percentOf(d('13.57'), d('14.30'))!.toFixed(2), '94.90');
  // 1.005 / 3 computed on the shown 1.01 → 33.67%, not 33.50%.
  assert.equal(percentOf(d('1.005'), d('3'))!.toFixed(2), '33.67');
  assert.equal(percentOf(d('1'), d('0.004')), undefined);
});

async function withValues(values: Record<string, string | number>, items = SAMPLE_ITEMS) {
  const seed = await seedSnapshot();
  return narrateSnapshot(appendSheet(seed, '说明数据', filledTemplate(seed, { ...SAMPLE_VALUES, ...values }, items)));
}

test('持平 on equality in 一/四/五(一): no amount, no rate, no reason', async () => {
  const { text, findings } = await withValues({ 上年收入支出总计: '519.63', 上年财政拨款收入支出总计: 519.63, 上年一般公共预算财政拨款支出: 519.63 });
  const t = squash(text);
  assert.ok(t.includes('2024年度收、支总计519.63万元。与上年相比持平。'));
  assert.ok(t.includes('2024年度财政拨款收、支总计519.63万元。与上年相比持平。'));
  assert.ok(t.includes('占本年支出合计的100.00%。与上年相比，一般公共预算财政拨款支出持平。'));
  assert.ok(!t.includes('贯彻落实厉行节约精神，牢固树立'));
  assert.deepEqual(findings.filter((f) => f.rule === 'narrative-missing-input'), []);
});

test('增加/增长 on a rise, 减少/下降 on a fall, in the same sentence pattern', async () => {
  const up = squash((await withValues({ 上年收入支出总计: 500 })).text);
  assert.ok(up.includes('与上年相比，增加19.63万元，增长3.93%，主要是因为'));
  const down = squash((await withValues({ 上年收入支出总计: 600 })).text);
  assert.ok(down.includes('与上年相比，减少80.37万元，下降13.40%，主要是因为'));
  for (const t of [up, down]) assert.ok(!/增加减少|减少增加|增长下降|下降增长/.test(t));
});

test('a 项 whose 决算 equals its 年初预算 says 持平 and needs no reason', async () => {
  const items = { ...SAMPLE_ITEMS, '2210201': { budget: 22.99 } };
  const { text, findings } = await withValues({}, items);
  assert.ok(squash(text).includes('11、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为22.99万元，支出决算为22.99万元，完成年初预算的100.00%。决算数与年初预算数持平。'));
  assert.ok(!findings.some((f) => f.rule === 'narrative-missing-input' && f.message.includes('2210201')));
});

test('三公: 持平 on equal years, 下降 on a fall, and the 上年无此项支出 case', async () => {
  const { text } = await withValues({ 上年公务接待费决算: 0.56, '上年“三公”经费决算合计': 19.46, '上年因公出国（境）费决算': 6.9, 上年公务用车运行维护费决算: 12 });
  const t = squash(text);
  assert.ok(t.includes('公务接待费支出预算为5.00万元，支出决算为0.56万元，完成预算的11.20%；与上年相比持平。决算数小于预算数的主要原因是厉行节约精神。2024年度共接待'));
  assert.ok(t.includes('因公出国（境）费支出预算为7.00万元，支出决算为6.90万元，完成预算的98.57%；与上年相比持平。'));
  assert.ok(t.includes('“三公”经费财政拨款支出预算为19.00万元，支出决算为14.32万元，完成预算的75.37%；与上年相比减少5.14万元，下降26.41%。'));
  assert.ok(t.includes('决算数小于上年数的主要原因是2023年度未安排人员出国'));
});
