import { defineCases } from '../rule-tester';

// Sample: 公开01表 C7 and 公开04表 C7, 一般公共预算财政拨款收入 519.63 each.
export const cases = defineCases('x01-04-income', {
  invalid: [{ name: '公开04表 一般公共预算 income raised by 1.00', base: 'seed', bump: { '公开04表!C7': 1 } }],
  valid: [{ name: 'one cent off: 尾数差异, info only', base: 'seed', bump: { '公开04表!C7': 0.01 } }],
});
