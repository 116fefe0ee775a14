import { defineCases } from '../rule-tester';

// The Shanghai workbook: the empty 国有资本经营 table (sheet 公开09表) says in A7 “说明：上海市浦江区绿化和市容管理局
// 本年度没有……故本表无数据。”, a witness of the unit's name beside the banners.
export const cases = defineCases('department-mismatch', {
  invalid: [
    {
      name: 'the 说明 line naming another body',
      base: 'shanghai',
      set: { '公开09表!A7': '说明：上海市浦江区市容环境管理局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。' },
    },
  ],
  valid: [
    {
      name: 'the 说明 line with the unit’s name and a space in it',
      base: 'shanghai',
      set: { '公开09表!A7': '说明：上海市浦江区 绿化和市容管理局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。' },
    },
  ],
});
