/**
 * The layout grammar: each switch is one independent dimension of variation (domain.md §1.2 “Layout details” and
 * “Layout variation seen in the field”, and issue 11 item 5). The FIRST value of each switch is the neutral one —
 * a plain seed-like layout — so that a failing layout can be shrunk back to the switches that matter.
 */
import { rngFor } from './rng';

export const GRAMMAR = {
  // workbook
  /** One table per sheet, all stacked on one sheet, or stacked two or three to a sheet. */
  arrangement: ['per-sheet', 'stacked', 'grouped'],
  /** Blank rows between stacked tables. */
  stackGap: [1, 0, 2, 3],
  /** A cover sheet and a 目录 sheet before the tables. */
  front: ['none', 'cover-toc'],
  /** Non-public tables between the public ones. */
  extras: ['none', 'econ-detail', 'institution', 'balance', 'all'],
  sheetNames: ['gongkai', 'biao', 'sheet', 'title', 'random'],
  order: ['printed', 'shuffled'],
  /** Tables moved on their sheet: 1–4 rows down (per sheet), 1–3 columns right (per table). */
  offset: ['none', 'moved'],
  /** Empty cells as the file adapter gives them (null) or as Office does (""). */
  emptyCells: ['null', 'empty-string'],
  /** Whether the host reports merged areas (a merged area always reads as its top-left value). */
  mergesReported: ['yes', 'no'],

  // titles and numbering
  /** Title alone; under a “X2024年度部门决算表” line; or “X2024年度收入支出决算总表”. */
  titleLine: ['plain', 'banner', 'prefixed'],
  /** The model's titles, or other titles seen in the field (§1.1). */
  titleWords: ['model', 'variant'],
  numbering: ['gongkai', 'none', 'arabic', 'chinese'],
  /** The number on its own line under the title (right), in the title row (right), or before the title text. */
  numberPlace: ['own-line', 'title-row', 'prefix'],
  /** Printed numbers: Hunan (三公 = 9) or Shanghai (三公 = 7, 政府性基金 = 8, 国有资本经营 = 9). */
  printedOrder: ['hunan', 'shanghai'],

  // meta line
  /** “部门：X … 金额单位：万元” in two cells or one; “编制单位：X … 单位：万元”; “单位：万元” only. */
  metaLine: ['dept-unit', 'dept-unit-one-cell', 'bianzhi', 'unit-only'],

  // headers
  /** Multi-row heads merged, or written once with blanks beside and below (an exporter that does not merge). */
  headMerge: ['merged', 'unmerged'],
  /** 科目 tables: “项目” over the code and name heads, or the code and name heads alone. */
  codeHeadTop: ['xiangmu', 'flat'],
  /** 05/07/08: 本年支出 over 小计|基本支出|项目支出, or flat heads. */
  spendingGroup: ['grouped', 'flat'],
  /** A row under the heads: 栏次 numbers, nothing, or 决算数 under each amount head. */
  subRow: ['栏次', 'none', '决算数'],
  /** Heads broken by line breaks or spaces, half-width brackets. */
  headNoise: ['clean', 'broken'],
  /** 01/04: 行次 columns. */
  rowNumbers: ['yes', 'no'],
  /** 01/04: a 收入 | 支出 row above the heads. */
  sideRow: ['yes', 'no'],

  // 科目 codes (02/03/05/07/08)
  /** One 7-digit code column; 类|款|项 with parts (201|06|01); 类|款|项 with the full code in 类; “2010601 行政运行”. */
  codes: ['one', 'split-parts', 'split-full', 'combined'],
  /** Split codes: 类|款|项 labels in the head, or on the 合计 row itself (Shanghai 2025). */
  splitLabels: ['header', 'total-row'],
  codeType: ['text', 'number'],
  /** The 科目名称 column right of the codes or left of them. */
  namePlace: ['right', 'left'],
  totalPos: ['first', 'last'],
  totalWord: ['合计', '总计'],
  /** The 合计 label in the (first) code column, merged across code and name columns, or in the name column. */
  totalLabelPlace: ['code', 'merged', 'name'],

  // 06
  groups06: [3, 2],
  /** Economic codes in one column (30101) or over two (301 | 01, the 类 row's 款 cell blank). */
  econCodes: ['one', 'split'],
  /** 人员经费 | 公用经费 over the column groups. */
  groupRow06: ['yes', 'no'],
  amountHead06: ['决算数', '金额'],

  // 09
  /** 预算数 block then 决算数 block; 预算数|决算数 pairs per item; items as rows; rows inside a 机构运行信息表. */
  t09: ['blocks', 'interleaved', 'vertical', 'in-other-table'],
  vehicleName: ['full', 'short'],

  // 01/04
  bottomWord: ['总计', '合计'],
  labelNumbers: ['numbered', 'plain'],
  /** 01: “使用非财政拨款结余（含专用结余）” (seed) or “使用非财政拨款结余” (Shanghai). */
  balanceLabel: ['full', 'short'],
  /** The model's 类 rows, or without 债务还本支出/债务付息支出 (24 rows) where those are blank. */
  classRows: ['model', 'drop-debt'],
  /**
   * 04: the three 年末 source rows under 年末财政拨款结转和结余 without labels (seed) or labelled — only where they
   * hold data or the 年末 row is blank too (labelled blank rows under a non-blank 年末 row state a split of 0.00).
   */
  closingLabels04: ['blank', 'labelled'],

  // notes
  notes: ['below', 'inside', 'none'],
  /** Empty tables: the no-data statement below the table, or merged across the first body row. */
  emptyStatement: ['below', 'first-body-row'],
  /** Empty tables: the 合计 row blank, all 0.00, or absent (only with the statement in the body). */
  emptyTotal: ['blank', 'zeros', 'absent'],

  // amounts
  amounts: ['number', 'text', 'grouped', 'full-width', 'mixed'],
} as const;

export type Grammar = typeof GRAMMAR;
export type SwitchName = keyof Grammar;
export type Switches = { -readonly [K in SwitchName]: Grammar[K][number] };

export const SWITCH_NAMES = Object.keys(GRAMMAR) as SwitchName[];

export const NEUTRAL: Switches = Object.fromEntries(SWITCH_NAMES.map((k) => [k, GRAMMAR[k][0]])) as Switches;

/**
 * Combinations that are not drawn, because they would legitimately change the findings: a layout with neither a
 * department line nor a department in the title has no department to compare (header-department would change);
 * an empty table without its 合计 row must say it is empty in its body.
 */
export function violations(s: Switches): string[] {
  const out: string[] = [];
  if (s.metaLine === 'unit-only' && s.titleLine === 'plain') out.push('metaLine=unit-only needs titleLine≠plain');
  if (s.emptyTotal === 'absent' && s.emptyStatement !== 'first-body-row') out.push('emptyTotal=absent needs emptyStatement=first-body-row');
  return out;
}

/** Neutral switches with some set; throws when the combination is not drawable. */
export function withSwitches(over: Partial<Switches>): Switches {
  const s = { ...NEUTRAL, ...over };
  const bad = violations(s);
  if (bad.length) throw new Error(`not a layout: ${bad.join('; ')}`);
  return s;
}

/** Draws a layout: each switch leaves its neutral value with probability `p`. */
export function drawSwitches(seed: number, p = 0.4): Switches {
  const rng = rngFor(seed, 'switches');
  const s = { ...NEUTRAL } as Record<SwitchName, unknown>;
  for (const k of SWITCH_NAMES) {
    const values = GRAMMAR[k] as readonly unknown[];
    if (rng.next() < p) s[k] = values[rng.int(1, values.length - 1)];
  }
  const out = s as Switches;
  if (out.metaLine === 'unit-only' && out.titleLine === 'plain') out.titleLine = rng.next() < 0.5 ? 'banner' : 'prefixed';
  if (out.emptyTotal === 'absent') out.emptyStatement = 'first-body-row';
  return out;
}

/** The switches that differ from neutral, as `name=value …` (what a failure prints). */
export function describeSwitches(s: Switches): string {
  const parts = SWITCH_NAMES.filter((k) => s[k] !== NEUTRAL[k]).map((k) => `${k}=${s[k]}`);
  return parts.length ? parts.join(' ') : '(neutral)';
}

/** `name=value …` back to switches (what a reproduction passes in). */
export function parseSwitches(text: string): Switches {
  const over: Record<string, unknown> = {};
  for (const part of text.trim().split(/\s+/).filter((p) => p && p !== '(neutral)')) {
    const [k, v] = part.split('=');
    const values = GRAMMAR[k as SwitchName] as readonly unknown[] | undefined;
    if (!values) throw new Error(`no switch ${k}`);
    const value = values.find((x) => String(x) === v);
    if (value === undefined) throw new Error(`switch ${k} has no value ${v} (${values.join(', ')})`);
    over[k] = value;
  }
  return withSwitches(over as Partial<Switches>);
}
