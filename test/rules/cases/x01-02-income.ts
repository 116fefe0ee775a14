import { defineCases } from '../rule-tester';

// Sample: 公开01表 C7 一般公共预算 519.63, C11 事业收入 (blank); 公开02表 合计 row 7, D 财政拨款收入, F 事业收入.
export const cases = defineCases('x01-02-income', {
  invalid: [{ name: '公开01表 事业收入 typed, 公开02表 has none', base: 'seed', set: { '公开01表!C11': 1 } }],
  valid: [
    { name: '1.00 of 01 and 02 moved alike from 财政拨款 to 事业收入', base: 'seed', set: { '公开01表!C7': 518.63, '公开01表!C11': 1, '公开02表!D7': 518.63, '公开02表!F7': 1 } },
    { name: '公开01表 一般公共预算 one cent off: 尾数差异, info only', base: 'seed', bump: { '公开01表!C7': 0.01 } },
  ],
});
