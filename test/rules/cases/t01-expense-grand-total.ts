import { defineCases } from '../rule-tester';

// Sample 公开01表: F33 本年支出合计, F34 结余分配, F35 年末结转和结余 (blank), F36 支出总计 519.63.
export const cases = defineCases('t01-expense-grand-total', {
  invalid: [{ name: '年末结转和结余 typed, 支出总计 left as it was', base: 'seed', set: { '公开01表!F35': 5 } }],
  valid: [
    { name: '年末结转和结余 typed and 支出总计 raised with it', base: 'seed', set: { '公开01表!F35': 5, '公开01表!F36': 524.63 } },
    { name: 'a negative 结余分配 lowers 支出总计', base: 'seed', set: { '公开01表!F34': -1, '公开01表!F36': 518.63 } },
  ],
});
