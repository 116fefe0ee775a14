import { defineCases } from '../rule-tester';

// Sample: 公开04表 F33 本年支出合计 (合计) 519.63 = 公开05表 合计 519.63 + 公开07表 (empty) + 公开08表 (empty).
export const cases = defineCases('x04-fiscal-total', {
  invalid: [{ name: '公开04表 本年支出合计 raised by 1.00', base: 'seed', bump: { '公开04表!F33': 1 } }],
  valid: [
    { name: '公开04表 本年支出合计 raised by 1.00 and 公开08表 合计 1.00', base: 'seed', bump: { '公开04表!F33': 1 }, set: { '公开08表!C8': 1, '公开08表!E8': 1 } },
  ],
});
