import { defineCases } from '../rule-tester';

// Sample 公开03表: C 本年支出合计, D 基本支出, E 项目支出; row 14 项 2080502 (基本支出 only).
export const cases = defineCases('t03-row-total', {
  invalid: [{ name: '本年支出合计 of a 项 raised by 1.00', base: 'seed', bump: { '公开03表!C14': 1 } }],
  valid: [
    { name: '1.00 of a 项 moved from 基本支出 to 项目支出: the row still adds up', base: 'seed', set: { '公开03表!E14': 1 }, bump: { '公开03表!D14': -1 } },
    { name: '本年支出合计 one cent off: 尾数差异, info only', base: 'seed', bump: { '公开03表!C14': 0.01 } },
  ],
});
