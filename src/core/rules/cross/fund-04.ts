import { defineRule, type Rule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { Amount, Table04 } from '../../tables/model';
import { compareClasses, compareSides, defined, detailTotal, rowWhere, totalWhere } from './shared';

type Fund = 'gf' | 'soc';

const SPEC: Record<'07' | '08', { fund: Fund; name: string; id: string; title: string; source: string }> = {
  '07': { fund: 'gf', name: '政府性基金预算财政拨款', id: 'x04-07-gf', title: '财政拨款收入支出决算总表与政府性基金预算财政拨款收入支出决算表衔接', source: 'B06' },
  '08': { fund: 'soc', name: '国有资本经营预算财政拨款', id: 'x04-08-soc', title: '财政拨款收入支出决算总表与国有资本经营预算财政拨款支出决算表衔接', source: 'B07' },
};

/**
 * 04's 年末 balance of one fund: the 年末财政拨款结转和结余 line's fund column, or the fund's own sub-row
 * (labelled, or the unlabelled 行次 61–63 of the Hunan layout) — whichever holds a figure.
 */
export function closingOf(t04: Table04, fund: Fund): Amount | undefined {
  const sub = t04.expense[fund === 'gf' ? 'closingGf' : 'closingSoc'];
  const candidates = [t04.expense.closingBalance?.amounts[fund], sub?.amounts[fund], sub?.amounts.total].filter(defined);
  return candidates.find((a) => !a.blank) ?? candidates[0];
}

export function openingOf(t04: Table04, fund: Fund): Amount | undefined {
  return t04.income[fund === 'gf' ? 'openingGf' : 'openingSoc']?.amounts.amount;
}

/** B06/B07: 04's 政府性基金 / 国有资本经营 column against 07 / 08. */
export function fundRule(code: '07' | '08'): Rule {
  const spec = SPEC[code];
  const L04 = tableLabel('04');
  const LX = tableLabel(code);
  return defineRule({
    id: spec.id,
    severity: 'error',
    tables: ['04', code],
    title: spec.title,
    message: `${L04}{line}应等于${LX}{target}的“{column}” {expected}，实为 {actual}，差额 {difference}。`,
    doc: `公开04表${spec.name}栏：每一类级支出 = ${tableLabel(code)}同一类级科目本年支出合计，本年支出合计 = 其“合计”行；公开04表${spec.name}收入及年初、年末结转和结余 = 其“合计”行本年收入、年初、年末结转和结余（该表有这些栏时）。`,
    source: spec.source,
    check(ctx) {
      const t04 = ctx.model['04'];
      const tx = ctx.model[code];
      if (!t04 || !tx) return;
      const fund = spec.fund;
      const column = (key: string) => columnName(code, key);
      const expense = detailTotal(tx, 'total');
      compareSides(ctx, [t04.expense.totalExpense?.amounts[fund]], expense, {
        line: `支出方“本年支出合计”的“${spec.name}”`,
        target: totalWhere(expense),
        column: column('total'),
      });
      compareClasses(ctx, {
        summary: t04.classes,
        summaryColumn: fund,
        summaryTable: '04',
        detail: tx,
        detailColumn: 'total',
        detailTable: code,
        vars: (cls, name, missing, row) => ({
          line:
            missing === 'summary'
              ? `支出方未列“${name}”类级支出行（按 0 计），该类的“${spec.name}”`
              : `支出方“${name}”（类 ${cls}）的“${spec.name}”`,
          target: missing === 'detail' ? `“${cls} ${name}”类级科目（该表未列此科目，按 0 计）` : row ? rowWhere(row) : `“${cls} ${name}”`,
          column: column('total'),
        }),
      });
      const income = detailTotal(tx, 'income');
      compareSides(ctx, [t04.income[fund]?.amounts.amount], income, {
        line: `收入方“${spec.name}”`,
        target: totalWhere(income),
        column: column('income'),
      });
      const opening = detailTotal(tx, 'opening');
      compareSides(ctx, [openingOf(t04, fund)], opening, {
        line: `收入方“年初财政拨款结转和结余”中的${spec.name}`,
        target: totalWhere(opening),
        column: column('opening'),
      });
      const closing = detailTotal(tx, 'closing');
      compareSides(ctx, [closingOf(t04, fund)], closing, {
        line: `支出方“年末财政拨款结转和结余”中的${spec.name}`,
        target: totalWhere(closing),
        column: column('closing'),
      });
    },
  });
}
