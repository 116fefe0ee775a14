import { defineCases } from '../rule-tester';

// Sample 公开01表: 类 rows F7 (201) 410.65, F14 (208) 47.30 …; F33 本年支出合计 519.63.
export const cases = defineCases('t01-expense-total', {
  invalid: [{ name: 'a 类 raised by 1.00', base: 'seed', bump: { '公开01表!F7': 1 } }],
  valid: [{ name: '1.00 moved between two 类: the sum still holds', base: 'seed', bump: { '公开01表!F7': 1, '公开01表!F14': -1 } }],
});
