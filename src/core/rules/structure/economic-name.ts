import { defineRule } from '../rule';
import { economicEditionYear, economicName, economicNeighbourEditionOf, isKnownEconomicName } from '../../subjects/economic';
import type { Table06 } from '../../tables/model';
import { reportYear } from '../../tables/report-year';
import { reportNameIssues, type NameIssue } from './name-findings';

/** 06: the 经济分类 names beside their codes (部门预算支出经济分类 类/款 of the report's year). */
export const economicNameRule = defineRule({
  id: 'economic-name',
  severity: 'warning',
  tables: ['06'],
  title: '经济分类科目名称',
  message: '{table}{where}科目{subject}{problem}。',
  doc:
    '公开06表的经济分类科目名称按报表年度的部门预算支出经济分类科目表核对：上一年、下一年科目表中的名称为提示；名称不符为警告，' +
    '超过 5 处不符合并为一条警告；代码不在本年科目表中的合并为一条警告。',
  source: '§1.2',
  check(ctx) {
    const table = ctx.model['06'] as Table06 | undefined;
    if (!table || !Array.isArray(table.items)) return;
    const year = reportYear(ctx.model, ctx.facts);
    const issues: NameIssue[] = [];
    for (const item of table.items) {
      if (typeof item.code !== 'string' || !item.code) continue;
      const name = typeof item.name === 'string' ? item.name.trim() : '';
      const check = isKnownEconomicName(item.code, name, year);
      if (check === 'exact') continue;
      const base = { where: '', code: item.code, name, official: economicName(item.code, year), nameCell: item.nameCell, codeCells: item.codeCell ? [item.codeCell] : [] };
      const neighbour = check === 'alias' ? economicNeighbourEditionOf(item.code, name, year) : undefined;
      if (neighbour !== undefined) issues.push({ ...base, kind: 'neighbour', neighbour });
      else issues.push({ ...base, kind: check === 'mismatch' ? 'mismatch' : 'unknown' });
    }
    reportNameIssues(ctx, '06', issues, { edition: economicEditionYear(year), list: '部门预算支出经济分类科目表' });
  },
});
