import { defineCases } from '../rule-tester';

// Sample: 公开05表 D8 (合计 基本支出) 455.65 = 公开06表 C34 人员经费合计 299.48 + I34 公用经费合计 156.17.
export const cases = defineCases('x05-06-basic', {
  invalid: [{ name: '公开05表 合计 基本支出 raised by 1.00', base: 'seed', bump: { '公开05表!D8': 1 } }],
  valid: [{ name: 'one cent off: 尾数差异, info only', base: 'seed', bump: { '公开05表!D8': 0.01 } }],
});
