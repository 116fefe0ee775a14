import { defineCases } from '../rule-tester';

// Shanghai 政府性基金 table, on sheet 公开08表 (Shanghai numbering): rows 6 类 212, 7 款 21208, 8 项 2120801,
// 9 合计; columns E 年初, F 本年收入, G 本年支出合计, H 基本支出, I 项目支出, J 年末.
export const cases = defineCases('t07-subject-sum', {
  invalid: [
    { name: 'a 项 receiving 1.00 more income, carried to its 年末 (its row still adds up)', base: 'shanghai', bump: { '公开08表!F8': 1, '公开08表!J8': 1 } },
    { name: 'sample: a 合计 figure with no 科目 row under it', base: 'seed', set: { '公开07表!D7': 1 } },
  ],
  valid: [
    {
      name: 'the same 1.00 carried up through 款, 类 and 合计',
      base: 'shanghai',
      bump: {
        '公开08表!F6': 1,
        '公开08表!F7': 1,
        '公开08表!F8': 1,
        '公开08表!F9': 1,
        '公开08表!J6': 1,
        '公开08表!J7': 1,
        '公开08表!J8': 1,
        '公开08表!J9': 1,
      },
    },
  ],
});
