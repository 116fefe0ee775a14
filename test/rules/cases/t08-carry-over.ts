import { defineCases } from '../rule-tester';

// Shanghai 国有资本经营 table (six columns, empty), on sheet 公开09表: 合计 row 6; E 年初, F 本年收入, G 本年支出合计,
// H 基本支出, I 项目支出, J 年末.
export const cases = defineCases('t08-carry-over', {
  invalid: [{ name: '年末 typed with nothing coming in', base: 'shanghai', set: { '公开09表!J6': 1 } }],
  valid: [{ name: '年初 1.00 carried to 年末', base: 'shanghai', set: { '公开09表!E6': 1, '公开09表!J6': 1 } }],
});
