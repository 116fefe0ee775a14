import { defineRule } from '../rule';
import type { TableCode } from '../../tables/codes';
import { shortTables } from './shared';
import { byName, cellsOf, describeBest, describeWitnesses, departmentView } from './department-shared';

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

/**
 * B16: every table that prints a 部门 names the same one. The name taken as right is the workbook's
 * best-attested one (src/core/read/department.ts: most tables' name, or the fuller name a cover shows); a
 * table printing a placeholder or a shortened form is left to department-placeholder / department-shortened,
 * so one misunderstanding is one finding. Other places (cover, 目录, 说明) printing the same wrong name are
 * named in the same finding. A table whose reader took no 部门 is represented by its first title or 部门 line
 * that names one (a title “X局2024年度收入决算表” with only “单位：万元” below).
 */
export const headerDepartmentRule = defineRule({
  id: 'header-department',
  severity: 'error',
  tables: [],
  title: '各表部门名称一致',
  message: '{tables}的表头部门名称“{actual}”与{others}的“{expected}”不一致{hint}{also}。同一套决算各表应使用同一部门全称，请核对改正。',
  doc: '各表表头“部门：…”（或标题中）的部门名称必须一致（去除空格后比较）；以多数表的写法为准（封面等处有与之相容的更完整全称时以全称为准），写法不同的表报错，封面、目录、说明中的同一错误写法并入同一条。模板占位符和缺少省/市/区/县前缀的写法另有规则。',
  source: 'B16',
  check(ctx) {
    const view = departmentView(ctx);
    const tableLines = view.judged.filter((j) => j.meta);
    const wrong = tableLines.filter((j) => j.verdict === 'differs');
    if (wrong.length === 0) return;
    const agreeing = tableLines.filter((j) => j.verdict === 'same');
    const reference = agreeing[0]?.w ?? view.reference;
    if (!reference) return;
    const names = new Set(tableLines.filter((j) => j.verdict !== 'placeholder').map((j) => j.key));
    const list = shortTables(agreeing.map((j) => j.w.table as TableCode));
    const others = agreeing.length === 0 ? describeBest(view) : names.size === 2 ? `其他各表（${list}）` : list;
    for (const members of byName(wrong)) {
      const key = members[0].key;
      const also = view.judged.filter((j) => !j.meta && j.key === key && j.w.kind !== 'file').map((j) => j.w);
      // A wrong table's own banner or second line is named in the message, not as another cell: the finding
      // names one cell per table, whatever the layout (a banner, a prefixed title, a 部门 line).
      const groupTables = new Set(members.map((j) => j.w.table));
      const elsewhere = also.filter((w) => !w.table || !groupTables.has(w.table));
      const diff = differingPart(members[0].w.name, reference.name);
      ctx.report(
        {
          tables: shortTables(members.map((j) => j.w.table as TableCode)),
          actual: members[0].w.name,
          expected: reference.name,
          others,
          hint: diff ? `（“${diff[0]}”与“${diff[1]}”）` : '',
          also: also.length ? `；${describeWitnesses(also)}也写作“${members[0].w.name}”` : '',
        },
        [...members.map((j) => j.w.cell as string), ...cellsOf(elsewhere), reference.cell as string],
        { table: members[0].w.table },
      );
    }
  },
});
