import { defineRule } from '../rule';
import { functionalEditionYear, functionalName, isKnownFunctionalName, neighbourEditionOf } from '../../subjects/functional';
import type { SubjectRow } from '../../tables/model';
import { reportYear } from '../../tables/report-year';
import { reportNameIssues, type NameIssue } from './name-findings';
import { codeCellsOf, rowNo, subjectTables, tableMetas } from './shared';

/**
 * domain.md §1.3: the printed 科目名称 matches the name of its code in the classification of the report's year
 * (names change between editions; the lists are not complete). How far off a name is decides the severity; a
 * flood of differences in one table means a wrong edition or a misread column, so it is one finding.
 */
export const subjectNameRule = defineRule({
  id: 'subject-name',
  severity: 'warning',
  tables: [],
  title: '功能分类科目名称',
  message: '{table}{where}科目{subject}{problem}。',
  doc:
    '公开02、03、05、07、08表的科目名称按报表年度（各表标明的年度，以多数为准）的支出功能分类科目表核对（收录 2019—2026 年各版，' +
    '年度超出时用最近一版并提示一次）：与本年科目表一致不提示；旧称或上一年、下一年科目表中的名称为提示；名称不符为警告，' +
    '一张表超过 5 处不符合并为一条警告；代码不在本年科目表中的，每张表合并为一条警告。',
  source: '§1.3',
  check(ctx) {
    const year = reportYear(ctx.model, ctx.facts);
    const edition = functionalEditionYear(year);
    const tables = subjectTables(ctx.model);
    const first = tableMetas(ctx.model)[0];
    if (year !== undefined && year !== edition && first && tables.length > 0)
      ctx.report(
        { table: '', where: '', subject: `名称按 ${edition} 年科目表核对`, problem: `：各表标明的年度为 ${year} 年，科目表只收录 2019—2026 年各版，按最近的一版核对` },
        [first.meta.titleCell],
        { table: first.code },
        'info',
      );
    for (const { code: t, table } of tables) {
      const issues = table.rows.map((row) => issueOf(row, year)).filter((i): i is NameIssue => i !== undefined);
      reportNameIssues(ctx, t, issues, { edition, list: '功能分类科目表' });
    }
  },
});

function issueOf(row: SubjectRow, year: number | undefined): NameIssue | undefined {
  if (typeof row.code !== 'string' || !row.code) return undefined;
  const name = typeof row.name === 'string' ? row.name.trim() : '';
  const check = isKnownFunctionalName(row.code, name, year);
  if (check === 'exact') return undefined;
  const official = functionalName(row.code, year);
  const base = { where: rowNo(row), code: row.code, name, official, nameCell: row.nameCell, codeCells: codeCellsOf(row) };
  if (check === 'alias') {
    const neighbour = neighbourEditionOf(row.code, name, year);
    if (neighbour !== undefined) return { ...base, kind: 'neighbour', neighbour };
    if (official !== undefined) return { ...base, kind: 'old' };
  }
  return { ...base, kind: check === 'mismatch' ? 'mismatch' : 'unknown' };
}
