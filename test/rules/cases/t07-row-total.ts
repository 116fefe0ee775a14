import { defineCases } from '../rule-tester';

// Shanghai 政府性基金 table, on sheet 公开08表: row 8 项 2120801; G 本年支出合计, H 基本支出, I 项目支出.
export const cases = defineCases('t07-row-total', {
  invalid: [{ name: '基本支出 typed in a 项 row, 本年支出合计 left as it was', base: 'shanghai', set: { '公开08表!H8': 1 } }],
  valid: [{ name: '1.00 of a 项 moved from 项目支出 to 基本支出', base: 'shanghai', set: { '公开08表!H8': 1 }, bump: { '公开08表!I8': -1 } }],
});
