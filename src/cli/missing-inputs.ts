/**
 * `juesuan narrate`'s list of blanks on stderr: every 【请填写：…】 of the text with the 说明数据 cell that fills
 * it — one line per part of the 情况说明, not one line per blank (the sample without 说明数据 has 77). The
 * per-item pairs of 第五（三） (“2010450 事业运行 年初预算”, “… 差异原因”) are written once per 科目.
 *
 * The blanks are read from the `narrative-missing-input` findings, whose messages the narrative writes in one
 * shape (src/core/narrative/context.ts: “情况说明第X部分需要…；文中暂写为【请填写：label】。”); a finding in
 * another shape is printed whole, so nothing is ever dropped from the list.
 */
import type { Finding } from '../core/findings/finding';

interface Blank {
  label: string;
  /** The cell to fill, without the sheet's name (the header names the sheet), or undefined. */
  cell?: string;
}

const SECTION = /^情况说明(第.+?部分)/;
const PLACEHOLDER = /【请填写：(.+?)】/;
/** “2010450 事业运行 年初预算”: a 科目's line of 说明数据 and the field of it. */
const ITEM_FIELD = /^(\d{3,7} .+) (\S+)$/;

/**
 * The lines for stderr (empty when nothing is missing). `sheet`: the 说明数据 sheet's name when the workbook has
 * one; `file`: the workbook, for the command that makes the template.
 */
export function missingInputLines(findings: readonly Finding[], sheet: string | undefined, file: string): string[] {
  const missing = findings.filter((f) => f.rule === 'narrative-missing-input');
  if (!missing.length) return [];
  const groups = new Map<string, Blank[]>();
  const whole: string[] = [];
  for (const f of missing) {
    const section = SECTION.exec(f.message)?.[1];
    const label = PLACEHOLDER.exec(f.message)?.[1];
    if (!section || !label) {
      whole.push(f.message);
      continue;
    }
    const list = groups.get(section) ?? [];
    list.push({ label, cell: f.cells[0]?.split('!').pop() });
    groups.set(section, list);
  }
  const count = `情况说明中有 ${missing.length} 项需要补充的内容（文中写为【请填写：…】）`;
  const head = sheet
    ? `${count}。请在工作表“${sheet}”中填写（括号内为单元格；“无此行”的项请在该表中补上这一行），再运行 juesuan narrate：`
    : `${count}。工作簿中没有“说明数据”工作表：请先运行 juesuan template “${file}” --out 副本.xlsx，在副本的“说明数据”工作表中填写以下各项，再对副本运行 juesuan narrate：`;
  const lines = [head, ...whole.map((m) => `  ${m}`)];
  for (const [section, blanks] of groups) lines.push(`  ${section}：${describe(blanks, Boolean(sheet))}`);
  return lines;
}

/**
 * “上年收入支出总计（B10）；年初预算（C107–C117）和差异原因（F107–F117），共 11 个科目：2010450 事业运行、…”.
 * Items are separated by “；”: a label may itself hold “、” (“节庆、晚会、论坛、赛事活动支出”).
 */
function describe(blanks: readonly Blank[], hasSheet: boolean): string {
  const where = (b: Blank) => b.cell ?? (hasSheet ? '无此行' : undefined);
  const named = (label: string, cell: string | undefined) => (cell ? `${label}（${cell}）` : label);
  const parts: string[] = [];
  for (let i = 0; i < blanks.length; ) {
    // A run of 科目 lines: their fields once, with the cells as column ranges when they run down one column.
    const run: { item: string; fields: Blank[] }[] = [];
    let j = i;
    for (let m = ITEM_FIELD.exec(blanks[j]?.label ?? ''); m; m = ITEM_FIELD.exec(blanks[j]?.label ?? '')) {
      if (run.at(-1)?.item !== m[1]) run.push({ item: m[1], fields: [] });
      run.at(-1)!.fields.push({ label: m[2], cell: where(blanks[j]) });
      j++;
    }
    if (run.length === 0) {
      parts.push(named(blanks[i].label, where(blanks[i])));
      i++;
      continue;
    }
    const fieldNames = run[0].fields.map((f) => f.label);
    const ranges = fieldNames.map((_, k) => columnRange(run.map((r) => r.fields[k]?.cell)));
    const sameFields = run.every((r) => r.fields.map((f) => f.label).join() === fieldNames.join());
    const noCells = run.every((r) => r.fields.every((f) => f.cell === undefined));
    if (run.length > 1 && sameFields && (noCells || ranges.every((r) => r !== undefined)))
      parts.push(`${fieldNames.map((f, k) => (ranges[k] ? `${f}（${ranges[k]}）` : f)).join('和')}，共 ${run.length} 个科目：${run.map((r) => r.item).join('、')}`);
    else for (const r of run) parts.push(`${r.item}（${r.fields.map((f) => [f.label, f.cell].filter(Boolean).join(' ')).join('，')}）`);
    i = j;
  }
  return parts.join('；');
}

/** “C107–C117” when the cells run down one column without a gap; undefined otherwise. */
function columnRange(cells: readonly (string | undefined)[]): string | undefined {
  const parsed = cells.map((c) => /^([A-Z]+)(\d+)$/.exec(c ?? ''));
  if (parsed.some((p) => !p)) return undefined;
  const column = parsed[0]![1];
  const first = Number(parsed[0]![2]);
  if (!parsed.every((p, k) => p![1] === column && Number(p![2]) === first + k)) return undefined;
  return `${cells[0]}–${cells.at(-1)}`;
}
