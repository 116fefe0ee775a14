import { defineCases } from '../rule-tester';

// Sample 公开04表: income C7–C9 (一般公共预算/政府性基金/国有资本经营), C33 本年收入合计, C34 年初, C35–C37 其中 by
// source, C38 总计; expense F 合计 | G 一般公共预算 | H 政府性基金 | I 国有资本经营, 类 rows 7–32, 33 本年支出合计,
// 34 年末, 35–37 年末 sub-rows by source (blank, unlabelled), 38 总计.
export const cases = defineCases('t04-source-balance', {
  invalid: [{ name: '年初 3.00 of 一般公共预算 that did not reach 年末', base: 'seed', set: { '公开04表!C34': 3, '公开04表!C35': 3 }, named: ['公开04表!C35'] }],
  valid: [
    {
      name: '年初 3.00 of 一般公共预算 carried to 年末',
      base: 'seed',
      set: { '公开04表!C34': 3, '公开04表!C35': 3, '公开04表!F34': 3, '公开04表!G34': 3 },
    },
  ],
});
