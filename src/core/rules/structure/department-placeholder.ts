import { defineRule } from '../rule';
import type { TableCode } from '../../tables/codes';
import { byName, cellsOf, describeBest, describeWitnesses, departmentView } from './department-shared';

/**
 * A template's placeholder left where the department's name belongs (“上海市普陀区XX局2024年度部门决算表”):
 * the Shanghai template prints “上海市XX局”, and copies go out unchanged. Every cell printing the same
 * placeholder is one finding. A placeholder only in the file name is a hint: the file name is not published.
 */
export const departmentPlaceholderRule = defineRule({
  id: 'department-placeholder',
  severity: 'error',
  tables: [],
  title: '部门名称不是模板占位符',
  message: '{where}中的部门名称“{actual}”是模板占位符，没有替换为本部门的全称{expected}。{advice}',
  doc: '各表标题和表头、封面、目录、说明行中的部门名称不得是模板占位符（XX局、××局、ＸＸ局、某某局、***局、（单位名称）、XXX部门等）；同一占位符的所有位置合为一条，报错。仅文件名含占位符时为提示。',
  source: 'B16',
  check(ctx) {
    const view = departmentView(ctx);
    const expected = view.name ? `（本工作簿${describeBest(view)}写作“${view.name}”）` : '';
    for (const members of byName(view.judged.filter((j) => j.verdict === 'placeholder'))) {
      const witnesses = members.map((j) => j.w);
      const printed = witnesses.filter((w) => w.kind !== 'file');
      const vars = {
        where: describeWitnesses(witnesses),
        actual: witnesses[0].name,
        expected,
        advice: printed.length
          ? `请逐处改为本部门全称${view.name ? `“${view.name}”` : ''}。`
          : '文件名不影响公开内容，可一并改正。',
      };
      const table = printed.find((w) => w.table)?.table as TableCode | undefined;
      ctx.report(vars, cellsOf(printed, view.reference), { table }, printed.length ? 'error' : 'info');
    }
  },
});
