import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { SEED, readSeed } from '../helpers';
import { allAmounts } from '../../src/core/tables/amounts';
import { TABLE_CODES } from '../../src/core/tables/codes';

test('the sample workbook yields all nine tables with no reading problem', async () => {
  const { tables, findings, model } = await readSeed();
  assert.deepEqual(tables.map((t) => t.code), [...TABLE_CODES]);
  assert.deepEqual(findings, []);
  for (const t of tables) {
    assert.equal(t.sheet, `公开${t.code}表`);
    assert.equal(t.unit?.text, '万元');
    assert.equal(t.family, 'hunan');
  }
  assert.equal(model['02']?.meta.department?.name, '株州市长株潭一体化发展事务中心', 'the header typo is read as printed');
  assert.equal(model['03']?.meta.department?.name, '株洲市长株潭一体化发展事务中心');
  assert.equal(model['01']?.meta.range, 'A1:F38');
  assert.match(model['07']?.meta.emptyStatement?.text ?? '', /本表无数据/);
});

test('every amount cell of the sample is in the model with its value and address', async () => {
  // Independent oracle: the sample formats every amount as #,##0.00 and nothing else (not 行次/栏次).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(SEED)) as unknown as ExcelJS.Buffer);
  const expected = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number' && cell.numFmt === '#,##0.00')
          expected.set(`${ws.name}!${cell.address}`, cell.value.toFixed(2));
      }),
    );
  const { model } = await readSeed();
  const read = new Map(allAmounts(model).filter((a) => !a.amount.blank).map((a) => [a.amount.cell, a.amount.value.toFixed(2)]));
  assert.equal(expected.size, 214);
  assert.deepEqual([...read].sort(), [...expected].sort());
});

test('statement tables are keyed by label, 科目 tables by code', async () => {
  const { model } = await readSeed();
  const t01 = model['01']!;
  assert.equal(t01.income.gpb?.amounts.amount.value.toFixed(2), '519.63');
  assert.equal(t01.income.grandTotal?.amounts.amount.cell, '公开01表!C36');
  assert.equal(t01.expense.grandTotal?.amounts.amount.cell, '公开01表!F36');
  assert.deepEqual(t01.classes.map((c) => c.key).slice(0, 3), ['201', '202', '203']);
  assert.equal(t01.classes.length, 26);
  assert.equal(t01.classes.find((c) => c.key === '208')?.amounts.amount.cell, '公开01表!F14');
  assert.equal(t01.income.openingBalance?.amounts.amount.blank, true);

  const t04 = model['04']!;
  assert.equal(t04.classes.length, 26);
  assert.deepEqual(t04.expenseColumns.sort(), ['gf', 'gpb', 'soc', 'total']);
  assert.equal(t04.classes.find((c) => c.key === '221')?.amounts.gpb.cell, '公开04表!G25');
  assert.equal(t04.income.openingGpb?.labelCell, '公开04表!A35');
  assert.equal(t04.expense.closingGpb?.amounts.total.cell, '公开04表!F35', 'blank-labelled 年末 sub-rows by position');
  assert.equal(t04.expense.closingSoc?.amounts.total.cell, '公开04表!F37');
  assert.equal(t04.expense.grandTotal?.amounts.total.value.toFixed(2), '519.63');

  for (const code of ['02', '03', '05'] as const) {
    const t = model[code]!;
    assert.equal(t.rows.length, 21, code);
    assert.equal(t.rows.filter((r) => r.level === '类').length, 5);
    assert.equal(t.rows.filter((r) => r.level === '项').length, 11);
    assert.equal(t.total?.amounts.total.value.toFixed(2), '519.63');
  }
  const r = model['03']!.rows.find((x) => x.code === '2010499')!;
  assert.equal(r.name, '其他发展与改革事务支出');
  assert.equal(r.parentCode, '20104');
  assert.equal(r.amounts.project.cell, '公开03表!E11');
  assert.equal(r.amounts.project.value.toFixed(2), '56.78');
  assert.equal(r.amounts.basic.blank, true);
  assert.deepEqual(Object.keys(model['02']!.columns).sort(), ['affiliated', 'business', 'fiscal', 'operating', 'other', 'superior', 'total']);
  assert.deepEqual(Object.keys(model['07']!.columns).sort(), ['basic', 'closing', 'income', 'opening', 'project', 'total']);
  assert.equal(model['07']!.rows.length, 0);
  assert.deepEqual(Object.keys(model['08']!.columns).sort(), ['basic', 'project', 'total']);
});

test('06 reads three groups, the unlabelled-in-print 30299 and the two totals', async () => {
  const t06 = (await readSeed()).model['06']!;
  assert.equal(t06.groups, 3);
  assert.equal(t06.items.length, 81);
  const by = new Map(t06.items.map((i) => [i.code, i]));
  assert.equal(by.get('30299')?.amount.cell, '公开06表!F33');
  assert.equal(by.get('30299')?.amount.value.toFixed(2), '7.22');
  assert.equal(by.get('31002')?.amount.cell, '公开06表!I11');
  assert.equal(by.get('303')?.amount.value.toFixed(2), '8.12');
  assert.equal(by.get('30106')?.amount.blank, true);
  assert.equal(t06.personnelTotal?.cell, '公开06表!C34');
  assert.equal(t06.publicTotal?.value.toFixed(2), '156.17');
  assert.deepEqual(t06.unlabeled, []);
});

test('09 reads the 预算 block and the 决算 block by header words', async () => {
  const t09 = (await readSeed()).model['09']!;
  assert.equal(t09.budget.total?.cell, '公开09表!A8');
  assert.equal(t09.budget.vehiclePurchase?.cell, '公开09表!D8');
  assert.equal(t09.budget.vehiclePurchase?.blank, true);
  assert.equal(t09.actual.total?.cell, '公开09表!G8');
  assert.equal(t09.actual.vehicleOperation?.value.toFixed(2), '6.86');
  assert.equal(t09.actual.reception?.cell, '公开09表!L8');
  assert.equal(Object.keys(t09.actual).length, 6);
});
