import type { Finding } from '../findings/finding';
import { Grid } from '../workbook/grid';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { TABLE_CODES, TABLE_NAMES, tableLabel, type TableCode } from '../tables/codes';
import type { AnyTable, TableMeta, TablesModel } from '../tables/model';
import { ReadContext, type TableLocation } from './context';
import { findTitleCandidates, sheetNameCandidates } from './locate';
import { readTable } from './table-readers';
import { validateModel } from './validate-model';

export interface ReadResult {
  model: TablesModel;
  /** Located tables in canonical order. */
  tables: TableMeta[];
  findings: Finding[];
}

interface Accepted {
  loc: TableLocation;
  table: AnyTable;
  findings: Finding[];
  filled: number;
}

/** Snapshot → located tables → typed model. Reading problems become findings; nothing here throws. */
export function readWorkbook(snapshot: WorkbookSnapshot): ReadResult {
  const grids = snapshot.sheets.filter((s) => s.values.length > 0).map((s) => new Grid(s));
  const accepted = new Map<TableCode, Accepted[]>();
  const rejected = new Map<TableCode, string[]>();
  const tryLocation = (loc: TableLocation): void => {
    const ctx = new ReadContext(loc.grid, loc.code);
    let result: { table?: AnyTable; mismatch?: string };
    try {
      result = readTable(ctx, loc);
    } catch (error) {
      result = { mismatch: `读取时出错（${error instanceof Error ? error.message : String(error)}）` };
    }
    if (result.table) {
      const list = accepted.get(loc.code) ?? [];
      list.push({ loc, table: result.table, findings: ctx.findings, filled: countFilled(result.table) });
      accepted.set(loc.code, list);
    } else {
      const list = rejected.get(loc.code) ?? [];
      list.push(`工作表“${loc.grid.name}”${loc.grid.ref(loc.titleRow, loc.titleCol).split('!')[1]} 有标题“${loc.title}”，但${result.mismatch}`);
      rejected.set(loc.code, list);
    }
  };
  findTitleCandidates(grids).forEach(tryLocation);
  for (const code of TABLE_CODES) if (!accepted.has(code)) sheetNameCandidates(grids, code).forEach(tryLocation);

  const model: TablesModel = {};
  const tables: TableMeta[] = [];
  const findings: Finding[] = [];
  for (const code of TABLE_CODES) {
    const list = accepted.get(code) ?? [];
    if (list.length === 0) {
      const seen = rejected.get(code) ?? [];
      findings.push({
        rule: 'read-table-missing',
        severity: 'error',
        table: code,
        message:
          `未找到${tableLabel(code)}：在所有工作表中查找标题含“${TABLE_NAMES[code]}”（或同义标题）且下方有对应表头的表格。` +
          (seen.length ? `找到的相近标题：${seen.slice(0, 3).join('；')}。` : '请检查该表是否遗漏、标题是否被改动。'),
        cells: [],
      });
      continue;
    }
    // The copy with the most figures is the one published; a second copy is reported, not merged.
    const chosen = [...list].sort((a, b) => b.filled - a.filled)[0];
    if (list.length > 1) {
      findings.push({
        rule: 'read-table-duplicate',
        severity: 'warning',
        table: code,
        message: `${tableLabel(code)}出现了 ${list.length} 次（${list.map((a) => `工作表“${a.table.meta.sheet}”${a.table.meta.range}`).join('、')}），本次审核使用工作表“${chosen.table.meta.sheet}”中的一份；请删除多余的副本。`,
        cells: list.map((a) => a.table.meta.titleCell),
      });
    }
    if (chosen.loc.titleFromSheetName)
      findings.push({
        rule: 'read-title-missing',
        severity: 'warning',
        table: code,
        message: `${tableLabel(code)}在工作表“${chosen.loc.grid.name}”中没有标题行，已按工作表名称识别；公开的表格应保留标题“${TABLE_NAMES[code]}”。`,
        cells: [chosen.table.meta.titleCell],
      });
    (model as Record<string, AnyTable>)[code] = chosen.table;
    tables.push(chosen.table.meta);
    findings.push(...chosen.findings);
  }
  // 06 prints no 栏次 even in the 行次/栏次 family: the family is the workbook's, not each table's.
  if (tables.some((t) => t.family === 'hunan')) for (const t of tables) t.family = 'hunan';
  findings.push(...validateModel(model));
  return { model, tables, findings };
}

function countFilled(table: AnyTable): number {
  let n = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('blank' in o && 'cell' in o) {
      if (o.blank === false) n++;
      return;
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  visit(table, 0);
  return n;
}
