import { defineCases } from '../rule-tester';

// Shanghai: 公开04表 F16 (类 212, 政府性基金) 905.37 = the 政府性基金 table (sheet 公开08表) G6 (类 212 本年支出合计).
export const cases = defineCases('x04-07-gf', {
  invalid: [
    { name: '公开04表 类 212 政府性基金 raised by 1.00 (with its 合计)', base: 'shanghai', bump: { '公开04表!F16': 1, '公开04表!D16': 1 }, named: ['公开04表!F16'] },
    { name: 'sample: 政府性基金 spending in 公开04表, none in the empty 公开07表', base: 'seed', set: { '公开04表!H7': 1, '公开04表!F7': 411.65 }, named: ['公开04表!H7'] },
  ],
  valid: [{ name: 'one cent off: 尾数差异, info only', base: 'shanghai', bump: { '公开04表!F16': 0.01, '公开04表!D16': 0.01 } }],
});
