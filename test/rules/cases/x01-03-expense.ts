import { defineCases } from '../rule-tester';

// Sample: 公开01表 F7 (类 201) 410.65 = 公开03表 C8 (类 201 本年支出合计).
export const cases = defineCases('x01-03-expense', {
  invalid: [{ name: '公开03表 类 201 raised by 1.00', base: 'seed', bump: { '公开03表!C8': 1 } }],
  valid: [{ name: 'one cent off: 尾数差异, info only', base: 'seed', bump: { '公开03表!C8': 0.01 } }],
});
