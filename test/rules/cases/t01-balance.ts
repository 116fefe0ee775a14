import { defineCases } from '../rule-tester';

// Sample 公开01表: C36 收入总计 and F36 支出总计, both 519.63.
export const cases = defineCases('t01-balance', {
  invalid: [{ name: '支出总计 raised by 1.00', base: 'seed', bump: { '公开01表!F36': 1 } }],
  valid: [
    {
      name: 'a unit with 5.00 carried over from last year and into next: both 总计 524.63',
      base: 'seed',
      set: { '公开01表!C35': 5, '公开01表!C36': 524.63, '公开01表!F35': 5, '公开01表!F36': 524.63 },
    },
  ],
});
