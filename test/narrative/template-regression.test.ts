import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import type { NarrativeFormat } from '../../src/core/supplement/fields';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { snapshotOf } from '../helpers';
import { withCells } from '../rules/support';
import { buildShanghaiWorkbook, SHANGHAI_UNIT } from '../support/shanghai';
import { workbookToBuffer } from '../support/variants';
import { appendSheet, filledTemplate } from './support';
import { figureCoverage, impossibleFigures, leftoverTemplateWords, sectionText, shapeMismatches, templateFigures } from './template';

/**
 * Issue 13 item 7 (generator half): the narratives of the sample (with and without 说明数据) and of the
 * Shanghai-family workbook, in both formats, hold no impossible figure and no template word left to choose; the
 * Shanghai text fits the template sentence by sentence (domain.md §3.2) and states every figure the template asks
 * for that the tables can give; the department is the workbook's best-attested name.
 */

const FIXTURES = join(__dirname, '..', 'fixtures');
const SAMPLE_UNIT = '株洲市长株潭一体化发展事务中心';

let shanghaiBook: Promise<WorkbookSnapshot> | undefined;
function shanghaiSnapshot(): Promise<WorkbookSnapshot> {
  shanghaiBook ??= buildShanghaiWorkbook().then(workbookToBuffer).then((b) => snapshotOf(b, '浦江区绿化市容局2024年度部门决算.xlsx'));
  return shanghaiBook;
}

/** The Shanghai-family workbook with a 说明数据 sheet saying it is a 行政单位 (上年 figures for 十一（一）). */
async function shanghaiWithNotes(): Promise<WorkbookSnapshot> {
  const snap = await shanghaiSnapshot();
  const rows = filledTemplate(snap, { 年度: 2024, 单位性质: '行政单位', 上年机关运行经费支出: 250, 机关运行经费增减变化的主要原因: '压减一般性支出' }, {}, 'shanghai');
  return appendSheet(snap, '说明数据', rows);
}

const CASES: Array<{ name: string; unit: string; snapshot: () => Promise<WorkbookSnapshot>; administrative?: boolean }> = [
  { name: 'seed-2024.xlsx', unit: SAMPLE_UNIT, snapshot: async () => snapshotOf(await readFile(join(FIXTURES, 'seed-2024.xlsx')), 'seed-2024.xlsx') },
  { name: 'seed-2024-with-notes.xlsx', unit: SAMPLE_UNIT, snapshot: async () => snapshotOf(await readFile(join(FIXTURES, 'seed-2024-with-notes.xlsx')), 'seed-2024-with-notes.xlsx') },
  { name: 'Shanghai-family workbook', unit: SHANGHAI_UNIT, snapshot: shanghaiSnapshot },
  { name: 'Shanghai-family workbook + 说明数据 (行政单位)', unit: SHANGHAI_UNIT, snapshot: shanghaiWithNotes, administrative: true },
];
const FORMATS: NarrativeFormat[] = ['hunan', 'shanghai'];

for (const c of CASES)
  for (const format of FORMATS)
    test(`${c.name}, ${format}: no impossible figure, no template word left, the department from the workbook’s facts`, async () => {
      const { text, document } = narrateSnapshot(await c.snapshot(), { format });
      assert.deepEqual(impossibleFigures(text), []);
      // The Hunan sample's own wording keeps “增减情况【请填写：上年…】” for a prior year not given.
      const left = leftoverTemplateWords(text).filter((w) => format === 'shanghai' || !w.startsWith('增减情况'));
      assert.deepEqual(left, []);
      assert.equal(document.department, c.unit);
      assert.equal(document.title, `${c.unit}${document.year ? `${document.year}年度` : '本年度'}部门决算情况说明`);
      if (format === 'shanghai') assert.ok(document.parts[0].heading.startsWith(`第三部分 ${c.unit}`), document.parts[0].heading);
      // The sample's 02/06 headers misspell the name (株州); the narrative never copies a title the others contradict.
      assert.doesNotMatch(text, /株州市/);
    });

for (const c of CASES)
  test(`${c.name}, shanghai: every paragraph fits the template’s sentence shapes (domain.md §3.2)`, async () => {
    const { document } = narrateSnapshot(await c.snapshot(), { format: 'shanghai' });
    assert.deepEqual(shapeMismatches(document, c.unit), []);
  });

test('the Shanghai-family workbook states every figure the template asks for that the tables can give', async () => {
  for (const c of CASES.filter((x) => x.unit === SHANGHAI_UNIT)) {
    const snap = await c.snapshot();
    const { document, model } = narrateSnapshot(snap, { format: 'shanghai' });
    const figures = templateFigures(model, { administrative: c.administrative });
    const { stated, missing } = figureCoverage(document, figures);
    assert.deepEqual(
      missing.map((m) => `${m.section}: ${m.pattern.source}`),
      [],
      `${c.name}: ${stated.length} of ${figures.length} stated`,
    );
    assert.ok(figures.length >= 30, `${figures.length} figures`);
  }
});

test('the sample (no 说明数据) states every figure the template asks for that the tables can give', async () => {
  const { document, model } = narrateSnapshot(await CASES[0].snapshot(), { format: 'shanghai' });
  const { missing } = figureCoverage(document, templateFigures(model));
  assert.deepEqual(missing.map((m) => `${m.section}: ${m.pattern.source}`), []);
});

test('公务用车: 购置 and 运行维护 each from its own 09 cell (24.80 and 9.72 in the Shanghai-family workbook)', async () => {
  const { document, model } = narrateSnapshot(await shanghaiSnapshot(), { format: 'shanghai' });
  const t09 = model['09']!.actual;
  assert.equal(t09.vehiclePurchase!.value.toFixed(2), '24.80');
  assert.equal(t09.vehicleOperation!.value.toFixed(2), '9.72');
  const detail = sectionText(document, 'sangong-detail');
  assert.match(detail, /其中：公务用车购置支出为24\.80万元，2024年度购置公务用车【请填写：公务用车购置数量】辆。公务用车运行维护支出9\.72万元，/);
  // A missing prior year for the vehicle line asks for both of its parts, not for one of them twice.
  const { findings } = narrateSnapshot(await shanghaiSnapshot(), { format: 'shanghai' });
  const asked = findings.find((f) => f.message.includes('【请填写：公务用车购置及运行维护费增减额】'));
  assert.ok(asked);
  assert.match(asked.message, /“上年公务用车购置费决算”和“上年公务用车运行维护费决算”/);
});

test('十一（一）: a 行政单位’s 机关运行经费 is 06 公用经费合计, compared with the prior year; unknown 单位性质 is asked for', async () => {
  const admin = narrateSnapshot(await shanghaiWithNotes(), { format: 'shanghai' });
  assert.equal(sectionText(admin.document, 'operating-cost'), '机关运行经费支出244.11万元，比2023年度减少5.89万元，下降2.36%。主要原因是压减一般性支出。');
  const bare = narrateSnapshot(await shanghaiSnapshot(), { format: 'shanghai' });
  assert.match(sectionText(bare.document, 'operating-cost'), /^机关运行经费支出【请填写：机关运行经费支出】万元，比2023年度增加\/减少【请填写：机关运行经费增减额】万元，增长\/下降【请填写：机关运行经费增减率】%。/);
  const asked = bare.findings.find((f) => f.message.includes('【请填写：机关运行经费支出】'));
  assert.ok(asked && asked.severity === 'warning');
  assert.match(asked.message, /单位性质/);
  assert.match(asked.message, /公用经费合计 244\.11 万元/);
  // The sample is a 财政补助事业单位: none.
  const seed = narrateSnapshot(await CASES[1].snapshot(), { format: 'shanghai' });
  assert.equal(sectionText(seed.document, 'operating-cost'), `${SAMPLE_UNIT}2024年度无机关运行经费支出。`);
});

test('同比 with the prior year unknown keeps the template’s words, one placeholder per unknown number, each a finding', async () => {
  const { document, findings } = narrateSnapshot(await shanghaiSnapshot(), { format: 'shanghai' });
  assert.match(
    sectionText(document, 'overview'),
    /与2023年度相比，收入支出总计增加\/减少【请填写：收入支出总计增减额】万元，增长\/下降【请填写：收入支出总计增减率】%。主要原因：【请填写：收支总计增减变化的主要原因】。$/,
  );
  for (const label of ['收入支出总计增减额', '收入支出总计增减率', '“三公”经费增减额', '公务接待费增减率'])
    assert.equal(findings.filter((f) => f.rule === 'narrative-missing-input' && f.message.includes(`【请填写：${label}】`)).length, 1, label);
  assert.match(sectionText(document, 'performance'), /绩效跟踪评价的2024年度项目【请填写：绩效跟踪评价的项目个数】个，涉及预算金额【请填写：绩效跟踪评价的项目预算金额】万元；/);
});

test('every placeholder in the text is quoted by a warning saying what to do (sound, bare and broken workbooks, both formats)', async () => {
  const broken = async () =>
    withCells(await CASES[0].snapshot(), { '公开05表!C9': 821.3, '公开05表!D8': null, '公开09表!G8': 24.32, '公开06表!C34': 8055.07 });
  for (const snapshot of [...CASES.map((c) => c.snapshot), broken])
    for (const format of FORMATS) {
      const { text, findings } = narrateSnapshot(await snapshot(), { format });
      const quoted = findings.filter((f) => f.severity === 'warning').map((f) => f.message).join('\n');
      for (const ph of new Set(text.match(/【请填写：[^】]*】/g) ?? [])) assert.ok(quoted.includes(ph), `${format}: ${ph}`);
    }
});
