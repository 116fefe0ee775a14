import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewFinding } from '../../src/core/review';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { buildShanghaiWorkbook } from '../support/shanghai';
import { workbookToBuffer } from '../support/variants';
import { sampleWithSupplement, seedSnapshot } from '../narrative/support';
import { consistentSample, generated, reviewAgainst, serious } from './corpus';
import { describe, squash } from './support';

/**
 * The review corpus (issue 13 item 7).
 *  - Precision: realistic correct narratives — generated from the sample (both formats, with and without the
 *    说明数据, from test/fixtures/seed-2024-with-notes.xlsx too) and from a Shanghai-family workbook, and hand-edited
 *    variants a department writes (unnumbered 类/款/项 lines, several items to a paragraph, quoted numbered 类 lists,
 *    dropped trailing zeros, thousands separators) — give no error and no warning.
 *  - Tables in doubt (a 05 shifted against its labels, a 07 合计 row left blank): no error, at most one warning,
 *    which points at the table.
 *  - Recall: each wording slip and each seed error of domain.md §5 that concerns the narrative, made once in a
 *    correct text, gives exactly one new finding, of its kind, quoting it.
 */

const SEVERE = (f: ReviewFinding) => f.severity !== 'info';

interface Base {
  snapshot: WorkbookSnapshot;
  text: string;
}

let bases: Promise<Record<'H' | 'S' | 'HT' | 'SH' | 'SHH', Base>> | undefined;
/** H/S: the consistent sample with its 说明数据 (Hunan/Shanghai text); HT: its tables alone; SH/SHH: the Shanghai-family workbook. */
function corpus() {
  bases ??= (async () => {
    const notes = await consistentSample();
    const tablesOnly = structuredClone(notes);
    tablesOnly.sheets = tablesOnly.sheets.filter((s) => s.name !== '说明数据');
    const sh = await snapshotFromXlsx(await workbookToBuffer(await buildShanghaiWorkbook()), 'shanghai.xlsx');
    assert.ok(sh.ok);
    return {
      H: { snapshot: notes, text: generated(notes, 'hunan') },
      S: { snapshot: notes, text: generated(notes, 'shanghai') },
      HT: { snapshot: tablesOnly, text: generated(notes, 'hunan') },
      SH: { snapshot: sh.snapshot, text: generated(sh.snapshot, 'shanghai') },
      SHH: { snapshot: sh.snapshot, text: generated(sh.snapshot, 'hunan') },
    };
  })();
  return bases;
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const m = typeof from === 'string' ? { index: text.indexOf(from), 0: from } : from.exec(text);
  assert.ok(m && m.index! >= 0, `the text contains “${from}”`);
  return text.slice(0, m.index) + to + text.slice(m.index! + m[0].length);
}

// ---- hand-edited variants ------------------------------------------------------------------------------------

const DETAIL = /（三）一般公共预算财政拨款支出决算具体情况\n([\s\S]*?)\n\n/;

/** 五（三） items without their numbers. */
function unnumbered(text: string): string {
  return text.replace(DETAIL, (all, body: string) => all.replace(body, body.replace(/^\d+、/gm, '')));
}

/** 五（三） items of one 款 in one paragraph, the later ones naming only their 项 (“…；Z（项）…”). */
function grouped(text: string): string {
  return text.replace(DETAIL, (all, body: string) => {
    const out: string[] = [];
    let previous = '';
    for (const line of body.split('\n')) {
      const m = /^\d+、(.+?（类）.+?（款）)(.+)$/.exec(line);
      if (m && m[1] === previous) out[out.length - 1] += m[2];
      else out.push(line.replace(/^\d+、/, ''));
      if (m) previous = m[1];
    }
    return all.replace(body, out.join('\n'));
  });
}

/** 五（三） under 类 headings: “1.一般公共服务支出（类）” on its own line, then “（1）Y（款）Z（项）。…” per item. */
function classHeadings(text: string): string {
  return text.replace(DETAIL, (all, body: string) => {
    const out: string[] = [];
    let cls = '';
    let n = 0;
    let k = 0;
    for (const line of body.split('\n')) {
      const m = /^\d+、(.+?（类）)(.+)$/.exec(line);
      if (!m) {
        out.push(line);
        continue;
      }
      if (m[1] !== cls) {
        cls = m[1];
        out.push(`${++n}.${cls}`);
        k = 0;
      }
      out.push(`（${++k}）${m[2]}`);
    }
    return all.replace(body, out.join('\n'));
  });
}

/** 五（二） as a numbered list of quoted 类 names: “1.“一般公共服务”410.65万元，占79.03%”. */
function quotedList(text: string): string {
  let n = 0;
  return text.replace(/(主要用于以下方面：)([^\n]*)/, (_all, lead: string, list: string) => lead + list.replace(/(^|；)([^；：（]+?)支出（类）/g, (_m, sep: string, name: string) => `${sep}${++n}.“${name}”`));
}

/** Trailing zeros dropped: “47.30万元” → “47.3万元”, “0.00万元” → “0万元”, “100.00%” → “100%”. */
function droppedZeros(text: string): string {
  return text.replace(/(\d+)\.00(万元|%)/g, '$1$2').replace(/(\d+\.\d)0(万元|%)/g, '$1$2');
}

/** Thousands separators: “3656.91万元” → “3,656.91万元”. */
function separators(text: string): string {
  return text.replace(/\d{4,}(?=\.\d+万元)/g, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
}

test('precision: correct narratives and their hand-edited variants give no error and no warning', async (t) => {
  const c = await corpus();
  const sample = await sampleWithSupplement();
  const seed = await seedSnapshot();
  const notesFile = await snapshotFromXlsx(readFileSync(join(__dirname, '..', 'fixtures', 'seed-2024-with-notes.xlsx')), 'seed-2024-with-notes.xlsx');
  assert.ok(notesFile.ok);
  const texts: Array<[string, WorkbookSnapshot, string]> = [
    ['consistent sample, Hunan', c.H.snapshot, c.H.text],
    ['consistent sample, Shanghai', c.S.snapshot, c.S.text],
    ['consistent sample tables only, Hunan text', c.HT.snapshot, c.HT.text],
    ['sample with its 说明数据, Hunan', sample, generated(sample, 'hunan')],
    ['sample with its 说明数据, Shanghai', sample, generated(sample, 'shanghai')],
    ['seed tables without 说明数据, Hunan', seed, generated(seed, 'hunan')],
    ['seed tables without 说明数据, Shanghai', seed, generated(seed, 'shanghai')],
    ['seed-2024-with-notes.xlsx, Hunan', notesFile.snapshot, generated(notesFile.snapshot, 'hunan')],
    ['seed-2024-with-notes.xlsx, Shanghai', notesFile.snapshot, generated(notesFile.snapshot, 'shanghai')],
    ['Shanghai-family workbook, Shanghai', c.SH.snapshot, c.SH.text],
    ['Shanghai-family workbook, Hunan', c.SHH.snapshot, c.SHH.text],
    ['unnumbered 五（三） items', c.H.snapshot, unnumbered(c.H.text)],
    ['several items to a paragraph, later ones by 项 only', c.H.snapshot, grouped(c.H.text)],
    ['several items to a paragraph (Shanghai text)', c.S.snapshot, grouped(c.S.text)],
    ['quoted numbered 类 list in 五（二）', c.H.snapshot, quotedList(c.H.text)],
    ['五（三） under 类 headings with （1）（2） items', c.H.snapshot, classHeadings(c.H.text)],
    ['五（三） under 类 headings (Shanghai text)', c.S.snapshot, classHeadings(c.S.text)],
    ['trailing zeros dropped', c.H.snapshot, droppedZeros(c.H.text)],
    ['thousands separators', c.SH.snapshot, separators(c.SH.text)],
    ['thousands separators, trailing zeros dropped', c.SH.snapshot, droppedZeros(separators(c.SH.text))],
  ];
  let falseFindings = 0;
  for (const [name, snapshot, text] of texts) {
    const found = serious(reviewAgainst(snapshot, text));
    falseFindings += found.length;
    assert.deepEqual(found, [], `${name}:\n${describe(found)}`);
  }
  t.diagnostic(`precision corpus: ${texts.length} correct texts, ${falseFindings} error/warning findings on them`);
  // The variants are read as what they are: every item of the grouped and unnumbered texts is tied to its row.
  for (const variant of [unnumbered(c.H.text), grouped(c.H.text)]) assert.notEqual(variant, c.H.text);
  assert.match(quotedList(c.H.text), /1\.“一般公共服务”410\.65万元/);
  assert.match(separators(c.SH.text), /3,656\.91万元/);
  assert.match(classHeadings(c.H.text), /\n1\.一般公共服务支出（类）\n（1）发展与改革事务（款）事业运行（项）/);
});

test('tables in doubt: a 05 shifted against its labels, a 07 合计 row left blank — no error, one note or warning pointing at the table', async () => {
  const c = await corpus();
  const shifted = structuredClone(c.SH.snapshot);
  const t05 = shifted.sheets.find((s) => s.name === '公开05表')!;
  for (let r = 16; r > 5; r--) for (let col = 4; col <= 6; col++) t05.values[r][col] = t05.values[r - 1][col] ?? null;
  for (let col = 4; col <= 6; col++) t05.values[5][col] = null;
  const onShifted = reviewAgainst(shifted, c.SH.text);
  assert.deepEqual(onShifted.filter((f) => f.severity === 'error'), [], describe(onShifted));
  assert.deepEqual(serious(onShifted).map((f) => [f.rule, f.severity]), [['review-source-doubt', 'warning']], describe(onShifted));
  assert.match(serious(onShifted)[0].message, /公开05表.*未通过表格审核/);
  assert.ok(serious(onShifted)[0].cells.some((x) => x.startsWith('公开05表!')));

  const blank = structuredClone(c.SH.snapshot);
  const t07 = blank.sheets.find((s) => s.name === '公开08表')!; // the Shanghai numbering's 政府性基金 table
  for (let col = 4; col <= 9; col++) t07.values[8][col] = null;
  const onBlank = reviewAgainst(blank, c.SH.text);
  assert.deepEqual(serious(onBlank), [], describe(onBlank));
  const note = onBlank.find((f) => f.rule === 'review-source-doubt');
  assert.match(note?.message ?? '', /公开07表合计行未通过表格审核/);
  // Never “应为 0.00”: nothing proposes the blank 合计.
  assert.ok(!onBlank.some((f) => f.expected === '0.00'), describe(onBlank));
});

interface Slip {
  name: string;
  base: 'H' | 'S' | 'HT' | 'SH';
  from: string | RegExp;
  to: string;
  rule: string;
  quote: RegExp;
  severity?: ReviewFinding['severity'];
  expected?: string;
  /** The correct text the slip is made in, when it is a variant of the base. */
  variant?: (text: string) => string;
}

const SLIPS: Slip[] = [
  // Years.
  // The sample's tables state no year: its 说明数据 do (年度 2024), so a wrong year is a warning there.
  { name: 'year: the subtitle says 2023', base: 'H', from: '2024年度部门决算情况说明', to: '2023年度部门决算情况说明', rule: 'review-year', quote: /^2023年度$/, expected: '2024', severity: 'warning' },
  { name: 'year: a section heading says 2023', base: 'H', from: '十三、关于2024年度预算绩效情况的说明', to: '十三、关于2023年度预算绩效情况的说明', rule: 'review-year', quote: /^2023年度$/, expected: '2024' },
  { name: 'year: 截至 2023 年 12 月 31 日', base: 'H', from: '截至2024年12月31日，我单位', to: '截至2023年12月31日，我单位', rule: 'review-year', quote: /^2023年$/, expected: '2024' },
  { name: 'year: 与 2022 年度相比 in a 2024 report', base: 'S', from: '与2023年度相比，收入支出总计', to: '与2022年度相比，收入支出总计', rule: 'review-year', quote: /^2022年度$/, expected: '2023' },
  { name: 'year: 截至 2023 年 in a workbook whose tables state 2024', base: 'SH', from: '截至2024年12月31日', to: '截至2023年12月31日', rule: 'review-year', quote: /^2023年$/, expected: '2024', severity: 'error' },
  { name: 'year: a sentence opening with last year', base: 'H', from: '2024年度收、支总计519.63万元', to: '2023年度收、支总计519.63万元', rule: 'review-year', quote: /^2023年度$/, expected: '2024' },
  // Template remnants and placeholders.
  { name: 'template: 下降（增长）', base: 'H', from: '下降1.28%，主要是因为', to: '下降（增长）1.28%，主要是因为', rule: 'review-template', quote: /^下降（增长）$/ },
  { name: 'template: 增加（减少） before a figure', base: 'H', from: '与上年相比增加0.97万元', to: '与上年相比增加（减少）0.97万元', rule: 'review-template', quote: /^增加（减少）$/ },
  { name: 'template: ××年度', base: 'H', from: '2024年度收、支总计', to: '××年度收、支总计', rule: 'review-template', quote: /^××$/ },
  { name: 'template: XXX万元', base: 'H', from: '开支培训费0.18万元', to: '开支培训费XXX万元', rule: 'review-template', quote: /^XXX$/ },
  { name: 'template: 主要原因：XXXXXXXX', base: 'S', from: '主要原因：贯彻落实厉行节约精神，牢固树立“过紧日子”思想。', to: '主要原因：XXXXXXXX。', rule: 'review-template', quote: /^XXXXXXXX$/ },
  { name: 'template: （不涉及的不列）', base: 'S', from: '项目支出63.98万元，占12.31%', to: '项目支出63.98万元，占12.31%（不涉及的不列）', rule: 'review-template', quote: /^（不涉及的不列）$/ },
  { name: 'template: 【单位名称】', base: 'H', from: '本部门2024年度政府采购支出总额', to: '【单位名称】2024年度政府采购支出总额', rule: 'review-template', quote: /^【单位名称】$/ },
  // Direction words.
  { name: 'direction: 减增加', base: 'H', from: '减少6.73万元，下降1.28%，主要是因为', to: '减增加6.73万元，下降1.28%，主要是因为', rule: 'review-direction', quote: /增加6\.73万元$/, severity: 'error' },
  { name: 'direction: 大小于', base: 'H', from: '决算数小于年初预算数的主要原因是：厉行节约精神', to: '决算数大小于年初预算数的主要原因是：厉行节约精神', rule: 'review-direction', quote: /^大小于$/ },
  { name: 'direction: 增加减少 (§5 #13)', base: 'H', from: '减少0.79万元，下降58.52%', to: '增加减少0.79万元，下降58.52%', rule: 'review-direction', quote: /^增加减少0\.79万元$/, expected: '减少' },
  { name: 'direction: 减少为 0.00 万元，与上年持平', base: 'H', from: '支出决算为0.00万元；与上年相比持平。', to: '支出决算为0.00万元；与上年相比减少为0.00万元，与上年持平。', rule: 'review-direction', quote: /^减少为0\.00万元$/, expected: '持平' },
  { name: 'direction: 决算数等于预算数 while they differ', base: 'H', from: '决算数小于年初预算数的主要原因是：厉行节约精神', to: '决算数等于年初预算数的主要原因是：厉行节约精神', rule: 'review-direction', quote: /^决算数等于年初预算数$/, expected: '小于' },
  { name: 'direction: 持平 while the figures differ', base: 'H', from: '与上年相比，减少6.73万元，下降1.28%，主要是因为', to: '与上年相比持平，主要是因为', rule: 'review-direction', quote: /^与上年相比持平$/ },
  { name: 'direction: 决算数与预算数持平 while they differ', base: 'H', from: '决算数小于年初预算数的主要原因是：人员变动', to: '决算数与年初预算数持平，原因是：人员变动', rule: 'review-direction', quote: /^决算数与年初预算数持平$/ },
  // The department's name.
  { name: 'department: a character of the division wrong (株州市)', base: 'S', from: '株洲市长株潭一体化发展事务中心2024年度收入支出总计', to: '株州市长株潭一体化发展事务中心2024年度收入支出总计', rule: 'review-department', quote: /^株州市长株潭一体化发展事务中心$/ },
  { name: 'department: 绿化与市容 for 绿化和市容', base: 'SH', from: '上海市浦江区绿化和市容管理局2024年度收入支出总计', to: '上海市浦江区绿化与市容管理局2024年度收入支出总计', rule: 'review-department', quote: /绿化与市容管理局$/ },
  // Budget labels.
  { name: 'budget label: 全年预算 for the 年初预算', base: 'H', from: '一般公共预算财政拨款支出年初预算为580.14万元', to: '一般公共预算财政拨款支出全年预算为580.14万元', rule: 'review-budget-label', quote: /全年预算为580\.14万元$/ },
  { name: 'budget label: 年初预算数 for the 全年预算数', base: 'H', from: '整体支出全年预算数610.39万元', to: '整体支出年初预算数610.39万元', rule: 'review-budget-label', quote: /年初预算数610\.39万元$/ },
  // 主要包括 lists.
  { name: 'list: a non-zero item left out', base: 'H', from: '劳务费、委托业务费、工会经费、', to: '劳务费、委托业务费、', rule: 'review-list', quote: /^主要包括/ },
  { name: 'list: an empty item named', base: 'H', from: '主要包括：办公费、', to: '主要包括：办公费、取暖费、', rule: 'review-list', quote: /^主要包括/ },
  // Units and rounding.
  { name: 'format: a percentage without %', base: 'H', from: '下降1.28%，主要是因为', to: '下降1.28，主要是因为', rule: 'review-format', quote: /^1\.28$/, severity: 'warning' },
  { name: 'format: an amount without 万元 (§5 #15)', base: 'H', from: '节能环保支出（类）7.20万元', to: '节能环保支出（类）7.20', rule: 'review-format', quote: /^7\.20$/, severity: 'warning' },
  { name: 'format: truncated, not rounded', base: 'H', from: '占1.39%', to: '占1.38%', rule: 'review-share', quote: /^占1\.38%$/, severity: 'info' },
  { name: 'format: one decimal place (§5 #15)', base: 'H', from: '47.30万元', to: '47.3万元', rule: 'review-format', quote: /^47\.3万元$/, severity: 'info' },
  // Seed errors of domain.md §5 that concern the narrative.
  { name: '§5 #3: a 三公 budget unlike 09表 and the 说明数据', base: 'H', from: '“三公”经费财政拨款支出预算为19.00万元', to: '“三公”经费财政拨款支出预算为14.32万元', rule: 'review-amount', quote: /预算为14\.32万元$/, expected: '19.00', severity: 'error' },
  {
    name: '§5 #5: an item under the wrong 类 and 款',
    base: 'H',
    from: '3、社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）',
    to: '3、一般公共服务（类）社会保障和就业支出（款）事业单位离退休（项）',
    rule: 'review-subject-label',
    quote: /^一般公共服务（类）社会保障和就业支出（款）事业单位离退休（项）$/,
    expected: '社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）',
  },
  { name: '§5 #6: a 款 name missing a character', base: 'H', from: '发展与改革事务（款）其他', to: '发展与改革事（款）其他', rule: 'review-subject-label', quote: /发展与改革事（款）其他发展与改革事务支出（项）$/ },
  { name: '§5 #7: 完成年初预算的100% over a 0 budget', base: 'H', from: '年初未安排预算，支出决算为56.78万元。', to: '年初预算为0.00万元，支出决算为56.78万元，完成年初预算的100.00%。', rule: 'review-zero-denominator', quote: /^完成年初预算的100\.00%$/, severity: 'warning' },
  { name: '§5 #8: item budgets that add up to 0.01 more than the total', base: 'HT', from: '年初预算为580.14万元', to: '年初预算为580.13万元', rule: 'review-cross-section', quote: /年初预算为580\.13万元$/, severity: 'info', expected: '580.14' },
  { name: '§5 #12: 团组 0 个 with 1 人次 (against the 说明数据)', base: 'H', from: '团组1个', to: '团组0个', rule: 'review-count', quote: /团组0个$/, expected: '1', severity: 'error' },
  { name: '§5 #12: 团组 0 个 with 1 人次 (tables only)', base: 'HT', from: '团组1个', to: '团组0个', rule: 'review-count', quote: /团组0个$/, severity: 'warning' },
  { name: '§5 #14: 完成预算的0% over 0/0', base: 'H', from: '公务用车购置费支出预算为0.00万元，支出决算为0.00万元；', to: '公务用车购置费支出预算为0.00万元，支出决算为0.00万元，完成预算的0%；', rule: 'review-zero-denominator', quote: /^完成预算的0%$/, severity: 'warning' },
  // Numeric slips in the forms that used to be misread.
  { name: 'a figure in a quoted numbered 类 list', base: 'H', variant: quotedList, from: '2.“社会保障和就业”47.30万元', to: '2.“社会保障和就业”47.03万元', rule: 'review-amount', quote: /47\.03万元$/, expected: '47.30', severity: 'error' },
  { name: 'a figure in an item under a 类 heading', base: 'H', variant: classHeadings, from: '年初预算为11.53万元，支出决算为10.66万元', to: '年初预算为11.53万元，支出决算为10.60万元', rule: 'review-amount', quote: /支出决算为10\.60万元$/, expected: '10.66', severity: 'error' },
  { name: 'a figure in an unnumbered item of a grouped paragraph', base: 'H', variant: grouped, from: '年初预算为13.96万元，支出决算为13.82万元', to: '年初预算为13.96万元，支出决算为13.28万元', rule: 'review-amount', quote: /支出决算为13\.28万元$/, expected: '13.82', severity: 'error' },
];

/** Findings of `after` that `before` does not have (matched by rule, severity, quote and line), and the reverse. */
function delta(before: ReviewFinding[], after: ReviewFinding[]): { added: ReviewFinding[]; removed: ReviewFinding[] } {
  // Not the quote or the message (they quote the text, which the slip may change): what the finding says.
  const key = (f: ReviewFinding) => `${f.rule}|${f.severity}|${f.paragraph}|${f.offset}|${f.expected}|${f.actual}`;
  const minus = (a: ReviewFinding[], b: ReviewFinding[]) => {
    const left = new Map<string, number>();
    for (const f of b) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
    return a.filter((f) => {
      const n = left.get(key(f)) ?? 0;
      if (n > 0) left.set(key(f), n - 1);
      return n === 0;
    });
  };
  return { added: minus(after, before), removed: minus(before, after) };
}

const tally = { slips: 0, exactlyOnce: 0 };

for (const slip of SLIPS) {
  test(`one slip, one finding: ${slip.name}`, async () => {
    const c = await corpus();
    const base = c[slip.base];
    const original = slip.variant ? slip.variant(base.text) : base.text;
    const text = replaceOnce(original, slip.from, slip.to);
    const before = reviewAgainst(base.snapshot, original);
    const after = reviewAgainst(base.snapshot, text);
    const { added, removed } = delta(before, after);
    tally.slips++;
    assert.deepEqual(removed.filter(SEVERE), [], `findings that went away:\n${describe(removed)}`);
    assert.equal(added.length, 1, `exactly one new finding expected:\n${describe(added)}`);
    const [f] = added;
    assert.equal(f.rule, slip.rule, describe(added));
    assert.match(squash(f.quote), slip.quote, describe(added));
    if (slip.severity) assert.equal(f.severity, slip.severity, describe(added));
    if (slip.expected !== undefined) assert.equal(f.expected, slip.expected, describe(added));
    tally.exactlyOnce++;
  });
}

test('recall on the slip corpus', (t) => {
  t.diagnostic(`slip corpus: ${tally.exactlyOnce}/${tally.slips} slips caught exactly once (${SLIPS.length} slips)`);
  assert.equal(tally.slips, SLIPS.length);
  assert.equal(tally.exactlyOnce, SLIPS.length);
});
