import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { fiscalIncomeKeys } from '../intra/statement';
import { compareSides, sideOf } from './shared';

const L01 = tableLabel('01');
const L04 = tableLabel('04');

/** B02/B03: 01 财政拨款 income lines against 04 收入方. */
export const income0104 = defineRule({
  id: 'x01-04-income',
  severity: 'error',
  tables: ['01', '04'],
  title: '收入支出决算总表与财政拨款收入支出决算总表收入衔接',
  message: `${L01}{line}应等于${L04}收入方“{target}” {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开01表一般公共预算、政府性基金、国有资本经营预算财政拨款收入 = 公开04表收入方同名各行；三者之和 = 公开04表本年收入合计。',
  source: 'B02, B03',
  check(ctx) {
    const t01 = ctx.model['01'];
    const t04 = ctx.model['04'];
    if (!t01 || !t04) return;
    const in01 = (key: 'gpb' | 'gf' | 'soc' | 'fiscal') => t01.income[key]?.amounts.amount;
    const keys = fiscalIncomeKeys(t01);
    const in04 = (key: 'gpb' | 'gf' | 'soc' | 'totalIncome') => t04.income[key]?.amounts.amount;
    for (const key of ['gpb', 'gf', 'soc'] as const)
      if (keys.includes(key))
        compareSides(ctx, [in01(key)], sideOf([in04(key)]), { line: `“${LINE_NAMES['01'][key]}”`, target: LINE_NAMES['04'][key] });
    compareSides(ctx, keys.map(in01), sideOf([in04('totalIncome')]), {
      line: keys.length === 1 ? `“${LINE_NAMES['01'].fiscal}”` : `“${LINE_NAMES['01'].gpb}”“${LINE_NAMES['01'].gf}”“${LINE_NAMES['01'].soc}”之和`,
      target: LINE_NAMES['04'].totalIncome,
    });
  },
});
