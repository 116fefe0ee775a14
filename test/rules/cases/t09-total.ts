import { defineCases } from '../rule-tester';

// Sample 公开09表 row 8: 预算数 A 合计, B 因公出国, C 公务用车小计, D 购置, E 运行维护, F 公务接待; 决算数 G–L likewise.
export const cases = defineCases('t09-total', {
  invalid: [{ name: '预算数 因公出国 raised by 1.00', base: 'seed', bump: { '公开09表!B8': 1 } }],
  valid: [{ name: '预算数 因公出国 and 合计 both raised by 1.00', base: 'seed', bump: { '公开09表!B8': 1, '公开09表!A8': 1 } }],
});
