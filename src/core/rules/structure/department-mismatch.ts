import { defineRule } from '../rule';
import type { TableCode } from '../../tables/codes';
import { differingPart } from './header-department';
import { byName, cellsOf, describeBest, describeWitnesses, departmentView } from './department-shared';

/**
 * B16 beyond the tables' own 部门 lines: the cover, the 目录, 说明 lines, titles the table reader did not take
 * the name from, other sheets — and the file name. One finding per distinct wrong name; a name that a table's
 * own 部门 line also prints is header-department's (it names these places too). The file name is a weak
 * witness: a difference only there is a hint, and it never decides which name is right.
 */
export const departmentMismatchRule = defineRule({
  id: 'department-mismatch',
  severity: 'error',
  tables: [],
  title: '封面、目录、说明中的部门名称与各表一致',
  message: '{where}中的部门名称“{actual}”与{others}中的“{expected}”不一致{hint}。{advice}',
  doc: '封面、目录、说明行、各表标题及其他工作表中的部门名称必须与各表一致（各表表头之间的比较见 header-department）；每个不同的写法一条，报错。仅文件名不同时为提示：文件名可自由命名，不作为判断依据。',
  source: 'B16',
  check(ctx) {
    const view = departmentView(ctx);
    if (!view.name) return;
    const onTableLines = new Set(view.judged.filter((j) => j.meta && j.verdict === 'differs').map((j) => j.key));
    const wrong = view.judged.filter((j) => j.verdict === 'differs' && !j.meta && !onTableLines.has(j.key));
    for (const members of byName(wrong)) {
      const witnesses = members.map((j) => j.w);
      const printed = witnesses.filter((w) => w.kind !== 'file');
      const diff = differingPart(witnesses[0].name, view.name);
      ctx.report(
        {
          where: describeWitnesses(witnesses),
          actual: witnesses[0].name,
          others: describeBest(view),
          expected: view.name,
          hint: diff ? `（“${diff[0]}”与“${diff[1]}”）` : '',
          advice: printed.length
            ? '同一套决算的封面、目录、各表和说明应使用同一部门全称，请核对改正。'
            : '文件名不影响公开内容，仅供核对；如文件名写错，可一并改正。',
        },
        cellsOf(printed, view.reference),
        { table: printed.find((w) => w.table)?.table as TableCode | undefined },
        printed.length ? 'error' : 'info',
      );
    }
  },
});
