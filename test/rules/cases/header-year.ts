import { defineCases } from '../rule-tester';

// The sample's titles state no year; here three of them do.
export const cases = defineCases('header-year', {
  invalid: [
    {
      name: 'one title says 2023, two say 2024',
      base: 'seed',
      set: { '公开02表!A1': '2024年度收入决算表', '公开03表!A1': '2023年度支出决算表', '公开05表!A1': '2024年度一般公共预算财政拨款支出决算表' },
      named: ['公开03表!A1'],
    },
  ],
  valid: [
    {
      name: 'all three say 2024',
      base: 'seed',
      set: { '公开02表!A1': '2024年度收入决算表', '公开03表!A1': '2024年度支出决算表', '公开05表!A1': '2024年度一般公共预算财政拨款支出决算表' },
    },
  ],
});
