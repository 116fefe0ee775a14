import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import type { Amount, SubjectTable, Table09 } from '../../tables/model';
import { formatMoney } from '../../util/money';

const ADVICE_ABSENT = {
  '07': '无政府性基金预算财政拨款收支的，应保留表格格式，并在表下注明“说明：本单位没有政府性基金预算财政拨款收入和支出，故本表无数据。”',
  '08': '无国有资本经营预算财政拨款支出的，应保留表格格式，并在表下注明“说明：本单位没有使用国有资本经营预算安排的支出，故本表无数据。”',
  '09': '无“三公”经费预算和支出的，应保留表格格式（或填 0），并在表下注明“说明：本单位没有“三公”经费预算和支出，故本表无数据。”',
} as const;

type Code = keyof typeof ADVICE_ABSENT;

function subjectAmounts(table: SubjectTable): Amount[] {
  const rows = Array.isArray(table.rows) ? table.rows : [];
  return [
    ...(table.total ? Object.values(table.total.amounts ?? {}) : []),
    ...rows.flatMap((r) => Object.values(r.amounts ?? {})),
  ].filter((a): a is Amount => a !== undefined && a !== null);
}

function amountsOf(code: Code, ctxModel: { '07'?: SubjectTable; '08'?: SubjectTable; '09'?: Table09 }): Amount[] | undefined {
  if (code === '09') {
    const t = ctxModel['09'];
    if (!t) return undefined;
    return [...Object.values(t.budget ?? {}), ...Object.values(t.actual ?? {})].filter((a): a is Amount => !!a);
  }
  const t = ctxModel[code];
  return t ? subjectAmounts(t) : undefined;
}

/**
 * B17: a table with no data keeps its format and says so (“说明：……故本表无数据。”): 07 and 08 with no
 * non-zero amount, 09 with every amount blank. A statement under a table that does hold data contradicts it.
 */
export const tableEmptyStatementRule = defineRule({
  id: 'table-empty-statement',
  severity: 'warning',
  tables: [],
  title: '空表说明',
  message: '空表说明：{table}{problem}。{advice}',
  doc: '公开07、08表无数据（及09表全空）时，表下应有“说明：……本表无数据”；有此说明但表中有数据时提示说明与数据矛盾。',
  source: 'B17',
  check(ctx) {
    const model = ctx.model as { '07'?: SubjectTable; '08'?: SubjectTable; '09'?: Table09 };
    for (const code of ['07', '08', '09'] as const) {
      const meta = ctx.model[code]?.meta;
      const amounts = amountsOf(code, model);
      if (!meta || !amounts) continue;
      const nonZero = amounts.filter((a) => !a.blank && a.value && !a.value.isZero());
      const statement = meta.emptyStatement;
      if (statement && nonZero.length > 0) {
        const first = nonZero[0];
        ctx.report(
          {
            table: tableLabel(code),
            problem: `表下注明“${statement.text}”，但表中有数据（如 ${first.cell} 为 ${formatMoney(first.value)}）`,
            advice: '说明与表中数据矛盾：表中数据属实的，应删除该说明；确无此类收支的，应核对并清除误填的数据。',
          },
          [statement.cell, ...nonZero.slice(0, 20).map((a) => a.cell)],
          { table: code },
        );
        continue;
      }
      const empty = code === '09' ? amounts.every((a) => a.blank) : nonZero.length === 0;
      if (!statement && empty) {
        ctx.report(
          { table: tableLabel(code), problem: '没有数据，但表下未注明“说明：……本表无数据”', advice: ADVICE_ABSENT[code] },
          [meta.titleCell],
          { table: code },
        );
      }
    }
  },
});
