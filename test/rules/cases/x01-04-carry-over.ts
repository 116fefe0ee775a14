import { defineCases } from '../rule-tester';

// Sample: 公开01表 C35 年初结转和结余 and 公开04表 C34 年初财政拨款结转和结余 (C35 its 一般公共预算 part), all blank.
export const cases = defineCases('x01-04-carry-over', {
  invalid: [{ name: '公开04表 年初 3.00 of fiscal money, 公开01表 年初 none', base: 'seed', set: { '公开04表!C34': 3, '公开04表!C35': 3 }, named: ['公开04表!C34'] }],
  valid: [{ name: '公开01表 年初 5.00, of which 3.00 fiscal in 公开04表', base: 'seed', set: { '公开04表!C34': 3, '公开04表!C35': 3, '公开01表!C35': 5 } }],
});
