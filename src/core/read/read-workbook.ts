import type { Finding } from '../findings/finding';
import { Grid } from '../workbook/grid';
import { a1, parseA1 } from '../workbook/address';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { TABLE_CODES, TABLE_NAMES, tableLabel, type TableCode } from '../tables/codes';
import type { AnyTable, TableMeta, TablesModel } from '../tables/model';
import type { WorkbookFacts } from '../tables/facts';
import { readWorkbookFacts } from './department';
import { ReadContext, truncate, type TableLocation } from './context';
import { MAX_ROW_GAP } from './layout';
import { findTitleCandidates, sheetNameCandidates } from './locate';
import { readTable, type TableReadResult } from './table-readers';
import { findSangongBlocks } from './table-09';
import { validateModel } from './validate-model';
import { missingTable } from './missing-table';
import { errorText } from '../util/error-text';

export interface ReadResult {
  model: TablesModel;
  /** Located tables in canonical order. */
  tables: TableMeta[];
  findings: Finding[];
  /** The department's best-attested name and its witnesses, the year (src/core/read/department.ts). */
  facts: WorkbookFacts;
}

interface Accepted {
  loc: TableLocation;
  table: AnyTable;
  findings: Finding[];
  /** Non-blank amounts, counted only when there are copies to choose from. */
  filled?: number;
}

/** Snapshot → located tables → typed model. Reading problems become findings; nothing here throws. */
export function readWorkbook(snapshot: WorkbookSnapshot): ReadResult {
  const grids = snapshot.sheets.filter((s) => s.values.length > 0).map((s) => new Grid(s));
  const emptySheets = snapshot.sheets
    .filter((s) => {
      const grid = grids.find((g) => g.sheet === s);
      return !grid || grid.rowsBetween(grid.top, grid.bottom).every((r) => grid.rowTexts(r).length === 0);
    })
    .map((s) => s.name);
  const hidden = new Set(snapshot.sheets.filter((s) => s.visibility && s.visibility !== 'visible').map((s) => s.name));
  const accepted = new Map<TableCode, Accepted[]>();
  const rejected = new Map<TableCode, string[]>();
  const unreadable = new Map<TableCode, Array<{ loc: TableLocation; why: string }>>();
  const tryLocation = (loc: TableLocation): void => {
    const ctx = new ReadContext(loc.grid, loc.code);
    let result: TableReadResult;
    try {
      result = readTable(ctx, loc);
      ctx.consolidate();
    } catch (error) {
      result = { mismatch: `读取时出错（${errorText(error)}）` };
    }
    if (result.table) {
      const list = accepted.get(loc.code) ?? [];
      list.push({ loc, table: result.table, findings: ctx.findings });
      accepted.set(loc.code, list);
    } else {
      if (result.unreadable) unreadable.set(loc.code, [...(unreadable.get(loc.code) ?? []), { loc, why: result.unreadable }]);
      const list = rejected.get(loc.code) ?? [];
      list.push(`工作表“${loc.grid.name}”${a1(loc.titleRow, loc.titleCol)} 有标题“${loc.title}”，但${result.mismatch}`);
      rejected.set(loc.code, list);
    }
  };
  findTitleCandidates(grids).forEach(tryLocation);
  for (const code of TABLE_CODES) if (!accepted.has(code)) sheetNameCandidates(grids, code).forEach(tryLocation);
  if (!accepted.has('09')) findSangongBlocks(grids).forEach(tryLocation);

  const model: TablesModel = {};
  const tables: TableMeta[] = [];
  const findings: Finding[] = [];
  const missing: TableCode[] = [];
  for (const code of TABLE_CODES) {
    const list = accepted.get(code) ?? [];
    if (list.length === 0) {
      const located = unreadable.get(code)?.[0];
      if (located) {
        // It is there, but its header could not be placed: one finding, and none of its rules run.
        findings.push({
          rule: 'read-table-unreadable',
          severity: 'warning',
          table: code,
          message: `找到了${tableLabel(code)}（工作表“${located.loc.grid.name}”${a1(located.loc.titleRow, located.loc.titleCol)}），但${located.why}，无法确定各栏的含义，本表及与本表有关的核对均未进行。请核对该表的表头是否与标准格式一致。`,
          cells: [located.loc.grid.ref(Math.max(located.loc.titleRow, located.loc.grid.top), located.loc.titleCol)],
        });
        continue;
      }
      missing.push(code);
      continue;
    }
    // The copy with the most figures on a visible sheet is the one published; a second copy is reported, not
    // merged. A copy on a hidden sheet (an old draft, a reference) is used only when there is no other.
    const isHidden = (a: Accepted) => (hidden.has(a.loc.grid.name) ? 1 : 0);
    if (list.length > 1) for (const a of list) a.filled = countFilled(a.table);
    const chosen = [...list].sort((a, b) => isHidden(a) - isHidden(b) || (b.filled ?? 0) - (a.filled ?? 0))[0];
    if (list.length > 1) {
      findings.push({
        rule: 'read-table-duplicate',
        severity: 'warning',
        table: code,
        message: `${tableLabel(code)}出现了 ${list.length} 次（${list.map((a) => `工作表“${a.table.meta.sheet}”${a.table.meta.range}`).join('、')}），本次审核使用工作表“${chosen.table.meta.sheet}”中的一份；请删除多余的副本。`,
        cells: list.map((a) => a.table.meta.titleCell),
      });
    }
    if (hidden.has(chosen.loc.grid.name))
      findings.push({
        rule: 'read-table-hidden',
        severity: 'info',
        table: code,
        message: `${tableLabel(code)}位于隐藏的工作表“${chosen.loc.grid.name}”中，已照常审核；公开前请确认该表是否应取消隐藏。`,
        cells: [chosen.table.meta.titleCell],
      });
    const stray = strayRows(chosen);
    if (stray.length > 0)
      findings.push({
        rule: 'read-cells-outside-table',
        severity: 'info',
        table: code,
        message: `工作表“${chosen.loc.grid.name}”${stray.map((c) => c.address).join('、')} 有内容“${truncate(stray[0].text, 20)}”${stray.length > 1 ? '等' : ''}，距${tableLabel(code)}末行（第 ${tableLastRow(chosen) + 1} 行）${stray[0].row - tableLastRow(chosen)} 行，不属于该表，未纳入审核；如是误输入，请删除。`,
        cells: stray.map((c) => c.ref),
      });
    if (chosen.loc.block)
      findings.push({
        rule: 'read-table-block',
        severity: 'info',
        table: code,
        message: `未找到单独的${tableLabel(code)}，按工作表“${chosen.loc.grid.name}”中${chosen.loc.title && chosen.loc.title !== chosen.loc.grid.name ? `“${truncate(chosen.loc.title, 30)}”内` : ''}的“三公”经费各行（${chosen.table.meta.range}）审核。`,
        cells: [chosen.table.meta.titleCell],
      });
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
  const facts = readWorkbookFacts(snapshot, grids, tables);
  for (const code of missing) findings.push(missingTable(code, model, rejected.get(code) ?? [], emptySheets, facts.year ?? facts.fileYear));
  // 06 prints no 栏次 even in the 行次/栏次 family: the family is the workbook's, not each table's.
  if (tables.some((t) => t.family === 'hunan')) for (const t of tables) t.family = 'hunan';
  findings.push(...validateModel(model));
  return { model, tables, findings, facts };
}

/** The table's last row (0-based), from its range. */
function tableLastRow(a: Accepted): number {
  const end = a.table.meta.range.split(':').pop() ?? '';
  return parseA1(end)?.row ?? a.loc.titleRow;
}

/** Non-empty cells below the table after a gap of more than MAX_ROW_GAP empty rows (at most 3). */
function strayRows(a: Accepted): Array<{ row: number; address: string; ref: string; text: string }> {
  const { grid } = a.loc;
  const out: Array<{ row: number; address: string; ref: string; text: string }> = [];
  let previous = tableLastRow(a);
  for (const r of grid.rowsBetween(previous + 1, a.loc.endRow)) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    if (out.length === 0 && r - previous <= MAX_ROW_GAP + 1) {
      previous = r;
      continue;
    }
    for (const [c] of texts) {
      out.push({ row: r, address: a1(r, c), ref: grid.ref(r, c), text: String(grid.value(r, c) ?? '').trim() });
      if (out.length >= 3) return out;
    }
  }
  return out;
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
