import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, seedSnapshot, withCells } from './support';
import { checkSnapshot } from '../../src/core/report';
import { allAmounts } from '../../src/core/tables/amounts';
import type { Finding } from '../../src/core/findings/finding';

const key = (f: Finding) => `${f.rule}|${f.message}`;

test('perturbation: raising any amount cell of the sample by 1.00 gives a new error that names the cell', async (t) => {
  const seed = await seedSnapshot();
  const base = checkSnapshot(seed);
  const before = new Set(base.report.findings.filter((f) => f.severity === 'error').map(key));
  const cells = allAmounts(base.model).filter((a) => !a.amount.blank);
  assert.equal(cells.length, 214, 'every amount cell of the sample is enumerated');
  const missed: string[] = [];
  for (const { amount } of cells) {
    const after = checkSnapshot(bump(seed, amount.cell, 1)).report.findings;
    const caught = after.some((f) => f.severity === 'error' && !before.has(key(f)) && f.cells.includes(amount.cell));
    if (!caught) missed.push(amount.cell);
  }
  const coverage = ((cells.length - missed.length) / cells.length) * 100;
  t.diagnostic(`perturbation coverage: ${cells.length - missed.length}/${cells.length} amount cells (${coverage.toFixed(1)}%)`);
  console.log(`perturbation coverage: ${cells.length - missed.length}/${cells.length} amount cells (${coverage.toFixed(1)}%)`);
  assert.deepEqual(missed, [], `cells whose change no rule catches: ${missed.join(', ')}`);
});

test('the sample with its header typo fixed yields zero errors; the sample itself only the 株州 header error', async () => {
  const seed = await seedSnapshot();
  const errors = checkSnapshot(seed).report.findings.filter((f) => f.severity === 'error');
  assert.ok(errors.length >= 1);
  assert.ok(errors.every((f) => f.rule === 'header-department'), errors.map((f) => `${f.rule}: ${f.message}`).join('\n'));
  const cells = errors.flatMap((f) => f.cells);
  assert.ok(cells.includes('公开02表!A3') && cells.includes('公开06表!A3'), cells.join(','));
  const fixed = withCells(seed, {
    '公开02表!A3': '部门：株洲市长株潭一体化发展事务中心',
    '公开06表!A3': '部门：株洲市长株潭一体化发展事务中心',
  });
  const report = checkSnapshot(fixed).report;
  assert.equal(report.summary.error, 0, report.findings.filter((f) => f.severity === 'error').map((f) => f.message).join('\n'));
  const infos = report.findings.filter((f) => f.severity === 'info');
  const t06 = infos.filter((f) => f.table === '06').map((f) => [f.expected, f.actual]);
  assert.deepEqual(t06.sort(), [['154.81', '154.79'], ['291.37', '291.36'], ['8.11', '8.12']].sort());
});
