import type { Finding, Severity } from '../findings/finding';
import { TABLE_CODES, TABLE_NAMES, tableLabel, type TableCode } from '../tables/codes';
import type { Amount, TablesModel } from '../tables/model';
import { reportYear } from '../tables/report-year';

/**
 * One finding for a table that is not in the workbook. Some tables are not published everywhere (before
 * 2020 many regions published eight, without 国有资本经营; a unit with no 政府性基金 may leave 07 out), so
 * the severity follows the evidence: an error when the other tables hold figures that belong in it, a
 * warning when nothing says it should hold any, and only a note for 08 in reports of 2019 or earlier. An
 * empty sheet beside a missing table keeps it an error: the table may have been pasted as a picture.
 */
export function missingTable(code: TableCode, model: TablesModel, seen: string[], emptySheets: string[], workbookYear?: number): Finding {
  const evidence = evidenceFor(code, model);
  const year = reportYear(model, { year: workbookYear });
  const severity: Severity =
    evidence !== undefined || CORE.has(code) || !hasWitness(code, model) || emptySheets.length > 0
      ? 'error'
      : code === '08' && year !== undefined && year <= 2019
        ? 'info'
        : 'warning';
  const found = seen.length ? `找到的相近标题：${seen.slice(0, 3).join('；')}。` : '请检查该表是否遗漏、标题是否被改动。';
  const why =
    evidence !== undefined
      ? `${evidence}，应公开本表。`
      : severity === 'info'
        ? '2019 年及以前的部门决算公开表通常为 8 张，不含本表；如本地区要求公开，请补上。'
        : severity === 'warning'
          ? '其他各表中没有应列入本表的金额；如本单位无此类收支，按规定仍应保留本表格式并注明“本表无数据”。'
          : '';
  return {
    rule: 'read-table-missing',
    severity,
    table: code,
    message:
      `未找到${tableLabel(code)}：在所有工作表中查找标题含“${TABLE_NAMES[code]}”（或同义标题）且下方有对应表头的表格。` +
      found +
      why +
      (emptySheets.length
        ? `（工作表${emptySheets.slice(0, 3).map((n) => `“${n}”`).join('')}${emptySheets.length > 3 ? `等 ${emptySheets.length} 个工作表` : ''}没有任何单元格内容；以图片形式粘贴的表格无法审核，请粘贴为数值。）`
        : ''),
    cells: evidenceCells(code, model).slice(0, 5),
  };
}

/**
 * What a report says instead of “找到 0/9 张表” when the workbook was read but held none of the tables: that none
 * was found, what was looked for, and what to do (the nine findings below it say the same table by table).
 */
export const NO_TABLES_FOUND =
  `未找到任何部门决算公开表（0/9）。本工具在每个工作表中查找标题为“公开01表”至“公开09表”或表名（${TABLE_CODES.map((c) => TABLE_NAMES[c]).join('、')}）且下方有表头的表格。` +
  '请确认所选文件是部门决算公开表工作簿；如果表格标题被删除或改动，请恢复原标题后重新审核。';

/** The table whose figures would show that the missing one should hold some: without it, nothing is known. */
function hasWitness(code: TableCode, model: TablesModel): boolean {
  const witness: Partial<Record<TableCode, TableCode>> = { '06': '05', '07': '04', '08': '04', '09': '06' };
  const w = witness[code];
  return w !== undefined && model[w] !== undefined;
}

/** Tables every unit has figures for. */
const CORE = new Set<TableCode>(['01', '02', '03', '04', '05']);

function nonZero(a: Amount | undefined): boolean {
  return !!a && !a.blank && !a.value.isZero();
}

function fundAmounts(model: TablesModel, key: 'gf' | 'soc'): Amount[] {
  const t04 = model['04'];
  if (!t04) return [];
  const out: Amount[] = [];
  const income = t04.income[key];
  if (income) out.push(income.amounts.amount);
  for (const line of [...t04.classes, ...Object.values(t04.expense)]) {
    const a = line?.amounts[key];
    if (a) out.push(a);
  }
  return out.filter(nonZero);
}

const SANGONG_ECONOMIC = ['30212', '30217', '30231', '31013'];

function evidenceFor(code: TableCode, model: TablesModel): string | undefined {
  switch (code) {
    case '06': {
      const basic = model['05']?.total?.amounts.basic;
      return nonZero(basic) ? `公开05表的一般公共预算财政拨款基本支出为 ${basic!.value.toFixed(2)}` : undefined;
    }
    case '07':
      return fundAmounts(model, 'gf').length ? '公开04表有政府性基金预算财政拨款的收支' : undefined;
    case '08':
      return fundAmounts(model, 'soc').length ? '公开04表有国有资本经营预算财政拨款的收支' : undefined;
    case '09': {
      const items = (model['06']?.items ?? []).filter((i) => SANGONG_ECONOMIC.includes(i.code) && nonZero(i.amount));
      return items.length ? `公开06表有“三公”经费支出（${items.map((i) => `${i.code} ${i.name}`).join('、')}）` : undefined;
    }
    default:
      return undefined;
  }
}

function evidenceCells(code: TableCode, model: TablesModel): string[] {
  switch (code) {
    case '06':
      return model['05']?.total ? [model['05'].total.amounts.basic?.cell].filter((c): c is string => !!c) : [];
    case '07':
      return fundAmounts(model, 'gf').map((a) => a.cell);
    case '08':
      return fundAmounts(model, 'soc').map((a) => a.cell);
    case '09':
      return (model['06']?.items ?? []).filter((i) => SANGONG_ECONOMIC.includes(i.code) && nonZero(i.amount)).map((i) => i.amount.cell);
    default:
      return [];
  }
}
