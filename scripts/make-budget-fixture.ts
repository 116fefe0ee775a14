// Writes test/fixtures/seed-2024-budget.xlsx: the sample unit's 2024 部门预算 workbook, built from the figures its
// 情况说明 publishes (test/support/budget-workbook.ts says which are published and which assumed). The same bytes
// every run: test/budget/fixture.test.ts checks the committed file against the builder.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { budgetWorkbookBytes } from '../test/support/budget-workbook';

async function main(): Promise<void> {
  const out = join(__dirname, '..', 'test', 'fixtures', 'seed-2024-budget.xlsx');
  await writeFile(out, await budgetWorkbookBytes());
  console.log('wrote test/fixtures/seed-2024-budget.xlsx');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
