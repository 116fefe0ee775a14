import Decimal from 'decimal.js';
import type { NarrativeDocument, NarrativeSection, SectionId } from '../../src/core/narrative/document';
import type { Amount, SubjectRow, TablesModel } from '../../src/core/tables/model';

/**
 * The Shanghai 2024 template (domain.md §3.2, verbatim) as sentence shapes, and what a narrative must never
 * contain: an impossible figure, a template instruction, a template word left for the writer to choose.
 */

// ---------------------------------------------------------------------------------------------------------------
// Shapes: one regex per paragraph kind, built from the template's sentences. XXX → an amount or a placeholder.

const PH = '【请填写：[^】]+】';
const A = `(?:\\d+\\.\\d{2}|${PH})`; // an amount, 2 decimals
const P = `(?:\\d{1,3}\\.\\d{2}|${PH})`; // a percentage, 2 decimals
const N = `(?:\\d+|${PH})`; // a count
const Y = '(?:20\\d\\d|本)年度';
const PY = '(?:20\\d\\d|上)年度';
const R = '.+?'; // a reason as written
/** 增加（减少）XXX万元，增长（下降）XX% — the words chosen by the sign, or both kept with the numbers asked for. */
const CHANGE = `(?:(?:增加|减少)${A}万元，(?:(?:增长|下降)${P}%|上年无(?:此项支出|收支))|增加/减少${PH}万元，增长/下降${PH}%)`;
const RATE = `(?:，(?:完成预算的${P}%|未安排预算))?`;
const SHARE = `(?:，占${P}%)?`;
const list = (labels: string[]) => `(?:(?:${labels.join('|')})${A}万元${SHARE})(?:；(?:${labels.join('|')})${A}万元${SHARE})*`;
const ITEM = `\\d+、[^（。]+（类）[^（。]+（款）[^（。]+（项）。主要用于：${R}。(?:年初预算为${A}万元，支出决算为${A}万元|年初未安排预算，支出决算为${A}万元)。(?:决算数(?:大于|小于|大于/小于)预算数的主要原因：${R}。|决算数与预算数持平。)`;

/** The paragraphs of each section, as the template writes them (unit: the department's name or its placeholder). */
export function shanghaiShapes(unit: string): Partial<Record<SectionId | 'title', RegExp[]>> {
  const U = `(?:${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${PH})`;
  const re = (s: string) => new RegExp(`^${s}$`);
  const fund = (name: string) => [
    re(`${name}财政拨款收入${A}万元，支出${A}万元(?:，支出具体情况如下：|。)`),
    re(`${U}${Y}无${name}财政拨款收入和支出。`),
    re(ITEM),
  ];
  return {
    title: [re(`第三部分 ${U}${Y}部门决算情况说明`)],
    overview: [re(`${U}${Y}收入支出总计${A}万元。与${PY}相比，收入支出总计(?:${CHANGE}。主要原因：${R}|持平)。`)],
    income: [re(`本年收入合计${A}万元(?:，其中：${list(['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'])})?。`)],
    expense: [re(`本年支出合计${A}万元(?:，其中：${list(['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'])})?。`)],
    fiscal: [re(`${U}${Y}财政拨款收入支出总计${A}万元。与${PY}相比，财政拨款收入支出总计(?:${CHANGE}。主要原因：${R}|持平)。`)],
    'gpb-overall': [re(`一般公共预算财政拨款支出${A}万元(?:，占本年支出合计的${P}%)?。与${PY}相比，一般公共预算财政拨款支出(?:${CHANGE}。主要原因：${R}|持平)。`)],
    'gpb-structure': [re(`一般公共预算财政拨款支出${A}万元，主要用于以下方面：[^（；]+（类）${A}万元${SHARE}(?:；[^（；]+（类）${A}万元${SHARE})*。`), re('无一般公共预算财政拨款支出。')],
    'gpb-detail': [
      re(`一般公共预算财政拨款支出年初预算为${A}万元，支出决算为${A}万元(?:，完成年初预算的${P}%|，年初未安排预算)?。(?:决算数(?:大于|小于|大于/小于)预算数的主要原因：${R}。|决算数与预算数持平。)(?:其中：)?`),
      re(ITEM),
    ],
    basic: [re(`一般公共预算财政拨款基本支出${A}万元。其中：人员经费${A}万元(?:，主要包括：[^；。]+)?；公用经费${A}万元(?:，主要包括：[^；。]+)?。`)],
    sangong: [re(`${U}${Y}无“三公”经费财政拨款支出。`)],
    'sangong-overall': [
      re(
        `“三公”经费财政拨款支出年初预算为${A}万元，支出决算为${A}万元${RATE}，其中：因公出国（境）费决算为${A}万元${RATE}；公务用车购置及运行维护费支出决算为${A}万元${RATE}；公务接待费支出决算为${A}万元${RATE}。(?:${Y}“三公”经费支出决算数(?:小于|大于|小于/大于)预算数的主要原因：${R}。)?`,
      ),
      re(
        `${Y}“三公”经费财政拨款支出决算数(?:比${PY}${CHANGE}|与${PY}持平)，其中：(?:(?:因公出国（境）费|公务用车购置及运行维护费|公务接待费)支出决算(?:${CHANGE}|与${PY}持平)[；。]){3}(?:(?:(?:因公出国（境）费|公务用车购置及运行维护费|公务接待费)支出(?:增加|减少|增加/减少)的主要原因是${R}[；。])+)?`,
      ),
    ],
    'sangong-detail': [
      re(`“三公”经费财政拨款支出决算中，因公出国（境）费支出决算${A}万元${SHARE}；公务用车购置及运行维护费支出决算${A}万元${SHARE}；公务接待费支出决算${A}万元${SHARE}。具体情况如下：`),
      re(`1、因公出国（境）费支出${A}万元。(?:全年安排因公出国（境）团组${N}个、累计${N}人次。开支内容包括：${R}。|${Y}未安排因公出国（境）团组。)`),
      re(`2、公务用车购置及运行维护费支出${A}万元。其中：公务用车购置支出为${A}万元，${Y}(?:购置公务用车${N}辆|未购置公务用车)。公务用车运行维护支出${A}万元(?:，主要用于[^，]+)?，开支财政拨款的公务用车保有量为${N}辆。`),
      re(`3、公务接待费支出${A}万元。(?:其中：国内公务接待支出${A}万元(?:（含外宾接待支出${A}万元）)?，主要用于${R}。国内公务接待${N}批次、${N}人次(?:，其中：接待外宾${N}批次、${N}人次)?。|${Y}未发生公务接待。)`),
    ],
    'gov-fund': fund('政府性基金预算'),
    'state-capital': fund('国有资本经营预算'),
    performance: [
      re(
        `${Y}，本部门编报绩效目标的${Y}项目${N}个，涉及预算金额${A}万元；绩效跟踪评价的${Y}项目${N}个，涉及预算金额${A}万元；绩效自评的${Y}项目${N}个，涉及预算金额${A}万元，平均得分(?:\\d+(?:\\.\\d+)?|${PH})分（其中，绩效评级为“优”的项目${N}个；绩效评级为“良”的项目${N}个；绩效评级为“合格”的项目${N}个；绩效评级为“不合格”的项目${N}个。绩效自评中共发现问题${N}个，已经完成整改的${N}个，正在整改的${N}个）。`,
      ),
    ],
    'operating-cost': [re(`机关运行经费支出${A}万元，(?:比${PY}${CHANGE}。主要原因是${R}|与${PY}持平)。`), re(`${U}${Y}无机关运行经费支出。`)],
    procurement: [
      re(
        `${Y}本部门政府采购金额（以合同签订为准）为${A}万元，其中：货物采购金额${A}万元、工程采购金额${A}万元、服务采购金额${A}万元。${Y}本部门面向中小企业预留政府采购项目预算金额${A}万元，面向小微企业预留政府采购项目预算金额${A}万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额${A}万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额${A}万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额${A}万元。`,
      ),
      re(`${Y}本部门无政府采购支出。`),
    ],
    assets: [
      re(
        `截至(?:20\\d\\d年12月31日|本年末)，${U}共有车辆${N}辆，其中：部级领导干部用车${N}辆、主要领导干部用车${N}辆、机要通信用车${N}辆、应急保障用车${N}辆、执法执勤用车${N}辆、特种专业技术用车${N}辆、离退休干部用车${N}辆、其他用车${N}辆。单价100万元（含）以上设备（不含车辆）${N}台（套）。`,
      ),
    ],
  };
}

/** Every paragraph of the Shanghai document against the template's shapes: the paragraphs that fit none. */
export function shapeMismatches(doc: NarrativeDocument, unit: string): string[] {
  const shapes = shanghaiShapes(unit);
  const out: string[] = [];
  if (!shapes.title!.some((r) => r.test(doc.parts[0].heading))) out.push(`title: ${doc.parts[0].heading}`);
  const visit = (s: NarrativeSection) => {
    for (const p of s.paragraphs) {
      const forms = shapes[s.id];
      if (!forms) out.push(`${s.id}: no shape for this section`);
      else if (!forms.some((r) => r.test(p.text))) out.push(`${s.id}: ${p.text}`);
    }
    s.subsections.forEach(visit);
  };
  doc.parts[0].sections.forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What must never be printed

/** The text without its placeholders (what the reader sees as written by the tool). */
export function withoutPlaceholders(text: string): string {
  return text.replace(/【请填写：[^】]*】/g, '');
}

/** The template's instructions and its either-or words, which the generator must resolve or ask for. */
const TEMPLATE_WORDS = [/增加（减少）/, /减少（增加）/, /增长（下降）/, /下降（增长）/, /大于（小于）/, /小于（大于）/, /X{2,}/, /×{2,}/, /（不涉及的不列）/, /（如持平作持平表述）/, /增减情况/, /……/];

export function leftoverTemplateWords(text: string): string[] {
  const t = withoutPlaceholders(text);
  return TEMPLATE_WORDS.filter((r) => r.test(t)).map((r) => `${r.source}: …${t.slice(Math.max(0, t.search(r) - 30), t.search(r) + 30)}…`);
}

/**
 * Impossible figures: a share (占…%) over 100% or under 0%, a negative amount, and a part larger than its
 * whole in every “X万元，其中：…” / “X万元。其中：…” sentence (the parts listed up to the sentence's end).
 */
export function impossibleFigures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/占(?:[^0-9【%]{0,12})?(-?\d+(?:\.\d+)?)%/g)) {
    const p = new Decimal(m[1]);
    if (p.gt(100) || p.isNegative()) out.push(`share ${m[0]}`);
  }
  for (const m of text.matchAll(/-\d+(?:\.\d+)?万元/g)) out.push(`negative ${m[0]}`);
  for (const m of text.matchAll(/(\d+\.\d{2})万元[，。]其中：([^。]*)/g)) {
    const whole = new Decimal(m[1]);
    const parts = [...m[2].matchAll(/(\d+\.\d{2})万元/g)].map((x) => new Decimal(x[1]));
    const bound = new Decimal('0.005').mul(parts.length + 1);
    for (const part of parts) if (part.minus(whole).gt(bound)) out.push(`part ${part.toFixed(2)} > whole ${whole.toFixed(2)}: ${m[0].slice(0, 80)}`);
    const total = parts.reduce((a, b) => a.plus(b), new Decimal(0));
    if (total.minus(whole).gt(bound)) out.push(`parts ${total.toFixed(2)} > whole ${whole.toFixed(2)}: ${m[0].slice(0, 80)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The figures the Shanghai template asks for that the tables alone can give, as the phrases that state them

const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const pct = (part: Decimal, whole: Decimal) => new Decimal(money(part)).div(new Decimal(money(whole))).mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const v = (a: Amount | undefined) => a?.value ?? new Decimal(0);

export interface TemplateFigure {
  /** The template's section: 一, 二, …, 七（二）, 十一（一）. */
  section: string;
  sectionId: SectionId;
  /** The phrase that states it (whitespace-free text), as a pattern. */
  pattern: RegExp;
}

/** A literal in a pattern. */
const L = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * From a sound model (every identity holding): 一 01 总计; 二 本年收入合计 and each non-zero income line with its
 * share; 三 likewise from 03; 四 04 总计; 五（一）05 合计 and its share of 03; 五（二）each non-zero 类 and share;
 * 五（三）the 支出决算 of the total and of each 项; 六 基本支出, 人员经费, 公用经费; 七（一）预算 and 决算 with 完成率,
 * by item (09 预算: no 说明数据 budget); 七（二）each item with its share, 购置 and 运行维护 each from its own cell;
 * 八/九 the fund's 收入, 支出 and each 项; 十一（一）06 公用经费 for an administrative unit.
 */
export function templateFigures(model: TablesModel, options: { administrative?: boolean } = {}): TemplateFigure[] {
  const out: TemplateFigure[] = [];
  const add = (section: string, sectionId: SectionId, pattern: string) => out.push({ section, sectionId, pattern: new RegExp(pattern) });
  const t01 = model['01']!;
  add('一', 'overview', L(`收入支出总计${money(v(t01.income.grandTotal?.amounts.amount))}万元`));
  const income = v(t01.income.totalIncome?.amounts.amount);
  add('二', 'income', L(`本年收入合计${money(income)}万元`));
  const fiscal = t01.income.fiscal ? v(t01.income.fiscal.amounts.amount) : v(t01.income.gpb?.amounts.amount).plus(v(t01.income.gf?.amounts.amount)).plus(v(t01.income.soc?.amounts.amount));
  const lines: Array<[string, Decimal]> = [
    ['财政拨款收入', fiscal],
    ['上级补助收入', v(t01.income.superior?.amounts.amount)],
    ['事业收入', v(t01.income.business?.amounts.amount)],
    ['经营收入', v(t01.income.operating?.amounts.amount)],
    ['附属单位上缴收入', v(t01.income.affiliated?.amounts.amount)],
    ['其他收入', v(t01.income.other?.amounts.amount)],
  ];
  for (const [label, x] of lines) if (!x.isZero()) add('二', 'income', L(`${label}${money(x)}万元，占${pct(x, income)}%`));
  const t03 = model['03']!.total!.amounts;
  add('三', 'expense', L(`本年支出合计${money(v(t03.total))}万元`));
  const parts03: Array<[string, Amount | undefined]> = [
    ['基本支出', t03.basic],
    ['项目支出', t03.project],
    ['上缴上级支出', t03.toSuperior],
    ['经营支出', t03.operating],
    ['对附属单位补助支出', t03.toAffiliated],
  ];
  for (const [label, a] of parts03) if (!v(a).isZero()) add('三', 'expense', L(`${label}${money(v(a))}万元，占${pct(v(a), v(t03.total))}%`));
  add('四', 'fiscal', L(`财政拨款收入支出总计${money(v(model['04']!.income.grandTotal?.amounts.amount))}万元`));
  const t05 = model['05']!;
  const total05 = v(t05.total!.amounts.total);
  add('五（一）', 'gpb-overall', L(`一般公共预算财政拨款支出${money(total05)}万元，占本年支出合计的${pct(total05, v(t03.total))}%`));
  add('五（二）', 'gpb-structure', L(`一般公共预算财政拨款支出${money(total05)}万元`));
  for (const r of t05.rows.filter((x) => x.level === '类' && !v(x.amounts.total).isZero()))
    add('五（二）', 'gpb-structure', L(`（类）${money(v(r.amounts.total))}万元，占${pct(v(r.amounts.total), total05)}%`));
  add('五（三）', 'gpb-detail', L(`支出决算为${money(total05)}万元`));
  for (const r of leaves(t05.rows)) add('五（三）', 'gpb-detail', `${L('（项）。主要用于：')}[^。]*。年初预算为[^，]*，${L(`支出决算为${money(v(r.amounts.total))}万元`)}`);
  add('六', 'basic', L(`基本支出${money(v(t05.total!.amounts.basic))}万元`));
  add('六', 'basic', L(`人员经费${money(v(model['06']!.personnelTotal))}万元`));
  add('六', 'basic', L(`公用经费${money(v(model['06']!.publicTotal))}万元`));
  const t09 = model['09']!;
  const items: Array<[string, 'total' | 'abroad' | 'vehicleTotal' | 'reception']> = [
    ['“三公”经费财政拨款支出', 'total'],
    ['因公出国（境）费', 'abroad'],
    ['公务用车购置及运行维护费支出', 'vehicleTotal'],
    ['公务接待费支出', 'reception'],
  ];
  add('七（一）', 'sangong-overall', L(`年初预算为${money(v(t09.budget.total))}万元`));
  for (const [label, k] of items) {
    const actual = v(t09.actual[k]);
    const budget = v(t09.budget[k]);
    const rate = budget.isZero() ? '' : `，完成预算的${pct(actual, budget)}%`;
    add('七（一）', 'sangong-overall', k === 'total' ? `${L(label)}年初预算为[^，]*，${L(`支出决算为${money(actual)}万元${rate}`)}` : L(`${label}决算为${money(actual)}万元${rate}`));
  }
  const sg = v(t09.actual.total);
  for (const [label, k] of items.slice(1)) {
    const name = label.replace(/支出$/, '');
    add('七（二）', 'sangong-detail', L(`${name}支出决算${money(v(t09.actual[k]))}万元${sg.isZero() ? '' : `，占${pct(v(t09.actual[k]), sg)}%`}`));
  }
  add('七（二）', 'sangong-detail', L(`公务用车购置支出为${money(v(t09.actual.vehiclePurchase))}万元`));
  add('七（二）', 'sangong-detail', L(`公务用车运行维护支出${money(v(t09.actual.vehicleOperation))}万元`));
  for (const [code, section, id] of [
    ['07', '八', 'gov-fund'],
    ['08', '九', 'state-capital'],
  ] as const) {
    const t = model[code];
    const a = t?.total?.amounts;
    if (!t || !a || [...Object.values(a), ...t.rows.flatMap((r) => Object.values(r.amounts))].every((x) => !x || x.value.isZero())) continue;
    add(section, id, L(`财政拨款收入${money(v(a.income))}万元，支出${money(v(a.total))}万元`));
    for (const r of leaves(t.rows)) add(section, id, `${L('（项）。主要用于：')}[^。]*。年初预算为[^，]*，${L(`支出决算为${money(v(r.amounts.total))}万元`)}`);
  }
  if (options.administrative) add('十一（一）', 'operating-cost', L(`机关运行经费支出${money(v(model['06']!.publicTotal))}万元`));
  return out;
}

function leaves(rows: SubjectRow[]): SubjectRow[] {
  return rows.filter((r) => r.level === '项' && !v(r.amounts.total).isZero());
}

/** The text of a section (its paragraphs and its subsections'), whitespace removed. */
export function sectionText(doc: NarrativeDocument, id: SectionId): string {
  const find = (list: NarrativeSection[]): NarrativeSection | undefined => {
    for (const s of list) {
      if (s.id === id) return s;
      const inner = find(s.subsections);
      if (inner) return inner;
    }
    return undefined;
  };
  const text = (s: NarrativeSection | undefined): string => (s ? [...s.paragraphs.map((p) => p.text), ...s.subsections.map(text)].join('\n') : '');
  return text(find(doc.parts[0].sections)).replace(/\s+/g, '');
}

/** Each template figure found in its section, or not: the figures stated / asked by section. */
export function figureCoverage(doc: NarrativeDocument, figures: TemplateFigure[]): { stated: TemplateFigure[]; missing: TemplateFigure[] } {
  const stated: TemplateFigure[] = [];
  const missing: TemplateFigure[] = [];
  for (const f of figures) {
    (f.pattern.test(sectionText(doc, f.sectionId)) ? stated : missing).push(f);
  }
  return { stated, missing };
}
