import { defineCases } from '../rule-tester';

// Sample 公开02表: C 本年收入合计, D 财政拨款收入, F 事业收入; rows 7 合计, 8 类 201, 9 款 20104, 10 项 2010450.
export const cases = defineCases('t02-row-total', {
  invalid: [
    {
      name: '本年收入合计 raised by 1.00 all the way up (项, 款, 类, 合计): every column still adds up, the rows do not',
      base: 'seed',
      bump: { '公开02表!C10': 1, '公开02表!C9': 1, '公开02表!C8': 1, '公开02表!C7': 1 },
    },
  ],
  valid: [
    {
      name: '1.00 of a 项 moved from 财政拨款收入 to 事业收入: the row still adds up',
      base: 'seed',
      set: { '公开02表!F10': 1 },
      bump: { '公开02表!D10': -1 },
    },
  ],
});
