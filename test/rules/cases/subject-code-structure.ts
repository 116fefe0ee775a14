import { defineCases } from '../rule-tester';

// Sample 公开02表: codes in column A; row 10 项 2010450, row 11 项 2010499 (both under 款 20104).
export const cases = defineCases('subject-code-structure', {
  invalid: [{ name: 'a 项 code printed twice', base: 'seed', set: { '公开02表!A11': '2010450' } }],
  valid: [{ name: 'an unfamiliar but well-placed 项 code (a name question, not a structure one)', base: 'seed', set: { '公开02表!A11': '2010498' } }],
});
