import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import { compareSides, detailTotal, totalWhere } from './shared';
import { fiscalIncomeKeys } from '../intra/statement';

const L01 = tableLabel('01');
const L02 = tableLabel('02');

/** 01 income lines that have a column of their own in 02. */
const OWN_COLUMNS = ['superior', 'business', 'operating', 'affiliated', 'other'] as const;

/** B01/B02: 01 收入方 against 02 合计 row. */
export const income0102 = defineRule({
  id: 'x01-02-income',
  severity: 'error',
  tables: ['01', '02'],
  title: '收入支出决算总表与收入决算表收入衔接',
  message: `${L01}{line}应等于${L02}{target}的“{column}” {expected}，实为 {actual}，差额 {difference}。`,
  doc: '公开01表本年收入合计、财政拨款收入（一般公共预算 + 政府性基金 + 国有资本经营）及上级补助、事业、经营、附属单位上缴、其他收入 = 公开02表“合计”行对应栏。',
  source: 'B01, B02',
  check(ctx) {
    const t01 = ctx.model['01'];
    const t02 = ctx.model['02'];
    if (!t01 || !t02) return;
    const line = (key: keyof typeof t01.income) => t01.income[key]?.amounts.amount;
    const total = detailTotal(t02, 'total');
    compareSides(ctx, [line('totalIncome')], total, {
      line: '“本年收入合计”',
      target: totalWhere(total),
      column: columnName('02', 'total'),
    });
    const fiscal = detailTotal(t02, 'fiscal');
    const keys = fiscalIncomeKeys(t01);
    compareSides(ctx, keys.map(line), fiscal, {
      line: keys.length === 1 ? `“${LINE_NAMES['01'].fiscal}”` : `“${LINE_NAMES['01'].gpb}”“${LINE_NAMES['01'].gf}”“${LINE_NAMES['01'].soc}”之和`,
      target: totalWhere(fiscal),
      column: columnName('02', 'fiscal'),
    });
    for (const key of OWN_COLUMNS) {
      const side = detailTotal(t02, key);
      compareSides(ctx, [line(key)], side, {
        line: `“${LINE_NAMES['01'][key]}”`,
        target: totalWhere(side),
        column: columnName('02', key),
      });
    }
  },
});
