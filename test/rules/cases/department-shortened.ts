import { defineCases } from '../rule-tester';

// The Shanghai workbook's banner (row 1 of every sheet) names the unit: 上海市浦江区绿化和市容管理局.
export const cases = defineCases('department-shortened', {
  invalid: [{ name: 'one banner without the district (浦江区): another, higher body', base: 'shanghai', set: { '公开03表!A1': '上海市绿化和市容管理局2024年度部门决算表' } }],
  valid: [{ name: 'the banner with the full name in full-width digits', base: 'shanghai', set: { '公开03表!A1': '上海市浦江区绿化和市容管理局２０２４年度部门决算表' } }],
});
