import { defineCases } from '../rule-tester';

// Sample 公开01表: income C7 一般公共预算 519.63, C8–C14 the other sources (blank), C33 本年收入合计 519.63.
export const cases = defineCases('t01-income-total', {
  invalid: [{ name: '事业收入 typed, 本年收入合计 left as it was', base: 'seed', set: { '公开01表!C11': 1 } }],
  valid: [
    { name: '1.00 moved from 一般公共预算 to 事业收入: the sum still holds', base: 'seed', set: { '公开01表!C7': 518.63, '公开01表!C11': 1 } },
    { name: '本年收入合计 one cent off: 尾数差异, info only', base: 'seed', bump: { '公开01表!C33': 0.01 } },
  ],
});
