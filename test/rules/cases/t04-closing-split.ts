import { defineCases } from '../rule-tester';

// Sample 公开04表: income C7–C9 (一般公共预算/政府性基金/国有资本经营), C33 本年收入合计, C34 年初, C35–C37 其中 by
// source, C38 总计; expense F 合计 | G 一般公共预算 | H 政府性基金 | I 国有资本经营, 类 rows 7–32, 33 本年支出合计,
// 34 年末, 35–37 年末 sub-rows by source (blank, unlabelled), 38 总计.
export const cases = defineCases('t04-closing-split', {
  invalid: [
    { name: 'a 年末 sub-row typed, 年末财政拨款结转和结余 left blank', base: 'seed', set: { '公开04表!F35': 2 } },
    {
      name: 'a sub-row printing 2.00 in 合计 and 3.00 in its own source column',
      base: 'seed',
      set: { '公开04表!F34': 2, '公开04表!G34': 2, '公开04表!F35': 2, '公开04表!G35': 3 },
      named: ['公开04表!G35'],
    },
  ],
  valid: [
    { name: '年末 2.00 of 一般公共预算, its sub-row 2.00 in 合计', base: 'seed', set: { '公开04表!F34': 2, '公开04表!G34': 2, '公开04表!F35': 2 } },
    { name: '… or in its own source column', base: 'seed', set: { '公开04表!F34': 2, '公开04表!G34': 2, '公开04表!G35': 2 } },
    {
      name: '… or in both',
      base: 'seed',
      set: { '公开04表!F34': 2, '公开04表!G34': 2, '公开04表!F35': 2, '公开04表!G35': 2 },
    },
  ],
});
