import { defineCases } from '../rule-tester';

// Sample: 公开04表 I 国有资本经营 column (blank); 公开08表 empty, 合计 row 8 (C 本年支出合计, E 项目支出).
export const cases = defineCases('x04-08-soc', {
  invalid: [{ name: '国有资本经营 spending in a 公开04表 类 row, none in 公开08表', base: 'seed', set: { '公开04表!I7': 1, '公开04表!F7': 411.65 }, named: ['公开04表!I7'] }],
  valid: [
    {
      name: '公开04表 本年支出合计 国有资本经营 1.00 = 公开08表 合计 1.00',
      base: 'seed',
      set: { '公开04表!I33': 1, '公开08表!C8': 1, '公开08表!E8': 1 },
    },
  ],
});
