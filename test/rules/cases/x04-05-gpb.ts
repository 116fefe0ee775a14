import { defineCases } from '../rule-tester';

// Sample: 公开04表 G7 (类 201, 一般公共预算) 410.65 = 公开05表 C9 (类 201 合计).
export const cases = defineCases('x04-05-gpb', {
  invalid: [{ name: '公开05表 类 201 raised by 1.00', base: 'seed', bump: { '公开05表!C9': 1 } }],
  valid: [{ name: 'one cent off: 尾数差异, info only', base: 'seed', bump: { '公开05表!C9': 0.01 } }],
});
