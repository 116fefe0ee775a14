import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import type { ReviewFinding } from '../../src/core/review';
import { sampleWithSupplement, seedSnapshot } from '../narrative/support';
import { describe, errors, generatedText, review, squash, tables } from './support';

/**
 * A narrative this product writes for the sample has no error when reviewed against the same workbook; one
 * deliberate change to it (an amount, a share, a direction word, a label…) gives exactly the one finding
 * expected, and nothing else changes.
 */

test('the generated narrative (Hunan and Shanghai, with the 说明数据) yields no error', async () => {
  const snapshot = await sampleWithSupplement();
  for (const format of ['hunan', 'shanghai'] as const) {
    const findings = await review(narrateSnapshot(snapshot, { format }).text);
    assert.deepEqual(errors(findings), [], `${format}:\n${describe(errors(findings))}`);
    // The sample's own inconsistencies (09 budget copied from its actuals, 团组 0 with 1 人次 in the 说明数据) are
    // the tables' and the 说明数据's: notes that point at them, no warning on a text that follows its sources.
    assert.deepEqual(findings.filter((x) => x.severity === 'warning'), [], `${format}:\n${describe(findings)}`);
  }
});

test('the generated narrative without 说明数据 (placeholders) yields no error or warning, only the note on its 【请填写】 marks', async () => {
  const snapshot = await seedSnapshot();
  for (const format of ['hunan', 'shanghai'] as const) {
    const findings = await review(narrateSnapshot(snapshot, { format }).text, tables());
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['review-template', 'info']], `${format}:\n${describe(findings)}`);
    assert.match(findings[0].message, /处“【请填写：…】”待填写/);
  }
});

const key = (f: ReviewFinding) => `${f.rule}|${f.severity}|${squash(f.quote)}|${f.paragraph}`;

/** Findings of the mutated text that the original does not have, and the reverse. */
async function delta(mutate: (text: string) => string): Promise<{ added: ReviewFinding[]; removed: ReviewFinding[]; text: string }> {
  const original = await generatedText();
  const text = mutate(original);
  assert.notEqual(text, original, 'the mutation must change the text');
  const before = await review(original);
  const after = await review(text);
  const count = (list: ReviewFinding[]) => {
    const m = new Map<string, number>();
    for (const f of list) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
    return m;
  };
  const b = count(before);
  const added = after.filter((f) => {
    const n = b.get(key(f)) ?? 0;
    if (n > 0) {
      b.set(key(f), n - 1);
      return false;
    }
    return true;
  });
  const a = count(after);
  const removed = before.filter((f) => {
    const n = a.get(key(f)) ?? 0;
    if (n > 0) {
      a.set(key(f), n - 1);
      return false;
    }
    return true;
  });
  return { added, removed, text };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `the generated text contains “${from}”`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

interface Mutation {
  name: string;
  from: string;
  to: string;
  rule: string;
  severity: ReviewFinding['severity'];
  quote: RegExp;
  expected?: string;
  cells?: string[];
}

const MUTATIONS: Mutation[] = [
  { name: 'an amount (五（二） 卫生健康支出 31.49 → 31.94)', from: '卫生健康支出（类）31.49万元', to: '卫生健康支出（类）31.94万元', rule: 'review-amount', severity: 'error', quote: /31\.94万元$/, expected: '31.49' },
  { name: 'a share (一般公共服务支出 79.03% → 79.30%)', from: '占79.03%', to: '占79.30%', rule: 'review-share', severity: 'error', quote: /^占79\.30%$/, expected: '79.03%' },
  { name: 'a direction word (一 减少 → 增加)', from: '与上年相比，减少6.73万元', to: '与上年相比，增加6.73万元', rule: 'review-direction', severity: 'error', quote: /^增加6\.73万元$/, expected: '减少' },
  {
    name: 'a label (6 行政单位医疗 under the wrong 类)',
    from: '6、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）',
    to: '6、社会保障和就业支出（类）行政事业单位医疗（款）行政单位医疗（项）',
    rule: 'review-subject-label',
    severity: 'error',
    quote: /^社会保障和就业支出（类）行政事业单位医疗（款）行政单位医疗（项）$/,
    expected: '卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）',
  },
  {
    name: 'a missing character in a 款 name',
    from: '7、卫生健康支出（类）行政事业单位医疗（款）',
    to: '7、卫生健康支出（类）行政事业单位医（款）',
    rule: 'review-subject-label',
    severity: 'error',
    quote: /行政事业单位医（款）事业单位医疗（项）$/,
    expected: '卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）',
  },
  { name: 'a completion rate (74.28 → 74.82)', from: '完成年初预算的74.28%', to: '完成年初预算的74.82%', rule: 'review-rate', severity: 'error', quote: /^完成年初预算的74\.82%$/, expected: '74.28%' },
  { name: 'a change rate (1.28 → 1.82)', from: '减少6.73万元，下降1.28%', to: '减少6.73万元，下降1.82%', rule: 'review-rate', severity: 'error', quote: /^下降1\.82%$/, expected: '1.28%' },
  {
    name: 'a rate over a zero budget (“年初未安排预算” → “年初预算为0.00万元 … 完成年初预算的100.00%”)',
    from: '年初未安排预算，支出决算为56.78万元。',
    to: '年初预算为0.00万元，支出决算为56.78万元，完成年初预算的100.00%。',
    rule: 'review-zero-denominator',
    severity: 'warning',
    quote: /^完成年初预算的100\.00%$/,
  },
  { name: '“增加减少”', from: '减少0.79万元，下降58.52%', to: '增加减少0.79万元，下降58.52%', rule: 'review-direction', severity: 'error', quote: /^增加减少0\.79万元$/, expected: '减少' },
  { name: 'a comparison word (小于 → 大于)', from: '决算数小于年初预算数的主要原因是：厉行节约精神', to: '决算数大于年初预算数的主要原因是：厉行节约精神', rule: 'review-direction', severity: 'error', quote: /^决算数大于年初预算数$/, expected: '小于' },
  { name: 'a count (来宾 27 → 28 人次)', from: '来宾27人次', to: '来宾28人次', rule: 'review-count', severity: 'error', quote: /来宾28人次$/, expected: '27' },
  { name: 'a 会议费 amount (06表 30215)', from: '开支会议费0.15万元', to: '开支会议费0.51万元', rule: 'review-amount', severity: 'error', quote: /会议费0\.51万元$/, expected: '0.15', cells: ['公开06表!'] },
  { name: 'the 总计 of 一 (01表)', from: '2024年度收、支总计519.63万元', to: '2024年度收、支总计591.63万元', rule: 'review-amount', severity: 'error', quote: /收、支总计591\.63万元$/, expected: '519.63', cells: ['公开01表!'] },
  { name: 'a 三公 budget (说明数据 and 09表 both disagree)', from: '公务用车购置费支出预算为0.00万元', to: '公务用车购置费支出预算为1.00万元', rule: 'review-amount', severity: 'error', quote: /公务用车购置费支出预算为1\.00万元$/, expected: '0.00' },
  { name: 'an amount without 万元', from: '节能环保支出（类）7.20万元', to: '节能环保支出（类）7.20', rule: 'review-format', severity: 'warning', quote: /^7\.20$/ },
];

for (const m of MUTATIONS) {
  test(`one change, one finding: ${m.name}`, async () => {
    const { added, removed } = await delta((t) => replaceOnce(t, m.from, m.to));
    assert.deepEqual(removed, [], `findings that went away:\n${describe(removed)}`);
    assert.equal(added.length, 1, `expected exactly one new finding, got:\n${describe(added)}`);
    const [f] = added;
    assert.equal(f.rule, m.rule, describe(added));
    assert.equal(f.severity, m.severity, describe(added));
    assert.match(squash(f.quote), m.quote);
    if (m.expected !== undefined) assert.equal(f.expected, m.expected, describe(added));
    for (const c of m.cells ?? []) assert.ok(f.cells.some((x) => x.startsWith(c)), `cells ${f.cells.join()} name ${c}`);
  });
}

test('a section left out: 三公 (error) and 机关运行经费 (warning)', async () => {
  const original = await generatedText();
  const cut = (text: string, heading: string, next: string) => text.slice(0, text.indexOf(heading)) + text.slice(text.indexOf(next));
  const noSangong = cut(original, '七、财政拨款“三公”经费', '八、政府性基金');
  const findings = await review(noSangong);
  const missing = findings.filter((f) => f.rule === 'review-missing-section');
  assert.equal(missing.length, 1, describe(findings));
  assert.equal(missing[0].severity, 'error');
  assert.match(missing[0].message, /三公/);
  const noOpCost = await review(cut(original, '九、关于机关运行经费', '十、一般性支出'));
  const m2 = noOpCost.filter((f) => f.rule === 'review-missing-section');
  assert.equal(m2.length, 1);
  assert.equal(m2[0].severity, 'warning');
});

test('a 项 left out of 五（三） and a 类 left out of 五（二）: review-missing-item', async () => {
  const original = await generatedText();
  const lines = original.split('\n');
  const withoutItem = lines.filter((l) => !l.startsWith('8、卫生健康支出（类）')).join('\n');
  const f1 = (await review(withoutItem)).filter((f) => f.rule === 'review-missing-item');
  assert.equal(f1.length, 1, describe(f1));
  assert.match(f1[0].message, /2101103/);
  const withoutClass = replaceOnce(original, '；住房保障支出（类）22.99万元，占4.42%', '');
  const f2 = (await review(withoutClass)).filter((f) => f.rule === 'review-missing-item');
  assert.equal(f2.length, 1, describe(f2));
  assert.match(f2[0].message, /住房保障支出/);
});
