import { defineCases } from '../rule-tester';

// Shanghai: 公开06表 C11 (30108 基本养老保险缴费) 172.38 = 公开05表 F13 (2080505 基本支出) 172.38. The sample itself
// differs by a few cents to tenths (its four warnings), so it cannot be the valid base.
export const cases = defineCases('x06-05-contributions', {
  invalid: [{ name: '30108 raised by 1.00 (with its 类 301)', base: 'shanghai', bump: { '公开06表!C11': 1, '公开06表!C6': 1 }, named: ['公开06表!C11'] }],
  valid: [{ name: 'one cent off: 尾数差异, info only', base: 'shanghai', bump: { '公开06表!C11': 0.01, '公开06表!C6': 0.01 } }],
});
