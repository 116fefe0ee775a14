import { defineCases } from '../rule-tester';

// Sample: row 11 of 公开03表 and row 12 of 公开05表 are 项 2010499, 56.78 of 项目支出 each (C 合计, E 项目支出).
export const cases = defineCases('x03-05-bound', {
  invalid: [{ name: '公开05表 2010499 raised by 1.00 above 公开03表', base: 'seed', bump: { '公开05表!C12': 1, '公开05表!E12': 1 } }],
  valid: [{ name: '公开03表 2010499 raised by 1.00 above 公开05表 (non-fiscal money)', base: 'seed', bump: { '公开03表!C11': 1, '公开03表!E11': 1 } }],
});
