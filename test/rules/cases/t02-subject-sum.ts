import { defineCases } from '../rule-tester';

// Sample 公开02表: C 本年收入合计, D 财政拨款收入; row 9 款 20104 = rows 10 (2010450) + 11 (2010499).
export const cases = defineCases('t02-subject-sum', {
  invalid: [
    {
      name: 'a 项 raised by 1.00 in both its columns (its own row still adds up, its 款 does not)',
      base: 'seed',
      bump: { '公开02表!C10': 1, '公开02表!D10': 1 },
    },
  ],
  valid: [
    {
      name: '1.00 moved from one 项 to its sibling: 款, 类 and 合计 unchanged',
      base: 'seed',
      bump: { '公开02表!C10': -1, '公开02表!D10': -1, '公开02表!C11': 1, '公开02表!D11': 1 },
    },
    { name: 'a 项 one cent off: 尾数差异, info only', base: 'seed', bump: { '公开02表!C10': 0.01, '公开02表!D10': 0.01 } },
  ],
});
