/**
 * The words of the nine tables as domain.md §1 prints them (titles, row labels, column heads, notes). Written from
 * the domain, not from the reader, so that the generator stays an independent oracle.
 */
import type { TableCode } from '../../../src/core/tables/codes';
import { COLUMN_NAMES } from '../../../src/core/tables/column-names';

/** 01/04 类 rows, §1.3, in printed order. */
export const CLASS_NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '202': '外交支出',
  '203': '国防支出',
  '204': '公共安全支出',
  '205': '教育支出',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出',
  '210': '卫生健康支出',
  '211': '节能环保支出',
  '212': '城乡社区支出',
  '213': '农林水支出',
  '214': '交通运输支出',
  '215': '资源勘探工业信息等支出',
  '216': '商业服务业等支出',
  '217': '金融支出',
  '219': '援助其他地区支出',
  '220': '自然资源海洋气象等支出',
  '221': '住房保障支出',
  '222': '粮油物资储备支出',
  '223': '国有资本经营预算支出',
  '224': '灾害防治及应急管理支出',
  '229': '其他支出',
  '231': '债务还本支出',
  '232': '债务付息支出',
  '234': '抗疫特别国债安排的支出',
};
/** The two 类 rows the Shanghai 2024 template leaves out (24 rows instead of 26). */
export const DEBT_CLASSES = ['231', '232'];

/** 01 income lines (§1.2), by model key. The first eight are numbered 一…八 when labels are numbered. */
export const INCOME_01: Record<string, string> = {
  gpb: '一般公共预算财政拨款收入',
  gf: '政府性基金预算财政拨款收入',
  soc: '国有资本经营预算财政拨款收入',
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
  totalIncome: '本年收入合计',
  useNonFiscalBalance: '使用非财政拨款结余（含专用结余）',
  openingBalance: '年初结转和结余',
  grandTotal: '总计',
};
export const EXPENSE_01: Record<string, string> = {
  totalExpense: '本年支出合计',
  balanceDistribution: '结余分配',
  closingBalance: '年末结转和结余',
  grandTotal: '总计',
};
export const INCOME_04: Record<string, string> = {
  gpb: '一般公共预算财政拨款',
  gf: '政府性基金预算财政拨款',
  soc: '国有资本经营预算财政拨款',
  totalIncome: '本年收入合计',
  openingBalance: '年初财政拨款结转和结余',
  openingGpb: '一般公共预算财政拨款',
  openingGf: '政府性基金预算财政拨款',
  openingSoc: '国有资本经营预算财政拨款',
  grandTotal: '总计',
};
export const EXPENSE_04: Record<string, string> = {
  totalExpense: '本年支出合计',
  closingBalance: '年末财政拨款结转和结余',
  closingGpb: '一般公共预算财政拨款',
  closingGf: '政府性基金预算财政拨款',
  closingSoc: '国有资本经营预算财政拨款',
  grandTotal: '总计',
};
/**
 * Column heads of 02/03/04/05/07/08 by model key: the model's own names of its columns
 * (src/core/tables/column-names.ts) are the heads the tables print.
 */
export function columnHead(table: '02' | '03' | '04' | '05' | '07' | '08', key: string): string {
  const head = COLUMN_NAMES[table]?.[key];
  if (!head) throw new Error(`no head for ${table} column ${key}`);
  return head;
}
/** Under a 本年支出 group head the total column is 小计 (seed 05) or 合计 (seed 08, Shanghai). */
export const SPENDING_GROUP = { label: '本年支出', keys: ['total', 'basic', 'project'], total: ['小计', '合计'], basic: '基本支出', project: '项目支出' };

/** 09 items, in printed order, and their heads. */
export const ITEMS_09 = ['total', 'abroad', 'vehicleTotal', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
export type Item09 = (typeof ITEMS_09)[number];
/** 公务用车购置及运行维护费 (seed, Shanghai table) or 公务用车购置及运行费 (real reports), with its two sub-items. */
export const VEHICLE_NAMES = {
  full: { group: '公务用车购置及运行维护费', purchase: '公务用车购置费', operation: '公务用车运行维护费' },
  short: { group: '公务用车购置及运行费', purchase: '公务用车购置费', operation: '公务用车运行费' },
} as const;
export const ABROAD = '因公出国（境）费';
export const RECEPTION = '公务接待费';

/** Titles per canonical code: the first is the seed's, the others seen in the field (§1.1). */
export const TITLE_VARIANTS: Record<TableCode, string[]> = {
  '01': ['收入支出决算总表', '部门收支决算总表', '收支决算总表'],
  '02': ['收入决算表', '收入决算总表'],
  '03': ['支出决算表', '支出决算总表'],
  '04': ['财政拨款收入支出决算总表', '财政拨款收支决算总表'],
  '05': ['一般公共预算财政拨款支出决算表'],
  '06': ['一般公共预算财政拨款基本支出决算明细表', '一般公共预算财政拨款基本支出决算表'],
  '07': ['政府性基金预算财政拨款收入支出决算表'],
  // 08 keeps the model's title: …支出决算表 (3 columns) or …收入支出决算表 (with carry-over columns, Shanghai).
  '08': [],
  '09': ['财政拨款“三公”经费支出决算表', '一般公共预算财政拨款“三公”经费支出决算表'],
};

/** The “注：” lines under each table (seed wording). */
export const NOTES: Record<TableCode, string[]> = {
  '01': ['注：1. 本表反映部门本年度的总收入和年末结转结余情况。', '2. 本套报表金额单位转换时可能存在尾数误差。'],
  '02': ['注：本表反映部门本年度取得的各项收入情况。'],
  '03': ['注：本表反映部门本年度各项支出情况。'],
  '04': ['注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。'],
  '05': ['注：本表反映部门本年度一般公共预算财政拨款支出情况。'],
  '06': ['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'],
  '07': ['注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'],
  '08': ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。'],
  '09': ['注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。'],
};

/** A generic no-data statement, for an empty table whose model carries none. */
export function emptyStatementFor(code: TableCode, unit: string): string {
  const what: Partial<Record<TableCode, string>> = {
    '07': '政府性基金预算财政拨款收入和支出',
    '08': '国有资本经营预算财政拨款收入和支出',
    '09': '“三公”经费财政拨款支出',
  };
  return `说明：${unit}本年度没有${what[code] ?? '相关收入和支出'}，故本表无数据。`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 26 → 二十六. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
}

/**
 * How exporters and hand edits write a head (HEADER_REWRITES in test/support/variants.ts does the same on the
 * seed): a line break or spaces in the middle, half-width brackets.
 */
export function noisyHead(label: string, style: number): string {
  const half = label.replace(/（/g, '(').replace(/）/g, ')');
  if (label.length < 4) return style % 2 ? label.split('').join('  ') : ` ${label} `;
  const cut = Math.ceil(half.length / 2);
  return style % 2 ? `${half.slice(0, cut)}\n${half.slice(cut)}` : `${half.slice(0, cut)} ${half.slice(cut)}`;
}
