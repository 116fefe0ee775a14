import { defineCases } from '../rule-tester';

// Sample 公开05表: codes in column A; rows 24–26 are 类 211, 款 21101, 项 2110199.
export const cases = defineCases('gpb-fund-subjects', {
  invalid: [
    {
      name: 'a 政府性基金 款 and 项 (21160 可再生能源电价附加收入安排的支出) in the 一般公共预算 table',
      base: 'seed',
      set: { '公开05表!A25': '21160', '公开05表!A26': '2116099' },
    },
  ],
  valid: [{ name: 'a neighbouring 一般公共预算 款 and 项 of the same 类 (21102 环境监测与监察)', base: 'seed', set: { '公开05表!A25': '21102', '公开05表!A26': '2110299' } }],
});
