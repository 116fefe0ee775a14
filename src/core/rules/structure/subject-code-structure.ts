import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import type { SubjectRow } from '../../tables/model';
import { functionalName } from '../../subjects/functional';
import { reportYear } from '../../tables/report-year';
import { codeCellsOf, rowNo, subjectTables } from './shared';

const LEVEL_NAME = { 3: '类级', 5: '款级', 7: '项级' } as Record<number, string>;

function subject(row: SubjectRow): string {
  return `科目 ${row.code}${row.name ? `“${row.name}”` : ''}`;
}

function named(code: string, year: number | undefined): string {
  const name = functionalName(code, year);
  return `${code}${name ? `“${name}”` : ''}`;
}

/**
 * domain.md §1.3: 类 = 3 digits, 款 = 类 + 2, 项 = 款 + 2, listed 类 → 款 → 项. In 02/03/05/07/08 every 款 has
 * its 类 above it, every 项 its 款; a row sits inside its parent's block; a code appears once. Siblings out of
 * code order are only a warning (the sums still check).
 */
export const subjectCodeStructureRule = defineRule({
  id: 'subject-code-structure',
  severity: 'error',
  tables: [],
  title: '科目代码层级与排列',
  message: '{table}{where}的{subject}{problem}。',
  doc: '公开02、03、05、07、08表：款的类、项的款须列在其上方且紧随所属上级（不得列入其他类/款的区块），科目代码不得重复；同级科目未按代码顺序排列为警告。',
  source: '§1.3',
  check(ctx) {
    const year = reportYear(ctx.model, ctx.facts);
    for (const { code: t, table } of subjectTables(ctx.model)) {
      const rows = table.rows.filter((r) => typeof r.code === 'string' && /^\d{3}(\d{2}){0,2}$/.test(r.code));
      const inTable = new Set(rows.map((r) => r.code));
      const seen = new Map<string, SubjectRow>();
      const lastChild = new Map<string, SubjectRow>();
      const orphans = new Map<string, SubjectRow[]>();
      let currentClass: SubjectRow | undefined;
      let currentSection: SubjectRow | undefined;
      const report = (row: SubjectRow, problem: string, cells: string[], severity?: 'warning') =>
        ctx.report({ table: tableLabel(t), where: rowNo(row), subject: subject(row), problem }, cells, { table: t }, severity);

      for (const row of rows) {
        const code = row.code;
        const first = seen.get(code);
        if (first) {
          report(row, `重复出现（与${rowNo(first)}相同）；同一科目只能列示一行`, [...codeCellsOf(row), ...codeCellsOf(first)]);
          if (code.length === 3) (currentClass = row), (currentSection = undefined);
          else if (code.length === 5) currentSection = row;
          continue;
        }
        seen.set(code, row);
        const parent = code.length > 3 ? code.slice(0, code.length - 2) : '';
        let placed = true;
        if (parent) {
          const parentRow = seen.get(parent);
          const block = code.length === 5 ? currentClass : currentSection;
          if (!parentRow) {
            placed = false;
            if (inTable.has(parent)) {
              const below = rows.find((r) => r.code === parent)!;
              report(row, `列在所属${LEVEL_NAME[parent.length]}科目 ${named(parent, year)}（${rowNo(below)}）之前；上级科目应列在其下级科目上方`, [
                ...codeCellsOf(row),
                ...codeCellsOf(below),
              ]);
            } else {
              const list = orphans.get(parent);
              if (list) list.push(row);
              else orphans.set(parent, [row]);
            }
          } else if (block?.code !== parent) {
            placed = false;
            const host = block ?? currentClass;
            report(
              row,
              `列在${host ? `${LEVEL_NAME[host.code.length]}科目 ${host.code}${host.name ? `“${host.name}”` : ''}（${rowNo(host)}）的区块内` : '其他科目的区块内'}，但其所属${LEVEL_NAME[parent.length]}科目 ${named(parent, year)}在${rowNo(parentRow)}；下级科目应紧随所属上级科目列示`,
              [...codeCellsOf(row), ...codeCellsOf(parentRow)],
            );
          }
        }
        if (placed) {
          const previous = lastChild.get(parent);
          if (previous && previous.code > code)
            report(row, `排在同级科目 ${previous.code}（${rowNo(previous)}）之后，未按科目代码顺序排列`, [...codeCellsOf(row), ...codeCellsOf(previous)], 'warning');
          if (!previous || previous.code < code) lastChild.set(parent, row);
        }
        if (code.length === 3) (currentClass = row), (currentSection = undefined);
        else if (code.length === 5) currentSection = row;
      }

      for (const [parent, children] of orphans) {
        const level = LEVEL_NAME[children[0].code.length];
        ctx.report(
          {
            table: tableLabel(t),
            where: `第 ${children.map((r) => r.row + 1).join('、')} 行`,
            subject: children.length > 1 ? `${level}科目 ${children.map((r) => r.code).join('、')} ` : `${level}${subject(children[0])}`,
            problem: `缺少所属${LEVEL_NAME[parent.length]}科目 ${named(parent, year)}：表中未列出该科目，请补列上级科目行（其金额应为下级之和）或改正科目代码`,
          },
          children.flatMap(codeCellsOf),
          { table: t },
        );
      }
    }
  },
});
