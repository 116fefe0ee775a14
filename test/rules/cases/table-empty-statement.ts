import { defineCases } from '../rule-tester';

// Sample 公开08表: empty, with “说明：……故本表无数据。” in A10; 合计 row 8 (C 本年支出合计, E 项目支出).
export const cases = defineCases('table-empty-statement', {
  invalid: [{ name: 'figures under a statement that says the table is empty', base: 'seed', set: { '公开08表!C8': 1, '公开08表!E8': 1 } }],
  valid: [{ name: 'the same figures with the statement removed', base: 'seed', set: { '公开08表!C8': 1, '公开08表!E8': 1, '公开08表!A10': null } }],
});
