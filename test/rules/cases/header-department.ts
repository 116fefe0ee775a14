import { defineCases } from '../rule-tester';

// The sample misspells the unit (株州) in 公开02表 and 公开06表; fixed, every table says 株洲.
const FIXED = {
  '公开02表!A3': '部门：株洲市长株潭一体化发展事务中心',
  '公开06表!A3': '部门：株洲市长株潭一体化发展事务中心',
};

export const cases = defineCases('header-department', {
  invalid: [
    {
      name: 'one table names another unit',
      base: 'seed',
      set: { ...FIXED, '公开05表!A3': '部门：株洲市长株潭一体化发展事务局' },
      named: ['公开05表!A3'],
    },
  ],
  valid: [
    { name: 'the sample with its 株州 typo fixed', base: 'seed', set: FIXED },
    { name: '… and with spaces inside one name', base: 'seed', set: { ...FIXED, '公开05表!A3': '部门：株洲市长株潭 一体化发展事务中心' } },
  ],
});
