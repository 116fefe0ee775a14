import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { PERSONNEL_CODES, classAmounts, classCodes, classLabel } from './economic';

const T = tableLabel('06');

/** A14: 公用经费合计 = every other 类 printed (302 + 307 + 310 + 399 in the Hunan table, 302 + 310 in Shanghai). */
export const t06PublicTotalRule = defineRule({
  id: 't06-public-total',
  severity: 'error',
  tables: ['06'],
  title: `${T}公用经费合计`,
  message: `${T}“公用经费合计”应等于{parts}之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：公用经费合计 = 301、303 以外各类级科目之和（湖南样式 302 + 307 + 310 + 399，上海样式 302 + 310）。`,
  source: 'A14',
  check(ctx) {
    const t = ctx.model['06'];
    if (!t?.publicTotal) return;
    const codes = classCodes(t).filter((c) => !(PERSONNEL_CODES as readonly string[]).includes(c));
    ctx.expectSum(t.publicTotal, codes.flatMap((c) => classAmounts(t, c)), {
      parts: codes.length > 0 ? codes.map((c) => classLabel(t, c)).join('、') : '302、307、310、399 等类级科目',
    });
  },
});
