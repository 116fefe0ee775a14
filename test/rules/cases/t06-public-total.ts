import { defineCases } from '../rule-tester';

// Sample 公开06表: F6 = 302, F7 = 30201, I9 = 310, I34 公用经费合计 156.17 (= 302 + 307 + 310 + 399).
export const cases = defineCases('t06-public-total', {
  invalid: [{ name: '公用经费合计 raised by 1.00', base: 'seed', bump: { '公开06表!I34': 1 } }],
  valid: [{ name: '302 and one of its 款 raised by 1.00, 公用经费合计 with them', base: 'seed', bump: { '公开06表!F6': 1, '公开06表!F7': 1, '公开06表!I34': 1 } }],
});
