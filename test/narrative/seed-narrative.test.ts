import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import type { NarrativeSection } from '../../src/core/narrative/document';
import { PUBLISHED, sampleWithSupplement, squash } from './support';

/**
 * (a) The sample workbook + a 说明数据 sheet with the inputs the sample report states: the generated text states
 * every figure the published 第三部分 states correctly (domain.md §5 “OK verified correct”) and differs exactly
 * where the published text is wrong (§5 items 5–7, 13–15).
 */

const published = squash(PUBLISHED);
let cached: ReturnType<typeof narrateSnapshot> | undefined;
async function sample() {
  cached ??= narrateSnapshot(await sampleWithSupplement());
  return cached;
}

function sectionText(sections: NarrativeSection[], id: string): string {
  for (const s of sections) {
    if (s.id === id) return squash([s.heading, ...s.paragraphs.map((p) => p.text), ...s.subsections.map((x) => sectionText([x], x.id))].join('\n'));
    const inner = sectionText(s.subsections, id);
    if (inner) return inner;
  }
  return '';
}

/** Figures the published text states correctly, each as the exact phrase we generate (whitespace ignored). */
const VERIFIED: Array<{ section: string; ours: string; published: RegExp }> = [
  { section: 'overview', ours: '收、支总计519.63万元。与上年相比，减少6.73万元，下降1.28%', published: /收、支总计519\.63万元。与上年相比，减少6\.73万元，降低1\.28%/ },
  { section: 'income', ours: '收入合计519.63万元，其中：财政拨款收入519.63万元，占100.00%', published: /收入合计519\.63万元，其中：财政拨款收入519\.63万元，占100%/ },
  { section: 'expense', ours: '基本支出455.65万元，占87.69%；项目支出63.98万元，占12.31%', published: /基本支出455\.65万元，占87\.69%；项目支出63\.98万元，占12\.31%/ },
  { section: 'fiscal', ours: '财政拨款收、支总计519.63万元。与上年相比，减少6.73万元，下降1.28%', published: /财政拨款收、支总计519\.63万元，与上年相比，减少6\.73万元，降低1\.28%/ },
  { section: 'gpb-overall', ours: '支出519.63万元，占本年支出合计的100.00%。与上年相比，一般公共预算财政拨款支出减少6.73万元，下降1.28%', published: /支出519\.63万元，占本年支出合计的100%，与上年相比，财政拨款支出减少6\.73万元，降低1\.28%/ },
  { section: 'gpb-structure', ours: '一般公共服务支出（类）410.65万元，占79.03%', published: /410\.65万元，占79\.03%/ },
  { section: 'gpb-structure', ours: '卫生健康支出（类）31.49万元，占6.06%', published: /卫生健康支出31\.49万元，占6\.06%/ },
  { section: 'gpb-structure', ours: '住房保障支出（类）22.99万元，占4.42%', published: /住房保障支出22\.99万元，占4\.42%/ },
  { section: 'gpb-detail', ours: '年初预算为580.13万元，支出决算为519.63万元，完成年初预算的89.57%', published: /年初预算数为580\.13万元，支出决算数为519\.63万元，完成年初预算的89\.57%/ },
  { section: 'gpb-detail', ours: '年初预算为476.41万元，支出决算为353.87万元，完成年初预算的74.28%', published: /年初预算为476\.41万元，支出决算为353\.87万元，完成年初预算的74\.28%/ },
  { section: 'gpb-detail', ours: '年初预算为6.06万元，支出决算为5.84万元，完成年初预算的96.37%', published: /年初预算为6\.06万元，支出决算为5\.84万元，完成年初预算的96\.37%/ },
  { section: 'gpb-detail', ours: '年初预算为27.91万元，支出决算为27.64万元，完成年初预算的99.03%', published: /年初预算为27\.91万元，支出决算为27\.64万元，完成年初预算的99\.03%/ },
  { section: 'gpb-detail', ours: '年初预算为13.96万元，支出决算为13.82万元，完成年初预算的99.00%', published: /年初预算为13\.96万元，支出决算为13\.82万元，完成年初预算的99\.00%/ },
  { section: 'gpb-detail', ours: '年初预算为11.53万元，支出决算为10.66万元，完成年初预算的92.45%', published: /年初预算为11\.53万元，支出决算为10\.66万元，完成年初预算的92\.45%/ },
  { section: 'gpb-detail', ours: '年初预算为6.62万元，支出决算为6.54万元，完成年初预算的98.79%', published: /年初预算为6\.62万元，支出决算为6\.54万元，完成年初预算的98\.79%/ },
  { section: 'gpb-detail', ours: '年初预算为14.30万元，支出决算为13.57万元，完成年初预算的94.90%', published: /年初预算为14\.30万元，支出决算为13\.57万元，完成年初预算的94\.90%/ },
  { section: 'gpb-detail', ours: '年初预算为23.35万元，支出决算为22.99万元，完成年初预算的98.46%', published: /年初预算为23\.35万元，支出决算为22\.99万元，完成年初预算的98\.46%/ },
  { section: 'basic', ours: '基本支出455.65万元，其中：人员经费299.48万元，占基本支出的65.73%', published: /基本支出455\.65万元，其中：人员经费299\.48万元，占基本支出的65\.73%/ },
  { section: 'basic', ours: '公用经费156.17万元，占基本支出的34.27%', published: /公用经费156\.17万元，占基本支出的34\.27%/ },
  { section: 'sangong-overall', ours: '“三公”经费财政拨款支出预算为19.00万元，支出决算为14.32万元，完成预算的75.37%；与上年相比增加0.97万元，增长7.27%', published: /预算为19万元，支出决算为14\.32万元，完成预算的75\.37%；与上年相比增加0\.97万元，增长7\.27%/ },
  { section: 'sangong-detail', ours: '因公出国（境）费支出预算为7.00万元，支出决算为6.90万元，完成预算的98.57%', published: /因公出国（境）费支出预算为7万元，支出决算为6\.9万元，完成预算的98\.57%/ },
  { section: 'sangong-detail', ours: '公务用车购置及运行维护费支出预算为7.00万元，支出决算为6.86万元，完成预算的98.00%；与上年相比减少5.14万元，下降42.83%', published: /预算为7万元，支出决算为6\.86万元，完成预算的98\.00%；与上年相比减少5\.14万元，降低42\.83%/ },
  { section: 'sangong-detail', ours: '公务用车运行维护费支出预算为7.00万元，支出决算为6.86万元', published: /公务用车运行维护费支出预算为7万元，支出决算为6\.86万元/ },
  { section: 'sangong-detail', ours: '公务接待费支出预算为5.00万元，支出决算为0.56万元，完成预算的11.20%', published: /公务接待费支出预算为5万元，支出决算为0\.56万元，完成预算的11\.20%/ },
  { section: 'sangong-detail', ours: '减少0.79万元，下降58.52%', published: /0\.79万元，降低58\.52%/ },
  { section: 'sangong-detail', ours: '公务用车保有量为2辆', published: /公务用车保有量为2辆/ },
  { section: 'sangong-detail', ours: '共接待来访团组4个、来宾27人次', published: /共接待来访团组4个、来宾27人次/ },
  { section: 'gov-fund', ours: '2024年度本单位无政府性基金收支。', published: /2024年度本单位无政府性基金收支。/ },
  { section: 'operating-cost', ours: '本单位为财政补助事业单位，不属于机关运行经费适用范围。', published: /本单位为财政补助事业单位，不属于机关运行经费适用范围。/ },
  { section: 'general-expense', ours: '开支会议费0.15万元，用于召开株洲市域内融城干道建设情况会议，人数13人', published: /开支会议费0\.15万元，用于召开株洲市域内融城干道建设情况会议，人数13人/ },
  { section: 'general-expense', ours: '开支培训费0.18万元，用于开展宣讲党的二十届三中全会精神培训活动，人数16人', published: /开支培训费0\.18万元，用于开展宣讲党的二十届三中全会精神培训活动，人数16人/ },
  { section: 'general-expense', ours: '本单位无举办节庆、晚会、论坛、赛事活动。', published: /本单位无举办节庆、晚会、论坛、赛事活动。/ },
  { section: 'procurement', ours: '政府采购支出总额105.19万元，其中：政府采购货物支出27.73万元、政府采购工程支出0.00万元、政府采购服务支出77.46万元', published: /政府采购支出总额105\.19万元，其中：政府采购货物支出27\.73万元、政府采购工程支出0万元、政府采购服务支出77\.46万元/ },
  { section: 'procurement', ours: '授予中小企业合同金额105.19万元，占政府采购支出总额的100.00%', published: /授予中小企业合同金额105\.19万元，占政府采购支出总额的100%/ },
  { section: 'procurement', ours: '授予小微企业合同金额85.10万元，占授予中小企业合同金额的80.90%', published: /授予小微企业合同金额85\.10万元，占授予中小企业合同金额的80\.90%/ },
  { section: 'assets', ours: '共有车辆2辆', published: /共有车辆2辆/ },
  { section: 'assets', ours: '应急保障用车2辆', published: /应急保障用车2辆/ },
  { section: 'performance', ours: '一般公共预算项目3个128.93万元，占一般公共预算支出总额的24.81%', published: /一般公共预算项目3个128\.93万元，占一般公共预算支出总额的24\.81%/ },
  { section: 'performance', ours: '整体支出全年预算数610.39万元，执行数519.63万元，完成预算的85.13%，绩效自评得分98.5分，评价等级为“优”', published: /整体支出全年预算数610\.39万元，执行数519\.63万元，完成预算的85\.13%，绩效自评得分98\.5分，评价等级为“优”/ },
];

test('every figure the published narrative states correctly is stated, in the right section', async () => {
  const { document } = await sample();
  const sections = document.parts[0].sections;
  for (const v of VERIFIED) {
    assert.match(published, v.published, `fixture check: the published text states ${v.published}`);
    assert.ok(sectionText(sections, v.section).includes(squash(v.ours)), `section ${v.section} should state “${v.ours}”:\n${sectionText(sections, v.section)}`);
  }
});

test('the 13 sections come in the seed (Hunan) order with its headings, then 名词解释', async () => {
  const { document, paragraphs } = await sample();
  assert.deepEqual(
    document.parts[0].sections.map((s) => s.heading),
    [
      '一、收入支出决算总体情况说明',
      '二、收入决算情况说明',
      '三、支出决算情况说明',
      '四、财政拨款收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '七、财政拨款“三公”经费支出决算情况说明',
      '八、政府性基金预算收入支出决算情况',
      '九、关于机关运行经费支出说明',
      '十、一般性支出情况说明',
      '十一、关于政府采购支出说明',
      '十二、关于国有资产占用情况说明',
      '十三、关于2024年度预算绩效情况的说明',
    ],
  );
  assert.equal(document.parts[1].heading, '第四部分 名词解释');
  assert.equal(paragraphs[0].text, '第三部分 部门决算情况说明');
  assert.ok(paragraphs.some((p) => p.kind === 'subheading' && p.text === '（三）一般公共预算财政拨款支出决算具体情况'));
  assert.equal(document.title, '株洲市长株潭一体化发展事务中心2024年度部门决算情况说明');
});

test('§5 items 5–6: full 类/款/项 labels from the code tree where the published text has wrong ones', async () => {
  const text = squash((await sample()).text);
  const right = [
    '1、一般公共服务支出（类）发展与改革事务（款）事业运行（项）。',
    '2、一般公共服务支出（类）发展与改革事务（款）其他发展与改革事务支出（项）。',
    '3、社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）。',
    '4、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。',
    '5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。',
    '6、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。',
    '7、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。',
    '8、卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）。',
    '9、卫生健康支出（类）行政事业单位医疗（款）其他行政事业单位医疗支出（项）。',
    '10、节能环保支出（类）环境保护管理事务（款）其他环境保护管理事务支出（项）。',
    '11、住房保障支出（类）住房改革支出（款）住房公积金（项）。',
  ];
  for (const label of right) assert.ok(text.includes(label), label);
  // The published labels put every item under 一般公共服务（类） with a 类 name as 款 (§5 #5) and drop a 务 (#6).
  assert.match(published, /一般公共服务（类）社会保障和就业支出（款）/);
  assert.match(published, /发展与改革事（款）/);
  assert.ok(!text.includes('一般公共服务（类）社会保障和就业支出（款）'));
  assert.ok(!text.includes('一般公共服务（类）卫生健康支出（款）'));
  assert.ok(!text.includes('发展与改革事（款）'));
});

test('§5 items 7 and 14: no rate on a zero budget (年初未安排预算), no “完成预算的0%” on 0/0', async () => {
  const { document } = await sample();
  const detail = document.parts[0].sections[4].subsections[2].paragraphs.map((p) => squash(p.text));
  for (const n of [2, 6, 10]) {
    const p = detail[n];
    assert.match(p, new RegExp(`^${n}、`));
    assert.match(p, /年初未安排预算，支出决算为/);
    assert.match(p, /决算数大于年初预算数的主要原因是：/);
    assert.doesNotMatch(p, /完成年初预算/);
  }
  assert.match(published, /年初预算为0万元，支出决算为56\.78万元，完成年初预算的100%/);
  const sangong = sectionText(document.parts[0].sections, 'sangong-detail');
  assert.ok(sangong.includes('公务用车购置费支出预算为0.00万元，支出决算为0.00万元；与上年相比持平。'));
  assert.doesNotMatch(sangong, /完成预算的0(\.00)?%/);
  assert.match(published, /完成预算的0%/);
  // The prior year had no 因公出国 spending: no “增长100%”.
  assert.ok(sangong.includes('与上年相比增加6.90万元，上年无此项支出。'));
  assert.doesNotMatch(squash((await sample()).text), /增长100(\.00)?%/);
});

test('§5 item 13: never “增加减少” — the sign decides the word', async () => {
  const text = squash((await sample()).text);
  assert.match(published, /增加减少0\.79万元/);
  assert.ok(!text.includes('增加减少'));
  assert.ok(!text.includes('减少增加'));
  assert.ok(text.includes('公务接待费支出预算为5.00万元，支出决算为0.56万元，完成预算的11.20%；与上年相比减少0.79万元，下降58.52%。'));
});

test('§5 item 15: every amount with 2 decimals and 万元, every share with 2 decimals; the list ends with 。', async () => {
  const structure = sectionText((await sample()).document.parts[0].sections, 'gpb-structure');
  assert.ok(structure.includes('社会保障和就业支出（类）47.30万元，占9.10%'));
  assert.ok(structure.includes('节能环保支出（类）7.20万元，占1.39%'));
  assert.ok(structure.endsWith('。'));
  assert.match(published, /47\.3万元，占9\.1%/);
  assert.match(published, /节能环保支出7\.20，占1\.39%/);
  const text = (await sample()).text;
  // No amount without 2 decimals before 万元, no percentage without 2 decimals.
  const amounts = [...text.matchAll(/(\d+(?:\.\d+)?)万元/g)].map((m) => m[1]).filter((a) => !['6.9'].includes(a));
  for (const a of amounts) assert.match(a, /^\d+\.\d{2}$|^100$/, a);
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)%/g)) assert.match(m[1], /^\d+\.\d{2}$/, m[0]);
});

test('with the full 说明数据 there is no placeholder and no missing-input warning; the checks report what the sample gets wrong', async () => {
  const { text, findings } = await sample();
  assert.doesNotMatch(text, /【请填写/);
  assert.deepEqual(findings.filter((f) => f.rule === 'narrative-missing-input'), []);
  const rules = findings.map((f) => `${f.severity} ${f.rule}`);
  // §5 #3: the narrative budget 19 vs the 09 table's 14.32.
  const conflict = findings.find((f) => f.rule === 'narrative-source-conflict');
  assert.ok(conflict, rules.join('\n'));
  assert.match(conflict.message, /19\.00 万元与公开09表预算数合计 14\.32 万元/);
  assert.ok(conflict.cells.includes('公开09表!A8'));
  // §5 #8: Σ item budgets 580.14 vs 580.13 — a rounding difference, info.
  const sum = findings.find((f) => f.rule === 'supplement-budget-sum');
  assert.equal(sum?.severity, 'info');
  assert.equal(sum?.expected, '580.14');
  // §5 #12: 团组 0 with 1 人次.
  assert.ok(findings.some((f) => f.rule === 'supplement-inconsistent' && /团组/.test(f.message)));
  // Reading the nine tables is not disturbed by the extra sheet.
  assert.deepEqual(findings.filter((f) => f.rule.startsWith('read-')), []);
});
