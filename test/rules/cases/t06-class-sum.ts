import { defineCases } from '../rule-tester';

// Sample 公开06表: group 1 in A–C (C6 = 301 工资福利支出, C7 = 30101 基本工资, C8 = 30102 津贴补贴 …).
// The sample's 301/302/303 already differ from their 款 by a cent or two: infos, which a valid case may keep.
export const cases = defineCases('t06-class-sum', {
  invalid: [{ name: 'a 款 raised by 1.00', base: 'seed', bump: { '公开06表!C7': 1 } }],
  valid: [{ name: '1.00 moved between two 款 of 301', base: 'seed', bump: { '公开06表!C7': 1, '公开06表!C8': -1 } }],
});
