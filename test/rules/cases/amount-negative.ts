import { defineCases } from '../rule-tester';

export const cases = defineCases('amount-negative', {
  invalid: [
    { name: 'a negative 经营支出 in 公开03表', base: 'seed', set: { '公开03表!G10': -1 } },
    { name: 'a negative 三公 决算数', base: 'shanghai', set: { '公开07表!D7': -12.4 } },
  ],
  valid: [{ name: 'a negative 结余分配 (公开01表), the one line that may be negative', base: 'seed', set: { '公开01表!F34': -1, '公开01表!F36': 518.63 } }],
});
