import { defineCases } from '../rule-tester';

// Sample 公开09表 row 8: 决算数 I 公务用车小计 6.86, J 购置 (blank), K 运行维护 6.86.
export const cases = defineCases('t09-vehicle-subtotal', {
  invalid: [{ name: '决算数 购置费 typed, 小计 left as it was', base: 'seed', set: { '公开09表!J8': 1 } }],
  valid: [{ name: '1.00 moved from 运行维护 to 购置', base: 'seed', set: { '公开09表!J8': 1, '公开09表!K8': 5.86 } }],
});
