import type { RuleContext } from '../context';
import type { DepartmentWitness } from '../../tables/facts';
import type { TableCode } from '../../tables/codes';
import { bestDepartment, metaWitnesses } from '../../read/department';
import { departmentKey, droppedDivisions, isPlaceholderName } from '../../read/department-name';
import { shortTables, tableMetas } from './shared';

/**
 * How each department witness relates to the best-attested name. The four department rules split the work
 * by verdict so that one wrong name is one finding:
 *  - placeholder (XX局…): department-placeholder;
 *  - shortened (a 省/市/区/县 prefix left out): department-shortened;
 *  - differs, printed on a table's own 部门 line or title (what the table readers took): header-department,
 *    which also names the other places printing the same wrong name;
 *  - differs, printed only elsewhere (cover, 目录, 说明, file name): department-mismatch.
 */
export type Verdict = 'same' | 'placeholder' | 'shortened' | 'differs';

export interface Judged {
  w: DepartmentWitness;
  key: string;
  verdict: Verdict;
  /**
   * The table's own line: its 部门 as the reader took it (rule header-department's input), or — for a table
   * the reader took none from — the first title or 部门 line that names one.
   */
  meta: boolean;
  /** For `shortened`: the prefixes left out, and whether the innermost one (the body's own division) is among them. */
  dropped?: string[];
  innermost?: boolean;
}

export interface DepartmentView {
  /** The best-attested name; absent when every witness is a placeholder (or none names a department). */
  name?: string;
  key?: string;
  judged: Judged[];
  /** A witness printing the best name, to show beside a wrong one: a table's own 部门 first (table order). */
  reference?: DepartmentWitness;
}

/**
 * The witnesses come from the facts `readWorkbook` returns; without them (a model built some other way)
 * the tables' own 部门 are the only witnesses, judged by the same policy.
 */
export function departmentView(ctx: RuleContext): DepartmentView {
  const metas = metaWitnesses(tableMetas(ctx.model).map((m) => m.meta));
  const facts = ctx.facts.department;
  const witnesses = facts?.witnesses ?? metas;
  const metaCells = new Set(metas.map((w) => w.cell));
  const covered = new Set(metas.map((w) => w.table));
  for (const w of witnesses)
    if ((w.kind === 'title' || w.kind === 'header') && w.table && w.cell && !covered.has(w.table)) {
      covered.add(w.table);
      metaCells.add(w.cell);
    }
  const name = facts ? facts.name : bestDepartment(witnesses);
  const key = name === undefined ? undefined : departmentKey(name);
  const judged: Judged[] = [];
  for (const w of witnesses) {
    const k = departmentKey(w.name);
    if (!k) continue;
    const meta = w.cell !== undefined && metaCells.has(w.cell);
    if (isPlaceholderName(w.name)) judged.push({ w, key: k, verdict: 'placeholder', meta });
    else if (key === undefined || k === key) judged.push({ w, key: k, verdict: 'same', meta });
    else {
      const dropped = droppedDivisions(k, key);
      judged.push(dropped ? { w, key: k, verdict: 'shortened', meta, ...dropped } : { w, key: k, verdict: 'differs', meta });
    }
  }
  const same = judged.filter((j) => j.verdict === 'same' && j.w.cell);
  const reference = (same.find((j) => j.meta) ?? same[0])?.w;
  return { name, key, judged, reference };
}

/** Witnesses grouped by the name they print, in first-seen order. */
export function byName(judged: readonly Judged[]): Judged[][] {
  const groups = new Map<string, Judged[]>();
  for (const j of judged) {
    const list = groups.get(j.key);
    if (list) list.push(j);
    else groups.set(j.key, [j]);
  }
  return [...groups.values()];
}

const TABLE_PART: Array<[DepartmentWitness['kind'], string]> = [
  ['title', '标题'],
  ['header', '表头'],
  ['note', '说明'],
];

/** “公开01、02表的标题、封面（封面!A2）、文件名“….xlsx””: where witnesses sit, for messages. */
export function describeWitnesses(witnesses: readonly DepartmentWitness[]): string {
  const parts: string[] = [];
  for (const [kind, word] of TABLE_PART) {
    const codes = [...new Set(witnesses.filter((w) => w.kind === kind && w.table).map((w) => w.table as TableCode))].sort();
    if (codes.length) parts.push(`${shortTables(codes)}的${word}`);
  }
  const refs = (ws: readonly DepartmentWitness[]) => ws.map((w) => w.cell).filter(Boolean).join('、');
  const cover = witnesses.filter((w) => w.kind === 'cover');
  if (cover.length) parts.push(`封面（${refs(cover)}）`);
  const contents = witnesses.filter((w) => w.kind === 'contents');
  if (contents.length) parts.push(`目录（${refs(contents)}）`);
  const other = witnesses.filter((w) => w.kind === 'sheet' || (!w.table && (w.kind === 'title' || w.kind === 'header' || w.kind === 'note')));
  if (other.length) parts.push(`工作表单元格 ${refs(other)}`);
  const file = witnesses.find((w) => w.kind === 'file');
  if (file) parts.push(`文件名“${file.text}”`);
  return parts.join('、');
}

/** The cells of witnesses (the file name has none), then the reference's. */
export function cellsOf(witnesses: readonly DepartmentWitness[], reference?: DepartmentWitness): string[] {
  const cells = witnesses.map((w) => w.cell).filter((c): c is string => c !== undefined);
  if (reference?.cell) cells.push(reference.cell);
  return cells;
}

/** Where the best name is printed, for “与…的“X”不一致”: the places printing it (at most those with a cell, and the file). */
export function describeBest(view: DepartmentView): string {
  return describeWitnesses(view.judged.filter((j) => j.verdict === 'same').map((j) => j.w));
}
