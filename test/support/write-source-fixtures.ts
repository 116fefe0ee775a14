/**
 * Writes the --prior fixture the demo and the CLI tests use: test/fixtures/seed-2023-prior.xlsx, the sample at the
 * 2023 figures its 情况说明 states (test/support/prior-year.ts). Run after changing the builder:
 *   node --import tsx test/support/write-source-fixtures.ts
 * test/cli-sources.test.ts checks that the committed file still reads as the builder makes it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedPriorWorkbook } from './prior-year';

export const PRIOR_FIXTURE = join(__dirname, '..', 'fixtures', 'seed-2023-prior.xlsx');

if (require.main === module) {
  void (async () => {
    await writeFile(PRIOR_FIXTURE, await publishedPriorWorkbook());
    console.log(`wrote ${PRIOR_FIXTURE}`);
  })();
}
