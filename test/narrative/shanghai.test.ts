import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { FIELDS, usesField } from '../../src/core/supplement/fields';
import { appendSheet, filledTemplate, SAMPLE_ITEMS, SAMPLE_VALUES, seedSnapshot, squash } from './support';

/** The Shanghai 2024 template order and wording (domain.md §3.1, §3.2), on the sample's figures. */

const SHANGHAI_VALUES = {
  ...Object.fromEntries(Object.entries(SAMPLE_VALUES).filter(([label]) => FIELDS.some((f) => f.label === label && usesField(f, 'shanghai')))),
  '公务用车购置及运行维护费决算数与上年数差异的主要原因': '厉行节约精神',
  面向中小企业预留政府采购项目预算金额: 105.19,
  面向小微企业预留政府采购项目预算金额: 85.1,
  预留项目中由中小企业供应商中标或成交的采购金额: 105.19,
  预留项目中由小微企业供应商中标或成交的采购金额: 85.1,
  其他项目中由中小企业供应商中标或成交的采购金额: 0,
  编报绩效目标的项目个数: 3,
  编报绩效目标的项目预算金额: 163.78,
  绩效跟踪评价的项目个数: 0,
  绩效跟踪评价的项目预算金额: 0,
  绩效自评涉及资金: 163.78,
  绩效自评平均得分: 98.5,
  '绩效评级为“优”的项目个数': 3,
  '绩效评级为“良”的项目个数': 0,
  '绩效评级为“合格”的项目个数': 0,
  '绩效评级为“不合格”的项目个数': 0,
  绩效自评发现问题个数: 1,
  已完成整改的问题个数: 1,
  正在整改的问题个数: 0,
  一般公共预算财政拨款支出决算数与年初预算数差异的主要原因: '厉行节约',
};
const SHANGHAI_ITEMS = Object.fromEntries(Object.entries(SAMPLE_ITEMS).map(([code, item]) => [code, { ...item, usage: '保障机构正常运转' }]));

async function shanghai() {
  const seed = await seedSnapshot();
  const rows = filledTemplate(seed, SHANGHAI_VALUES, SHANGHAI_ITEMS, 'shanghai');
  return narrateSnapshot(appendSheet(seed, '说明数据', rows), { format: 'shanghai' });
}

test('Shanghai order: 七 三公, 八 政府性基金, 九 国有资本经营, 十 绩效, 十一 其他重要事项 (一)(二)(三)', async () => {
  const { document } = await shanghai();
  const sections = document.parts[0].sections;
  assert.deepEqual(
    sections.map((s) => s.heading).slice(6),
    [
      '七、财政拨款“三公”经费支出决算情况说明',
      '八、政府性基金预算财政拨款收入支出决算情况说明',
      '九、国有资本经营预算财政拨款收入支出决算情况说明',
      '十、预算绩效管理情况',
      '十一、其他重要事项的情况说明',
    ],
  );
  assert.deepEqual(sections[10].subsections.map((s) => s.heading), ['（一）机关运行经费支出情况', '（二）政府采购支出情况', '（三）国有资产占有使用情况']);
  assert.equal(document.parts[1].paragraphs.length, 11);
});

test('Shanghai wording: unit name and 2023年度 in 一/四, 不涉及的不列 in 二/三, no per-项 rate, 主要用于', async () => {
  const { text, findings } = await shanghai();
  const t = squash(text);
  assert.ok(t.includes('株洲市长株潭一体化发展事务中心2024年度收入支出总计519.63万元。与2023年度相比，收入支出总计减少6.73万元，下降1.28%。主要原因：'));
  assert.ok(t.includes('本年收入合计519.63万元，其中：财政拨款收入519.63万元，占100.00%。'));
  assert.ok(t.includes('本年支出合计519.63万元，其中：基本支出455.65万元，占87.69%；项目支出63.98万元，占12.31%。'));
  assert.ok(t.includes('1、一般公共服务支出（类）发展与改革事务（款）事业运行（项）。主要用于：保障机构正常运转。年初预算为476.41万元，支出决算为353.87万元。决算数小于预算数的主要原因：厉行节约精神。'));
  assert.ok(t.includes('“三公”经费财政拨款支出决算中，因公出国（境）费支出决算6.90万元，占48.18%；公务用车购置及运行维护费支出决算6.86万元，占47.91%；公务接待费支出决算0.56万元，占3.91%。'));
  assert.ok(t.includes('2024年度“三公”经费财政拨款支出决算数比2023年度增加0.97万元，增长7.27%，其中：因公出国（境）费支出决算增加6.90万元，上年无此项支出；'));
  assert.ok(t.includes('株洲市长株潭一体化发展事务中心2024年度无政府性基金预算财政拨款收入和支出。'));
  assert.ok(t.includes('株洲市长株潭一体化发展事务中心2024年度无国有资本经营预算财政拨款收入和支出。'));
  assert.ok(t.includes('株洲市长株潭一体化发展事务中心2024年度无机关运行经费支出。'));
  assert.ok(t.includes('面向小微企业预留政府采购项目预算金额85.10万元'));
  assert.ok(t.includes('截至2024年12月31日，株洲市长株潭一体化发展事务中心共有车辆2辆，其中：部级领导干部用车0辆、'));
  assert.ok(t.includes('绩效自评的2024年度项目3个，涉及预算金额163.78万元，平均得分98.5分'));
  assert.doesNotMatch(t, /完成年初预算的74\.28%/);
  assert.doesNotMatch(t, /【请填写/, t.match(/【请填写：[^】]*】/g)?.join(' '));
  assert.deepEqual(findings.filter((f) => f.rule === 'narrative-missing-input'), []);
});
