import { defineCases } from '../rule-tester';

// The Shanghai workbook's banner (row 1 of every sheet) names the unit: 上海市浦江区绿化和市容管理局.
export const cases = defineCases('department-placeholder', {
  invalid: [{ name: 'one banner left as the template’s 上海市XX局', base: 'shanghai', set: { '公开03表!A1': '上海市XX局2024年度部门决算表' } }],
  valid: [{ name: 'the banner with the unit’s own name, spaced out', base: 'shanghai', set: { '公开03表!A1': '上海市浦江区 绿化和市容管理局 2024年度部门决算表' } }],
});
