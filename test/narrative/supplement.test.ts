import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SEED, snapshotOf } from '../helpers';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { readSupplement } from '../../src/core/supplement/read-supplement';
import { buildSupplementTemplate } from '../../src/core/supplement/template';
import { FIELDS, usesField } from '../../src/core/supplement/fields';
import { SupplementSchema } from '../../src/core/supplement/schema';
import { addSupplementTemplateToXlsx } from '../../src/hosts/file/supplement-xlsx';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { FindingSchema } from '../../src/core/findings/finding';
import type { CellValue } from '../../src/core/workbook/snapshot';
import { appendSheet, filledTemplate, SAMPLE_ITEMS, SAMPLE_VALUES, sampleWithSupplement, seedSnapshot, squash } from './support';

async function seedModel() {
  return readWorkbook(await seedSnapshot()).model;
}

test('template: every label of the format, 年度/单位名称 pre-filled where known, the 项 rows of 公开05表 with full labels', async () => {
  const model = await seedModel();
  const t = buildSupplementTemplate(model, { year: 2024 });
  assert.equal(t.sheetName, '说明数据');
  const labels = t.fieldRows.map((f) => t.rows[f.row][0]);
  for (const f of FIELDS.filter((x) => usesField(x, 'hunan'))) assert.ok(labels.includes(f.label), f.label);
  assert.ok(!labels.includes('面向中小企业预留政府采购项目预算金额'), 'Shanghai-only fields stay out of the Hunan template');
  const value = (label: string) => t.rows[t.fieldRows.find((f) => t.rows[f.row][0] === label)!.row][t.valueColumn];
  assert.equal(value('年度'), '2024');
  assert.equal(value('单位名称'), '株洲市长株潭一体化发展事务中心');
  assert.equal(value('上年收入支出总计'), null);
  assert.deepEqual(t.rows[t.itemHeaderRow].slice(0, 6), ['科目代码', '科目名称', '年初预算', '全年预算', '主要用于', '决算数与年初预算数差异的主要原因']);
  const items = t.itemRows.map((r) => t.rows[r]);
  assert.equal(items.length, 11);
  assert.deepEqual(items[2].slice(0, 3), ['2080502', '社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）', null]);
  assert.equal(items[0][t.itemColumns.actual], '353.87');
  // Hints quote the table values used when a line is left blank.
  const hint = t.rows[t.fieldRows.find((f) => f.key === 'meetingAmount')!.row][3];
  assert.equal(hint, '留空则取公开06表30215会议费 0.15');
  assert.ok(t.rows.every((r) => r.length === t.rows[0].length));
  const shanghai = buildSupplementTemplate(model, { format: 'shanghai' }).fieldRows.map((f) => f.key);
  assert.ok(shanghai.includes('procReservedSme') && !shanghai.includes('meetingAmount'));
});

test('an untouched template reads as an empty 说明数据: no finding, every line and item has its cell', async () => {
  const seed = await seedSnapshot();
  const model = readWorkbook(seed).model;
  const t = buildSupplementTemplate(model);
  const { supplement, findings } = readSupplement(appendSheet(seed, '说明数据', t.rows), model);
  assert.deepEqual(findings, []);
  assert.ok(supplement);
  assert.ok(SupplementSchema.safeParse(supplement).success);
  assert.equal(supplement.texts.department?.value, '株洲市长株潭一体化发展事务中心');
  assert.deepEqual(supplement.amounts, {});
  assert.equal(Object.keys(supplement.slots).length, t.fieldRows.length);
  assert.equal(supplement.slots.priorTotal, `说明数据!B${t.fieldRows.find((f) => f.key === 'priorTotal')!.row + 1}`);
  assert.equal(supplement.items.length, 11);
  assert.match(supplement.items[0].slots.budget ?? '', /^说明数据!C\d+$/);
  // A placeholder then names the cell to fill.
  const { findings: narrative } = narrateSnapshot(appendSheet(seed, '说明数据', t.rows));
  const prior = narrative.find((f) => f.rule === 'narrative-missing-input' && f.message.includes('上年收入支出总计'));
  assert.deepEqual(prior?.cells, [supplement.slots.priorTotal]);
  assert.match(prior?.message ?? '', /请在工作表“说明数据”B\d+填写/);
});

test('the sample inputs read back as Decimal values with their cells', async () => {
  const snap = await sampleWithSupplement();
  const model = readWorkbook(snap).model;
  const { supplement } = readSupplement(snap, model);
  assert.ok(supplement);
  assert.equal(supplement.year?.value, '2024');
  assert.equal(supplement.unitType?.value.kind, 'institution');
  assert.equal(supplement.amounts.priorTotal?.value.toFixed(2), '526.36');
  assert.equal(supplement.amounts.procSmall?.value.toFixed(2), '85.10');
  assert.equal(supplement.counts.receptionPersons?.value.toFixed(0), '27');
  assert.equal(supplement.scores.perfScore?.value.toString(), '98.5');
  const item = supplement.items.find((i) => i.code === '2101199');
  assert.equal(item?.budget?.value.toFixed(2), '14.30'); // entered as text “14.30”
  assert.equal(item?.reason?.value, '人员变动');
});

test('every bad entry is a supplement-* finding naming its cell, and the value is not used', async () => {
  const seed = await seedSnapshot();
  const rows = filledTemplate(
    seed,
    {
      ...SAMPLE_VALUES,
      上年收入支出总计: '五百多',
      上年财政拨款收入支出总计: -3,
      '因公出国（境）人次': 2.5,
      公务接待批次: '4个',
      年度: '二〇二四',
      单位性质: '有限公司',
      绩效自评得分: 120,
      绩效目标完成情况: true,
    },
    { ...SAMPLE_ITEMS, '2010450': { budget: '#REF!' } },
  );
  const extra: CellValue[][] = [
    ['201045', null, 3, null, null, null, null],
    ['上年收入支出总计', 1, null, null, null, null, null],
    ['2010499', null, 9, null, null, null, null],
    ['本年度奖金总额', 5, null, null, null, null, null],
    [null, null, 7, null, null, null, null],
  ];
  const snap = appendSheet(seed, '说明数据', [...rows, ...extra]);
  const model = readWorkbook(snap).model;
  const { supplement, findings } = readSupplement(snap, model);
  for (const f of findings) assert.ok(FindingSchema.safeParse(f).success);
  const by = (rule: string) => findings.filter((f) => f.rule === rule);
  const slots = supplement!.slots as Record<string, string | undefined>;
  const cellOf = (label: string) => slots[FIELDS.find((f) => f.label === label)!.key];

  const amount = by('supplement-invalid-amount');
  assert.ok(amount.some((f) => f.cells[0] === cellOf('上年收入支出总计') && /应填写金额（万元，数字），现为“五百多”/.test(f.message)));
  assert.ok(amount.some((f) => f.cells[0] === cellOf('上年财政拨款收入支出总计') && /金额不能为负数/.test(f.message)));
  assert.ok(amount.some((f) => /2010450 .*年初预算/.test(f.message) && /#REF!/.test(f.message)));
  assert.ok(amount.every((f) => f.severity === 'error' && /^说明数据!/.test(f.cells[0])));
  assert.equal(supplement!.amounts.priorTotal, undefined, 'the first 上年收入支出总计 is bad and the duplicate is not used');
  assert.equal(supplement!.amounts.priorFiscalTotal, undefined);

  assert.ok(by('supplement-invalid-count').some((f) => f.cells[0] === cellOf('因公出国（境）人次')));
  assert.equal(supplement!.counts.receptionBatches?.value.toFixed(0), '4', '“4个” is read as 4');
  assert.ok(by('supplement-invalid-year').some((f) => f.cells[0] === cellOf('年度')));
  assert.ok(by('supplement-invalid-choice').some((f) => f.cells[0] === cellOf('单位性质')));
  assert.ok(by('supplement-invalid-score').some((f) => f.cells[0] === cellOf('绩效自评得分')));
  assert.ok(by('supplement-invalid-text').some((f) => f.cells[0] === cellOf('绩效目标完成情况')));
  assert.equal(by('supplement-duplicate-label').length, 1);
  assert.ok(by('supplement-item-invalid-code').some((f) => /201045/.test(f.message)));
  assert.ok(by('supplement-item-duplicate').some((f) => /2010499/.test(f.message)));
  assert.equal(by('supplement-item-missing-code').length, 1);
  // Below the item table a text that is no code is an unknown label (warning), not a bad code.
  const unknown = by('supplement-unknown-label');
  assert.equal(unknown.length, 1);
  assert.match(unknown[0].message, /未识别的项目“本年度奖金总额”/);

  // The narrative then asks for what could not be used instead of using it.
  const { text } = narrateSnapshot(snap);
  assert.match(text, /【请填写：上年收入支出总计】/);
  assert.match(text, /【请填写：2010450 事业运行 年初预算】/);
});

test('sums that must add up: 三公 预算合计, 政府采购总额, 车辆总数 — error beyond 尾数, info within', async () => {
  const seed = await seedSnapshot();
  const snap = appendSheet(
    seed,
    '说明数据',
    filledTemplate(seed, { ...SAMPLE_VALUES, '“三公”经费预算合计': 20, 政府采购支出总额: 105.2, 车辆总数: 3, 授予小微企业合同金额: 120 }, SAMPLE_ITEMS),
  );
  const { findings } = readSupplement(snap, readWorkbook(snap).model);
  const sums = findings.filter((f) => f.rule === 'supplement-sum-mismatch');
  const sg = sums.find((f) => /“三公”经费预算合计/.test(f.message));
  assert.equal(sg?.severity, 'error');
  assert.equal(sg?.expected, '19.00');
  assert.equal(sg?.difference, '1.00');
  const proc = sums.find((f) => /政府采购支出总额/.test(f.message));
  assert.equal(proc?.severity, 'info', '0.01 over four rounded amounts is a 尾数');
  assert.ok(sums.some((f) => /车辆总数/.test(f.message) && f.severity === 'error'));
  assert.ok(findings.some((f) => f.rule === 'supplement-inconsistent' && /授予小微企业合同金额/.test(f.message)));
});

test('labels are found anywhere on the sheet, with a colon, a unit or numbering; item columns by header', async () => {
  const seed = await seedSnapshot();
  const rows: CellValue[][] = [
    [null, null, '自编的说明数据表', null, null, null, null],
    [null, null, '1.年度：', '2024年', null, null, null],
    [null, null, '上年收入支出总计（万元）', '526.36', null, null, null],
    [null, null, '收支总计增减变化的主要原因:', '厉行节约。', null, null, null],
    [null, null, null, null, null, null, null],
    [null, null, '主要原因', '科目代码', '年初预算（万元）', '备注', null],
    [null, null, '厉行节约', 2010450, 476.41, 'x', null],
  ];
  const snap = appendSheet(seed, '说明数据（2024）', rows);
  const { supplement, findings } = readSupplement(snap, readWorkbook(snap).model);
  assert.deepEqual(findings, []);
  assert.equal(supplement?.sheet, '说明数据（2024）');
  assert.equal(supplement?.year?.value, '2024');
  assert.equal(supplement?.amounts.priorTotal?.cell, '说明数据（2024）!D3');
  assert.equal(supplement?.texts.reasonTotal?.value, '厉行节约');
  assert.equal(supplement?.items[0].code, '2010450');
  assert.equal(supplement?.items[0].budget?.value.toFixed(2), '476.41');
  assert.equal(supplement?.items[0].reason?.value, '厉行节约');
  const text = squash(narrateSnapshot(snap).text);
  assert.ok(text.includes('2024年度收、支总计519.63万元。与上年相比，减少6.73万元，下降1.28%，主要是因为厉行节约。'));
  assert.ok(text.includes('年初预算为476.41万元，支出决算为353.87万元，完成年初预算的74.28%。决算数小于年初预算数的主要原因是：厉行节约。'));
});

test('a 项 budgeted but not spent is explained in table order; a 款 code where 项 exist is a warning', async () => {
  const seed = await seedSnapshot();
  const items = { ...SAMPLE_ITEMS, '2080501': { budget: 3, reason: '无行政人员离退休' }, '20805': { budget: 1 } };
  const snap = appendSheet(seed, '说明数据', filledTemplate(seed, SAMPLE_VALUES, items));
  const { text, findings } = narrateSnapshot(snap);
  const t = squash(text);
  assert.ok(
    t.includes('3、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算为3.00万元，支出决算为0.00万元，完成年初预算的0.00%。决算数小于年初预算数的主要原因是：无行政人员离退休。4、社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）。'),
  );
  assert.ok(findings.some((f) => f.rule === 'supplement-item-level' && /20805/.test(f.message)));
});

test('xlsx: the template is written into a copy of the workbook, reads back empty, and is not written twice', async () => {
  const bytes = new Uint8Array(await readFile(SEED));
  const model = readWorkbook(await snapshotOf(bytes, 'seed.xlsx')).model;
  const first = await addSupplementTemplateToXlsx(bytes, model, { year: 2024 });
  assert.ok(first.ok);
  const snap = await snapshotOf(first.bytes, 'seed.xlsx');
  assert.deepEqual(snap.sheets.map((s) => s.name).slice(-2), ['公开09表', '说明数据']);
  const read = readWorkbook(snap);
  assert.deepEqual(read.findings, [], 'the nine tables read as before');
  const { supplement, findings } = readSupplement(snap, read.model);
  assert.deepEqual(findings, []);
  assert.equal(supplement?.year?.value, '2024');
  assert.equal(supplement?.items.length, 11);
  const again = await addSupplementTemplateToXlsx(first.bytes, model);
  assert.equal(again.ok, false);
  assert.match(again.ok ? '' : again.message, /已有工作表“说明数据”/);
  const replaced = await addSupplementTemplateToXlsx(first.bytes, model, { replace: true });
  assert.ok(replaced.ok);
  assert.equal((await snapshotOf(replaced.bytes)).sheets.filter((s) => s.name === '说明数据').length, 1);
});
