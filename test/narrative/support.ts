import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedSnapshot } from '../rules/support';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { buildSupplementTemplate } from '../../src/core/supplement/template';
import { FIELDS } from '../../src/core/supplement/fields';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';

export { seedSnapshot };

/** The published 第三部分 of the sample report (shared/seed/000_53d5977259354c49.txt, lines 359–491). */
export const PUBLISHED = readFileSync(join(__dirname, '..', 'fixtures', 'seed-2024-narrative.txt'), 'utf8');

/** Text compared without whitespace (the published text is a PDF extraction with spaces around numbers). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A copy of a snapshot with one more sheet (values from A1). */
export function appendSheet(snapshot: WorkbookSnapshot, name: string, rows: CellValue[][]): WorkbookSnapshot {
  const copy: WorkbookSnapshot = structuredClone(snapshot);
  copy.sheets.push({ name, origin: { row: 0, col: 0 }, values: rows.map((r) => [...r]) });
  return copy;
}

export interface ItemInput {
  budget?: CellValue;
  fullYearBudget?: CellValue;
  usage?: CellValue;
  reason?: CellValue;
}

/**
 * The 说明数据 template for the seed, filled by label (field labels as in the template) and by 科目代码.
 * Throws on a label the template does not have, so a renamed label cannot pass silently.
 */
export function filledTemplate(
  snapshot: WorkbookSnapshot,
  values: Record<string, CellValue>,
  items: Record<string, ItemInput> = {},
  format: 'hunan' | 'shanghai' = 'hunan',
): CellValue[][] {
  const model = readWorkbook(snapshot).model;
  const t = buildSupplementTemplate(model, { format });
  const rows = t.rows.map((r) => [...r]);
  for (const [label, value] of Object.entries(values)) {
    const at = t.fieldRows.find((f) => FIELDS.find((d) => d.key === f.key)?.label === label);
    if (!at) throw new Error(`no label ${label} in the ${format} template`);
    rows[at.row][t.valueColumn] = value;
  }
  for (const [code, input] of Object.entries(items)) {
    let row = t.itemRows.find((r) => rows[r][t.itemColumns.code] === code);
    if (row === undefined) {
      rows.push(new Array<CellValue>(rows[0].length).fill(null));
      row = rows.length - 1;
      rows[row][t.itemColumns.code] = code;
    }
    for (const key of ['budget', 'fullYearBudget', 'usage', 'reason'] as const)
      if (input[key] !== undefined) rows[row][t.itemColumns[key]] = input[key] as CellValue;
  }
  return rows;
}

/** What the sample report states (第三部分), as 说明数据 inputs. */
export const SAMPLE_VALUES: Record<string, CellValue> = {
  年度: 2024,
  单位性质: '财政补助事业单位',
  上年收入支出总计: 526.36,
  收支总计增减变化的主要原因: '贯彻落实厉行节约精神，牢固树立“过紧日子”思想',
  上年财政拨款收入支出总计: 526.36,
  财政拨款收支总计增减变化的主要原因: '贯彻落实厉行节约精神，牢固树立“过紧日子”思想',
  上年一般公共预算财政拨款支出: 526.36,
  一般公共预算财政拨款支出增减变化的主要原因: '贯彻落实厉行节约精神',
  一般公共预算财政拨款支出年初预算: 580.13,
  '“三公”经费预算合计': 19,
  '因公出国（境）费预算': 7,
  公务用车购置费预算: 0,
  公务用车运行维护费预算: 7,
  公务接待费预算: 5,
  '上年“三公”经费决算合计': 13.35,
  '上年因公出国（境）费决算': 0,
  上年公务用车购置费决算: 0,
  上年公务用车运行维护费决算: 12,
  上年公务接待费决算: 1.35,
  '“三公”经费决算数与预算数差异的主要原因': '厉行节约精神',
  '“三公”经费决算数与上年数差异的主要原因': '2023 年度未安排人员出国，2024 年度根据省中心统一组织安排了人员因公出国',
  '因公出国（境）费决算数与预算数差异的主要原因': '厉行节约精神',
  '因公出国（境）费决算数与上年数差异的主要原因': '2023 年度未安排人员出国，2024 年度根据省中心统一组织安排了人员因公出国',
  公务用车运行维护费决算数与预算数差异的主要原因: '厉行节约精神',
  公务用车运行维护费决算数与上年数差异的主要原因: '厉行节约精神',
  公务接待费决算数与预算数差异的主要原因: '厉行节约精神',
  公务接待费决算数与上年数差异的主要原因: '厉行节约精神',
  '因公出国（境）团组数': 0,
  '因公出国（境）人次': 1,
  '因公出国（境）主要内容':
    '湖南省长株潭一体化发展事务中心组织赴德国、荷兰对口交流工作支出6.9万元，主要用于拜访科隆环保局、城市规划局、科隆市规划学会，实地调研新城 almere stad 区和 almere haven，拜访阿姆斯特丹城市规划咨询中心等',
  公务用车购置数量: 0,
  公务用车保有量: 2,
  公务用车运行维护费主要用途: '燃油费、维修费、保险费等',
  公务接待批次: 4,
  公务接待人次: 27,
  公务接待主要内容:
    '长沙市、湘潭市长株潭一体化发展事务中心来株商讨长株潭一体化发展第六届市委书记联席会议相关筹备工作、湖南省长株潭一体化发展事务中心来株调研绿心总规调整工作、萍乡市湘赣边区域合作发展事务中心来株交流对接工作、湖南省长株潭一体化发展事务中心来株调研融城干道建设工作发生的接待支出',
  会议费用途: '召开株洲市域内融城干道建设情况会议',
  会议人数: 13,
  会议内容: '讨论株洲市域内融城干道建设情况',
  培训费用途: '开展宣讲党的二十届三中全会精神培训活动',
  培训人数: 16,
  培训内容: '学习党的二十届三中全会精神',
  '节庆、晚会、论坛、赛事活动支出': 0,
  政府采购支出总额: 105.19,
  政府采购货物支出: 27.73,
  政府采购工程支出: 0,
  政府采购服务支出: 77.46,
  授予中小企业合同金额: 105.19,
  授予小微企业合同金额: 85.1,
  货物采购授予中小企业合同金额: 27.73,
  服务采购授予中小企业合同金额: 77.46,
  车辆总数: 2,
  '副部（省）级以上领导用车': 0,
  主要负责人用车: 0,
  机要通信用车: 0,
  应急保障用车: 2,
  执法执勤用车: 0,
  特种专业技术用车: 0,
  离退休干部服务用车: 0,
  其他用车: 0,
  '单位价值100万元以上设备（不含车辆）': 0,
  绩效自评项目个数: 3,
  绩效自评涉及资金: 128.93,
  一般公共预算绩效自评项目个数: 3,
  一般公共预算绩效自评项目资金: 128.93,
  整体支出全年预算数: 610.39,
  绩效自评得分: 98.5,
  绩效自评评价等级: '优',
  绩效目标完成情况:
    '一是在推进长株潭一体化发展方面：坚决贯彻落实省长株潭一体化发展领导小组会议精神，不折不扣抓好“一要点一清单”的落地落实，各项工作稳步推进；二是在湘赣边区域合作示范区建设方面：我市密切与周边地市的合作，坚持问题导向，聚焦协同发力，各项工作取得了新进展',
  发现的主要问题及原因: '各相关科室对资金绩效管理工作不够了解，知识储备不足。主要是各相关科室对资金绩效管理意识还有待进一步提升',
  下一步改进措施:
    '针对存在的问题，按照“谁支出、谁负责”的原则，完善用款计划管理，对绩效目标实现程度和预算执行进度实行“双监控”，对各相关科室人员进行资金绩效管理工作培训',
  评价结果应用情况:
    '根据 2024 年度绩效自评结果、部门评价结果、财政评价结果，我中心本部门 2025 年度预算将组织召开预算编制会，广泛听取各科室意见，更加结合实际情况进行安排',
};

/** 年初预算 and reasons per 项 as the sample's 五(三) states them (Σ = 580.14, the stated total is 580.13). */
export const SAMPLE_ITEMS: Record<string, ItemInput> = {
  '2010450': { budget: 476.41, reason: '厉行节约精神' },
  '2010499': { budget: 0, reason: '因财政要求从年初事业运行项中调整了部分支出归为其他发展与改革事务支出项' },
  '2080502': { budget: 6.06, reason: '人员变动' },
  '2080505': { budget: 27.91, reason: '人员变动' },
  '2080506': { budget: 13.96, reason: '人员变动' },
  '2101101': { budget: 0, reason: '人员变动' },
  '2101102': { budget: 11.53, reason: '人员变动' },
  '2101103': { budget: 6.62, reason: '人员变动' },
  '2101199': { budget: '14.30', reason: '人员变动' },
  '2110199': { budget: 0, reason: '根据工作实际需要新增预算指标用于付合同质保金' },
  '2210201': { budget: 23.35, reason: '因人员变动导致' },
};

/** The seed workbook plus a 说明数据 sheet holding the sample report's inputs. */
export async function sampleWithSupplement(): Promise<WorkbookSnapshot> {
  const seed = await seedSnapshot();
  return appendSheet(seed, '说明数据', filledTemplate(seed, SAMPLE_VALUES, SAMPLE_ITEMS));
}
