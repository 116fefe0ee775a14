import { defineCases } from '../rule-tester';

// Sample 公开09表 row 8: 预算数 A–F equal to 决算数 G–L item by item (the sample's warning).
export const cases = defineCases('t09-budget-copied', {
  invalid: [
    {
      name: 'both blocks changed alike: still a copy',
      base: 'seed',
      bump: { '公开09表!A8': 1, '公开09表!B8': 1, '公开09表!G8': 1, '公开09表!H8': 1 },
      named: ['公开09表!A8', '公开09表!B8'],
    },
  ],
  valid: [{ name: 'a budget that differs from the actuals', base: 'seed', bump: { '公开09表!A8': 1, '公开09表!B8': 1 } }],
});
