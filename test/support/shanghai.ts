/**
 * A Shanghai-district-family workbook (domain.md §1.2) with invented numbers, built with ExcelJS.
 *
 * Layout differences from the Hunan seed that the reader must cope with:
 *  - each table titled in two rows ("上海市浦江区绿化和市容管理局2024年度部门决算表" / table title) then "单位：万元";
 *  - no 行次 columns and no 栏次 rows, no "部门：" line, no "公开0X表" marker inside the sheets;
 *  - 01 with 24 类 rows (no 债务还本/债务付息), one header row 收入|金额|支出|金额;
 *  - 02/03/05/07/08 with the 功能分类 code split into 类|款|项 columns (201|06|01) under a merged
 *    "功能分类科目编码" header, then 科目名称, and the 合计 row LAST;
 *  - 06 titled "…基本支出决算表" with TWO column groups (301/303 | 302/310), bottom line 人员经费合计/公用经费合计;
 *  - 07 and 08 both with 年初结转和结余 | 本年收入 | 本年支出(合计|基本支出|项目支出) | 年末结转和结余;
 *    08 titled "国有资本经营预算财政拨款收入支出决算表", empty, with the Shanghai 说明 line;
 *  - 09 with interleaved 预算数|决算数 pairs per item;
 *  - sheets in Shanghai order and named accordingly: 公开07表 = 三公, 公开08表 = 政府性基金, 公开09表 = 国有资本经营.
 *
 * All numbers are computed from a small fund model in integer cents, so every identity of domain.md §2.1/§2.2
 * (A01–A17, B01–B12) holds exactly; `checkShanghaiIdentities` verifies them and runs when the module loads.
 */
import ExcelJS from 'exceljs';
import type { TableCode } from './variants';

/** An invented district's bureau (a template placeholder such as 上海市XX局 would be a finding of its own). */
export const SHANGHAI_UNIT = '上海市浦江区绿化和市容管理局';
export const SHANGHAI_YEAR = 2024;
const BANNER = `${SHANGHAI_UNIT}${SHANGHAI_YEAR}年度部门决算表`;
export const SHANGHAI_08_NOTE = `说明：${SHANGHAI_UNIT}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。`;

// ---------------------------------------------------------------------------------------------------------------
// The fund model (cents)

interface Flow {
  open?: number; // 年初结转和结余
  inc?: number; // 本年收入
  basic?: number; // 基本支出
  proj?: number; // 项目支出
}

type Source = 'gpb' | 'gf' | 'sy' | 'qt'; // 一般公共预算财政拨款, 政府性基金预算财政拨款, 事业收入, 其他收入
const SOURCES: Source[] = ['gpb', 'gf', 'sy', 'qt'];

interface Item {
  code: string; // 7-digit 项 code
  name: string;
  flows: Partial<Record<Source, Flow>>;
}

const LEI_NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '208': '社会保障和就业支出',
  '212': '城乡社区支出',
  '221': '住房保障支出',
};
const KUAN_NAMES: Record<string, string> = {
  '20106': '财政事务',
  '20805': '行政事业单位养老支出',
  '21208': '国有土地使用权出让收入安排的支出',
  '22102': '住房改革支出',
};
const ITEMS: Item[] = [
  { code: '2010601', name: '行政运行', flows: { gpb: { inc: 152347, basic: 149822 } } },
  {
    code: '2010650',
    name: '事业运行',
    flows: {
      gpb: { open: 1230, inc: 48619, basic: 42058, proj: 7011 },
      sy: { open: 3560, inc: 21840, basic: 15025, proj: 6000 },
      qt: { inc: 987, basic: 987 },
    },
  },
  { code: '2080501', name: '行政单位离退休', flows: { gpb: { inc: 6405, basic: 6405 } } },
  {
    code: '2080505',
    name: '机关事业单位基本养老保险缴费支出',
    flows: { gpb: { inc: 17238, basic: 17238 }, sy: { inc: 1862, basic: 1862 } },
  },
  { code: '2120801', name: '征地和拆迁补偿支出', flows: { gf: { open: 15000, inc: 82000, proj: 90537 } } },
  {
    code: '2210201',
    name: '住房公积金',
    flows: { gpb: { inc: 13174, basic: 13174 }, sy: { inc: 1429, basic: 1429 } },
  },
];

/** 部门预算支出经济分类 for 06 (GPB 基本支出). 30101 基本工资 is the balancing item, computed below. */
const ECON_NAMES: Record<string, string> = {
  '301': '工资福利支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30110': '职工基本医疗保险缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30199': '其他工资福利支出',
  '303': '对个人和家庭的补助',
  '30302': '退休费',
  '30305': '生活补助',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30205': '水费',
  '30206': '电费',
  '30211': '差旅费',
  '30212': '因公出国（境）费用',
  '30213': '维修（护）费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30226': '劳务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30299': '其他商品和服务支出',
  '310': '资本性支出',
  '31002': '办公设备购置',
  '31013': '公务用车购置',
};
const ECON_FIXED: Record<string, number> = {
  '30102': 41236,
  '30103': 9650,
  '30107': 13822,
  '30108': 17238, // = 2080505 GPB (B14 soft match)
  '30110': 8861,
  '30112': 793,
  '30113': 13174, // = 2210201 GPB
  '30199': 1520,
  '30302': 6405, // = 2080501
  '30305': 340,
  '30201': 4532,
  '30205': 318,
  '30206': 1247,
  '30211': 865,
  '30212': 1240,
  '30213': 2016,
  '30215': 185,
  '30216': 320,
  '30217': 236,
  '30226': 1890,
  '30228': 2214,
  '30229': 1608,
  '30231': 972,
  '30239': 3060,
  '30299': 543,
  '31002': 685,
  '31013': 2480,
};
/** 三公 预算数 (cents); 决算数 equals the 06 lines (B12 with equality). */
const SANGONG_BUDGET = { 因公出国: 1500, 购置: 2500, 运行: 1200, 接待: 400 };

// ---------------------------------------------------------------------------------------------------------------
// Expected values (万元, 2 decimals) by canonical table code (seed numbering: 07 政府性基金, 08 国资, 09 三公)

export const T02_COLUMNS = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'] as const;
export const T03_COLUMNS = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'] as const;
export const T05_COLUMNS = ['合计', '基本支出', '项目支出'] as const;
export const T07_COLUMNS = ['年初结转和结余', '本年收入', '本年支出合计', '基本支出', '项目支出', '年末结转和结余'] as const;
export const T04_EXP_COLUMNS = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] as const;
export const T09_ITEMS = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'] as const;

/** The 26 类 rows of 01/04 (domain §1.3) minus 债务还本/债务付息 = Shanghai's 24. */
export const SHANGHAI_CLASSES: { code: string; name: string }[] = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['229', '其他支出'],
  ['234', '抗疫特别国债安排的支出'],
].map(([code, name]) => ({ code, name }));

export const T01_INCOME_ROWS = [
  '一般公共预算财政拨款收入',
  '政府性基金预算财政拨款收入',
  '国有资本经营预算财政拨款收入',
  '上级补助收入',
  '事业收入',
  '经营收入',
  '附属单位上缴收入',
  '其他收入',
] as const;

type Row<K extends string> = Record<K, number>;
/**
 * Rows keyed by '合计' or the joined 功能分类 code ('201', '20106', '2010601'). NB: JavaScript enumerates such
 * integer-like keys in numeric order, not in the sheet's 类 → 款 → 项 order; sort the keys as strings for that.
 */
type SubjectTable<K extends string> = Record<string, Row<K>>;

export interface ShanghaiExpected {
  unit: string;
  year: number;
  /** Sheets in workbook order: name, canonical (seed-numbering) code, title. */
  sheets: { name: string; canonical: TableCode; title: string }[];
  /** 科目 names by code (类, 款, 项). */
  subjectNames: Record<string, string>;
  t01: {
    income: Row<(typeof T01_INCOME_ROWS)[number]>;
    /** By 类 code, all 24 rows (0 when blank). */
    expenditure: Record<string, number>;
    本年收入合计: number;
    本年支出合计: number;
    使用非财政拨款结余: number;
    结余分配: number;
    年初结转和结余: number;
    年末结转和结余: number;
    收入总计: number;
    支出总计: number;
  };
  t02: SubjectTable<(typeof T02_COLUMNS)[number]>;
  t03: SubjectTable<(typeof T03_COLUMNS)[number]>;
  t04: {
    income: {
      一般公共预算财政拨款: number;
      政府性基金预算财政拨款: number;
      国有资本经营预算财政拨款: number;
      本年收入合计: number;
      年初财政拨款结转和结余: number;
      年初一般公共预算财政拨款: number;
      年初政府性基金预算财政拨款: number;
      年初国有资本经营预算财政拨款: number;
      总计: number;
    };
    /** By 类 code (24 rows) and '本年支出合计', '年末财政拨款结转和结余', '总计'. */
    expenditure: Record<string, Row<(typeof T04_EXP_COLUMNS)[number]>>;
  };
  t05: SubjectTable<(typeof T05_COLUMNS)[number]>;
  t06: { items: Record<string, number>; 人员经费合计: number; 公用经费合计: number };
  t07: SubjectTable<(typeof T07_COLUMNS)[number]>;
  t08: SubjectTable<(typeof T07_COLUMNS)[number]>;
  t09: { 预算数: Row<(typeof T09_ITEMS)[number]>; 决算数: Row<(typeof T09_ITEMS)[number]> };
}

const yuan = (cents: number) => cents / 100;
const flowOf = (item: Item, s: Source): Required<Flow> => ({ open: 0, inc: 0, basic: 0, proj: 0, ...(item.flows[s] ?? {}) });
const closeOf = (f: Required<Flow>) => f.open + f.inc - f.basic - f.proj;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Parent codes of a 项 code, and the rows of a 科目 table in 类→款→项 order (合计 excluded). */
function subjectRows(items: Item[]): string[] {
  const codes = new Set<string>();
  for (const it of items) {
    codes.add(it.code.slice(0, 3));
    codes.add(it.code.slice(0, 5));
    codes.add(it.code);
  }
  return [...codes].sort();
}

/** Builds a 科目 table: per-项 rows from `rowOf`, 类/款 and 合计 rows as sums (all in cents, then 万元). */
function subjectTable<K extends string>(items: Item[], columns: readonly K[], rowOf: (it: Item) => Row<K>): SubjectTable<K> {
  const cents: Record<string, Row<K>> = {};
  const zero = () => Object.fromEntries(columns.map((c) => [c, 0])) as Row<K>;
  const add = (key: string, row: Row<K>) => {
    const acc = (cents[key] ??= zero());
    for (const c of columns) acc[c] += row[c];
  };
  for (const it of items) {
    const row = rowOf(it);
    add(it.code, row);
    add(it.code.slice(0, 5), row);
    add(it.code.slice(0, 3), row);
    add('合计', row);
  }
  if (!items.length) cents['合计'] = zero();
  const out: SubjectTable<K> = {};
  for (const key of ['合计', ...subjectRows(items)]) {
    out[key] = Object.fromEntries(columns.map((c) => [c, yuan(cents[key][c])])) as Row<K>;
  }
  return out;
}

function computeExpected(): ShanghaiExpected {
  const uses = (s: Source) => (it: Item) => !!it.flows[s];
  const total = (s: Source, k: keyof Flow) => sum(ITEMS.map((it) => flowOf(it, s)[k]));
  const totalClose = (s: Source) => sum(ITEMS.map((it) => closeOf(flowOf(it, s))));
  for (const it of ITEMS) for (const s of SOURCES) if (closeOf(flowOf(it, s)) < 0) throw new Error(`negative 年末 ${it.code}`);

  const t02 = subjectTable(ITEMS, T02_COLUMNS, (it) => {
    const f = (s: Source) => flowOf(it, s).inc;
    const row = {
      本年收入合计: 0,
      财政拨款收入: f('gpb') + f('gf'),
      上级补助收入: 0,
      事业收入: f('sy'),
      经营收入: 0,
      附属单位上缴收入: 0,
      其他收入: f('qt'),
    };
    row.本年收入合计 = row.财政拨款收入 + row.事业收入 + row.其他收入;
    return row;
  });
  const t03 = subjectTable(ITEMS, T03_COLUMNS, (it) => {
    const basic = sum(SOURCES.map((s) => flowOf(it, s).basic));
    const proj = sum(SOURCES.map((s) => flowOf(it, s).proj));
    return { 本年支出合计: basic + proj, 基本支出: basic, 项目支出: proj, 上缴上级支出: 0, 经营支出: 0, 对附属单位补助支出: 0 };
  });
  const gpbItems = ITEMS.filter((it) => {
    const f = flowOf(it, 'gpb');
    return f.basic + f.proj > 0;
  });
  const t05 = subjectTable(gpbItems, T05_COLUMNS, (it) => {
    const f = flowOf(it, 'gpb');
    return { 合计: f.basic + f.proj, 基本支出: f.basic, 项目支出: f.proj };
  });
  const fundTable = (s: Source) => (it: Item) => {
    const f = flowOf(it, s);
    return {
      年初结转和结余: f.open,
      本年收入: f.inc,
      本年支出合计: f.basic + f.proj,
      基本支出: f.basic,
      项目支出: f.proj,
      年末结转和结余: closeOf(f),
    };
  };
  const t07 = subjectTable(ITEMS.filter(uses('gf')), T07_COLUMNS, fundTable('gf'));
  const t08 = subjectTable([] as Item[], T07_COLUMNS, fundTable('gf'));

  // 06: GPB 基本支出 by economic classification; 30101 balances to the 05 合计 基本支出.
  const gpbBasic = total('gpb', 'basic');
  const econ: Record<string, number> = { ...ECON_FIXED };
  econ['30101'] = gpbBasic - sum(Object.values(ECON_FIXED));
  if (econ['30101'] <= 0) throw new Error('06: 30101 would not be positive');
  for (const lei of ['301', '302', '303', '310']) {
    econ[lei] = sum(Object.entries(econ).filter(([k]) => k.length === 5 && k.startsWith(lei)).map(([, v]) => v));
  }
  const personnel = econ['301'] + econ['303'];
  const publicUse = econ['302'] + econ['310'];
  const items06 = Object.fromEntries(Object.keys(ECON_NAMES).map((k) => [k, yuan(econ[k])]));

  // 09: 决算数 = the 06 lines.
  const actual = { 因公出国: econ['30212'], 购置: econ['31013'], 运行: econ['30231'], 接待: econ['30217'] };
  const sangong = (x: typeof actual) => ({
    合计: yuan(x.因公出国 + x.购置 + x.运行 + x.接待),
    '因公出国（境）费': yuan(x.因公出国),
    小计: yuan(x.购置 + x.运行),
    公务用车购置费: yuan(x.购置),
    公务用车运行费: yuan(x.运行),
    公务接待费: yuan(x.接待),
  });

  // 01
  const incomeCents = {
    一般公共预算财政拨款收入: total('gpb', 'inc'),
    政府性基金预算财政拨款收入: total('gf', 'inc'),
    国有资本经营预算财政拨款收入: 0,
    上级补助收入: 0,
    事业收入: total('sy', 'inc'),
    经营收入: 0,
    附属单位上缴收入: 0,
    其他收入: total('qt', 'inc'),
  };
  const incomeTotal = sum(Object.values(incomeCents));
  const expByClass = (s: Source[] | 'all') => {
    const out: Record<string, number> = {};
    for (const c of SHANGHAI_CLASSES) {
      out[c.code] = sum(
        ITEMS.filter((it) => it.code.startsWith(c.code)).flatMap((it) =>
          (s === 'all' ? SOURCES : s).map((src) => flowOf(it, src).basic + flowOf(it, src).proj),
        ),
      );
    }
    return out;
  };
  const exp01 = expByClass('all');
  const expTotal = sum(Object.values(exp01));
  const open = sum(SOURCES.map((s) => total(s, 'open')));
  const close = sum(SOURCES.map(totalClose));

  // 04
  const expGpb = expByClass(['gpb']);
  const expGf = expByClass(['gf']);
  const exp04: ShanghaiExpected['t04']['expenditure'] = {};
  const row04 = (g: number, f: number) => ({
    合计: yuan(g + f),
    一般公共预算财政拨款: yuan(g),
    政府性基金预算财政拨款: yuan(f),
    国有资本经营预算财政拨款: 0,
  });
  for (const c of SHANGHAI_CLASSES) exp04[c.code] = row04(expGpb[c.code], expGf[c.code]);
  const spentGpb = sum(Object.values(expGpb));
  const spentGf = sum(Object.values(expGf));
  exp04['本年支出合计'] = row04(spentGpb, spentGf);
  exp04['年末财政拨款结转和结余'] = row04(totalClose('gpb'), totalClose('gf'));
  exp04['总计'] = row04(spentGpb + totalClose('gpb'), spentGf + totalClose('gf'));
  const fiscalIncome = total('gpb', 'inc') + total('gf', 'inc');
  const fiscalOpen = total('gpb', 'open') + total('gf', 'open');

  const subjectNames: Record<string, string> = { ...LEI_NAMES, ...KUAN_NAMES };
  for (const it of ITEMS) subjectNames[it.code] = it.name;

  return {
    unit: SHANGHAI_UNIT,
    year: SHANGHAI_YEAR,
    sheets: [
      { name: '公开01表', canonical: '01', title: '收入支出决算总表' },
      { name: '公开02表', canonical: '02', title: '收入决算表' },
      { name: '公开03表', canonical: '03', title: '支出决算表' },
      { name: '公开04表', canonical: '04', title: '财政拨款收入支出决算总表' },
      { name: '公开05表', canonical: '05', title: '一般公共预算财政拨款支出决算表' },
      { name: '公开06表', canonical: '06', title: '一般公共预算财政拨款基本支出决算表' },
      { name: '公开07表', canonical: '09', title: '财政拨款“三公”经费支出决算表' },
      { name: '公开08表', canonical: '07', title: '政府性基金预算财政拨款收入支出决算表' },
      { name: '公开09表', canonical: '08', title: '国有资本经营预算财政拨款收入支出决算表' },
    ],
    subjectNames,
    t01: {
      income: Object.fromEntries(Object.entries(incomeCents).map(([k, v]) => [k, yuan(v)])) as ShanghaiExpected['t01']['income'],
      expenditure: Object.fromEntries(Object.entries(exp01).map(([k, v]) => [k, yuan(v)])),
      本年收入合计: yuan(incomeTotal),
      本年支出合计: yuan(expTotal),
      使用非财政拨款结余: 0,
      结余分配: 0,
      年初结转和结余: yuan(open),
      年末结转和结余: yuan(close),
      收入总计: yuan(incomeTotal + open),
      支出总计: yuan(expTotal + close),
    },
    t02,
    t03,
    t04: {
      income: {
        一般公共预算财政拨款: yuan(total('gpb', 'inc')),
        政府性基金预算财政拨款: yuan(total('gf', 'inc')),
        国有资本经营预算财政拨款: 0,
        本年收入合计: yuan(fiscalIncome),
        年初财政拨款结转和结余: yuan(fiscalOpen),
        年初一般公共预算财政拨款: yuan(total('gpb', 'open')),
        年初政府性基金预算财政拨款: yuan(total('gf', 'open')),
        年初国有资本经营预算财政拨款: 0,
        总计: yuan(fiscalIncome + fiscalOpen),
      },
      expenditure: exp04,
    },
    t05,
    t06: { items: items06, 人员经费合计: yuan(personnel), 公用经费合计: yuan(publicUse) },
    t07,
    t08,
    t09: {
      预算数: sangong({
        因公出国: SANGONG_BUDGET.因公出国,
        购置: SANGONG_BUDGET.购置,
        运行: SANGONG_BUDGET.运行,
        接待: SANGONG_BUDGET.接待,
      }),
      决算数: sangong(actual),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Identities (domain §2.1 A01–A17, §2.2 B01–B12), exact in cents

const c = (v: number) => Math.round(v * 100);

/** Returns the violated identities (empty when the data are consistent). */
export function checkShanghaiIdentities(e: ShanghaiExpected): string[] {
  const errors: string[] = [];
  const eq = (id: string, left: number, right: number) => {
    if (c(left) !== c(right)) errors.push(`${id}: ${left} ≠ ${right}`);
  };
  const ge = (id: string, left: number, right: number) => {
    if (c(left) < c(right)) errors.push(`${id}: ${left} < ${right}`);
  };
  const sumOf = (xs: number[]) => xs.reduce((a, b) => a + c(b), 0) / 100;
  const { t01, t02, t03, t04, t05, t06, t07, t08, t09 } = e;

  // A01–A05
  eq('A01', t01.本年收入合计, sumOf(Object.values(t01.income)));
  eq('A02', t01.本年支出合计, sumOf(Object.values(t01.expenditure)));
  eq('A03', t01.收入总计, sumOf([t01.本年收入合计, t01.使用非财政拨款结余, t01.年初结转和结余]));
  eq('A04', t01.支出总计, sumOf([t01.本年支出合计, t01.结余分配, t01.年末结转和结余]));
  eq('A05', t01.收入总计, t01.支出总计);
  // A06, A08, A12, A15, A16 (row identities)
  for (const [k, r] of Object.entries(t02)) {
    eq(`A06 ${k}`, r.本年收入合计, sumOf([r.财政拨款收入, r.上级补助收入, r.事业收入, r.经营收入, r.附属单位上缴收入, r.其他收入]));
  }
  for (const [k, r] of Object.entries(t03)) {
    eq(`A08 ${k}`, r.本年支出合计, sumOf([r.基本支出, r.项目支出, r.上缴上级支出, r.经营支出, r.对附属单位补助支出]));
  }
  for (const [k, r] of Object.entries(t05)) eq(`A12 ${k}`, r.合计, sumOf([r.基本支出, r.项目支出]));
  for (const [id, t] of [['A15', t07], ['A16', t08]] as const) {
    for (const [k, r] of Object.entries(t)) {
      eq(`${id} ${k} 小计`, r.本年支出合计, sumOf([r.基本支出, r.项目支出]));
      eq(`${id} ${k} 年末`, r.年末结转和结余, sumOf([r.年初结转和结余, r.本年收入, -r.本年支出合计]));
    }
  }
  // A07: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类
  for (const [name, t] of Object.entries({ t02, t03, t05, t07, t08 }) as [string, SubjectTable<string>][]) {
    const keys = Object.keys(t).filter((k) => k !== '合计');
    const cols = Object.keys(t['合计']);
    for (const col of cols) {
      eq(`A07 ${name} 合计 ${col}`, t['合计'][col], sumOf(keys.filter((k) => k.length === 3).map((k) => t[k][col])));
      for (const parent of keys.filter((k) => k.length < 7)) {
        const kids = keys.filter((k) => k.length === parent.length + 2 && k.startsWith(parent));
        eq(`A07 ${name} ${parent} ${col}`, t[parent][col], sumOf(kids.map((k) => t[k][col])));
      }
    }
  }
  // A09–A11
  const inc4 = t04.income;
  const x4 = t04.expenditure;
  eq('A09 收入', inc4.本年收入合计, sumOf([inc4.一般公共预算财政拨款, inc4.政府性基金预算财政拨款, inc4.国有资本经营预算财政拨款]));
  eq('A09 年初', inc4.年初财政拨款结转和结余, sumOf([inc4.年初一般公共预算财政拨款, inc4.年初政府性基金预算财政拨款, inc4.年初国有资本经营预算财政拨款]));
  eq('A09 总计', inc4.总计, sumOf([inc4.本年收入合计, inc4.年初财政拨款结转和结余]));
  const classCodes = SHANGHAI_CLASSES.map((k) => k.code);
  for (const [k, r] of Object.entries(x4)) {
    eq(`A10 ${k}`, r.合计, sumOf([r.一般公共预算财政拨款, r.政府性基金预算财政拨款, r.国有资本经营预算财政拨款]));
  }
  for (const col of T04_EXP_COLUMNS) {
    eq(`A10 本年支出合计 ${col}`, x4['本年支出合计'][col], sumOf(classCodes.map((k) => x4[k][col])));
    eq(`A10 总计 ${col}`, x4['总计'][col], sumOf([x4['本年支出合计'][col], x4['年末财政拨款结转和结余'][col]]));
  }
  eq('A10 收支总计', inc4.总计, x4['总计'].合计);
  const perSource: [string, number, number, string][] = [
    ['一般公共预算', inc4.年初一般公共预算财政拨款, inc4.一般公共预算财政拨款, '一般公共预算财政拨款'],
    ['政府性基金', inc4.年初政府性基金预算财政拨款, inc4.政府性基金预算财政拨款, '政府性基金预算财政拨款'],
    ['国有资本经营', inc4.年初国有资本经营预算财政拨款, inc4.国有资本经营预算财政拨款, '国有资本经营预算财政拨款'],
  ];
  for (const [label, open, income, col] of perSource) {
    const k = col as (typeof T04_EXP_COLUMNS)[number];
    eq(`A11 ${label}`, sumOf([open, income, -x4['本年支出合计'][k]]), x4['年末财政拨款结转和结余'][k]);
  }
  // A13, A14
  const items = t06.items;
  for (const lei of ['301', '302', '303', '310']) {
    eq(`A13 ${lei}`, items[lei], sumOf(Object.entries(items).filter(([k]) => k.length === 5 && k.startsWith(lei)).map(([, v]) => v)));
  }
  eq('A14 人员经费', t06.人员经费合计, sumOf([items['301'], items['303']]));
  eq('A14 公用经费', t06.公用经费合计, sumOf([items['302'], items['310']]));
  // A17
  for (const side of ['预算数', '决算数'] as const) {
    const r = t09[side];
    eq(`A17 ${side} 合计`, r.合计, sumOf([r['因公出国（境）费'], r.小计, r.公务接待费]));
    eq(`A17 ${side} 小计`, r.小计, sumOf([r.公务用车购置费, r.公务用车运行费]));
  }
  // B01–B12
  const total02 = t02['合计'];
  eq('B01', t01.本年收入合计, total02.本年收入合计);
  const fiscal01 = sumOf([t01.income.一般公共预算财政拨款收入, t01.income.政府性基金预算财政拨款收入, t01.income.国有资本经营预算财政拨款收入]);
  eq('B02 财政拨款 02', fiscal01, total02.财政拨款收入);
  eq('B02 财政拨款 04', fiscal01, inc4.本年收入合计);
  eq('B02 上级补助', t01.income.上级补助收入, total02.上级补助收入);
  eq('B02 事业', t01.income.事业收入, total02.事业收入);
  eq('B02 经营', t01.income.经营收入, total02.经营收入);
  eq('B02 附属', t01.income.附属单位上缴收入, total02.附属单位上缴收入);
  eq('B02 其他', t01.income.其他收入, total02.其他收入);
  eq('B03 一', t01.income.一般公共预算财政拨款收入, inc4.一般公共预算财政拨款);
  eq('B03 二', t01.income.政府性基金预算财政拨款收入, inc4.政府性基金预算财政拨款);
  eq('B03 三', t01.income.国有资本经营预算财政拨款收入, inc4.国有资本经营预算财政拨款);
  eq('B04 合计', t01.本年支出合计, t03['合计'].本年支出合计);
  for (const k of classCodes) eq(`B04 ${k}`, t01.expenditure[k], t03[k]?.本年支出合计 ?? 0);
  for (const k of classCodes) eq(`B05 ${k}`, x4[k].一般公共预算财政拨款, t05[k]?.合计 ?? 0);
  eq('B05 合计', x4['本年支出合计'].一般公共预算财政拨款, t05['合计'].合计);
  for (const k of classCodes) eq(`B06 ${k}`, x4[k].政府性基金预算财政拨款, t07[k]?.本年支出合计 ?? 0);
  eq('B06 支出', x4['本年支出合计'].政府性基金预算财政拨款, t07['合计'].本年支出合计);
  eq('B06 收入', inc4.政府性基金预算财政拨款, t07['合计'].本年收入);
  eq('B06 年初', inc4.年初政府性基金预算财政拨款, t07['合计'].年初结转和结余);
  eq('B06 年末', x4['年末财政拨款结转和结余'].政府性基金预算财政拨款, t07['合计'].年末结转和结余);
  for (const k of classCodes) eq(`B07 ${k}`, x4[k].国有资本经营预算财政拨款, t08[k]?.本年支出合计 ?? 0);
  eq('B07 合计', x4['本年支出合计'].国有资本经营预算财政拨款, t08['合计'].本年支出合计);
  eq('B08', x4['本年支出合计'].合计, sumOf([t05['合计'].合计, t07['合计'].本年支出合计, t08['合计'].本年支出合计]));
  for (const [k, r5] of Object.entries(t05)) {
    const r3 = t03[k];
    if (!r3) errors.push(`B09 ${k}: in 05 but not in 03`);
    else {
      ge(`B09 ${k} 合计`, r3.本年支出合计, r5.合计);
      ge(`B09 ${k} 基本`, r3.基本支出, r5.基本支出);
      ge(`B09 ${k} 项目`, r3.项目支出, r5.项目支出);
    }
  }
  eq('B10', t05['合计'].基本支出, sumOf([t06.人员经费合计, t06.公用经费合计]));
  ge('B11 年初', t01.年初结转和结余, inc4.年初财政拨款结转和结余);
  ge('B11 年末', t01.年末结转和结余, x4['年末财政拨款结转和结余'].合计);
  const a = t09.决算数;
  ge('B12 因公出国', a['因公出国（境）费'], items['30212'] ?? 0);
  ge('B12 公务接待', a.公务接待费, items['30217'] ?? 0);
  ge('B12 运行维护', a.公务用车运行费, items['30231'] ?? 0);
  ge('B12 购置', a.公务用车购置费, items['31013'] ?? 0);
  return errors;
}

export const SHANGHAI_EXPECTED: ShanghaiExpected = computeExpected();
{
  const errors = checkShanghaiIdentities(SHANGHAI_EXPECTED);
  if (errors.length) throw new Error(`invented Shanghai data are inconsistent:\n${errors.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing the workbook

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const AMOUNT_FORMAT = '#,##0.00';

class SheetWriter {
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** Title rows 1–2 and "单位：万元" in row 3 (right), across `width` columns. */
  titles(title: string, width: number): void {
    this.merge(1, 1, 1, width, BANNER, { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } });
    this.merge(2, 1, 2, width, title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
    const unit = this.ws.getCell(3, width);
    unit.value = '单位：万元';
    unit.alignment = { horizontal: 'right' };
  }

  merge(top: number, left: number, bottom: number, right: number, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style> = {}): void {
    if (bottom > top || right > left) this.ws.mergeCells(top, left, bottom, right);
    const cell = this.ws.getCell(top, left);
    cell.value = value;
    Object.assign(cell, style);
  }

  header(top: number, left: number, bottom: number, right: number, label: string): void {
    for (let r = top; r <= bottom; r++) for (let col = left; col <= right; col++) this.ws.getCell(r, col).border = THIN;
    this.merge(top, left, bottom, right, label, {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    });
  }

  text(r: number, col: number, value: string, center = false): void {
    const cell = this.ws.getCell(r, col);
    cell.value = value === '' ? null : value;
    cell.border = THIN;
    if (center) cell.alignment = { horizontal: 'center' };
  }

  /** An amount in 万元; 0 is left blank, as the Shanghai tables print it. */
  amount(r: number, col: number, value: number): void {
    const cell = this.ws.getCell(r, col);
    cell.value = c(value) === 0 ? null : value;
    cell.numFmt = AMOUNT_FORMAT;
    cell.border = THIN;
  }

  widths(ws: number[]): void {
    ws.forEach((w, i) => (this.ws.getColumn(i + 1).width = w));
  }
}

const CHINESE_NUMERALS = (n: number): string => {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
};

function write01(w: SheetWriter, e: ShanghaiExpected): void {
  const t = e.t01;
  w.widths([36, 14, 36, 14]);
  w.titles('收入支出决算总表', 4);
  ['收入', '金额', '支出', '金额'].forEach((h, i) => w.header(4, i + 1, 4, i + 1, h));
  const body = 5;
  const n = Math.max(T01_INCOME_ROWS.length, SHANGHAI_CLASSES.length);
  for (let i = 0; i < n; i++) {
    const r = body + i;
    const inc = T01_INCOME_ROWS[i];
    w.text(r, 1, inc ? `${CHINESE_NUMERALS(i + 1)}、${inc}` : '');
    if (inc) w.amount(r, 2, t.income[inc]);
    else w.text(r, 2, '');
    const cls = SHANGHAI_CLASSES[i];
    w.text(r, 3, cls ? `${CHINESE_NUMERALS(i + 1)}、${cls.name}` : '');
    if (cls) w.amount(r, 4, t.expenditure[cls.code]);
    else w.text(r, 4, '');
  }
  const rows: [string, number, string, number][] = [
    ['本年收入合计', t.本年收入合计, '本年支出合计', t.本年支出合计],
    ['使用非财政拨款结余', t.使用非财政拨款结余, '结余分配', t.结余分配],
    ['年初结转和结余', t.年初结转和结余, '年末结转和结余', t.年末结转和结余],
    ['总计', t.收入总计, '总计', t.支出总计],
  ];
  rows.forEach(([a, av, b, bv], i) => {
    const r = body + n + i;
    w.text(r, 1, a, i !== 1 && i !== 2);
    w.amount(r, 2, av);
    w.text(r, 3, b, i !== 1 && i !== 2);
    w.amount(r, 4, bv);
  });
}

/** 02/03/05/07/08: 类|款|项 | 科目名称 | columns, header rows 4–5 (`groups` adds a merged parent label). */
function writeSubject(
  w: SheetWriter,
  title: string,
  table: SubjectTable<string>,
  columns: readonly string[],
  names: Record<string, string>,
  groups: { label: string; from: number; to: number; sub: string[] }[] = [],
): number {
  const width = 4 + columns.length;
  w.widths([7, 6, 6, 36, ...columns.map(() => 14)]);
  w.titles(title, width);
  w.header(4, 1, 4, 3, '功能分类科目编码');
  w.header(5, 1, 5, 1, '类');
  w.header(5, 2, 5, 2, '款');
  w.header(5, 3, 5, 3, '项');
  w.header(4, 4, 5, 4, '科目名称');
  for (let i = 0; i < columns.length; i++) {
    const g = groups.find((x) => i >= x.from && i <= x.to);
    if (!g) w.header(4, 5 + i, 5, 5 + i, columns[i]);
    else {
      if (i === g.from) w.header(4, 5 + g.from, 4, 5 + g.to, g.label);
      w.header(5, 5 + i, 5, 5 + i, g.sub[i - g.from]);
    }
  }
  let r = 6;
  // Code-like keys enumerate in numeric order (201, 208, …, 20106); string order gives 类 → 款 → 项.
  const keys = Object.keys(table)
    .filter((k) => k !== '合计')
    .sort();
  for (const key of keys) {
    w.text(r, 1, key.slice(0, 3), true);
    w.text(r, 2, key.length >= 5 ? key.slice(3, 5) : '', true);
    w.text(r, 3, key.length >= 7 ? key.slice(5, 7) : '', true);
    w.text(r, 4, names[key]);
    columns.forEach((col, i) => w.amount(r, 5 + i, table[key][col]));
    r++;
  }
  for (let col = 1; col <= 4; col++) w.ws.getCell(r, col).border = THIN;
  w.merge(r, 1, r, 4, '合计', { alignment: { horizontal: 'center' } });
  columns.forEach((col, i) => w.amount(r, 5 + i, table['合计'][col]));
  return r;
}

function write04(w: SheetWriter, e: ShanghaiExpected): void {
  const inc = e.t04.income;
  const x = e.t04.expenditure;
  w.widths([30, 14, 30, 14, 16, 16, 16]);
  w.titles('财政拨款收入支出决算总表', 7);
  w.header(4, 1, 4, 2, '收入');
  w.header(4, 3, 4, 7, '支出');
  ['项目', '金额', '项目', ...T04_EXP_COLUMNS].forEach((h, i) => w.header(5, i + 1, 5, i + 1, h));
  const body = 6;
  const incomeRows: [string, number][] = [
    ['一、一般公共预算财政拨款', inc.一般公共预算财政拨款],
    ['二、政府性基金预算财政拨款', inc.政府性基金预算财政拨款],
    ['三、国有资本经营预算财政拨款', inc.国有资本经营预算财政拨款],
  ];
  const expRow = (r: number, label: string, row: Record<string, number>, center = false) => {
    w.text(r, 3, label, center);
    T04_EXP_COLUMNS.forEach((col, i) => w.amount(r, 4 + i, row[col]));
  };
  SHANGHAI_CLASSES.forEach((cls, i) => {
    const r = body + i;
    const left = incomeRows[i];
    w.text(r, 1, left ? left[0] : '');
    if (left) w.amount(r, 2, left[1]);
    else w.text(r, 2, '');
    expRow(r, `${CHINESE_NUMERALS(i + 1)}、${cls.name}`, x[cls.code]);
  });
  let r = body + SHANGHAI_CLASSES.length;
  w.text(r, 1, '本年收入合计', true);
  w.amount(r, 2, inc.本年收入合计);
  expRow(r, '本年支出合计', x['本年支出合计'], true);
  r++;
  w.text(r, 1, '年初财政拨款结转和结余');
  w.amount(r, 2, inc.年初财政拨款结转和结余);
  expRow(r, '年末财政拨款结转和结余', x['年末财政拨款结转和结余']);
  const subRows: [string, number][] = [
    ['一般公共预算财政拨款', inc.年初一般公共预算财政拨款],
    ['政府性基金预算财政拨款', inc.年初政府性基金预算财政拨款],
    ['国有资本经营预算财政拨款', inc.年初国有资本经营预算财政拨款],
  ];
  for (const [label, v] of subRows) {
    r++;
    w.text(r, 1, label);
    w.amount(r, 2, v);
    for (let col = 3; col <= 7; col++) w.text(r, col, '');
  }
  r++;
  w.text(r, 1, '总计', true);
  w.amount(r, 2, inc.总计);
  expRow(r, '总计', x['总计'], true);
}

function write06(w: SheetWriter, e: ShanghaiExpected): void {
  const items = e.t06.items;
  w.widths([9, 30, 14, 9, 30, 14]);
  w.titles('一般公共预算财政拨款基本支出决算表', 6);
  w.header(4, 1, 4, 3, '人员经费');
  w.header(4, 4, 4, 6, '公用经费');
  ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'].forEach((h, i) => w.header(5, i + 1, 5, i + 1, h));
  const group = (leis: string[]) =>
    leis.flatMap((lei) => [lei, ...Object.keys(ECON_NAMES).filter((k) => k.length === 5 && k.startsWith(lei)).sort()]);
  const left = group(['301', '303']);
  const right = group(['302', '310']);
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const r = 6 + i;
    for (const [codes, col] of [[left, 1], [right, 4]] as const) {
      const code = codes[i];
      w.text(r, col, code ?? '', true);
      w.text(r, col + 1, code ? ECON_NAMES[code] : '');
      if (code) w.amount(r, col + 2, items[code]);
      else w.text(r, col + 2, '');
    }
  }
  const r = 6 + n;
  for (let col = 1; col <= 6; col++) w.ws.getCell(r, col).border = THIN;
  w.merge(r, 1, r, 2, '人员经费合计', { alignment: { horizontal: 'center' } });
  w.amount(r, 3, e.t06.人员经费合计);
  w.merge(r, 4, r, 5, '公用经费合计', { alignment: { horizontal: 'center' } });
  w.amount(r, 6, e.t06.公用经费合计);
}

function write09(w: SheetWriter, e: ShanghaiExpected): void {
  w.widths(Array(12).fill(11));
  w.titles('财政拨款“三公”经费支出决算表', 12);
  // Row 4: items; row 5: 小计/购置费/运行费 under the car group, 预算数|决算数 elsewhere; row 6: 预算数|决算数 under the car group.
  const simple: [number, string][] = [
    [1, '合计'],
    [3, '因公出国（境）费'],
    [11, '公务接待费'],
  ];
  for (const [col, label] of simple) {
    w.header(4, col, 4, col + 1, label);
    w.header(5, col, 6, col, '预算数');
    w.header(5, col + 1, 6, col + 1, '决算数');
  }
  w.header(4, 5, 4, 10, '公务用车购置及运行费');
  (['小计', '公务用车购置费', '公务用车运行费'] as const).forEach((label, i) => {
    w.header(5, 5 + 2 * i, 5, 6 + 2 * i, label);
    w.header(6, 5 + 2 * i, 6, 5 + 2 * i, '预算数');
    w.header(6, 6 + 2 * i, 6, 6 + 2 * i, '决算数');
  });
  T09_ITEMS.forEach((item, i) => {
    w.amount(7, 1 + 2 * i, e.t09.预算数[item]);
    w.amount(7, 2 + 2 * i, e.t09.决算数[item]);
  });
}

/** The Shanghai-family workbook, sheets in Shanghai order (see SHANGHAI_EXPECTED.sheets). */
export async function buildShanghaiWorkbook(): Promise<ExcelJS.Workbook> {
  const e = SHANGHAI_EXPECTED;
  const wb = new ExcelJS.Workbook();
  wb.creator = SHANGHAI_UNIT;
  const names = e.subjectNames;
  const sheet = (canonical: TableCode) => {
    const s = e.sheets.find((x) => x.canonical === canonical)!;
    return { w: new SheetWriter(wb.addWorksheet(s.name)), title: s.title };
  };
  const fundGroups = [{ label: '本年支出', from: 2, to: 4, sub: ['合计', '基本支出', '项目支出'] }];
  for (const canonical of e.sheets.map((s) => s.canonical)) {
    const { w, title } = sheet(canonical);
    switch (canonical) {
      case '01':
        write01(w, e);
        break;
      case '02':
        writeSubject(w, title, e.t02, T02_COLUMNS, names);
        break;
      case '03':
        writeSubject(w, title, e.t03, T03_COLUMNS, names);
        break;
      case '04':
        write04(w, e);
        break;
      case '05':
        writeSubject(w, title, e.t05, T05_COLUMNS, names);
        break;
      case '06':
        write06(w, e);
        break;
      case '07':
        writeSubject(w, title, e.t07, T07_COLUMNS, names, fundGroups);
        break;
      case '08': {
        const last = writeSubject(w, title, e.t08, T07_COLUMNS, names, fundGroups);
        w.merge(last + 1, 1, last + 1, 4 + T07_COLUMNS.length, SHANGHAI_08_NOTE, { alignment: { wrapText: true } });
        break;
      }
      case '09':
        write09(w, e);
        break;
    }
  }
  return wb;
}
