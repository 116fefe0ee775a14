import { defineCases } from '../rule-tester';

// Sample 公开01表: C33 本年收入合计, C34 使用非财政拨款结余, C35 年初结转和结余 (blank), C36 收入总计 519.63.
export const cases = defineCases('t01-income-grand-total', {
  invalid: [{ name: '年初结转和结余 typed, 收入总计 left as it was', base: 'seed', set: { '公开01表!C35': 5 } }],
  valid: [{ name: '年初结转和结余 typed and 收入总计 raised with it', base: 'seed', set: { '公开01表!C35': 5, '公开01表!C36': 524.63 } }],
});
