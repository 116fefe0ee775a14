import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { reviewNarrative, ReviewFindingSchema } from '../../src/core/review';
import { NarrativeText } from '../../src/core/review/text';
import { describe, excerpt, PUBLISHED, sample, squash, tables } from './support';

const RUNS = { numRuns: 80, seed: 20250107 };

const PIECES = ['', '\n', ' ', '0', '1', '.', '5', '9', '万元', '元', '%', '，', '；', '。', '占', '增加', '减少', '下降', '持平', '（类）', '（款）', '（项）', '【请填写：x】', '、', '十一、', '（二）', '1、', '第四部分', '年初预算为', '完成预算的', '团组', '个', '人次', ',', '（', '）'];

test('any edit of the published narrative: no throw, every finding well formed, every quote at its position', async () => {
  const { model, supplement } = await sample();
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(PUBLISHED.length), fc.nat(6), fc.constantFrom(...PIECES)), { maxLength: 12 }), (edits) => {
      let text = PUBLISHED;
      for (const [at, cut, piece] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + piece + text.slice(i + cut);
      }
      const findings = reviewNarrative(text, model, supplement);
      const nt = new NarrativeText(text);
      for (const f of findings) {
        ReviewFindingSchema.parse(f);
        const start = nt.absolute({ paragraph: f.paragraph, offset: f.offset });
        assert.equal(text.slice(start, start + f.quote.length), f.quote);
      }
    }),
    RUNS,
  );
});

test('arbitrary text and an empty text give no error and do not throw; an empty text is not passed', async () => {
  const { model } = await tables();
  assert.deepEqual(reviewNarrative('', model).map((f) => [f.rule, f.severity]), [['review-nothing-checked', 'warning']]);
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      for (const f of reviewNarrative(text, model)) ReviewFindingSchema.parse(f);
    }),
    RUNS,
  );
});

test('figures inside a reason or a use are not claims; “万” reads as 万元 (with a format note); 增幅 is a direction', async () => {
  const reason = '一、收入支出决算总体情况说明\n2024年度收、支总计519.63万元。与上年相比，减少6.73万元，降低1.28%，主要是因为人员减少，工资支出减少10.00万元。';
  assert.deepEqual(await excerpt(reason), [], describe(await excerpt(reason)));
  const wan = await excerpt('一、收入支出决算总体情况说明\n2024年度收、支总计519.63万。');
  assert.deepEqual(wan.map((f) => [f.rule, f.severity, squash(f.quote)]), [['review-format', 'info', '519.63万']]);
  const rise = await excerpt('一、收入支出决算总体情况说明\n2024年度收、支总计519.63万元，比上年减少6.73万元，增幅1.28%。');
  assert.deepEqual(rise.map((f) => [f.rule, squash(f.quote)]), [['review-direction', '增幅1.28%']], describe(rise));
});
