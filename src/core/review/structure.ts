import Decimal from 'decimal.js';
import { sum } from '../narrative/money';
import { cents, roundingBound, formatMoney } from '../util/money';
import type { Amount, SubjectTable, TablesModel } from '../tables/model';
import type { AmountClaim, Extraction, LabelClaim } from './claims';
import { type Reporter } from './report';
import { allSections, type Outline, type OutlineSection, type SectionKind } from './sections';
import type { Subjects } from './sources';
import type { CheckContext } from './check';

/**
 * What must be there (domain.md §3.1, N07, N08, N11): the sections of the format, the three parts of 五, the
 * “无…收支” statement of an empty 07/08 table (and no such statement over a table with figures), a sentence for
 * every non-zero 类 in 五（二） and every non-zero 项 in 五（三）, and item budgets that add up to the total.
 */
const CORE: Array<[SectionKind, string]> = [
  ['overview', '收入支出决算总体情况说明'],
  ['income', '收入决算情况说明'],
  ['expense', '支出决算情况说明'],
  ['fiscal', '财政拨款收入支出决算总体情况说明'],
  ['gpb', '一般公共预算财政拨款支出决算情况说明'],
  ['basic', '一般公共预算财政拨款基本支出决算情况说明'],
  ['sangong', '财政拨款“三公”经费支出决算情况说明'],
  ['gov-fund', '政府性基金预算财政拨款收入支出决算情况说明'],
];
const HUNAN_MORE: Array<[SectionKind, string]> = [
  ['operating-cost', '机关运行经费支出说明'],
  ['general-expense', '一般性支出情况说明'],
  ['procurement', '政府采购支出说明'],
  ['assets', '国有资产占用情况说明'],
  ['performance', '预算绩效情况说明'],
];
const SHANGHAI_MORE: Array<[SectionKind, string]> = [
  ['state-capital', '国有资本经营预算财政拨款收入支出决算情况说明'],
  ['performance', '预算绩效管理情况'],
  ['operating-cost', '机关运行经费支出情况'],
  ['procurement', '政府采购支出情况'],
  ['assets', '国有资产占有使用情况'],
];

export function checkStructure(ctx: CheckContext, o: Outline, ex: Extraction, options: { excerpt: boolean } = { excerpt: false }): void {
  const { r, subjects } = ctx;
  const sections = allSections(o);
  const kinds = new Set(sections.map((s) => s.kind));
  const model = subjects.model;
  emptyStatements(ctx, o, model, !options.excerpt && sections.some((s) => s.kind !== 'unknown'));
  missingItems(r, sections, ex, subjects);
  itemBudgetSum(r, sections, ex);
  // Nothing compared with the tables: say so, and nothing else about what is missing (one misunderstanding).
  if (ctx.checked === 0) {
    const recognised = sections.some((s) => s.kind !== 'unknown');
    r.add(
      'review-nothing-checked',
      'warning',
      { start: o.range.start, end: o.range.start },
      undefined,
      recognised
        ? '未能识别可核对的内容：文中没有能与公开表或说明数据核对的数字或表述，因此无法判断是否与表格一致。请确认粘贴的是完整的“部门决算情况说明”。'
        : '未能识别可核对的内容：文中没有“一、收入支出决算总体情况说明”等任何可识别的部分，也没有能与表格核对的数字。请确认粘贴的是“部门决算情况说明”的正文。',
    );
    return;
  }
  if (!options.excerpt) missingSections(r, o, kinds);
}

function missingSections(r: Reporter, o: Outline, kinds: Set<SectionKind>): void {
  const shanghai = kinds.has('state-capital') || kinds.has('other-matters');
  const required: Array<[SectionKind, string, 'error' | 'warning']> = [
    ...CORE.map(([k, t]): [SectionKind, string, 'error'] => [k, t, 'error']),
    ...(shanghai ? SHANGHAI_MORE.map(([k, t]): [SectionKind, string, 'error' | 'warning'] => [k, t, k === 'state-capital' ? 'error' : 'warning']) : HUNAN_MORE.map(([k, t]): [SectionKind, string, 'warning'] => [k, t, 'warning'])),
  ];
  const missing = required.filter(([kind]) => !kinds.has(kind));
  if (missing.length > 0) {
    const severity = missing.some(([, , s]) => s === 'error') ? 'error' : 'warning';
    const at = o.range.end;
    const found = o.sections.filter((s) => s.kind !== 'unknown').length;
    r.add(
      'review-missing-section',
      severity,
      { start: at, end: at },
      undefined,
      `${found === 0 ? '未能识别情况说明的任何部分，' : ''}缺少${missing.map(([, t]) => `“${t}”`).join('、')}${missing.length > 1 ? `共 ${missing.length} 个部分` : '部分'}（${shanghai ? '上海' : '湖南'}格式的必备内容）。`,
    );
  }
  const gpb = o.sections.find((s) => s.kind === 'gpb');
  if (gpb) {
    const parts: Array<[SectionKind, string]> = [
      ['gpb-overall', '（一）一般公共预算财政拨款支出决算总体情况'],
      ['gpb-structure', '（二）一般公共预算财政拨款支出决算结构情况'],
      ['gpb-detail', '（三）一般公共预算财政拨款支出决算具体情况'],
    ];
    const absent = parts.filter(([kind]) => !gpb.children.some((c) => c.kind === kind));
    if (absent.length > 0) r.add('review-missing-section', 'warning', gpb.heading, gpb, `第${gpb.number}部分缺少${absent.map(([, t]) => `“${t}”`).join('、')}。`);
  }
}

function tableEmpty(t: SubjectTable | undefined): boolean | undefined {
  if (!t) return undefined;
  const amounts = [...Object.values(t.total?.amounts ?? {}), ...t.rows.flatMap((row) => Object.values(row.amounts))] as Array<Amount | undefined>;
  return amounts.every((a) => !a || cents(a.value).isZero());
}

const NONE_07 = /(?:无|没有)[^。；]{0,16}政府性基金|政府性基金[^。；]{0,16}(?:为0|为零|均为0)|本表无数据/;
const NONE_08 = /(?:无|没有)[^。；]{0,16}国有资本经营|国有资本经营[^。；]{0,16}(?:为0|为零|均为0)|本表无数据/;

function emptyStatements(ctx: CheckContext, o: Outline, model: TablesModel, full: boolean): void {
  const r = ctx.r;
  const text = r.text.clean;
  const body = (s: OutlineSection) => text.slice(s.whole.start, s.whole.end);
  const check = (code: '07' | '08', kind: SectionKind | undefined, none: RegExp, name: string) => {
    const empty = tableEmpty(model[code] as SubjectTable | undefined);
    if (empty === undefined) return;
    const section = kind ? allSections(o).find((s) => s.kind === kind) : undefined;
    const where = section ? body(section) : '';
    const says = section ? none.exec(where) : null;
    const meta = model[code]?.meta;
    if (section && (says || empty)) ctx.checked++;
    if (empty && section && !says && !/\d+(?:\.\d+)?万元/.test(where))
      r.add('review-missing-section', 'warning', section.heading, section, `公开${code}表没有数据，本部分应写明“本年度无${name}财政拨款收入和支出”（空表说明）。`, {
        cells: meta?.emptyStatement ? [meta.emptyStatement.cell] : [],
        table: code,
      });
    if (!empty && section && says) {
      const at = section.whole.start + says.index;
      const t = model[code] as SubjectTable;
      const total = (t.total?.amounts as Record<string, Amount | undefined> | undefined)?.total;
      r.add('review-cross-section', 'error', { start: at, end: at + says[0].length }, section, `文中说没有${name}收支，但公开${code}表有数据${total ? `（本年支出合计 ${formatMoney(total.value)} 万元）` : ''}。`, {
        cells: total ? [total.cell] : [],
        table: code,
      });
    }
    if (!empty && !section && full && !none.test(text) && !new RegExp(name).test(text))
      r.add('review-missing-section', 'warning', { start: o.range.end, end: o.range.end }, undefined, `公开${code}表有数据，情况说明却没有说明${name}收支。`, { table: code });
  };
  const shanghai = o.sections.some((s) => s.kind === 'state-capital' || s.kind === 'other-matters');
  check('07', 'gov-fund', NONE_07, '政府性基金预算');
  // The Hunan list has no 国有资本经营 section: its empty 08 needs no sentence, figures in 08 need one somewhere.
  if (shanghai) check('08', 'state-capital', NONE_08, '国有资本经营预算');
  else check('08', undefined, NONE_08, '国有资本经营预算');
  // 三公: “无‘三公’经费支出” over a 09 table with figures.
  const t09 = model['09'];
  const sg = o.sections.find((s) => s.kind === 'sangong');
  if (t09 && sg) {
    const m = /无[“"]?三公[”"]?经费/.exec(body(sg));
    const total = t09.actual.total;
    if (m && total && !cents(total.value).isZero())
      r.add('review-cross-section', 'error', { start: sg.whole.start + m.index, end: sg.whole.start + m.index + m[0].length }, sg, `文中说没有“三公”经费支出，但公开09表决算数合计为 ${formatMoney(total.value)} 万元。`, {
        cells: [total.cell],
        table: '09',
      });
  }
}

/**
 * N07/N08: every 类 with an amount in 五（二）, every 项 with an amount in 五（三）/八/九 (an item written at 款 or 类
 * level covers the 项 under it). One finding per section lists all that are left out; a row whose figure fails
 * its table's own checks is not claimed missing (its amount is in doubt).
 */
function missingItems(r: Reporter, sections: OutlineSection[], ex: Extraction, subjects: Subjects): void {
  const t05 = subjects.model['05'];
  const doubted = (a: Amount | undefined) => !!a && !!subjects.doubts.doubtOf([a.cell]);
  const structure = sections.find((s) => s.kind === 'gpb-structure');
  if (t05 && structure) {
    const stated = new Set(ex.claims.filter((c) => c.kind === 'amount' && c.section === structure).map((c) => (c as AmountClaim).subject));
    const left = t05.rows.filter((x) => x.level === '类' && !cents(x.amounts.total?.value ?? new Decimal(0)).isZero() && !doubted(x.amounts.total) && !stated.has(`class:${x.code}`));
    if (left.length > 0)
      r.add('review-missing-item', 'warning', structure.heading, structure, `公开05表中有支出的类级科目应逐一列明金额和占比，本部分未列出：${left.map((x) => `“${x.name.trim()}”（${x.code}，${formatMoney(x.amounts.total.value)} 万元）`).join('、')}。`, {
        cells: left.map((x) => x.amounts.total.cell),
        table: '05',
      });
  }
  for (const [kind, code] of [['gpb-detail', '05'], ['gov-fund', '07'], ['state-capital', '08']] as const) {
    const section = sections.find((s) => s.kind === kind);
    if (!section) continue;
    const items = ex.items.filter((i) => i.section === section);
    if (items.length === 0 && kind !== 'gpb-detail') continue;
    const seen = new Set(items.map((i) => i.subject));
    const covered = (leaf: string) => [leaf, leaf.slice(0, 5), leaf.slice(0, 3)].some((c) => seen.has(`item:${code}:${c}`));
    const table = subjects.model[code] as SubjectTable | undefined;
    const left = subjects
      .leafCodes(code)
      .filter((leaf) => !covered(leaf))
      .map((leaf) => {
        const row = table?.rows.find((x) => x.code === leaf);
        return { leaf, name: row?.name.trim() ?? '', amount: (row?.amounts as Record<string, Amount | undefined> | undefined)?.total };
      })
      .filter((x) => !doubted(x.amount));
    if (left.length > 0)
      r.add('review-missing-item', 'warning', section.heading, section, `公开${code}表中有支出的项级科目都应有一段“X（类）Y（款）Z（项）”说明，本部分没有：${left.map((x) => `${x.leaf}“${x.name}”${x.amount ? `（${formatMoney(x.amount.value)} 万元）` : ''}`).join('、')}。`, {
        cells: left.flatMap((x) => (x.amount ? [x.amount.cell] : [])),
        table: code,
      });
  }
}

/** §5 #8: the item budgets of 五（三） add up to the stated total 年初预算. */
function itemBudgetSum(r: Reporter, sections: OutlineSection[], ex: Extraction): void {
  const detail = sections.find((s) => s.kind === 'gpb-detail');
  if (!detail) return;
  const claims = ex.claims.filter((c): c is AmountClaim => c.kind === 'amount' && c.role === 'budget' && c.section === detail);
  const head = claims.find((c) => c.subject === 'gpb.total');
  const items: LabelClaim[] = ex.items.filter((i) => i.section === detail);
  if (!head || items.length === 0) return;
  const budgets = items.map((i) => claims.find((c) => i.subject && c.subject === i.subject));
  if (budgets.some((b) => b === undefined)) return;
  const total = sum((budgets as AmountClaim[]).map((b) => cents(b.value)));
  const diff = cents(head.value).minus(total);
  if (diff.isZero()) return;
  const bound = roundingBound(items.length + 1);
  const within = diff.abs().lte(bound);
  r.add(
    'review-cross-section',
    within ? 'info' : 'error',
    head.quote,
    detail,
    `各项级科目年初预算之和为 ${formatMoney(total)} 万元，与总的年初预算 ${formatMoney(head.value)} 万元相差 ${formatMoney(diff)} 万元${within ? '（尾数差异）' : ''}。`,
    { expected: formatMoney(total), actual: formatMoney(head.value), difference: formatMoney(diff), tolerance: formatMoney(bound) },
  );
}
