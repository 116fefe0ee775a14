import { defineCases } from '../rule-tester';

// Sample 公开06表: C6 = 301, C7 = 30101, C20 = 303, C34 人员经费合计 299.48 (= 301 + 303).
export const cases = defineCases('t06-personnel-total', {
  invalid: [{ name: '人员经费合计 raised by 1.00', base: 'seed', bump: { '公开06表!C34': 1 } }],
  valid: [{ name: '301 and one of its 款 raised by 1.00, 人员经费合计 with them', base: 'seed', bump: { '公开06表!C6': 1, '公开06表!C7': 1, '公开06表!C34': 1 } }],
});
