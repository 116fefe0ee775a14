/**
 * Last year's 决算 workbooks for the --prior tests, built from the sample (test/fixtures/seed-2024.xlsx):
 *  - `relabelledSample()`: the sample with every “2024” in its text changed to “2023” and the file named for 2023
 *    — the same figures, so every 与上年相比 is 持平;
 *  - `publishedPriorWorkbook()`: the sample moved to the 2023 figures its own 情况说明 states (收支总计,
 *    财政拨款收支总计 and 一般公共预算财政拨款支出 526.36 万元, “三公” 13.35 = 出国 0 + 车 12 (购置 0, 运维 12) +
 *    接待 1.35), every identity of the nine tables kept: the +6.73 runs down one line (2010450 事业运行 基本支出,
 *    06 公用经费) through 01–06, and 06's 因公出国/接待/运维 lines follow 09.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import type { Amount, TablesModel } from '../../src/core/tables/model';
import { splitCellRef } from '../../src/core/workbook/address';
import { SEED, readXlsx } from '../helpers';
import { workbookFromBuffer, workbookToBuffer } from './variants';

/** What the sample's 情况说明 says of 2023 (与上年相比 …). */
export const PUBLISHED_PRIOR = {
  total: '526.36',
  fiscalTotal: '526.36',
  gpbExpense: '526.36',
  sangong: { total: '13.35', abroad: '0.00', vehicle: '12.00', purchase: '0.00', operation: '12.00', reception: '1.35' },
} as const;

function relabel(wb: ExcelJS.Workbook, from: string, to: string): void {
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes(from)) cell.value = cell.value.split(from).join(to);
      }),
    ),
  );
}

/** The sample relabelled as 2023: titles and headers say 2023, every figure as in 2024. */
export async function relabelledSample(): Promise<Buffer> {
  const wb = await workbookFromBuffer(await readFile(SEED));
  relabel(wb, '2024', '2023');
  return workbookToBuffer(wb);
}

/** The sample at the 2023 figures its 情况说明 states, consistent in every table. */
export async function publishedPriorWorkbook(): Promise<Buffer> {
  const bytes = await readFile(SEED);
  const { model } = await readXlsx(bytes, 'seed-2024.xlsx');
  const wb = await workbookFromBuffer(bytes);
  relabel(wb, '2024', '2023');
  for (const [ref, delta] of edits(model)) {
    const { sheet, address } = splitCellRef(ref);
    const cell = wb.getWorksheet(sheet)?.getCell(address);
    if (!cell) throw new Error(`no cell ${ref}`);
    const old = typeof cell.value === 'number' ? cell.value : Number(cell.value ?? 0);
    cell.value = new Decimal(old).plus(delta).toDecimalPlaces(2).toNumber();
  }
  return workbookToBuffer(wb);
}

function edits(model: TablesModel): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const bump = (a: Amount | undefined, delta: string, what: string) => {
    if (!a) throw new Error(`the sample has no ${what}`);
    out.set(a.cell, (out.get(a.cell) ?? new Decimal(0)).plus(delta));
  };
  const up = '6.73';
  const t01 = model['01']!;
  for (const k of ['gpb', 'totalIncome', 'grandTotal'] as const) bump(t01.income[k]?.amounts.amount, up, `01 ${k}`);
  for (const k of ['totalExpense', 'grandTotal'] as const) bump(t01.expense[k]?.amounts.amount, up, `01 ${k}`);
  bump(t01.classes.find((c) => c.key === '201')?.amounts.amount, up, '01 201');
  const t04 = model['04']!;
  for (const k of ['gpb', 'totalIncome', 'grandTotal'] as const) bump(t04.income[k]?.amounts.amount, up, `04 ${k}`);
  for (const k of ['totalExpense', 'grandTotal'] as const) for (const c of ['total', 'gpb'] as const) bump(t04.expense[k]?.amounts[c], up, `04 ${k} ${c}`);
  for (const c of ['total', 'gpb'] as const) bump(t04.classes.find((l) => l.key === '201')?.amounts[c], up, `04 201 ${c}`);
  const columns = { '02': ['total', 'fiscal'], '03': ['total', 'basic'], '05': ['total', 'basic'] } as const;
  for (const code of ['02', '03', '05'] as const) {
    const t = model[code]!;
    const rows = [t.total?.amounts, ...['201', '20104', '2010450'].map((c) => t.rows.find((r) => r.code === c)?.amounts)];
    for (const amounts of rows) for (const c of columns[code]) bump((amounts as Record<string, Amount> | undefined)?.[c], up, `${code} ${c}`);
  }
  // 06: 公用经费 +6.73 = 办公费 +7.70, 因公出国 −6.90, 公务接待 +0.79, 公务用车运行维护 +5.14.
  const t06 = model['06']!;
  const item = (code: string) => t06.items.find((i) => i.code === code)?.amount;
  for (const [code, delta] of [['30201', '7.70'], ['30212', '-6.90'], ['30217', '0.79'], ['30231', '5.14'], ['302', up]] as const) bump(item(code), delta, `06 ${code}`);
  bump(t06.publicTotal, up, '06 公用经费合计');
  const a09 = model['09']!.actual;
  for (const [k, delta] of [['total', '-0.97'], ['abroad', '-6.90'], ['vehicleTotal', '5.14'], ['vehicleOperation', '5.14'], ['reception', '0.79']] as const) bump(a09[k], delta, `09 ${k}`);
  return out;
}
