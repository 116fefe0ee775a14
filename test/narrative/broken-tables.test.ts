import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { checkSnapshot } from '../../src/core/report';
import type { NarrativeFormat } from '../../src/core/supplement/fields';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { snapshotOf } from '../helpers';
import { seedSnapshot, withCells } from '../rules/support';
import { buildShanghaiWorkbook } from '../support/shanghai';
import { workbookToBuffer } from '../support/variants';
import { impossibleFigures, sectionText, shapeMismatches } from './template';

/**
 * Issue 13 item 6: a sentence whose source table fails its own identities takes the value the tables agree on, or
 * becomes a placeholder with a warning naming the cells in doubt — never an impossible figure. 三 is written
 * from 01 and 05 when 03 cannot be read and all spending is 财政拨款.
 */

const UNIT = '株洲市长株潭一体化发展事务中心';
const FORMATS: NarrativeFormat[] = ['hunan', 'shanghai'];

/** 03's header words unreadable: the reader finds no 支出决算表 (a read-table-missing error). */
function unreadable03(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const ws = copy.sheets.find((s) => s.name === '公开03表')!;
  ws.values = ws.values.map((row, i) => (i >= 3 && i <= 5 ? row.map((v) => (typeof v === 'string' ? '？' : v)) : row));
  return copy;
}

/** 05 with the 类 row 201 doubled (every column), and 03 unreadable. */
async function doubledClassNo03(): Promise<WorkbookSnapshot> {
  return unreadable03(withCells(await seedSnapshot(), { '公开05表!C9': 821.3, '公开05表!D9': 707.74, '公开05表!E9': 113.56 }));
}

function rulesOf<F extends { rule: string }>(findings: F[], prefix: string): F[] {
  return findings.filter((f) => f.rule.startsWith(prefix));
}

for (const format of FORMATS)
  test(`${format}: 05 with a 类 row doubled and 03 unreadable — 五（二） takes the agreeing 04/款 figure, 三 comes from 01 + 05`, async () => {
    const { text, document, findings } = narrateSnapshot(await doubledClassNo03(), { format, year: 2024 });
    assert.deepEqual(impossibleFigures(text), []);
    assert.doesNotMatch(text, /821\.30|158\.05%/);
    assert.match(sectionText(document, 'gpb-structure'), /一般公共服务支出（类）410\.65万元，占79\.03%/);
    const substituted = findings.find((f) => f.rule === 'narrative-figure-substituted' && f.cells[0] === '公开05表!C9');
    assert.ok(substituted, rulesOf(findings, 'narrative').map((f) => f.rule).join(', '));
    assert.equal(substituted.severity, 'warning');
    assert.ok(substituted.cells.includes('公开04表!G7'), 'names the agreeing 04 cell');
    assert.match(substituted.message, /821\.30 万元.*410\.65 万元.*请核对公开05表/);
    // 三 without 03: 01 本年支出合计, and the parts of 05 because 01 = 04 (all spending is 财政拨款).
    const expense = sectionText(document, 'expense');
    assert.match(expense, /支出合计519\.63万元，其中：基本支出455\.65万元，占87\.69%；项目支出63\.98万元，占12\.31%/);
    const from01 = findings.find((f) => f.rule === 'narrative-figure-substituted' && f.message.includes('“本年支出合计”写为 519.63 万元'));
    assert.ok(from01 && from01.cells.includes('公开01表!F33'));
    assert.match(from01.message, /^公开03表（支出决算表）未找到或未能读取此数，公开01表“本年支出合计”（公开01表!F33）为 519\.63 万元/);
    if (format === 'shanghai') assert.deepEqual(shapeMismatches(document, UNIT), []);
  });

for (const format of FORMATS)
  test(`${format}: 基本支出 0.00 in 05 with 06 人员经费 8055.07 — never “基本支出0.00万元。其中：人员经费8055.07万元”`, async () => {
    // 06 consistent in itself (合计 = 301 + 303, 301 = Σ款) but far above 05; 05's 合计 基本支出 blank.
    const snap = withCells(await seedSnapshot(), { '公开05表!D8': null, '公开06表!C34': 8055.07, '公开06表!C6': 8046.95, '公开06表!C7': 7836.49 });
    const { text, document, findings } = narrateSnapshot(snap, { format, year: 2024 });
    assert.deepEqual(impossibleFigures(text), []);
    const basic = sectionText(document, 'basic');
    assert.match(basic, /基本支出455\.65万元/, 'the 基本支出 the 05 classes and row agree on');
    assert.doesNotMatch(basic, /0\.00万元|8055\.07/);
    assert.match(basic, /人员经费【请填写：人员经费（表内数据存疑）】万元/);
    const impossible = findings.find((f) => f.rule === 'narrative-impossible-figure' && f.message.includes('【请填写：人员经费（表内数据存疑）】'));
    assert.ok(impossible, rulesOf(findings, 'narrative').map((f) => `${f.rule}: ${f.message}`).join('\n'));
    assert.match(impossible.message, /8055\.07 万元，大于基本支出 455\.65 万元/);
    assert.ok(impossible.cells.includes('公开06表!C34'));
    if (format === 'hunan') assert.match(basic, /占基本支出的【请填写：人员经费占比】%/);
    if (format === 'shanghai') assert.deepEqual(shapeMismatches(document, UNIT), []);
  });

for (const format of FORMATS)
  test(`${format}: 03 合计 misprinted (51.60) — no “占1007.03%”, 三 and 五（一） state what 01 and 03’s rows agree on`, async () => {
    const { text, document, findings } = narrateSnapshot(withCells(await seedSnapshot(), { '公开03表!C7': 51.6 }), { format, year: 2024 });
    assert.deepEqual(impossibleFigures(text), []);
    assert.doesNotMatch(text, /51\.60|1007|883\.04/);
    assert.match(sectionText(document, 'gpb-overall'), /占本年支出合计的100\.00%/);
    const f = findings.find((x) => x.rule === 'narrative-figure-substituted' && x.cells[0] === '公开03表!C7');
    assert.ok(f);
    assert.ok(f.cells.includes('公开01表!F33'));
  });

for (const format of FORMATS)
  test(`${format}: 09 合计 ≠ Σ items with no third witness — the 三公 figures in doubt are placeholders with warnings`, async () => {
    const { text, document, findings } = narrateSnapshot(withCells(await seedSnapshot(), { '公开09表!G8': 24.32 }), { format, year: 2024 });
    assert.deepEqual(impossibleFigures(text), []);
    assert.doesNotMatch(text, /24\.32/);
    assert.match(text, /【请填写：“三公”经费决算数（公开09表数据存疑）】万元/);
    const doubt = findings.filter((f) => f.rule === 'narrative-figure-doubtful' && f.table === '09');
    assert.ok(doubt.length >= 3);
    const total = doubt.find((f) => f.message.includes('“三公”经费决算数（公开09表数据存疑）'));
    assert.ok(total && total.severity === 'warning');
    assert.equal(total.cells[0], '公开09表!G8');
    assert.match(total.message, /24\.32 万元.*14\.32 万元，无法确定哪一个正确/);
    // The vehicle subtotal agrees with its own parts: still stated.
    assert.match(sectionText(document, 'sangong'), /6\.86万元/);
    if (format === 'shanghai') assert.deepEqual(shapeMismatches(document, UNIT), []);
  });

test('a 科目 printed twice in 05 is listed once (the check names the repeated row)', async () => {
  const snap = structuredClone(await seedSnapshot());
  const ws = snap.sheets.find((s) => s.name === '公开05表')!;
  ws.values.splice(13, 0, [...ws.values[12]]);
  const { document, text } = narrateSnapshot(snap, { format: 'shanghai', year: 2024 });
  assert.equal(sectionText(document, 'gpb-structure').split('社会保障和就业支出（类）').length, 2);
  assert.deepEqual(impossibleFigures(text), []);
  assert.ok(checkSnapshot(snap).report.findings.some((f) => f.rule === 'subject-code-structure' && f.cells.includes('公开05表!A14')));
});

test('03 unreadable where not all spending is 财政拨款: 本年支出合计 from 01, the parts asked for with a warning', async () => {
  const bytes = await workbookToBuffer(await buildShanghaiWorkbook());
  const snap = await snapshotOf(bytes, 'x.xlsx');
  const t03 = snap.sheets.find((s) => s.values.some((r) => r.some((v) => typeof v === 'string' && /^支出决算表$/.test(v))));
  assert.ok(t03, 'the Shanghai-family workbook has a 支出决算表 sheet');
  t03.values = t03.values.map((r) => r.map((v) => (typeof v === 'string' && /本年支出合计|基本支出|项目支出|经营支出|上缴上级|附属单位/.test(v) ? '？' : v)));
  const { text, document, findings, model } = narrateSnapshot(snap, { format: 'shanghai' });
  assert.equal(model['03'], undefined);
  assert.deepEqual(impossibleFigures(text), []);
  const expense = sectionText(document, 'expense');
  assert.match(expense, /^本年支出合计3515\.48万元，其中：基本支出【请填写：基本支出（公开03表未能读取）】万元，占【请填写：基本支出占比】%；/);
  const asked = findings.find((f) => f.rule === 'narrative-figure-doubtful' && f.message.includes('【请填写：基本支出（公开03表未能读取）】'));
  assert.ok(asked && asked.severity === 'warning');
  assert.match(asked.message, /公开03表（支出决算表）未找到或未能读取/);
});
