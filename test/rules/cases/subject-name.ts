import { defineCases } from '../rule-tester';

// Sample 公开02表: names in column B; row 10 2010450 事业运行, row 13 20805 行政事业单位养老支出.
export const cases = defineCases('subject-name', {
  invalid: [{ name: 'a name that belongs to another 科目', base: 'seed', set: { '公开02表!B10': '行政运行' } }],
  valid: [{ name: 'the older name of 20805 (行政事业单位离退休): info only', base: 'seed', set: { '公开02表!B13': '行政事业单位离退休' } }],
});
