import { defineRule } from '../rule';
import type { SubjectRow } from '../../tables/model';
import { isKnownFunctionalName } from '../../subjects/functional';
import { reportYear } from '../../tables/report-year';
import { normalizeLabel } from '../../util/text';
import { groupBy, rowNo, subjectTables, type SubjectTableCode } from './shared';

/** “公开03表第 10 行”. */
function place(u: Use): string {
  return `公开${u.table}表${rowNo(u.row)}`;
}

interface Use {
  table: SubjectTableCode;
  row: SubjectRow;
  name: string;
  key: string;
  cell: string;
}

/**
 * The same 科目 code carries the same name in 02, 03, 05, 07 and 08. The reference spelling is the one that
 * matches the dictionary, else the one most tables use (ties: the first table).
 */
export const classNameConsistencyRule = defineRule({
  id: 'class-name-consistency',
  severity: 'warning',
  tables: [],
  title: '各表科目名称一致',
  message: '科目 {code} 在{where}的名称为“{actual}”，而在{referenceWhere}为“{expected}”；同一科目在各表中的名称应一致。',
  doc: '同一功能分类科目代码在公开02、03、05、07、08表中的科目名称应一致（忽略空格、全半角差异）；不一致时警告并指出两处单元格。',
  source: '§1.3',
  check(ctx) {
    const year = reportYear(ctx.model, ctx.facts);
    const uses = new Map<string, Use[]>();
    for (const { code: table, table: t } of subjectTables(ctx.model)) {
      for (const row of t.rows) {
        const name = typeof row.name === 'string' ? row.name.trim() : '';
        if (!row.code || !name || !row.nameCell) continue;
        const list = uses.get(row.code) ?? [];
        // One use per table: a duplicate row is subject-code-structure's business.
        if (list.some((u) => u.table === table)) continue;
        list.push({ table, row, name, key: normalizeLabel(name), cell: row.nameCell });
        uses.set(row.code, list);
      }
    }
    for (const [code, list] of uses) {
      const groups = groupBy(list, (u) => u.key);
      if (groups.size < 2) continue;
      const all = [...groups.values()];
      const reference =
        all.find((g) => isKnownFunctionalName(code, g[0].name, year) === 'exact') ??
        all.reduce((best, g) => (g.length > best.length ? g : best), all[0]);
      const ref = reference[0];
      for (const group of all) {
        if (group === reference) continue;
        ctx.report(
          {
            code,
            where: group.map(place).join('、'),
            actual: group[0].name,
            referenceWhere: reference.map(place).join('、'),
            expected: ref.name,
          },
          [...group.map((u) => u.cell), ref.cell],
          { table: group[0].table },
        );
      }
    }
  },
});
