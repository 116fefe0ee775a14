import { defineCases } from '../rule-tester';

// Sample: 项 2010450 事业运行 in row 10 of 公开02表 and 公开03表, row 11 of 公开05表 (names in column B).
export const cases = defineCases('class-name-consistency', {
  invalid: [{ name: '公开03表 names the 项 differently', base: 'seed', set: { '公开03表!B10': '事业单位运行' } }],
  valid: [{ name: 'the same name with a space', base: 'seed', set: { '公开03表!B10': '事业 运行' } }],
});
