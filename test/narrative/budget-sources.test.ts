import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { reviewSnapshot } from '../../src/core/review/review';
import type { SourceInputs } from '../../src/core/sources/types';
import type { NarrativeFormat } from '../../src/core/supplement/fields';
import { snapshotOf } from '../helpers';
import { PUBLISHED_ITEM_BUDGETS, publishedBudgetFigures } from '../support/budget-figures';
import { publishedPriorWorkbook } from '../support/prior-year';
import { appendSheet, filledTemplate, seedSnapshot, squash } from './support';
import { readBudgetWorkbook } from '../../src/core/budget';
import { budgetWorkbookBytes } from '../support/budget-workbook';

/**
 * issue 16 (2), (3): this year's 部门预算 (as the budget reader returns it, made here by hand from the sample's
 * published figures) fills 年初预算 and completion rates; a 说明数据 or 09 figure that disagrees is named.
 */

const budget = (): SourceInputs => ({ budget: { figures: publishedBudgetFigures(), name: '2024年部门预算.xlsx' } });

test('the 部门预算 fills 五（三） per 项 and 七\'s budgets, with their completion rates', async () => {
  const r = narrateSnapshot(await seedSnapshot(), { sources: budget() });
  const text = squash(r.text);
  assert.match(text, /一般公共预算财政拨款支出年初预算为580\.13万元，支出决算为519\.63万元，完成年初预算的89\.57%。/);
  assert.match(text, /事业运行（项）。年初预算为476\.41万元，支出决算为353\.87万元，完成年初预算的74\.28%。/);
  assert.match(text, /其他发展与改革事务支出（项）。年初未安排预算，支出决算为56\.78万元。/);
  assert.match(text, /公务员医疗补助（项）。年初预算为6\.62万元，支出决算为6\.54万元，完成年初预算的98\.79%。/);
  assert.match(text, /住房公积金（项）。年初预算为23\.35万元，支出决算为22\.99万元，完成年初预算的98\.46%。/);
  assert.match(text, /“三公”经费财政拨款支出预算为19\.00万元，支出决算为14\.32万元，完成预算的75\.37%；/);
  assert.match(text, /因公出国（境）费支出预算为7\.00万元，支出决算为6\.90万元，完成预算的98\.57%；/);
  assert.match(text, /公务接待费支出预算为5\.00万元，支出决算为0\.56万元，完成预算的11\.20%；/);
  assert.doesNotMatch(r.text, /【请填写：[^】]*年初预算】/);
  assert.equal(r.filled.budget, 6 + Object.keys(PUBLISHED_ITEM_BUDGETS).length);
  // 09's 预算数 (the sample copies its actuals there) disagrees: one warning naming both, item by item.
  const against09 = r.findings.filter((f) => f.rule === 'sources-budget-09');
  assert.equal(against09.length, 1);
  assert.match(against09[0].message, /合计：09表 14\.32 万元（公开09表!\w+\d+），部门预算 19\.00 万元（\[2024年部门预算\.xlsx\]三公经费预算表!B\d+）/);
  assert.ok(against09[0].cells.every((c) => c.startsWith('公开09表!')));
  assert.equal(r.findings.filter((f) => f.rule === 'narrative-source-conflict').length, 0, 'the 09 difference is said once');
});

test('a 说明数据 年初预算 that disagrees with the 部门预算: one warning naming both, the text uses the budget', async () => {
  const seed = await seedSnapshot();
  const sheet = filledTemplate(seed, { 年度: 2024, 一般公共预算财政拨款支出年初预算: 580.13, '“三公”经费预算合计': 20 }, { '2010450': { budget: 470 }, '2210201': { budget: 23.35 } });
  const r = narrateSnapshot(appendSheet(seed, '说明数据', sheet), { sources: budget() });
  const conflicts = r.findings.filter((f) => f.rule === 'supplement-source-conflict');
  assert.deepEqual(conflicts.map((f) => f.actual), ['20.00', '470.00'], JSON.stringify(conflicts));
  assert.match(conflicts[1].message, /项级科目 2010450“年初预算”为 470\.00 万元（说明数据!C\d+），而部门预算工作簿“2024年部门预算\.xlsx”一般公共预算支出表 2010450合计（\[2024年部门预算\.xlsx\]一般公共预算支出表!C\d+）为 476\.41 万元/);
  assert.match(squash(r.text), /事业运行（项）。年初预算为476\.41万元/);
});

for (const format of ['hunan', 'shanghai'] as NarrativeFormat[]) {
  test(`${format}: generated with --prior and --budget, reviewed against the same sources: no finding but the blanks reminder`, async () => {
    const seed = await seedSnapshot();
    const sources: SourceInputs = { ...budget(), prior: { snapshot: await snapshotOf(await publishedPriorWorkbook(), '2023.xlsx'), name: '2023.xlsx' } };
    const r = narrateSnapshot(seed, { format, sources });
    const findings = reviewSnapshot(seed, r.text, sources).filter((f) => !(f.rule === 'review-template' && /待填写/.test(f.message)));
    // What remains are notes on the sources themselves, not on the text: the published 项 budgets add up to
    // 580.14 against a total of 580.13 (尾数), and 09's 预算数 copies its actuals (so the reviewer checks the
    // budgets against the 部门预算 instead).
    const onText = findings.filter((f) => !(f.severity === 'info' && /尾数差异|未采用有疑问的表格数字/.test(f.message)));
    assert.deepEqual(onText.map((f) => `${f.rule} ${f.severity}: ${f.message}`), []);
    assert.ok(findings.length <= 2);
  });
}

test('a 项 budgeted but not spent, and a budget of 0 with spending: stated as the templates say', async () => {
  const figures = publishedBudgetFigures();
  figures.gpbItems.push({ code: '2013299', name: '其他组织事务支出', total: { value: new Decimal('3.00'), cell: '一般公共预算支出表!C40' } });
  const r = narrateSnapshot(await seedSnapshot(), { sources: { budget: { figures, name: 'b.xlsx' } } });
  const text = squash(r.text);
  assert.match(text, /（项）。年初预算为3\.00万元，支出决算为0\.00万元，完成年初预算的0\.00%。/);
  assert.match(text, /行政单位医疗（项）。年初未安排预算，支出决算为0\.72万元。/);
});

test('a 项 the 部门预算 does not print: no 年初预算 when the printed lines add up to the total, else the blank says why', async () => {
  const seed = await seedSnapshot();
  const without = (code: string) => {
    const figures = publishedBudgetFigures();
    figures.gpbItems = figures.gpbItems.filter((i) => i.code !== code);
    return narrateSnapshot(seed, { sources: { budget: { figures, name: 'b.xlsx' } } });
  };
  // 2101101 was budgeted 0: left out, the rest still adds up to 580.13 (尾数 0.01).
  assert.match(squash(without('2101101').text), /行政单位医疗（项）。年初未安排预算，支出决算为0\.72万元。/);
  // 2010450 (476.41) left out: the lines no longer add up — nothing is inferred, the blank says why.
  const r = without('2010450');
  assert.match(r.text, /【请填写：2010450 事业运行 年初预算（部门预算中无此科目）】/);
});

test('the 部门预算 workbook built from the sample\'s published figures, read by the budget reader: the text states them', async () => {
  const read = readBudgetWorkbook(await snapshotOf(await budgetWorkbookBytes(), '2024年部门预算.xlsx'));
  const seed = await seedSnapshot();
  const sources: SourceInputs = { budget: { figures: read.figures, name: '2024年部门预算.xlsx', findings: read.findings } };
  const r = narrateSnapshot(seed, { sources });
  const text = squash(r.text);
  assert.match(text, /一般公共预算财政拨款支出年初预算为580\.13万元，支出决算为519\.63万元，完成年初预算的89\.57%。/);
  for (const [code, budget] of Object.entries(PUBLISHED_ITEM_BUDGETS))
    if (budget !== '0') assert.match(text, new RegExp(`（项）。年初预算为${budget.replace('.', '\\.')}万元`), code);
  // The 项 the budget prints no line for (2010499, 2101101, 2110199) had none: its lines add up to the total.
  assert.equal((text.match(/年初未安排预算/g) ?? []).length, 3);
  assert.match(text, /“三公”经费财政拨款支出预算为19\.00万元，支出决算为14\.32万元，完成预算的75\.37%；/);
  assert.doesNotMatch(r.text, /【请填写：[^】]*(年初预算|预算)】/);
  const findings = reviewSnapshot(seed, r.text, sources).filter((f) => f.severity !== 'info' && !(f.rule === 'review-template' && /待填写/.test(f.message)));
  assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
});

test('a 部门预算 of another year or another department: warned, still used', async () => {
  const figures = { ...publishedBudgetFigures(), year: '2023年部门预算', department: '湘潭市城乡发展事务中心' };
  const r = narrateSnapshot(await seedSnapshot(), { year: 2024, sources: { budget: { figures, name: 'b.xlsx' } } });
  const year = r.findings.filter((f) => f.rule === 'sources-budget-year');
  assert.equal(year.length, 1);
  assert.match(year[0].message, /部门预算工作簿“b\.xlsx”是 2023 年度的，而本年决算为 2024 年度，年初预算应取 2024 年度的部门预算/);
  const dept = r.findings.filter((f) => f.rule === 'sources-budget-department');
  assert.equal(dept.length, 1);
  assert.match(dept[0].message, /单位为“湘潭市城乡发展事务中心”，与本工作簿的“株洲市长株潭一体化发展事务中心”不同/);
  assert.match(squash(r.text), /年初预算为580\.13万元/);
});
