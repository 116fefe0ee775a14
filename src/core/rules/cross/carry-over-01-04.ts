import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES } from '../../tables/column-names';
import { sumAmount } from './shared';

const L01 = tableLabel('01');
const L04 = tableLabel('04');

/** B11: 01 年初/年末结转和结余 ≥ 04 年初/年末财政拨款结转和结余 (the fiscal balance is a part of all funds'). */
export const carryOver0104 = defineRule({
  id: 'x01-04-carry-over',
  severity: 'error',
  tables: ['01', '04'],
  title: '结转结余：全部资金不小于财政拨款',
  message: `${L01}“{line}”应不小于${L04}“{line04}”（财政拨款结转和结余是其中一部分），应为 {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开01表年初结转和结余 ≥ 公开04表年初财政拨款结转和结余；公开01表年末结转和结余 ≥ 公开04表年末财政拨款结转和结余。',
  source: 'B11',
  check(ctx) {
    const t01 = ctx.model['01'];
    const t04 = ctx.model['04'];
    if (!t01 || !t04) return;
    ctx.expectAtLeast(t01.income.openingBalance?.amounts.amount, t04.income.openingBalance?.amounts.amount, {
      line: LINE_NAMES['01'].openingBalance,
      line04: LINE_NAMES['04'].openingBalance,
    });
    const closing04 = t04.expense.closingBalance?.amounts;
    const fiscalClosing = closing04 ? (closing04.total ?? sumAmount([closing04.gpb, closing04.gf, closing04.soc])) : undefined;
    ctx.expectAtLeast(t01.expense.closingBalance?.amounts.amount, fiscalClosing, {
      line: LINE_NAMES['01'].closingBalance,
      line04: LINE_NAMES['04'].closingBalance,
    });
  },
});
