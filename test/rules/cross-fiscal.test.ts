import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bump, errorsOf, findingsOf, seedSnapshot, withCells } from './support';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { runRules } from '../../src/core/rules/engine';
import { gpb0405 } from '../../src/core/rules/cross/fiscal-04-05';
import { fundRule } from '../../src/core/rules/cross/fund-04';
import { fiscalTotal } from '../../src/core/rules/cross/fiscal-total';
import { basic0506 } from '../../src/core/rules/cross/basic-05-06';

const gf = fundRule('07');
const soc = fundRule('08');

// Sample cells: 04 收入 C8 政府性基金, C9 国有资本经营, C36/C37 年初 by source; 支出 columns F 合计, G 一般公共预算,
// H 政府性基金, I 国有资本经营; 类 rows 7 (201) … 16 (211), 17 (212), 25 (221); row 33 本年支出合计, 34 年末,
// 35–37 年末 by source (unlabelled). 05 合计 row 8 (C 合计, D 基本), 211 row 24. 07 合计 row 7 (C 年初, D 本年收入,
// E 本年支出小计, F 基本, G 项目, H 年末), row 8 is the 注 line. 08 合计 row 8 (C 合计). 06 C34 人员经费合计,
// I34 公用经费合计, F6 302.

// ---------------------------------------------------------------------------------------------------------------
// x04-05-gpb (B05)

test('x04-05-gpb: valid on the sample', async () => {
  assert.deepEqual(findingsOf(gpb0405, await seedSnapshot()), []);
});

test('x04-05-gpb: 04 本年支出合计 (一般公共预算) against 05 合计', async () => {
  const errors = errorsOf(gpb0405, bump(await seedSnapshot(), '公开05表!C8', 1));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开04表!G33', '公开05表!C8']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['520.63', '519.63', '-1.00']);
  assert.match(errors[0].message, /^公开04表（财政拨款收入支出决算总表）支出方“本年支出合计”的“一般公共预算财政拨款”应等于公开05表（一般公共预算财政拨款支出决算表）“合计”行的“合计” 520\.63，实为 519\.63，差额 -1\.00。$/);
});

test('x04-05-gpb: a wrong 类 in 04', async () => {
  const errors = errorsOf(gpb0405, withCells(await seedSnapshot(), { '公开04表!G14': 40 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开04表!G14', '公开05表!C13']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['47.30', '40.00', '-7.30']);
  assert.match(errors[0].message, /“社会保障和就业支出”（类 208）的“一般公共预算财政拨款”应等于公开05表（一般公共预算财政拨款支出决算表）第 13 行“208 社会保障和就业支出”的“合计” 47\.30/);
});

test('x04-05-gpb: a 类 of 05 missing from 04, and a 类 of 04 missing from 05', async () => {
  const seed = await seedSnapshot();
  const missing04 = errorsOf(gpb0405, withCells(seed, { '公开04表!D16': null, '公开04表!F16': null, '公开04表!G16': null }));
  assert.equal(missing04.length, 1, JSON.stringify(missing04));
  assert.equal(missing04[0].cells[0], '公开05表!C24');
  assert.equal(missing04[0].table, '05');
  assert.deepEqual([missing04[0].expected, missing04[0].actual], ['7.20', '0.00']);
  assert.match(missing04[0].message, /支出方未列“节能环保支出”类级支出行（按 0 计），该类的“一般公共预算财政拨款”应等于/);
  const missing05 = errorsOf(gpb0405, withCells(seed, { '公开04表!G17': 2 }));
  assert.equal(missing05.length, 1, JSON.stringify(missing05));
  assert.deepEqual(missing05[0].cells, ['公开04表!G17']);
  assert.match(missing05[0].message, /“212 城乡社区支出”类级科目（该表未列此科目，按 0 计）/);
});

// ---------------------------------------------------------------------------------------------------------------
// x04-07-gf (B06), x04-08-soc (B07)

test('x04-07-gf and x04-08-soc: valid on the sample (both funds empty everywhere)', async () => {
  const seed = await seedSnapshot();
  assert.deepEqual(findingsOf(gf, seed), []);
  assert.deepEqual(findingsOf(soc, seed), []);
});

test('x04-07-gf: valid with 政府性基金 figures that agree (a 类 row added to 07)', async () => {
  const snap = withCells(await seedSnapshot(), {
    // 07: 合计 and a 212 row — 年初 3, 本年收入 10, 本年支出 8 (项目), 年末 5
    '公开07表!C7': 3, '公开07表!D7': 10, '公开07表!E7': 8, '公开07表!G7': 8, '公开07表!H7': 5,
    '公开07表!A8': '212', '公开07表!B8': '城乡社区支出',
    '公开07表!C8': 3, '公开07表!D8': 10, '公开07表!E8': 8, '公开07表!G8': 8, '公开07表!H8': 5,
    // 04: 收入 政府性基金 10, 年初 GF 3; 支出 212 GF 8, 本年支出合计 GF 8, 年末 GF 5
    '公开04表!C8': 10, '公开04表!C36': 3, '公开04表!H17': 8, '公开04表!H33': 8, '公开04表!H34': 5,
  });
  const t07 = readWorkbook(snap).model['07'];
  assert.equal(t07?.rows[0]?.code, '212');
  assert.deepEqual(findingsOf(gf, snap), []);
  // …and each of those figures is compared.
  for (const [ref, target] of [
    ['公开04表!C8', '公开07表!D7'],
    ['公开04表!C36', '公开07表!C7'],
    ['公开04表!H17', '公开07表!E8'],
    ['公开04表!H33', '公开07表!E7'],
    ['公开04表!H34', '公开07表!H7'],
  ]) {
    const errors = errorsOf(gf, bump(snap, ref, 1));
    assert.equal(errors.length, 1, `${ref}: ${JSON.stringify(errors)}`);
    assert.deepEqual(errors[0].cells, [ref, target], ref);
    assert.equal(errors[0].difference, '1.00', ref);
  }
});

test('x04-07-gf: 07 spending with nothing in 04 → error on the blank 04 cell', async () => {
  const errors = errorsOf(gf, withCells(await seedSnapshot(), { '公开07表!E7': 5, '公开07表!G7': 5 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开04表!H33', '公开07表!E7']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['5.00', '0.00', '-5.00']);
  assert.match(errors[0].message, /^公开04表（财政拨款收入支出决算总表）支出方“本年支出合计”的“政府性基金预算财政拨款”应等于公开07表（政府性基金预算财政拨款收入支出决算表）“合计”行的“本年支出合计” 5\.00/);
});

test('x04-07-gf: 04 GF in a 类 that 07 does not list', async () => {
  const errors = errorsOf(gf, withCells(await seedSnapshot(), { '公开04表!H7': 5 }));
  const f = errors.find((e) => e.cells[0] === '公开04表!H7');
  assert.ok(f, JSON.stringify(errors));
  assert.deepEqual([f.expected, f.actual], ['0.00', '5.00']);
  assert.match(f.message, /“201 一般公共服务支出”类级科目（该表未列此科目，按 0 计）的“本年支出合计”/);
});

test('x04-07-gf: 年末 GF read from the 年末 line or from its unlabelled source sub-row', async () => {
  const seed = await seedSnapshot();
  const onLine = errorsOf(gf, withCells(seed, { '公开07表!H7': 3 }));
  assert.equal(onLine.length, 1, JSON.stringify(onLine));
  assert.deepEqual(onLine[0].cells, ['公开04表!H34', '公开07表!H7']);
  assert.match(onLine[0].message, /支出方“年末财政拨款结转和结余”中的政府性基金预算财政拨款应等于公开07表（政府性基金预算财政拨款收入支出决算表）“合计”行的“年末结转和结余” 3\.00/);
  // Hunan layout: 年末 by source in rows 35–37 (政府性基金 = row 36), amount in the 合计 column.
  assert.deepEqual(findingsOf(gf, withCells(seed, { '公开07表!H7': 3, '公开04表!F36': 3 })), []);
  assert.equal(errorsOf(gf, withCells(seed, { '公开07表!H7': 3, '公开04表!F36': 4 }))[0]?.cells[0], '公开04表!F36');
});

test('x04-08-soc: 08 合计 and 类 against the 国有资本经营 column; 08 without income columns is not compared there', async () => {
  const seed = await seedSnapshot();
  const errors = errorsOf(soc, withCells(seed, { '公开08表!C8': 2, '公开08表!E8': 2 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开04表!I33', '公开08表!C8']);
  assert.match(errors[0].message, /“国有资本经营预算财政拨款”应等于公开08表（国有资本经营预算财政拨款支出决算表）“合计”行的“本年支出合计” 2\.00/);
  const cls = errorsOf(soc, withCells(seed, { '公开04表!I7': 2 }));
  assert.equal(cls[0]?.cells[0], '公开04表!I7');
  // The seed's 08 has only 本年支出 columns: 04's 国有资本经营 income has nothing to be compared with here.
  assert.deepEqual(findingsOf(soc, withCells(seed, { '公开04表!C9': 2 })), []);
});

// ---------------------------------------------------------------------------------------------------------------
// x04-fiscal-total (B08)

test('x04-fiscal-total: valid on the sample', async () => {
  assert.deepEqual(findingsOf(fiscalTotal, await seedSnapshot()), []);
});

test('x04-fiscal-total: 04 本年支出合计 = 05 + 07 + 08', async () => {
  const seed = await seedSnapshot();
  const errors = errorsOf(fiscalTotal, withCells(seed, { '公开07表!E7': 5 }));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [f] = errors;
  assert.equal(f.cells[0], '公开04表!F33');
  assert.ok(f.cells.includes('公开05表!C8') && f.cells.includes('公开07表!E7') && f.cells.includes('公开08表!C8'));
  assert.deepEqual([f.expected, f.actual, f.difference], ['524.63', '519.63', '-5.00']);
  assert.match(f.message, /^公开04表（财政拨款收入支出决算总表）支出方“本年支出合计”的“合计”应等于公开05表.*之和 524\.63，实为 519\.63，差额 -5\.00。$/);
  const own = errorsOf(fiscalTotal, bump(seed, '公开04表!F33', -1));
  assert.deepEqual([own[0]?.cells[0], own[0]?.expected, own[0]?.actual], ['公开04表!F33', '519.63', '518.63']);
});

// ---------------------------------------------------------------------------------------------------------------
// x05-06-basic (B10)

test('x05-06-basic: valid on the sample (299.48 + 156.17 = 455.65)', async () => {
  assert.deepEqual(findingsOf(basic0506, await seedSnapshot()), []);
});

test('x05-06-basic: 06 人员经费合计 off by 1', async () => {
  const errors = errorsOf(basic0506, bump(await seedSnapshot(), '公开06表!C34', 1));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual(errors[0].cells, ['公开05表!D8', '公开06表!C34', '公开06表!I34']);
  assert.deepEqual([errors[0].expected, errors[0].actual, errors[0].difference], ['456.65', '455.65', '-1.00']);
  assert.match(errors[0].message, /^公开05表（一般公共预算财政拨款支出决算表）“合计”行的“基本支出”应等于公开06表（一般公共预算财政拨款基本支出决算明细表）“人员经费合计”与“公用经费合计”之和 456\.65，实为 455\.65，差额 -1\.00。$/);
});

test('x05-06-basic: without the 06 totals, the 类 lines are summed', async () => {
  const snap = bump(await seedSnapshot(), '公开06表!F6', 1); // 302 154.79 → 155.79
  const model = readWorkbook(snap).model;
  const t06 = model['06']!;
  delete t06.personnelTotal;
  delete t06.publicTotal;
  const errors = runRules(model, [basic0506]).filter((f) => f.severity === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].cells[0], '公开05表!D8');
  assert.ok(errors[0].cells.includes('公开06表!F6'));
  assert.deepEqual([errors[0].expected, errors[0].actual], ['456.65', '455.65']);
  assert.match(errors[0].message, /人员经费（301、303 各类之和）与公用经费（302、307、310、399 各类之和）之和/);
  // Untouched sample without totals: 291.36 + 8.12 + 154.79 + 1.38 = 455.65.
  const clean = readWorkbook(await seedSnapshot()).model;
  delete clean['06']!.personnelTotal;
  delete clean['06']!.publicTotal;
  assert.deepEqual(runRules(clean, [basic0506]), []);
});
