import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import type { SubjectRow, SubjectTable } from '../../tables/model';
import { fundingKindOf } from '../../subjects/functional';
import { reportYear } from '../../tables/report-year';
import { codeCellsOf, rowNo } from './shared';

const KIND_NAME = { gf: '政府性基金预算', soc: '国有资本经营预算' } as const;

/**
 * B15: 05 lists 一般公共预算 spending only; a 政府性基金 or 国有资本经营 科目 there belongs in 07/08. A flagged
 * 款 and its flagged 项 make one finding (the 项 cells follow the 款's).
 */
export const gpbFundSubjectsRule = defineRule({
  id: 'gpb-fund-subjects',
  severity: 'error',
  tables: ['05'],
  title: '一般公共预算表不得列基金科目',
  message: '{table}{where}科目 {code}{name}属于{kind}支出科目，不应列入一般公共预算财政拨款支出决算表；{advice}。',
  doc: '公开05表只列一般公共预算科目；出现政府性基金预算或国有资本经营预算科目（如 21208、223 类）时报错。',
  source: 'B15',
  check(ctx) {
    const table = ctx.model['05'] as SubjectTable | undefined;
    if (!table || !Array.isArray(table.rows)) return;
    const year = reportYear(ctx.model, ctx.facts);
    const flagged: Array<{ row: SubjectRow; kind: 'gf' | 'soc'; cells: string[] }> = [];
    for (const row of table.rows) {
      if (typeof row.code !== 'string') continue;
      const kind = fundingKindOf(row.code, year);
      if (kind !== 'gf' && kind !== 'soc') continue;
      const ancestor = flagged.find((f) => f.kind === kind && row.code.startsWith(f.row.code));
      if (ancestor) ancestor.cells.push(...codeCellsOf(row));
      else flagged.push({ row, kind, cells: codeCellsOf(row) });
    }
    for (const { row, kind, cells } of flagged) {
      ctx.report(
        {
          table: tableLabel('05'),
          where: rowNo(row),
          code: row.code,
          name: row.name ? `“${row.name}”` : '',
          kind: KIND_NAME[kind],
          advice: kind === 'gf' ? '政府性基金支出应列入公开07表（政府性基金预算财政拨款收入支出决算表）' : '国有资本经营预算支出应列入公开08表（国有资本经营预算财政拨款支出决算表）',
        },
        cells,
        { table: '05' },
      );
    }
  },
});
