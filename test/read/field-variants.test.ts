/**
 * Named field variants (issue 11 item 5): for every layout variation named in domain.md §1.2 “Layout variation seen
 * in the field” and in the issue's grammar, one deterministic workbook built from the sample's numbers, written as a
 * real .xlsx with ExcelJS and read back, must give the sample's amounts and the sample's findings (by meaning: see
 * test/support/layout/compare.ts). One test per variant, so that the runner's list is the pass/fail table.
 * Each variant is the neutral layout with the named switches; `npx tsx scripts/layout-report.ts dump sample:1
 * "<switches>" out.xlsx` writes one to open in Excel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalBooks } from '../support/layout/books';
import { formatDiff, isClean } from '../support/layout/compare';
import { runLayoutViaFile } from '../support/layout/fuzz';
import { withSwitches, type Switches } from '../support/layout/switches';

const SEED = 1;

const FIELD_VARIANTS: [string, Partial<Switches>][] = [
  // Workbook
  ['all tables stacked on one sheet, no blank row between', { arrangement: 'stacked', stackGap: 0 }],
  ['all tables stacked on one sheet, 3 blank rows between', { arrangement: 'stacked', stackGap: 3 }],
  ['two or three tables to a sheet', { arrangement: 'grouped', stackGap: 1 }],
  ['cover and 目录 sheets first', { front: 'cover-toc' }],
  ['一般公共预算财政拨款支出决算明细表 (by economic class) between the tables', { extras: 'econ-detail' }],
  ['机构运行信息表 between the tables', { extras: 'institution' }],
  ['资产负债情况表 between the tables', { extras: 'balance' }],
  ['sheets named 表1…表9', { sheetNames: 'biao' }],
  ['sheets named Sheet1…', { sheetNames: 'sheet' }],
  ['sheets named by their titles', { sheetNames: 'title' }],
  ['sheets with random names', { sheetNames: 'random' }],
  ['sheet order shuffled', { order: 'shuffled' }],
  ['tables offset by rows and columns', { offset: 'moved' }],
  ['empty cells as "" (Office)', { emptyCells: 'empty-string' }],
  ['merged areas not reported by the host', { mergesReported: 'no' }],
  // Titles and numbering
  ['“X局2024年度部门决算表” line above the title', { titleLine: 'banner' }],
  ['title “X局2024年度收入支出决算总表”', { titleLine: 'prefixed' }],
  ['titles seen in other regions (部门收支决算总表, 收入决算总表, …)', { titleWords: 'variant' }],
  ['numbered 1.…9. before the title', { numbering: 'arabic', numberPlace: 'prefix' }],
  ['numbered 表一…表九 before the title', { numbering: 'chinese', numberPlace: 'prefix' }],
  ['“公开01表” in the title row', { numberPlace: 'title-row' }],
  ['“公开01表” in its own cell under the title (seed)', { numberPlace: 'own-line' }],
  ['numbered 1.…9. in its own cell under the title', { numbering: 'arabic', numberPlace: 'own-line' }],
  ['not numbered', { numbering: 'none' }],
  ['Shanghai numbering: 三公 as 公开07表', { printedOrder: 'shanghai' }],
  // Meta line
  ['“部门：X … 金额单位：万元” in one cell', { metaLine: 'dept-unit-one-cell' }],
  ['“编制单位：X … 单位：万元”', { metaLine: 'bianzhi' }],
  ['“单位：万元” only, the department in the title line above', { metaLine: 'unit-only', titleLine: 'banner' }],
  ['“单位：万元” only, the department in the title', { metaLine: 'unit-only', titleLine: 'prefixed' }],
  // Heads
  ['heads not merged (an exporter writes a group label once, blank beside)', { headMerge: 'unmerged' }],
  ['heads not merged, and no merges reported at all', { headMerge: 'unmerged', mergesReported: 'no' }],
  ['科目 heads without 项目 above', { codeHeadTop: 'flat' }],
  ['05/07/08 flat heads (no 本年支出 group)', { spendingGroup: 'flat' }],
  ['no row under the heads', { subRow: 'none' }],
  ['决算数 under each amount head', { subRow: '决算数' }],
  ['heads broken by line breaks and spaces', { headNoise: 'broken' }],
  ['01/04 without 行次 columns', { rowNumbers: 'no' }],
  ['01/04 without a 收入 | 支出 row', { sideRow: 'no' }],
  ['four head rows: 项目 / 功能分类科目编码 / 类 款 项 / 决算数', { codes: 'split-parts', codeHeadTop: 'xiangmu', subRow: '决算数' }],
  // 科目 codes
  ['codes split 类|款|项 (201 | 06 | 01)', { codes: 'split-parts' }],
  ['codes split, the full code in 类 and 款/项 blank', { codes: 'split-full' }],
  ['类|款|项 labels on the 合计 row (Shanghai 2025)', { codes: 'split-parts', splitLabels: 'total-row' }],
  [
    'Shanghai 2025: full code in 类, 类|款|项 on the 合计 row, 决算数 row, “4,733.14” amounts',
    { codes: 'split-full', splitLabels: 'total-row', subRow: '决算数', amounts: 'grouped' },
  ],
  ['code and name in one cell (“2010601 行政运行”)', { codes: 'combined' }],
  ['codes as numbers', { codeType: 'number' }],
  ['科目名称 left of the code', { namePlace: 'left' }],
  ['合计 last', { totalPos: 'last' }],
  ['合计 last, 科目名称 left of the code', { totalPos: 'last', namePlace: 'left' }],
  ['合计 labelled 总计', { totalWord: '总计' }],
  ['合计 merged across code and name', { totalLabelPlace: 'merged' }],
  ['合计 in the name column', { totalLabelPlace: 'name' }],
  // 06
  ['06 in two column groups', { groups06: 2 }],
  ['06 economic codes split over two columns (301 | 01)', { econCodes: 'split' }],
  ['06 without 人员经费 | 公用经费 above', { groupRow06: 'no' }],
  ['06 amount head 金额', { amountHead06: '金额' }],
  // 09
  ['09 with 预算数|决算数 pairs per item (Shanghai)', { t09: 'interleaved' }],
  ['09 vertical (items as rows)', { t09: 'vertical' }],
  ['三公 rows inside a 机构运行信息表, no 三公 table', { t09: 'in-other-table' }],
  ['公务用车购置及运行费 (not …运行维护费)', { vehicleName: 'short' }],
  // 01/04
  ['01/04 bottom line 合计 instead of 总计', { bottomWord: '合计' }],
  ['01/04 labels not numbered', { labelNumbers: 'plain' }],
  ['01 “使用非财政拨款结余” without “（含专用结余）”', { balanceLabel: 'short' }],
  ['01/04 with 24 类 rows', { classRows: 'drop-debt' }],
  ['04 年末 source rows labelled', { closingLabels04: 'labelled' }],
  // Notes and empty tables
  ['注 inside the table frame', { notes: 'inside' }],
  ['no 注 lines', { notes: 'none' }],
  ['no-data statement merged across the first body row', { emptyStatement: 'first-body-row' }],
  ['no-data statement in the body and no 合计 row', { emptyStatement: 'first-body-row', emptyTotal: 'absent' }],
  ['an all-zero 合计 row in the empty tables', { emptyTotal: 'zeros' }],
  // Amounts
  ['amounts as text “519.63”', { amounts: 'text' }],
  ['amounts as text with thousands separators', { amounts: 'grouped' }],
  ['amounts in full-width digits', { amounts: 'full-width' }],
];

test('every field variant is a distinct layout (no two named variants are the same switches)', () => {
  const seen = new Set(FIELD_VARIANTS.map(([, s]) => JSON.stringify(withSwitches(s))));
  assert.equal(seen.size, FIELD_VARIANTS.length);
});

for (const [name, over] of FIELD_VARIANTS) {
  test(`field variant: ${name}`, async () => {
    const [sample] = await canonicalBooks();
    const o = await runLayoutViaFile(sample, withSwitches(over), SEED);
    assert.ok(isClean(o.diff), `${name}\n${formatDiff(o.diff, o.check)}\n  placed: ${o.layout.placements.join(', ')}`);
  });
}

test('a region that does not publish 08 (2019 reports): one finding about 08, nothing else changes', async () => {
  const [sample] = await canonicalBooks();
  const o = await runLayoutViaFile(sample, withSwitches({}), SEED, { omit: ['08'] });
  assert.deepEqual(o.diff.amounts, [], '08 is empty in the sample: no amount may change');
  assert.deepEqual(o.diff.missingFindings, []);
  const extra = o.check.report.findings.filter((f) => o.diff.extraFindings.some((sig) => sig.startsWith(`${f.rule}|${f.severity}|${f.table ?? ''}|`)));
  assert.equal(extra.length, 1, `expected one finding about 08, got ${extra.length}:\n${extra.map((f) => `${f.rule}[${f.table}] ${f.message}`).join('\n')}`);
  assert.equal(extra[0].table, '08', `${extra[0].rule}: ${extra[0].message}`);
});

test('01 whose bottom line says 合计 instead of 总计 reads the same', async () => {
  const [sample] = await canonicalBooks();
  const o = await runLayoutViaFile(sample, withSwitches({ bottomWord: '合计' }), SEED);
  const about01 = (xs: string[]) => xs.filter((x) => x.startsWith('01.') || x.includes('|01|'));
  assert.deepEqual(about01(o.diff.amounts), [], formatDiff(o.diff, o.check));
  assert.deepEqual(about01([...o.diff.missingFindings, ...o.diff.extraFindings]), [], formatDiff(o.diff, o.check));
});
