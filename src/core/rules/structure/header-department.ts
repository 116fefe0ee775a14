import { defineRule } from '../rule';
import type { TableCode } from '../../tables/codes';
import { groupBy, majority, shortTables, tableMetas } from './shared';

interface Header {
  code: TableCode;
  name: string;
  key: string;
  cell: string;
}

/** Names compared as printed, but without whitespace (and full-width/half-width forms folded). */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** “株州”与“株洲”: the differing stretch of two names, with one character of context before it. */
export function differingPart(a: string, b: string): [string, string] | undefined {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const from = Math.max(0, p - 1);
  const x = a.slice(from, a.length - s);
  const y = b.slice(from, b.length - s);
  if (x === y || x.length > 10 || y.length > 10) return undefined;
  return [x, y];
}

/** B16: every table that prints a 部门 names the same one; the name most tables print is taken as right. */
export const headerDepartmentRule = defineRule({
  id: 'header-department',
  severity: 'error',
  tables: [],
  title: '各表部门名称一致',
  message: '{tables}的表头部门名称“{actual}”与{others}的“{expected}”不一致{hint}。同一套决算各表应使用同一部门全称，请核对改正。',
  doc: '各表表头“部门：…”的名称必须一致（去除空格后比较）；以多数表的写法为准，写法不同的表报错。',
  source: 'B16',
  check(ctx) {
    const headers: Header[] = [];
    for (const { code, meta } of tableMetas(ctx.model)) {
      const name = typeof meta.department?.name === 'string' ? meta.department.name.trim() : '';
      if (!name || !meta.department?.cell) continue;
      const key = nameKey(name);
      if (key) headers.push({ code, name, key, cell: meta.department.cell });
    }
    const groups = groupBy(headers, (h) => h.key);
    if (groups.size < 2) return;
    const expected = majority(headers, (h) => h.key);
    if (!expected) return;
    const reference = expected.members[0];
    const list = shortTables(expected.members.map((h) => h.code));
    const others = groups.size === 2 ? `其他各表（${list}）` : list;
    for (const [key, members] of groups) {
      if (key === expected.key) continue;
      const diff = differingPart(members[0].name, reference.name);
      ctx.report(
        {
          tables: shortTables(members.map((h) => h.code)),
          actual: members[0].name,
          expected: reference.name,
          others,
          hint: diff ? `（“${diff[0]}”与“${diff[1]}”）` : '',
        },
        [...members.map((h) => h.cell), reference.cell],
        { table: members[0].code },
      );
    }
  },
});
