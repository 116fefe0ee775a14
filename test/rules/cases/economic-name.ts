import { defineCases } from '../rule-tester';

// Sample 公开06表: group 1 codes in A, names in B; row 7 30101 基本工资.
export const cases = defineCases('economic-name', {
  invalid: [{ name: 'a name that is not the one of its 款 code', base: 'seed', set: { '公开06表!B7': '岗位工资' } }],
  valid: [{ name: 'the same name with a space in it', base: 'seed', set: { '公开06表!B7': '基本 工资' } }],
});
