import { defineRule } from '../rule';
import type { TableCode } from '../../tables/codes';
import { groupBy, majority, shortTables, tableMetas } from './shared';

interface Stated {
  code: TableCode;
  year: number;
  cell: string;
}

/**
 * B16: the years the tables state (in the title or the banner above it) agree. The model keeps the year, not
 * the cell it was read from, so a finding points at the table titles.
 */
export const headerYearRule = defineRule({
  id: 'header-year',
  severity: 'error',
  tables: [],
  title: '各表年度一致',
  message: '{tables}标明的年度为 {actual} 年，与{others}的 {expected} 年不一致。同一套决算各表应为同一年度，请核对标题。',
  doc: '各表标题（或标题上方横幅）写明的年度必须一致；以多数表的年度为准，年度不同的表报错。未写年度的表不参与比较。',
  source: 'B16',
  check(ctx) {
    const stated: Stated[] = [];
    for (const { code, meta } of tableMetas(ctx.model)) {
      if (typeof meta.year !== 'number' || !Number.isFinite(meta.year)) continue;
      stated.push({ code, year: meta.year, cell: meta.titleCell });
    }
    const groups = groupBy(stated, (s) => String(s.year));
    if (groups.size < 2) return;
    const expected = majority(stated, (s) => String(s.year));
    if (!expected) return;
    const reference = expected.members[0];
    const list = shortTables(expected.members.map((s) => s.code));
    const others = groups.size === 2 ? `其他各表（${list}）` : list;
    for (const [key, members] of groups) {
      if (key === expected.key) continue;
      ctx.report(
        { tables: shortTables(members.map((s) => s.code)), actual: members[0].year, expected: reference.year, others },
        [...members.map((s) => s.cell), reference.cell],
        { table: members[0].code },
      );
    }
  },
});
