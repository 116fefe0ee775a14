import { defineCases } from '../rule-tester';

// Sample 公开08表 (empty, with its 说明): 合计 row 8, C 本年支出合计, D 基本支出, E 项目支出; no 科目 rows.
export const cases = defineCases('t08-subject-sum', {
  invalid: [{ name: 'a 合计 of 1.00 (its row adds up) with no 科目 row under it', base: 'seed', set: { '公开08表!C8': 1, '公开08表!D8': 1 } }],
  valid: [{ name: 'zeros printed in the 合计 row of the empty table', base: 'seed', set: { '公开08表!C8': 0, '公开08表!D8': 0, '公开08表!E8': 0 } }],
});
