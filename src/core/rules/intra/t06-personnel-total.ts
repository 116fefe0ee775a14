import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { PERSONNEL_CODES, classAmounts, classCodes, classLabel } from './economic';

const T = tableLabel('06');

/** A14: 人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助. */
export const t06PersonnelTotalRule = defineRule({
  id: 't06-personnel-total',
  severity: 'error',
  tables: ['06'],
  title: `${T}人员经费合计`,
  message: `${T}“人员经费合计”应等于{parts}之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助。`,
  source: 'A14',
  check(ctx) {
    const t = ctx.model['06'];
    if (!t?.personnelTotal) return;
    const present = classCodes(t).filter((c) => (PERSONNEL_CODES as readonly string[]).includes(c));
    const codes = present.length > 0 ? present : [...PERSONNEL_CODES];
    ctx.expectSum(t.personnelTotal, present.flatMap((c) => classAmounts(t, c)), {
      parts: codes.map((c) => classLabel(t, c)).join('、'),
    });
  },
});
