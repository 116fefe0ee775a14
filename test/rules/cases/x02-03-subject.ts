import { defineCases } from '../rule-tester';

// Sample: 公开02表 row 10 and 公开03表 row 10 are 项 2010450, 353.87 each; the unit has no carry-over (公开01表 C34,
// C35, F35 blank), so income and spending of a 科目 should match.
export const cases = defineCases('x02-03-subject', {
  invalid: [{ name: '公开02表 2010450 raised by 1.00 (its row adds up)', base: 'seed', bump: { '公开02表!C10': 1, '公开02表!D10': 1 }, named: ['公开02表!C10'] }],
  valid: [
    {
      name: 'the same, but 公开01表 shows 年初结转和结余: the difference may be carry-over',
      base: 'seed',
      bump: { '公开02表!C10': 1, '公开02表!D10': 1 },
      set: { '公开01表!C35': 1 },
    },
  ],
});
