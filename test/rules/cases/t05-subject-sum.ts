import { defineCases } from '../rule-tester';

// Sample 公开05表: C 合计, D 基本支出, E 项目支出; row 14 款 20805 = rows 15 (2080502) + 16 (2080505) + 17 (2080506).
export const cases = defineCases('t05-subject-sum', {
  invalid: [{ name: 'a 项 raised by 1.00 in 合计 and 基本支出', base: 'seed', bump: { '公开05表!C15': 1, '公开05表!D15': 1 } }],
  valid: [
    {
      name: '1.00 moved from one 项 to its sibling',
      base: 'seed',
      bump: { '公开05表!C15': -1, '公开05表!D15': -1, '公开05表!C16': 1, '公开05表!D16': 1 },
    },
  ],
});
