// validateModel's plain predicates agree with the model's zod schemas (the definition), on real rows and on
// every single-field corruption of them; and a broken table is reported, not thrown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import { AmountSchema, SubjectRowSchema } from '../../src/core/tables/model';
import { isAmount, subjectRowProblem, validateModel } from '../../src/core/read/validate-model';
import { readSeed } from '../helpers';

const BAD_VALUES: unknown[] = [undefined, null, '', 'x', 0, 1.5, -1, true, [], {}, new Decimal(1), ['A1'], '公开03表!C8', 'C8', '0101'];

test('isAmount ≡ AmountSchema', async () => {
  const { model } = await readSeed();
  const amount = model['03']!.rows[0].amounts.total;
  assert.equal(isAmount(amount), AmountSchema.safeParse(amount).success);
  for (const key of ['value', 'cell', 'blank'] as const)
    for (const bad of BAD_VALUES) {
      const v = { ...amount, [key]: bad };
      assert.equal(isAmount(v), AmountSchema.safeParse(v).success, `${key} = ${String(bad)}`);
    }
  for (const v of [null, undefined, 1, 'x', [], {}]) assert.equal(isAmount(v), AmountSchema.safeParse(v).success);
});

test('subjectRowProblem ≡ SubjectRowSchema', async () => {
  const { model } = await readSeed();
  const rows = ['02', '03', '05'].flatMap((c) => (model as Record<string, { rows: unknown[] }>)[c].rows);
  for (const row of rows) {
    assert.equal(subjectRowProblem(row, 'r') === undefined, SubjectRowSchema.safeParse(row).success);
    for (const key of Object.keys(SubjectRowSchema.shape))
      for (const bad of BAD_VALUES) {
        const v = { ...(row as object), [key]: bad };
        assert.equal(subjectRowProblem(v, 'r') === undefined, SubjectRowSchema.safeParse(v).success, `${key} = ${String(bad)}`);
      }
  }
});

test('a broken table is a read-model-invalid finding naming the field, not an exception', async () => {
  const { model } = await readSeed();
  const t03 = model['03']!;
  const rows = t03.rows.map((r, i) => (i === 2 ? { ...r, amounts: { ...r.amounts, basic: { value: 1, cell: 'x', blank: false } } } : r));
  const broken = { ...t03, rows };
  const findings = validateModel({ ...model, '03': broken as never });
  const f = findings.find((x) => x.rule === 'read-model-invalid');
  assert.match(f!.message, /rows\.2\.amounts\.basic/);
  assert.doesNotThrow(() => validateModel({ '03': { meta: undefined } as never }));
});
