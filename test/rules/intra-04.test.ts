import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { partialModels, runOn, shanghaiSnapshot } from './intra-support';
import { T04_RULES } from '../../src/core/rules/intra';
import { t04IncomeTotalRule } from '../../src/core/rules/intra/t04-income-total';
import { t04OpeningSplitRule } from '../../src/core/rules/intra/t04-opening-split';
import { t04IncomeGrandTotalRule } from '../../src/core/rules/intra/t04-income-grand-total';
import { t04RowTotalRule } from '../../src/core/rules/intra/t04-row-total';
import { t04ExpenseTotalRule } from '../../src/core/rules/intra/t04-expense-total';
import { t04ExpenseGrandTotalRule } from '../../src/core/rules/intra/t04-expense-grand-total';
import { t04BalanceRule } from '../../src/core/rules/intra/t04-balance';
import { t04ClosingSplitRule } from '../../src/core/rules/intra/t04-closing-split';
import { t04SourceBalanceRule } from '../../src/core/rules/intra/t04-source-balance';
import { t04ClosingSubRowSourcesRule } from '../../src/core/rules/intra/t04-closing-sub-row-sources';
import type { Finding } from '../../src/core/findings/finding';

// Seed 公开04表: income C7–C9 (一/二/三), C33 本年收入合计, C34 年初, C35–C37 其中, C38 总计;
// expense F 合计 | G 一般公共预算 | H 政府性基金 | I 国有资本经营; 类 rows 7–32, 33 本年支出合计, 34 年末, 35–37 sub-rows, 38 总计.
const S = '公开04表!';
const figures = (f: Finding) => [f.expected, f.actual, f.difference];

test('04 rules: ids, metadata and registration', () => {
  assert.deepEqual(
    T04_RULES.map((r) => [r.id, r.severity, r.source]),
    [
      ['t04-income-total', 'error', 'A09'],
      ['t04-opening-split', 'error', 'A09'],
      ['t04-income-grand-total', 'error', 'A09'],
      ['t04-row-total', 'error', 'A10'],
      ['t04-expense-total', 'error', 'A10'],
      ['t04-expense-grand-total', 'error', 'A10'],
      ['t04-balance', 'error', 'A10'],
      ['t04-closing-split', 'error', 'A10'],
      ['t04-closing-sub-row-sources', 'error', 'A10'],
      ['t04-source-balance', 'error', 'A11'],
    ],
  );
  for (const r of T04_RULES) {
    assert.deepEqual(r.tables, ['04']);
    assert.match(r.message, /^公开04表（财政拨款收入支出决算总表）.*\{expected\}.*\{actual\}.*\{difference\}/);
  }
});

test('04 rules: valid on the sample and on the Shanghai workbook (GPB + GF, carry-over, no 年末 sub-rows)', async () => {
  const seed = await seedSnapshot();
  const shanghai = await shanghaiSnapshot();
  for (const rule of T04_RULES) {
    assert.deepEqual(findingsOf(rule, seed), [], rule.id);
    assert.deepEqual(findingsOf(rule, shanghai), [], `${rule.id} (Shanghai)`);
  }
});

test('t04-income-total: 本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营', async () => {
  const errors = errorsOf(t04IncomeTotalRule, withCells(await seedSnapshot(), { [`${S}C8`]: 1 }));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['520.63', '519.63', '-1.00']);
  assert.deepEqual(errors[0].cells, [`${S}C33`, `${S}C7`, `${S}C8`, `${S}C9`]);
  assert.equal(
    errors[0].message,
    '公开04表（财政拨款收入支出决算总表）“本年收入合计”应等于一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款收入之和 520.63，实为 519.63，差额 -1.00。',
  );
});

test('t04-opening-split: 年初财政拨款结转和结余 = Σ its 其中 rows', async () => {
  const errors = errorsOf(t04OpeningSplitRule, withCells(await seedSnapshot(), { [`${S}C34`]: 5 }));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['0.00', '5.00', '5.00']);
  assert.deepEqual(errors[0].cells, [`${S}C34`, `${S}C35`, `${S}C36`, `${S}C37`]);
  const sub = errorsOf(t04OpeningSplitRule, withCells(await seedSnapshot(), { [`${S}C34`]: 5, [`${S}C36`]: 6 }));
  assert.deepEqual(figures(sub[0]), ['6.00', '5.00', '-1.00']);
  assert.ok(sub[0].cells.includes(`${S}C36`));
  assert.deepEqual(findingsOf(t04OpeningSplitRule, withCells(await seedSnapshot(), { [`${S}C34`]: 5, [`${S}C35`]: 5 })), []);
});

test('t04-income-grand-total: 收入总计 = 本年收入合计 + 年初财政拨款结转和结余', async () => {
  const errors = errorsOf(t04IncomeGrandTotalRule, bump(await seedSnapshot(), `${S}C34`, 1));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['520.63', '519.63', '-1.00']);
  assert.deepEqual(errors[0].cells, [`${S}C38`, `${S}C33`, `${S}C34`]);
  const grand = errorsOf(t04IncomeGrandTotalRule, bump(await seedSnapshot(), `${S}C38`, 1));
  assert.deepEqual(figures(grand[0]), ['519.63', '520.63', '1.00']);
});

test('t04-row-total: 合计 = three sources on every 类 row and on 本年支出合计 / 年末 / 总计', async () => {
  const seed = await seedSnapshot();
  const cls = errorsOf(t04RowTotalRule, bump(seed, `${S}G7`, 1)); // 一般公共服务支出 GPB 410.65 → 411.65
  assert.equal(cls.length, 1);
  assert.deepEqual(figures(cls[0]), ['411.65', '410.65', '-1.00']);
  assert.deepEqual(cls[0].cells, [`${S}F7`, `${S}G7`, `${S}H7`, `${S}I7`]);
  assert.match(cls[0].message, /“一、一般公共服务支出”行的“合计”应等于一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款之和 411\.65，实为 410\.65，差额 -1\.00/);
  const total = errorsOf(t04RowTotalRule, withCells(seed, { [`${S}H33`]: 1 }));
  assert.equal(total[0].cells[0], `${S}F33`);
  assert.match(total[0].message, /“本年支出合计”行/);
  const closing = errorsOf(t04RowTotalRule, withCells(seed, { [`${S}G34`]: 3 }));
  assert.deepEqual(figures(closing[0]), ['3.00', '0.00', '-3.00']);
  assert.equal(closing[0].cells[0], `${S}F34`, 'the blank 合计 is the compared cell');
  assert.match(closing[0].message, /“年末财政拨款结转和结余”行/);
  const grand = errorsOf(t04RowTotalRule, bump(seed, `${S}F38`, 1));
  assert.match(grand[0].message, /“支出总计”行/);
  assert.deepEqual(figures(grand[0]), ['519.63', '520.63', '1.00']);
});

test('t04-expense-total: in every column 本年支出合计 = Σ 类', async () => {
  const errors = errorsOf(t04ExpenseTotalRule, withCells(await seedSnapshot(), { [`${S}H14`]: 1 }));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['1.00', '0.00', '-1.00']);
  assert.equal(errors[0].cells[0], `${S}H33`);
  assert.equal(errors[0].cells[1], `${S}H14`);
  assert.match(errors[0].message, /“本年支出合计”的“政府性基金预算财政拨款”栏应等于各类支出之和 1\.00，实为 0\.00/);
  const gpb = errorsOf(t04ExpenseTotalRule, bump(await seedSnapshot(), `${S}G25`, 1));
  assert.deepEqual(figures(gpb[0]), ['520.63', '519.63', '-1.00']);
  assert.ok(gpb[0].cells.includes(`${S}G25`));
});

test('t04-expense-grand-total: in every column 支出总计 = 本年支出合计 + 年末', async () => {
  const errors = errorsOf(t04ExpenseGrandTotalRule, bump(await seedSnapshot(), `${S}G38`, 1));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['519.63', '520.63', '1.00']);
  assert.deepEqual(errors[0].cells, [`${S}G38`, `${S}G33`, `${S}G34`]);
  assert.match(errors[0].message, /支出“总计”的“一般公共预算财政拨款”栏应等于本年支出合计 \+ 年末财政拨款结转和结余 = 519\.63/);
  const closing = errorsOf(t04ExpenseGrandTotalRule, withCells(await seedSnapshot(), { [`${S}I34`]: 2 }));
  assert.deepEqual(figures(closing[0]), ['2.00', '0.00', '-2.00']);
  assert.equal(closing[0].cells[0], `${S}I38`);
});

test('t04-balance: 收入总计 = 支出总计 (合计 column)', async () => {
  const errors = errorsOf(t04BalanceRule, bump(await seedSnapshot(), `${S}F38`, 1));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['519.63', '520.63', '1.00']);
  assert.deepEqual(errors[0].cells, [`${S}F38`, `${S}C38`]);
  assert.ok(errorsOf(t04BalanceRule, bump(await seedSnapshot(), `${S}C38`, 1))[0].cells.includes(`${S}C38`));
});

test('t04-closing-split: 年末 = Σ sub-rows (合计), each sub-row = the 年末 line’s source column', async () => {
  const seed = await seedSnapshot();
  const errors = errorsOf(t04ClosingSplitRule, withCells(seed, { [`${S}F35`]: 2 }));
  assert.equal(errors.length, 2, JSON.stringify(errors));
  assert.deepEqual(figures(errors[0]), ['2.00', '0.00', '-2.00']);
  assert.deepEqual(errors[0].cells, [`${S}F34`, `${S}F35`, `${S}F36`, `${S}F37`]);
  assert.deepEqual(figures(errors[1]), ['0.00', '2.00', '2.00']);
  assert.deepEqual(errors[1].cells, [`${S}F35`, `${S}G34`]);
  assert.match(errors[1].message, /“年末结转（一般公共预算财政拨款）”分行的“合计”栏应等于“年末财政拨款结转和结余”行的“一般公共预算财政拨款”栏 0\.00/);
  // Consistent: 年末 2 (GPB), its sub-row 2.
  assert.deepEqual(findingsOf(t04ClosingSplitRule, withCells(seed, { [`${S}F34`]: 2, [`${S}G34`]: 2, [`${S}F35`]: 2 })), []);
  // A sub-row whose figure stands in its own source column.
  assert.deepEqual(findingsOf(t04ClosingSplitRule, withCells(seed, { [`${S}F34`]: 2, [`${S}G34`]: 2, [`${S}G35`]: 2 })), []);
  // Blank, unlabelled sub-rows are no split: nothing to check.
  assert.deepEqual(findingsOf(t04ClosingSplitRule, withCells(seed, { [`${S}F34`]: 2, [`${S}G34`]: 2 })), []);
  // A wrong sub-row figure.
  const wrong = errorsOf(t04ClosingSplitRule, withCells(seed, { [`${S}F34`]: 2, [`${S}G34`]: 2, [`${S}F35`]: 3 }));
  assert.equal(wrong.length, 2);
  assert.ok(wrong.every((f) => f.cells.includes(`${S}F35`)));
});

test('t04-closing-split: a sub-row printing its figure in 合计 and in its own column prints the same figure', async () => {
  const seed = await seedSnapshot();
  const carry = { [`${S}F34`]: 2, [`${S}G34`]: 2, [`${S}F35`]: 2 };
  assert.deepEqual(findingsOf(t04ClosingSplitRule, withCells(seed, { ...carry, [`${S}G35`]: 2 })), []);
  const errors = errorsOf(t04ClosingSplitRule, withCells(seed, { ...carry, [`${S}G35`]: 3 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(figures(errors[0]), ['3.00', '2.00', '-1.00']);
  assert.deepEqual(errors[0].cells, [`${S}F35`, `${S}G35`]);
  assert.match(errors[0].message, /“年末结转（一般公共预算财政拨款）”分行的“合计”栏应等于该行“一般公共预算财政拨款”栏 3\.00/);
});

test('t04-closing-sub-row-sources: a 年末 sub-row holds nothing in the other sources’ columns', async () => {
  const seed = await seedSnapshot();
  // Row 35 is the 一般公共预算 sub-row, 36 政府性基金, 37 国有资本经营; their own columns are G, H, I.
  const off = [`${S}H35`, `${S}I35`, `${S}G36`, `${S}I36`, `${S}G37`, `${S}H37`];
  for (const cell of off) {
    const errors = errorsOf(t04ClosingSubRowSourcesRule, withCells(seed, { [cell]: 1 }));
    assert.equal(errors.length, 1, cell);
    assert.deepEqual(errors[0].cells, [cell]);
    assert.deepEqual(figures(errors[0]), ['0.00', '1.00', '1.00']);
  }
  const [gf] = errorsOf(t04ClosingSubRowSourcesRule, withCells(seed, { [`${S}G36`]: -2.5 }));
  assert.equal(
    gf.message,
    '公开04表（财政拨款收入支出决算总表）“年末结转（政府性基金预算财政拨款）”分行（第 36 行）的“一般公共预算财政拨款”栏应为空或 0.00（该分行只反映政府性基金预算财政拨款的年末结转和结余），实为 -2.50，差额 -2.50。',
  );
  // Own columns, 合计 and printed zeros are no concern of this rule.
  const own = { [`${S}F35`]: 2, [`${S}G35`]: 2, [`${S}H36`]: 1, [`${S}I37`]: 3, [`${S}H35`]: 0, [`${S}G37`]: 0 };
  assert.deepEqual(findingsOf(t04ClosingSubRowSourcesRule, withCells(seed, own)), []);
  // The Shanghai layout's unlabelled rows beside 年初 其中 are positioned as sub-rows: a figure there is flagged too.
  const shanghai = await shanghaiSnapshot();
  assert.deepEqual(errorsOf(t04ClosingSubRowSourcesRule, withCells(shanghai, { '公开04表!F32': 1 })).map((f) => f.cells), [['公开04表!F32']]);
});

test('t04-source-balance: per source 年初 + 本年收入 − 本年支出 = 年末', async () => {
  const seed = await seedSnapshot();
  const errors = errorsOf(t04SourceBalanceRule, withCells(seed, { [`${S}C34`]: 3, [`${S}C35`]: 3 }));
  assert.equal(errors.length, 1);
  assert.deepEqual(figures(errors[0]), ['3.00', '0.00', '-3.00']);
  assert.deepEqual(errors[0].cells, [`${S}G34`, `${S}C35`, `${S}C7`, `${S}G33`]);
  assert.equal(
    errors[0].message,
    '公开04表（财政拨款收入支出决算总表）“一般公共预算财政拨款”的年末结转和结余应等于年初结转和结余 + 本年收入 − 本年支出 = 3.00，实为 0.00，差额 -3.00。',
  );
  // 年末 in the 年末 line's column, or in the source's sub-row.
  assert.deepEqual(findingsOf(t04SourceBalanceRule, withCells(seed, { [`${S}C34`]: 3, [`${S}C35`]: 3, [`${S}G34`]: 3, [`${S}F34`]: 3 })), []);
  assert.deepEqual(findingsOf(t04SourceBalanceRule, withCells(seed, { [`${S}C34`]: 3, [`${S}C35`]: 3, [`${S}F35`]: 3, [`${S}F34`]: 3 })), []);
  // 政府性基金 spending without income or carry-over.
  const gf = errorsOf(t04SourceBalanceRule, withCells(seed, { [`${S}H33`]: 4 }));
  assert.equal(gf.length, 1);
  assert.deepEqual(figures(gf[0]), ['-4.00', '0.00', '4.00']);
  assert.equal(gf[0].cells[0], `${S}H34`);
  assert.match(gf[0].message, /“政府性基金预算财政拨款”的年末结转和结余/);
});

test('04 rules: a partial model (lines, sub-rows, columns missing) is skipped, never thrown on', async () => {
  for (const model of await partialModels('04')) {
    const found = runOn(model, T04_RULES);
    assert.deepEqual(found.filter((f) => f.rule === 'internal-rule-error'), []);
  }
});
