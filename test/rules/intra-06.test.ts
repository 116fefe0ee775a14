import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { partialModels, runOn, shanghaiSnapshot } from './intra-support';
import { T06_RULES } from '../../src/core/rules/intra';
import { t06ClassSumRule } from '../../src/core/rules/intra/t06-class-sum';
import { t06PersonnelTotalRule } from '../../src/core/rules/intra/t06-personnel-total';
import { t06PublicTotalRule } from '../../src/core/rules/intra/t06-public-total';
import type { Finding } from '../../src/core/findings/finding';

// Seed 公开06表: groups A–C (301, 303), D–F (302), G–I (307, 310, 399); row 34: 人员经费合计 C34, 公用经费合计 I34.
const S = '公开06表!';
const figures = (f: Finding) => [f.expected, f.actual, f.difference];

test('06 rules: ids, metadata and registration', () => {
  assert.deepEqual(
    T06_RULES.map((r) => [r.id, r.severity, r.source]),
    [
      ['t06-class-sum', 'error', 'A13'],
      ['t06-personnel-total', 'error', 'A14'],
      ['t06-public-total', 'error', 'A14'],
    ],
  );
  for (const r of T06_RULES) {
    assert.deepEqual(r.tables, ['06']);
    assert.match(r.message, /^公开06表（一般公共预算财政拨款基本支出决算明细表）.*\{expected\}.*\{actual\}.*\{difference\}/);
  }
});

test('t06-class-sum: the sample gives exactly the three 尾数 infos of domain.md §5 #9–10', async () => {
  const found = findingsOf(t06ClassSumRule, await seedSnapshot());
  assert.deepEqual(
    found.map((f) => [f.severity, f.cells[0], f.expected, f.actual, f.difference, f.tolerance]),
    [
      ['info', `${S}C6`, '291.37', '291.36', '-0.01', '0.06'], // 301: 11 printed 款 + the 类
      ['info', `${S}F6`, '154.81', '154.79', '-0.02', '0.10'], // 302: 19 printed 款 (incl. 30299 7.22) + the 类
      ['info', `${S}C20`, '8.11', '8.12', '0.01', '0.02'], // 303: 5.84 + 2.27 (bound 0.015)
    ],
  );
  assert.match(found[0].message, /“301 工资福利支出”应等于所属各款之和 291\.37，实为 291\.36，差额 -0\.01。（尾数差异 -0\.01，在舍入容差 ±0\.06 以内/);
  assert.ok(found[1].cells.includes(`${S}F33`), '30299 其他商品和服务支出 7.22 is one of 302’s 款');
  assert.deepEqual(found[2].cells.slice(0, 3), [`${S}C20`, `${S}C25`, `${S}C27`]);
});

test('t06-personnel-total and t06-public-total: valid on the sample (299.48 = 291.36 + 8.12; 156.17 = 154.79 + 1.38)', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(t06PersonnelTotalRule, seed), []);
  assert.deepEqual(findingsOf(t06PublicTotalRule, seed), []);
});

test('06 rules: valid on the Shanghai two-group table (公用经费 = 302 + 310, no 307/399)', async () => {
  const shanghai = await shanghaiSnapshot();
  for (const rule of T06_RULES) assert.deepEqual(findingsOf(rule, shanghai), [], rule.id);
});

test('t06-class-sum: a wrong 款 makes its 类 an error', async () => {
  const errors = errorsOf(t06ClassSumRule, bump(await seedSnapshot(), `${S}C7`, 1)); // 30101 80.90 → 81.90
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['292.37', '291.36', '-1.01']);
  assert.equal(errors[0].cells[0], `${S}C6`);
  assert.ok(errors[0].cells.includes(`${S}C7`));
  const capital = errorsOf(t06ClassSumRule, bump(await seedSnapshot(), `${S}I11`, 1)); // 31002 1.38 → 2.38
  assert.equal(capital.length, 1);
  assert.deepEqual(figures(capital[0]), ['2.38', '1.38', '-1.00']);
  assert.equal(capital[0].cells[0], `${S}I9`);
  assert.match(capital[0].message, /“310 资本性支出”应等于所属各款之和 2\.38，实为 1\.38，差额 -1\.00。$/);
  // A 款 of a blank 类 (399).
  const other = errorsOf(t06ClassSumRule, withCells(await seedSnapshot(), { [`${S}I27`]: 1 }));
  assert.equal(other.length, 1);
  assert.deepEqual(figures(other[0]), ['1.00', '0.00', '-1.00']);
  assert.deepEqual(other[0].cells.slice(0, 2), [`${S}I26`, `${S}I27`]);
  // A wrong 类 figure.
  const cls = errorsOf(t06ClassSumRule, bump(await seedSnapshot(), `${S}F6`, 1));
  assert.deepEqual(figures(cls[0]), ['154.81', '155.79', '0.98']);
});

test('t06-personnel-total: 人员经费合计 = 301 + 303', async () => {
  const errors = errorsOf(t06PersonnelTotalRule, bump(await seedSnapshot(), `${S}C20`, 1)); // 303 8.12 → 9.12
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['300.48', '299.48', '-1.00']);
  assert.deepEqual(errors[0].cells, [`${S}C34`, `${S}C6`, `${S}C20`]);
  assert.equal(
    errors[0].message,
    '公开06表（一般公共预算财政拨款基本支出决算明细表）“人员经费合计”应等于301 工资福利支出、303 对个人和家庭的补助之和 300.48，实为 299.48，差额 -1.00。',
  );
  const total = errorsOf(t06PersonnelTotalRule, bump(await seedSnapshot(), `${S}C34`, 1));
  assert.deepEqual(figures(total[0]), ['299.48', '300.48', '1.00']);
});

test('t06-public-total: 公用经费合计 = 302 + 307 + 310 + 399 (every 类 but 301/303)', async () => {
  const errors = errorsOf(t06PublicTotalRule, bump(await seedSnapshot(), `${S}I9`, 1)); // 310 1.38 → 2.38
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['157.17', '156.17', '-1.00']);
  assert.deepEqual(errors[0].cells, [`${S}I34`, `${S}F6`, `${S}I9`, `${S}I6`, `${S}I26`]);
  assert.match(errors[0].message, /“公用经费合计”应等于302 商品和服务支出、307 债务利息及费用支出、310 资本性支出、399 其他支出之和 157\.17/);
  const debt = errorsOf(t06PublicTotalRule, withCells(await seedSnapshot(), { [`${S}I6`]: 1 })); // 307 blank → 1
  assert.deepEqual(figures(debt[0]), ['157.17', '156.17', '-1.00']);
  assert.ok(debt[0].cells.includes(`${S}I6`));
});

test('06 rules: a partial model (items, totals missing) is skipped, never thrown on', async () => {
  for (const model of await partialModels('06')) {
    const found = runOn(model, T06_RULES);
    assert.deepEqual(found.filter((f) => f.rule === 'internal-rule-error'), []);
  }
});
