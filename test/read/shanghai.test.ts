import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readXlsx } from '../helpers';
import { buildShanghaiWorkbook, SHANGHAI_EXPECTED as E, T02_COLUMNS, T03_COLUMNS, T05_COLUMNS, T07_COLUMNS } from '../support/shanghai';
import { textifyAmounts, workbookToBuffer } from '../support/variants';
import { TABLE_CODES } from '../../src/core/tables/codes';
import type { SubjectTable, TablesModel } from '../../src/core/tables/model';

const KEYS_02 = ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'];
const KEYS_03 = ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated'];
const KEYS_05 = ['total', 'basic', 'project'];
const KEYS_07 = ['opening', 'income', 'total', 'basic', 'project', 'closing'];

/** Compares one 科目 table of the model with the invented numbers, cell by cell. */
function compareSubjects(
  model: TablesModel,
  code: '02' | '03' | '05' | '07' | '08',
  expected: Record<string, Record<string, number>>,
  labels: readonly string[],
  keys: string[],
): number {
  const table = model[code] as SubjectTable | undefined;
  assert.ok(table, code);
  let compared = 0;
  for (const [subject, row] of Object.entries(expected)) {
    const amounts = subject === '合计' ? table.total?.amounts : table.rows.find((r) => r.code === subject)?.amounts;
    assert.ok(amounts, `${code} ${subject}`);
    labels.forEach((label, i) => {
      const want = (row[label] ?? 0).toFixed(2);
      assert.equal(amounts[keys[i]]?.value.toFixed(2) ?? '0.00', want, `${code} ${subject} ${label}`);
      compared++;
    });
  }
  return compared;
}

async function checkAgainstExpected(model: TablesModel): Promise<number> {
  let n = 0;
  n += compareSubjects(model, '02', E.t02, T02_COLUMNS, KEYS_02);
  n += compareSubjects(model, '03', E.t03, T03_COLUMNS, KEYS_03);
  n += compareSubjects(model, '05', E.t05, T05_COLUMNS, KEYS_05);
  n += compareSubjects(model, '07', E.t07, T07_COLUMNS, KEYS_07);
  const t01 = model['01']!;
  assert.equal(t01.income.grandTotal?.amounts.amount.value.toFixed(2), E.t01.收入总计.toFixed(2));
  assert.equal(t01.expense.grandTotal?.amounts.amount.value.toFixed(2), E.t01.支出总计.toFixed(2));
  assert.equal(t01.income.openingBalance?.amounts.amount.value.toFixed(2), E.t01.年初结转和结余.toFixed(2));
  assert.equal(t01.expense.closingBalance?.amounts.amount.value.toFixed(2), E.t01.年末结转和结余.toFixed(2));
  assert.equal(t01.classes.length, 24);
  for (const [cls, value] of Object.entries(E.t01.expenditure)) {
    assert.equal(t01.classes.find((c) => c.key === cls)?.amounts.amount.value.toFixed(2), value.toFixed(2), `01 ${cls}`);
    n++;
  }
  const t04 = model['04']!;
  assert.equal(t04.income.grandTotal?.amounts.amount.value.toFixed(2), E.t04.income.总计.toFixed(2));
  assert.equal(t04.income.openingGf?.amounts.amount.value.toFixed(2), E.t04.income.年初政府性基金预算财政拨款.toFixed(2));
  for (const [key, row] of Object.entries(E.t04.expenditure)) {
    const line = /^\d{3}$/.test(key) ? t04.classes.find((c) => c.key === key) : key === '本年支出合计' ? t04.expense.totalExpense : key === '总计' ? t04.expense.grandTotal : t04.expense.closingBalance;
    assert.ok(line, `04 ${key}`);
    assert.equal(line.amounts.total.value.toFixed(2), row.合计.toFixed(2), `04 ${key} 合计`);
    assert.equal(line.amounts.gf.value.toFixed(2), row.政府性基金预算财政拨款.toFixed(2), `04 ${key} gf`);
    n += 2;
  }
  const t06 = model['06']!;
  assert.equal(t06.groups, 2);
  for (const [code, value] of Object.entries(E.t06.items)) {
    assert.equal(t06.items.find((i) => i.code === code)?.amount.value.toFixed(2), value.toFixed(2), `06 ${code}`);
    n++;
  }
  assert.equal(t06.personnelTotal?.value.toFixed(2), E.t06.人员经费合计.toFixed(2));
  assert.equal(t06.publicTotal?.value.toFixed(2), E.t06.公用经费合计.toFixed(2));
  const t09 = model['09']!;
  const items09 = { total: '合计', abroad: '因公出国（境）费', vehicleTotal: '小计', vehiclePurchase: '公务用车购置费', vehicleOperation: '公务用车运行费', reception: '公务接待费' } as const;
  for (const [key, label] of Object.entries(items09)) {
    assert.equal(t09.budget[key as keyof typeof items09]?.value.toFixed(2), E.t09.预算数[label].toFixed(2), `09 预算 ${label}`);
    assert.equal(t09.actual[key as keyof typeof items09]?.value.toFixed(2), E.t09.决算数[label].toFixed(2), `09 决算 ${label}`);
    n += 2;
  }
  return n;
}

test('a Shanghai-family workbook (no 行次/栏次, split codes, 合计 last, interleaved 09) is read completely', async () => {
  const { tables, findings, model } = await readXlsx(await workbookToBuffer(await buildShanghaiWorkbook()), 'shanghai.xlsx');
  assert.deepEqual(tables.map((t) => t.code), [...TABLE_CODES]);
  assert.deepEqual(findings.filter((f) => f.severity !== 'info'), []);
  for (const t of tables) {
    assert.equal(t.family, 'shanghai', t.code);
    assert.equal(t.department?.name, E.unit, t.code);
    assert.equal(t.year, 2024, t.code);
    assert.equal(t.unit?.text, '万元', t.code);
  }
  assert.equal(model['08']?.rows.length, 0);
  assert.match(model['08']?.meta.emptyStatement?.text ?? '', /本表无数据/);
  assert.deepEqual(Object.keys(model['08']!.columns).sort(), ['basic', 'closing', 'income', 'opening', 'project', 'total']);
  const compared = await checkAgainstExpected(model);
  assert.ok(compared > 150, `compared ${compared} figures`);
});

test('the Shanghai workbook with amounts as text (thousands separators, full-width) reads the same', async () => {
  const wb = await buildShanghaiWorkbook();
  assert.ok(textifyAmounts(wb) > 100);
  const { findings, model } = await readXlsx(await workbookToBuffer(wb), 'shanghai-text.xlsx');
  assert.deepEqual(findings.filter((f) => f.severity !== 'info'), []);
  await checkAgainstExpected(model);
});
