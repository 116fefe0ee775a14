import { defineCases } from '../rule-tester';

// Sample: 公开09表 H8 决算数 因公出国 6.90 ≥ 公开06表 F17 (30212 因公出国（境）费用) 6.90.
export const cases = defineCases('x09-06-items', {
  invalid: [{ name: '30212 in 公开06表 raised by 1.00 above the 三公 决算数', base: 'seed', bump: { '公开06表!F17': 1 } }],
  valid: [{ name: '三公 因公出国 决算数 raised by 1.00 (some paid from 项目支出), with its 合计', base: 'seed', bump: { '公开09表!H8': 1, '公开09表!G8': 1 } }],
});
