import { defineCases } from '../rule-tester';

// Shanghai 政府性基金 table, on sheet 公开08表: row 8 项 2120801; E 年初, F 本年收入, G 本年支出合计, J 年末.
export const cases = defineCases('t07-carry-over', {
  invalid: [{ name: '年末 of a 项 raised by 1.00', base: 'shanghai', bump: { '公开08表!J8': 1 } }],
  valid: [{ name: '年初 and 年末 of a 项 both raised by 1.00', base: 'shanghai', bump: { '公开08表!E8': 1, '公开08表!J8': 1 } }],
});
