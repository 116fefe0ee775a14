import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { coded, itemsOf } from './economic';

const T = tableLabel('06');

/** A13: each 经济分类 类 (301, 302, 303, 307, 310, 399 …) = Σ its 款 (5-digit codes starting with it). */
export const t06ClassSumRule = defineRule({
  id: 't06-class-sum',
  severity: 'error',
  tables: ['06'],
  title: `${T}类级科目 = 所属各款之和`,
  message: `${T}“{code} {name}”应等于所属各款之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：每一经济分类类级科目（301、302、303、307、310、399 等）= 以其代码开头的各款级科目之和。`,
  source: 'A13',
  check(ctx) {
    const t = ctx.model['06'];
    if (!t) return;
    for (const item of coded(t)) {
      if (item.code.length !== 3) continue;
      const children = itemsOf(t, item.code);
      if (children.length === 0) continue;
      ctx.expectSum(item.amount, children.map((c) => c.amount), { code: item.code, name: item.name });
    }
  },
});
