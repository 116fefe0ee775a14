import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import type { Amount, Table06 } from '../../tables/model';
import { PERSONNEL_CLASSES, PUBLIC_CLASSES } from '../../subjects/economic';
import { compareSides, sideOf, type Side } from './shared';

const L05 = tableLabel('05');
const L06 = tableLabel('06');

/** Σ of 06 economic 类 (each 类 line, or its 款 lines when the 类 line is missing). */
function classesSum(t06: Table06, classes: readonly string[]): Amount[] {
  return classes.flatMap((cls) => {
    const line = t06.items.find((i) => i.level === '类' && i.code === cls);
    if (line) return [line.amount];
    return t06.items.filter((i) => i.level === '款' && i.code.startsWith(cls)).map((i) => i.amount);
  });
}

/** B10: 05 合计 基本支出 = 06 人员经费合计 + 公用经费合计. */
export const basic0506 = defineRule({
  id: 'x05-06-basic',
  severity: 'error',
  tables: ['05', '06'],
  title: '一般公共预算基本支出与基本支出明细表衔接',
  message: `${L05}“合计”行的“基本支出”应等于${L06}{parts} {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开05表“合计”行基本支出 = 公开06表人员经费合计 + 公用经费合计（06表未列合计时取 301+303 与 302+307+310+399 各类之和）。',
  source: 'B10',
  check(ctx) {
    const t05 = ctx.model['05'];
    const t06 = ctx.model['06'];
    if (!t05 || !t06) return;
    const personnel = t06.personnelTotal ? [t06.personnelTotal] : classesSum(t06, PERSONNEL_CLASSES);
    const publicFunds = t06.publicTotal ? [t06.publicTotal] : classesSum(t06, PUBLIC_CLASSES);
    const expected: Side = sideOf([...personnel, ...publicFunds]) ?? { value: new Decimal(0), involved: [] };
    const describe = (total: Amount | undefined, name: string, classes: readonly string[]) =>
      total ? `“${name}”` : `${name.replace('合计', '')}（${classes.join('、')} 各类之和）`;
    compareSides(ctx, [t05.total?.amounts.basic], expected, {
      parts: `${describe(t06.personnelTotal, '人员经费合计', PERSONNEL_CLASSES)}与${describe(t06.publicTotal, '公用经费合计', PUBLIC_CLASSES)}之和`,
    });
  },
});
