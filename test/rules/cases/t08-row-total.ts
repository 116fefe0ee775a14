import { defineCases } from '../rule-tester';

// Sample 公开08表 (empty): 合计 row 8, C 本年支出合计, D 基本支出, E 项目支出.
export const cases = defineCases('t08-row-total', {
  invalid: [{ name: '本年支出合计 typed with neither 基本 nor 项目支出', base: 'seed', set: { '公开08表!C8': 1 } }],
  valid: [{ name: '本年支出合计 and 基本支出 both 1.00', base: 'seed', set: { '公开08表!C8': 1, '公开08表!D8': 1 } }],
});
