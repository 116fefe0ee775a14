/**
 * 部门预算支出经济分类科目 (departmental economic classification of expenditure): 类 (3 digits) and 款 (5 digits),
 * as printed in 公开06表 一般公共预算财政拨款基本支出决算(明细)表. One line per code.
 *
 * Sources (details: docs/subjects-sources.md):
 * - S0  the seed report's 06表 (株洲 2024): every 款 of 301/302/303/307/310/399 listed in domain.md §1.2.
 * - GBC github.com/zxj6827111-blip/GovBudgetChecker tests/fixtures (Shanghai 普陀区 2025 决算 06表, 2026 预算
 *       经济分类表): the same names for 301/302/303/310.
 * - [K] domain knowledge, not seen in a public source here: 30703/30704, 309 资本性支出（基本建设）, 311, 312, 313.
 *   No 30210 or 30230 appears in any source here, so none is listed (302's catch-all is 30299 其他商品和服务支出).
 */
import { normalizeLabel } from '../util/text';

const ROWS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['301', '工资福利支出'],
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30106', '伙食补助费'],
  ['30107', '绩效工资'],
  ['30108', '机关事业单位基本养老保险缴费'],
  ['30109', '职业年金缴费'],
  ['30110', '职工基本医疗保险缴费'],
  ['30111', '公务员医疗补助缴费'],
  ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'],
  ['30114', '医疗费'],
  ['30199', '其他工资福利支出'],
  ['302', '商品和服务支出'],
  ['30201', '办公费'],
  ['30202', '印刷费'],
  ['30203', '咨询费'],
  ['30204', '手续费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30207', '邮电费'],
  ['30208', '取暖费'],
  ['30209', '物业管理费'],
  ['30211', '差旅费'],
  ['30212', '因公出国（境）费用'],
  ['30213', '维修（护）费'],
  ['30214', '租赁费'],
  ['30215', '会议费'],
  ['30216', '培训费'],
  ['30217', '公务接待费'],
  ['30218', '专用材料费'],
  ['30224', '被装购置费'],
  ['30225', '专用燃料费'],
  ['30226', '劳务费'],
  ['30227', '委托业务费'],
  ['30228', '工会经费'],
  ['30229', '福利费'],
  ['30231', '公务用车运行维护费'],
  ['30239', '其他交通费用'],
  ['30240', '税金及附加费用'],
  ['30299', '其他商品和服务支出'],
  ['303', '对个人和家庭的补助'],
  ['30301', '离休费'],
  ['30302', '退休费'],
  ['30303', '退职（役）费'],
  ['30304', '抚恤金'],
  ['30305', '生活补助'],
  ['30306', '救济费'],
  ['30307', '医疗费补助'],
  ['30308', '助学金'],
  ['30309', '奖励金'],
  ['30310', '个人农业生产补贴'],
  ['30311', '代缴社会保险费'],
  ['30399', '其他对个人和家庭的补助'],
  ['307', '债务利息及费用支出'],
  ['30701', '国内债务付息'],
  ['30702', '国外债务付息'],
  ['30703', '国内债务发行费用'],
  ['30704', '国外债务发行费用'],
  ['309', '资本性支出（基本建设）'],
  ['30901', '房屋建筑物购建'],
  ['30902', '办公设备购置'],
  ['30903', '专用设备购置'],
  ['30905', '基础设施建设'],
  ['30906', '大型修缮'],
  ['30907', '信息网络及软件购置更新'],
  ['30908', '物资储备'],
  ['30913', '公务用车购置'],
  ['30919', '其他交通工具购置'],
  ['30921', '文物和陈列品购置'],
  ['30922', '无形资产购置'],
  ['30999', '其他基本建设支出'],
  ['310', '资本性支出'],
  ['31001', '房屋建筑物购建'],
  ['31002', '办公设备购置'],
  ['31003', '专用设备购置'],
  ['31005', '基础设施建设'],
  ['31006', '大型修缮'],
  ['31007', '信息网络及软件购置更新'],
  ['31008', '物资储备'],
  ['31009', '土地补偿'],
  ['31010', '安置补助'],
  ['31011', '地上附着物和青苗补偿'],
  ['31012', '拆迁补偿'],
  ['31013', '公务用车购置'],
  ['31019', '其他交通工具购置'],
  ['31021', '文物和陈列品购置'],
  ['31022', '无形资产购置'],
  ['31099', '其他资本性支出'],
  ['311', '对企业补助（基本建设）'],
  ['31101', '资本金注入'],
  ['31199', '其他对企业补助'],
  ['312', '对企业补助'],
  ['31201', '资本金注入'],
  ['31203', '政府投资基金股权投资'],
  ['31204', '费用补贴'],
  ['31205', '利息补贴'],
  ['31299', '其他对企业补助'],
  ['313', '对社会保障基金补助'],
  ['31302', '对社会保险基金补助'],
  ['31303', '补充全国社会保障基金'],
  ['31304', '对机关事业单位职业年金的补助'],
  ['399', '其他支出'],
  ['39907', '国家赔偿费用支出'],
  ['39908', '对民间非营利组织和群众性自治组织补贴'],
  ['39909', '经常性赠与'],
  ['39910', '资本性赠与'],
  ['39999', '其他支出'],
];

/** code → name, 类 (3 digits) and 款 (5 digits). */
export const ECONOMIC_SUBJECTS: ReadonlyMap<string, string> = new Map(ROWS);

/** Codes seen with the same name in a public source (S0 seed 06表; GBC Shanghai 06表). The rest is [K]. */
export const OBSERVED_ECONOMIC_CODES: ReadonlySet<string> = new Set(
  ROWS.map(([code]) => code).filter((code) => !/^(3070[34]|309|311|312|313)/.test(code)),
);

/** 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助 (seed and Shanghai alike). */
export const PERSONNEL_CLASSES: readonly string[] = ['301', '303'];

/**
 * 公用经费 classes in the Hunan/MOF family (seed 06表: groups 2–3 = 302, 307, 310, 399). Shanghai's 06表 has
 * only 302 + 310 as 公用经费 (307 and 399 absent, domain.md §1.2) — a subset, so summing these four classes
 * gives the same total there.
 */
export const PUBLIC_CLASSES: readonly string[] = ['302', '307', '310', '399'];

export function economicName(code: string): string | undefined {
  return ECONOMIC_SUBJECTS.get(canonicalEconomicCode(code));
}

/** '类' (3 digits) | '款' (5 digits) by shape. */
export function economicLevel(code: string): '类' | '款' | undefined {
  const c = canonicalEconomicCode(code);
  if (/^\d{3}$/.test(c)) return '类';
  if (/^\d{5}$/.test(c)) return '款';
  return undefined;
}

/** Same contract as isKnownFunctionalName; there are no aliases for economic names yet. */
export function isKnownEconomicName(code: string, name: string): 'exact' | 'unknown-code' | 'mismatch' {
  const official = economicName(code);
  if (official === undefined) return 'unknown-code';
  return normalizeLabel(name) === normalizeLabel(official) ? 'exact' : 'mismatch';
}

/** “301 01” / “３０１０１” → “30101”. */
function canonicalEconomicCode(code: string): string {
  return String(code)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}
