import { defineRule } from '../rule';
import type { TableCode } from '../../tables/codes';
import { byName, cellsOf, describeBest, describeWitnesses, departmentView } from './department-shared';

/**
 * The department's name without (some of) its 省/市/区/县 prefix: titles saying 上海市规划和自然资源局 where the
 * cover says 上海市普陀区规划和自然资源局. Dropping the division the body belongs to (普陀区) names another,
 * higher-level body — an error; dropping only an outer one (上海市 of 上海市普陀区…) still names this body,
 * just not by its full name — a warning. The file name is not judged (people shorten file names freely).
 */
export const departmentShortenedRule = defineRule({
  id: 'department-shortened',
  severity: 'error',
  tables: [],
  title: '部门名称缺少行政区划前缀',
  message: '{where}中的部门名称“{actual}”比{others}中的全称“{expected}”少了“{dropped}”{consequence}。同一套决算应使用同一部门全称，{advice}。',
  doc: '部门名称缺少全称中的省/市/区/县前缀（全称取自与其他写法相容的最完整写法，如封面的“上海市普陀区规划和自然资源局”，各表写成“上海市规划和自然资源局”）：缺少紧挨机构名的一级区划时报错——字面上成了另一个（上级）机关的名称；只缺更高一级（如“上海市”）时为警告。同一写法的所有位置合为一条；文件名不参与。',
  source: 'B16',
  check(ctx) {
    const view = departmentView(ctx);
    if (!view.name || !view.reference) return;
    const shortened = view.judged.filter((j) => j.verdict === 'shortened' && j.w.kind !== 'file');
    for (const members of byName(shortened)) {
      const witnesses = members.map((j) => j.w);
      const innermost = members[0].innermost === true;
      const dropped = (members[0].dropped ?? []).join('”“');
      ctx.report(
        {
          where: describeWitnesses(witnesses),
          actual: witnesses[0].name,
          others: describeBest(view),
          expected: view.name,
          dropped,
          consequence: innermost ? `，字面上是另一个（上级）机关的名称` : '（仍指本部门，但不是全称）',
          advice: innermost ? `请改为“${view.name}”` : `请统一写法（一般用全称“${view.name}”）`,
        },
        cellsOf(witnesses, view.reference),
        { table: witnesses.find((w) => w.table)?.table as TableCode | undefined },
        innermost ? 'error' : 'warning',
      );
    }
  },
});
