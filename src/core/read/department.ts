import type { Grid } from '../workbook/grid';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { parseA1, splitCellRef } from '../workbook/address';
import { TABLE_CODES, type TableCode } from '../tables/codes';
import type { TableMeta } from '../tables/model';
import type { DepartmentWitness, WitnessKind, WorkbookFacts } from '../tables/facts';
import { SUPPLEMENT_SHEET } from '../supplement/fields';
import { normalizeLabel } from '../util/text';
import { departmentKey, droppedDivisions, isPlaceholderName, labelValueName, looksLikeDepartment } from './department-name';

/**
 * Every place a workbook names its department (domain.md B16 and “Layout variation seen in the field”: titles
 * may carry a template placeholder or drop the district; the cover, 目录, 说明 lines and the file name are the
 * other witnesses), and the name they attest best. Pure: grids, located tables and the file name in, data out.
 */

/** 部门/单位 lines: the label opens the cell (“金额单位：万元” and “计量单位” are not one). */
const LABEL = /^(?:部门名称|单位名称|编制单位|编报单位|填报单位|报送单位|部门|单位)(?:\((?:盖章|公章|签章|印章|章)\))?:(.*)$/;
/** A label alone in its cell, the name in the next cell (cover forms). */
const BARE_LABEL = /^(?:部门名称|单位名称|编制单位|编报单位|填报单位|报送单位)(?:\((?:盖章|公章|签章|印章|章)\))?:?$/;
/** “上海市XX局2024年度部门决算表”, “1.上海市XX局2024年度收入支出决算总表”: the name, then the year, then the title. */
const TITLE = /^(.+?)((?:19|20)\d{2})年度?(.*)$/;
const TITLE_REST = /决算|公开|报表|报告/;
/** “上海市XX局部门决算” without a year. */
const YEARLESS = /^(.+?)(?:部门|单位)决算/;
const NOTE = /^(?:注|说明|备注)(?::|\d|[一二三四五六七八九十][、.．])/;
/** Where a note's subject ends: “说明：上海市XX局|本年度没有…”. */
const NOTE_SUBJECT_END = /本年度|本年|上年|(?:19|20)\d{2}年|没有|无(?:数据|收入|支出|此项)|未(?:发生|使用|安排)|不涉及/;
const NUMBERING =
  /^(?:公开\d{1,2}表|附表\d{1,2}|表[一二三四五六七八九十\d]{1,3}|第[一二三四五六七八九十\d]{1,3}部分|\(?[一二三四五六七八九十\d]{1,3}[)、.．:]|目录)+/;

type SheetKind = 'table' | 'cover' | 'contents' | 'sheet';

interface Found {
  name: string;
  how: 'label' | 'note' | 'title' | 'alone';
  year?: number;
}

/**
 * Where a cell sits decides what it may state: on a table sheet, a no-data statement written in the body counts
 * (“上海市XX局本年度没有…”); on a cover or 目录, a name alone on its line and a bare “编制单位：” label count;
 * elsewhere (a sheet holding the narrative, a stray copy) only labelled lines, 注/说明 lines and short titles.
 */
export type TextPlace = 'table' | 'cover' | 'other';

/** The name one cell states, if any; 'label-only' when a cover's label leaves the name to the next cell. */
export function nameInText(text: string, place: TextPlace = 'table'): Found | 'label-only' | undefined {
  const loose = place === 'cover';
  const t = normalizeLabel(text);
  if (t.length < 2) return undefined;
  const label = LABEL.exec(t);
  if (label) {
    const value = label[1]
      .replace(/(?:金额|计量)?单位:.*$/, '')
      .replace(/公开\d{1,2}表.*$/, '')
      .replace(/(?:报送|填报|编制|编报)?日期:?.*$/, '')
      .replace(/(?:单位)?负责人:.*$/, '')
      .replace(/联系(?:人|电话).*$/, '')
      .replace(/(?:19|20)\d{2}年(?:\d{0,2}月(?:\d{0,2}日)?)?$/, '');
    // “编制单位：” (or only a stamp box) with the name in the next cell; a date alone is no name.
    if (!label[1].replace(/\((?:盖章|公章|签章|印章|章)\)/g, '')) return loose ? 'label-only' : undefined;
    const name = labelValueName(value);
    return name ? { name, how: 'label' } : undefined;
  }
  if (loose && BARE_LABEL.test(t)) return 'label-only';
  if (NOTE.test(t) || (place === 'table' && /没有|无数据/.test(t))) {
    const body = t.replace(/^(?:注|说明|备注):?/, '').replace(/^\(?\d{1,2}[)、.．]?/, '');
    const subject = body.split(NOTE_SUBJECT_END)[0];
    if (subject && subject !== body && looksLikeDepartment(subject)) return { name: subject, how: 'note' };
    return undefined;
  }
  // A title is short and no sentence: “根据株洲市财政局2024年度部门决算编制要求，…” names another body.
  if (t.length > 60 || /[,，。；;]/.test(t)) return undefined; // NFKC has made “，” a comma
  const stripped = t.replace(NUMBERING, '');
  const title = TITLE.exec(stripped);
  if (title && TITLE_REST.test(title[3]) && looksLikeDepartment(title[1]))
    return { name: title[1], how: 'title', year: Number(title[2]) };
  const yearless = YEARLESS.exec(stripped);
  if (yearless && looksLikeDepartment(yearless[1])) return { name: yearless[1], how: 'title' };
  if (loose && stripped.length <= 30 && looksLikeDepartment(stripped)) return { name: stripped, how: 'alone' };
  return undefined;
}

/**
 * The name in a file name: “上海市普陀区规划和自然资源局2024年度部门决算.xlsx” → 上海市普陀区规划和自然资源局.
 * Folders, extension, numbering, the year, 部门决算/公开/表/稿 words and bracketed remarks go; what is left
 * must read like an organisation's name (“seed-2024.xlsx” names none).
 */
export function fileNameWitness(source: string | undefined): DepartmentWitness | undefined {
  if (!source) return undefined;
  const base = source.split(/[\\/]/).pop() ?? '';
  let t = base.replace(/\.(?:xlsx|xlsm|xlsb|xls|et|ods|csv)$/i, '').normalize('NFKC').replace(/\s+/g, '');
  t = t.replace(/[([【［](?:[^)\]】］]*?(?:稿|版|副本|修改|公开|审核|报送|\d)[^)\]】］]*)[)\]】］]/g, '');
  t = t.replace(/^(?:\d{1,3}[-_.、．]+|\(\d{1,3}\))/, '');
  t = t
    .replace(/(?:19|20)\d{2}年度?|(?:19|20)\d{2}/g, '')
    .replace(/部门决算|单位决算|决算|公开|报表|表格|情况说明|审核|终稿|定稿|最终版?|修改稿?|副本|送审稿?|报送|[vV]\d+|copy|表/g, '')
    .replace(/[-_—.·+~]+/g, '');
  if (!looksLikeDepartment(t)) return undefined;
  return { name: t, kind: 'file', text: base };
}

/** The tables' own 部门 (what the table readers took from each header): the witnesses rule header-department compares. */
export function metaWitnesses(tables: readonly TableMeta[], textAt?: (cell: string) => string | undefined): DepartmentWitness[] {
  const out: DepartmentWitness[] = [];
  for (const code of TABLE_CODES) {
    const meta = tables.find((t) => t.code === code);
    const dept = meta?.department;
    if (!meta || !dept?.cell || typeof dept.name !== 'string' || !departmentKey(dept.name)) continue;
    // A name at or above the title row is the title or its banner; below it, the 部门 line.
    const row = parseA1(splitCellRef(dept.cell).address)?.row ?? 0;
    const titleRow = parseA1(splitCellRef(meta.titleCell).address)?.row ?? 0;
    const kind: WitnessKind = row <= titleRow ? 'title' : 'header';
    out.push({ name: dept.name.trim(), kind, cell: dept.cell, table: code, text: textAt?.(dept.cell) ?? dept.name, year: kind === 'title' ? meta.year : undefined });
  }
  return out;
}

function sheetKind(grid: Grid, index: number, firstTableSheet: number, hasTable: boolean): SheetKind | undefined {
  const name = normalizeLabel(grid.name);
  if (name.startsWith(normalizeLabel(SUPPLEMENT_SHEET))) return undefined; // the 说明数据 sheet is the user's input, read elsewhere
  if (hasTable) return 'table';
  // A hidden sheet without a published table is a draft or a reference, not part of what is published.
  if (grid.sheet.visibility && grid.sheet.visibility !== 'visible') return undefined;
  if (/目录|contents/i.test(name)) return 'contents';
  if (/封面|首页|扉页|cover/i.test(name)) return 'cover';
  for (const r of grid.rowsBetween(grid.top, grid.top + 4)) if (grid.rowTexts(r).some(([, t]) => t === '目录')) return 'contents';
  // Before the tables, a short sheet is a cover; a long one is text (部门概况), read as any other sheet.
  return index < firstTableSheet && grid.rowsBetween(grid.top, grid.bottom).length <= 25 ? 'cover' : 'sheet';
}

/** A table sheet's row → the table it belongs to: the last one whose title sits at most three rows below it. */
function tableAt(onSheet: ReadonlyArray<{ code: TableCode; top: number }>, row: number): TableCode | undefined {
  let found = onSheet[0]?.code;
  for (const t of onSheet) if (t.top - 3 <= row) found = t.code;
  return found;
}

const KIND_ORDER: Record<WitnessKind, number> = { cover: 0, contents: 1, title: 2, header: 2, note: 2, sheet: 3, file: 4 };

/** Every witness, ordered: cover and 目录 (sheet order), then table by table in canonical order, other sheets, the file name. */
export function departmentWitnesses(grids: readonly Grid[], tables: readonly TableMeta[], source?: string): DepartmentWitness[] {
  const gridOf = new Map(grids.map((g) => [g.name, g]));
  const textAt = (cell: string): string | undefined => {
    const { sheet, address } = splitCellRef(cell);
    const at = parseA1(address);
    const grid = gridOf.get(sheet);
    return grid && at ? String(grid.value(at.row, at.col) ?? '').trim() : undefined;
  };
  const keyed: Array<{ w: DepartmentWitness; order: number[] }> = [];
  const codeIndex = (code: TableCode | undefined) => (code ? TABLE_CODES.indexOf(code) : 99);
  const meta = metaWitnesses(tables, textAt);
  const taken = new Set(meta.map((w) => w.cell));
  for (const w of meta) {
    const at = parseA1(splitCellRef(w.cell ?? '').address);
    keyed.push({ w, order: [KIND_ORDER[w.kind], 0, codeIndex(w.table), at?.row ?? 0, at?.col ?? 0] });
  }
  const tableSheets = new Set(tables.map((t) => t.sheet));
  const firstTableSheet = grids.findIndex((g) => tableSheets.has(g.name));
  grids.forEach((grid, index) => {
    const onSheet = tables
      .filter((t) => t.sheet === grid.name)
      .map((t) => ({ code: t.code, top: parseA1(t.range.split(':')[0])?.row ?? 0 }))
      .sort((a, b) => a.top - b.top);
    const kind = sheetKind(grid, index, firstTableSheet < 0 ? grids.length : firstTableSheet, onSheet.length > 0);
    if (!kind) return;
    const loose = kind === 'cover' || kind === 'contents';
    const place: TextPlace = loose ? 'cover' : kind === 'table' ? 'table' : 'other';
    for (const r of grid.rowsBetween(grid.top, grid.bottom)) {
      const texts = grid.rowTexts(r);
      for (let i = 0; i < texts.length; i++) {
        const [c, t] = texts[i];
        // Most cells are amounts and 科目 names: only text that can hold a name is parsed.
        if (!loose && !/[:年]|决算|没有|无数据|^(?:注|说明|备注)/.test(t)) continue;
        const ref = grid.ref(r, c);
        if (taken.has(ref)) continue;
        let found = nameInText(String(grid.value(r, c) ?? ''), place);
        let cell = ref;
        if (found === 'label-only') {
          // “编制单位：” with the name in the next cell of the row.
          const next = texts[i + 1];
          const name = next ? labelValueName(String(grid.value(r, next[0]) ?? '')) : undefined;
          if (!next || !name || !looksLikeDepartment(name)) continue;
          found = { name, how: 'label' };
          cell = grid.ref(r, next[0]);
          i++;
        }
        if (!found || taken.has(cell)) continue;
        taken.add(cell);
        const table = kind === 'table' ? tableAt(onSheet, r) : undefined;
        const witnessKind: WitnessKind =
          kind !== 'table' ? kind : found.how === 'label' ? 'header' : found.how === 'note' ? 'note' : 'title';
        const w: DepartmentWitness = { name: found.name, kind: witnessKind, cell, text: String(grid.value(r, c) ?? '').trim() };
        if (table) w.table = table;
        if (found.year) w.year = found.year;
        keyed.push({ w, order: [KIND_ORDER[witnessKind], kind === 'table' ? 0 : index, codeIndex(table), r, c] });
      }
    }
  });
  const file = fileNameWitness(source);
  if (file) keyed.push({ w: file, order: [KIND_ORDER.file, 0, 0, 0, 0] });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.order.length; i++) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
    return 0;
  });
  return keyed.map((k) => k.w);
}

/**
 * The best-attested name. Policy:
 *  1. A placeholder never wins; the file name counts only when nothing else names a department (people name
 *     files freely, so it never makes the workbook's own consistent name wrong).
 *  2. Each distinct name (compared without whitespace) is supported by the witnesses that print it and by
 *     those that print it shortened — with some of its 省/市/区/县 prefixes left out (上海市规划和自然资源局
 *     supports 上海市普陀区规划和自然资源局, not the other way round). So the most specific full name that
 *     the others are consistent with wins: a cover with the district prefix beats shortened titles.
 *  3. Otherwise the name most witnesses print wins: a majority of tables beats one odd table (株州/株洲).
 *     A tie goes to the first seen (cover, 目录, then table order).
 */
export function bestDepartment(witnesses: readonly DepartmentWitness[]): string | undefined {
  const usable = witnesses.filter((w) => !isPlaceholderName(w.name));
  const strong = usable.filter((w) => w.kind !== 'file');
  const pool = strong.length > 0 ? strong : usable;
  const groups = new Map<string, { name: string; count: number }>();
  for (const w of pool) {
    const key = departmentKey(w.name);
    if (!key) continue;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { name: w.name, count: 1 });
  }
  let best: { name: string; support: number } | undefined;
  for (const [key, g] of groups) {
    let support = 0;
    for (const [other, h] of groups) if (other === key || droppedDivisions(other, key)) support += h.count;
    if (!best || support > best.support) best = { name: g.name, support };
  }
  return best?.name;
}

/**
 * The year most tables state; else the one the cover or 目录 states (with a name or alone: “2024年度部门决算”,
 * on any sheet before or beside the tables).
 */
function workbookYear(tables: readonly TableMeta[], witnesses: readonly DepartmentWitness[], grids: readonly Grid[]): number | undefined {
  const pick = (years: number[]): number | undefined => {
    const counts = new Map<number, number>();
    for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
    let best: [number, number] | undefined;
    for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
    return best?.[0];
  };
  const tableSheets = new Set(tables.map((t) => t.sheet));
  const frontYears: number[] = [];
  for (const grid of grids) {
    if (tableSheets.has(grid.name)) continue;
    for (const r of grid.rowsBetween(grid.top, Math.min(grid.bottom, grid.top + 15)))
      for (const [, t] of grid.rowTexts(r)) {
        const m = /(20[1-3]\d)年度?(?:部门|单位)?决算/.exec(t);
        if (m) frontYears.push(Number(m[1]));
      }
  }
  return (
    pick(tables.map((t) => t.year).filter((y): y is number => typeof y === 'number')) ??
    pick(witnesses.filter((w) => w.kind === 'cover' || w.kind === 'contents').map((w) => w.year).filter((y): y is number => typeof y === 'number')) ??
    pick(frontYears)
  );
}

/** “…2025年度部门决算.xlsx”, “决算2024-终稿.xlsx”: a year of this century standing alone in the file name. */
function fileNameYear(source: string | undefined): number | undefined {
  const m = /(?:^|\D)(20[1-3]\d)(?!\d)/.exec(source?.split(/[\\/]/).pop() ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The facts `readWorkbook` returns beside the model. */
export function readWorkbookFacts(snapshot: WorkbookSnapshot, grids: readonly Grid[], tables: readonly TableMeta[]): WorkbookFacts {
  const witnesses = departmentWitnesses(grids, tables, snapshot.source);
  const facts: WorkbookFacts = {};
  if (witnesses.length > 0) {
    const name = bestDepartment(witnesses);
    facts.department = name === undefined ? { witnesses } : { name, witnesses };
  }
  const year = workbookYear(tables, witnesses, grids);
  if (year !== undefined) facts.year = year;
  const fileYear = fileNameYear(snapshot.source);
  if (fileYear !== undefined) facts.fileYear = fileYear;
  return facts;
}
