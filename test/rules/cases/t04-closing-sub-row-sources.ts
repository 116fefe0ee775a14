import { defineCases } from '../rule-tester';

// Sample 公开04表: income C7–C9 (一般公共预算/政府性基金/国有资本经营), C33 本年收入合计, C34 年初, C35–C37 其中 by
// source, C38 总计; expense F 合计 | G 一般公共预算 | H 政府性基金 | I 国有资本经营, 类 rows 7–32, 33 本年支出合计,
// 34 年末, 35–37 年末 sub-rows by source (blank, unlabelled), 38 总计.
export const cases = defineCases('t04-closing-sub-row-sources', {
  invalid: [
    { name: '政府性基金 column of the 一般公共预算 sub-row typed', base: 'seed', set: { '公开04表!H35': 1 } },
    { name: '一般公共预算 column of the 国有资本经营 sub-row typed', base: 'seed', set: { '公开04表!G37': 1 } },
    { name: 'Shanghai layout: the rows below 年末 are positioned as sub-rows too', base: 'shanghai', set: { '公开04表!G33': 1 } },
  ],
  valid: [
    {
      name: '年末 2.00 of 一般公共预算 in its sub-row (合计 and own column), zeros printed in the other columns',
      base: 'seed',
      set: { '公开04表!F34': 2, '公开04表!G34': 2, '公开04表!F35': 2, '公开04表!G35': 2, '公开04表!H35': 0, '公开04表!I35': 0 },
    },
  ],
});
