import { defineCases } from '../rule-tester';

// Sample 公开03表: C 本年支出合计, D 基本支出; row 13 款 20805 = rows 14 (2080502) + 15 (2080505) + 16 (2080506).
export const cases = defineCases('t03-subject-sum', {
  invalid: [
    {
      name: 'a 项 raised by 1.00 in both its columns (its own row still adds up, its 款 does not)',
      base: 'seed',
      bump: { '公开03表!C14': 1, '公开03表!D14': 1 },
    },
  ],
  valid: [
    {
      name: '1.00 moved from one 项 to its sibling: 款, 类 and 合计 unchanged',
      base: 'seed',
      bump: { '公开03表!C14': -1, '公开03表!D14': -1, '公开03表!C15': 1, '公开03表!D15': 1 },
    },
  ],
});
