import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import { agree, resolve, sumOfWitnesses, type Witness } from '../../src/core/narrative/figures/witness';

/** The vote that settles a figure in doubt (src/core/narrative/figures/witness.ts). */

function w(value: string, origin: string, cells = [`S!${origin}`]): Witness {
  return { value: new Decimal(value), cells, rounded: cells.length, how: origin, origin };
}

const none = () => false;
const all = () => true;

test('a printed cell in no broken identity is stated as printed, whatever the other witnesses say', () => {
  const r = resolve(w('10.00', 'A'), [w('99.00', 'B')], none);
  assert.equal(r.kind, 'printed');
});

test('in doubt, the value most independent witnesses agree on wins; the printed cell is kept when it is among them', () => {
  const kept = resolve(w('519.63', 'row'), [w('930.28', 'classes'), w('519.63', '04')], all);
  assert.equal(kept.kind, 'printed');
  const replaced = resolve(w('821.30', 'row'), [w('410.65', 'children'), w('410.65', '04')], all);
  assert.equal(replaced.kind, 'substituted');
  assert.ok(replaced.kind === 'substituted' && replaced.witness.value.eq('410.65'));
  assert.ok(replaced.kind === 'substituted' && replaced.supporters.length === 2 && replaced.outvoted.length === 1);
});

test('witnesses of one origin (one printed row) count once: a doubled row does not vote for itself', () => {
  // 821.30 twice from the same row vs 410.65 from two other origins.
  const r = resolve(w('821.30', 'row'), [w('821.30', 'row'), w('410.65', 'children'), w('410.65', '04')], all);
  assert.equal(r.kind, 'substituted');
  // Two against two distinct origins: no majority, nothing is stated.
  assert.equal(resolve(w('24.32', 'total'), [w('14.32', 'items')], all).kind, 'doubtful');
  assert.equal(resolve(w('1.00', 'a'), [w('1.00', 'a'), w('2.00', 'b')], all).kind, 'doubtful');
});

test('no primary: a single undoubted witness is stated as a substitute; none, or a doubted one, is no figure', () => {
  const one = resolve(undefined, [w('519.63', '01')], all);
  assert.equal(one.kind, 'doubtful', 'the only witness is in doubt too');
  const clean = resolve(undefined, [w('519.63', '01')], none);
  assert.equal(clean.kind, 'substituted');
  assert.equal(resolve(undefined, [undefined], none).kind, 'doubtful');
});

test('agreement allows 0.005 per rounded amount; a sum of settled figures is no suspect', () => {
  assert.ok(agree(w('154.81', 'a'), w('154.80', 'b')));
  assert.ok(!agree(w('154.81', 'a'), w('154.78', 'b')));
  const settled = { ...w('519.63', 'x'), suspect: [] };
  const diff = sumOfWitnesses([settled], 'x − y', 'z', [{ ...w('455.65', 'y'), suspect: [] }]);
  assert.ok(diff && diff.value.eq('63.98') && diff.suspect?.length === 0);
  assert.equal(sumOfWitnesses([settled, undefined], 'hole', 'z'), undefined);
});
