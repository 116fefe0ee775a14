import { defineCases } from '../rule-tester';

// Sample 公开05表: C 合计, D 基本支出, E 项目支出; row 15 项 2080502 (基本支出 only).
export const cases = defineCases('t05-row-total', {
  invalid: [{ name: '项目支出 typed in a 项 row, its 合计 left as it was', base: 'seed', set: { '公开05表!E15': 1 } }],
  valid: [{ name: '1.00 of a 项 moved from 基本支出 to 项目支出', base: 'seed', set: { '公开05表!E15': 1 }, bump: { '公开05表!D15': -1 } }],
});
