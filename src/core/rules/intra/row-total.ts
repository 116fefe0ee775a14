import { defineRule, type Rule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { SubjectTable } from '../../tables/model';

/**
 * A06/A08/A12/A15/A16: across each row of a 科目 table (and its 合计 row), the total column equals the sum
 * of its part columns. 07/08 with carry-over columns also: 年末 = 年初 + 本年收入 − 本年支出.
 */
const PARTS: Record<'02' | '03' | '05' | '07' | '08', { total: string; parts: string[]; source: string }> = {
  '02': { total: 'total', parts: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'], source: 'A06' },
  '03': { total: 'total', parts: ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'], source: 'A08' },
  '05': { total: 'total', parts: ['basic', 'project'], source: 'A12' },
  '07': { total: 'total', parts: ['basic', 'project'], source: 'A15' },
  '08': { total: 'total', parts: ['basic', 'project'], source: 'A16' },
};

export function rowTotalRule(code: keyof typeof PARTS): Rule {
  const spec = PARTS[code];
  const partNames = spec.parts.map((p) => columnName(code, p)).join('、');
  return defineRule({
    id: `t${code}-row-total`,
    severity: 'error',
    tables: [code],
    title: `${tableLabel(code)}各行横向合计`,
    message: `${tableLabel(code)}{what}的“${columnName(code, spec.total)}”应等于${partNames}之和 {expected}，实为 {actual}，差额 {difference}。`,
    doc: `${tableLabel(code)}每一行：${columnName(code, spec.total)} = ${spec.parts.map((p) => columnName(code, p)).join(' + ')}。`,
    source: spec.source,
    check(ctx) {
      const table = ctx.model[code] as SubjectTable | undefined;
      if (!table || !table.columns[spec.total]) return;
      const parts = spec.parts.filter((p) => table.columns[p]);
      if (parts.length === 0) return;
      const lines = [
        ...(table.total ? [{ what: '“合计”行', amounts: table.total.amounts }] : []),
        ...table.rows.map((r) => ({ what: `第 ${r.row + 1} 行“${r.code} ${r.name}”`, amounts: r.amounts })),
      ];
      for (const line of lines) ctx.expectSum(line.amounts[spec.total], parts.map((p) => line.amounts[p]), { what: line.what });
    },
  });
}

/** A15 (second half): in 07 and the 6-column 08, each row's 年末 = 年初 + 本年收入 − 本年支出. */
export function carryOverRule(code: '07' | '08'): Rule {
  return defineRule({
    id: `t${code}-carry-over`,
    severity: 'error',
    tables: [code],
    title: `${tableLabel(code)}结转结余衔接`,
    message: `${tableLabel(code)}{what}的“年末结转和结余”应等于年初结转和结余 + 本年收入 − 本年支出 = {expected}，实为 {actual}，差额 {difference}。`,
    doc: `${tableLabel(code)}每一行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计（有结转栏时）。`,
    source: code === '07' ? 'A15' : 'A16',
    check(ctx) {
      const table = ctx.model[code] as SubjectTable | undefined;
      if (!table || !table.columns.closing || !table.columns.opening || !table.columns.income) return;
      const lines = [
        ...(table.total ? [{ what: '“合计”行', amounts: table.total.amounts }] : []),
        ...table.rows.map((r) => ({ what: `第 ${r.row + 1} 行“${r.code} ${r.name}”`, amounts: r.amounts })),
      ];
      for (const line of lines)
        ctx.expectSum(line.amounts.closing, [line.amounts.opening, line.amounts.income], { what: line.what }, { minus: [line.amounts.total] });
    },
  });
}
