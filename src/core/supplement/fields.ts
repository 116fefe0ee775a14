/**
 * 说明数据: what the 情况说明 needs beyond the nine tables (domain.md §3), one labelled line each. The same
 * catalogue drives the template (labels pre-filled), the reader (labels matched after normalizeLabel) and the
 * narrative (placeholders name the label to fill in). Labels are the contract with the accountant: never
 * rename one without keeping the old label in `aliases`.
 */

/** The two narrative templates: Hunan (seed, MOF-style 一…十三) and the Shanghai 2024 district template. */
export const NARRATIVE_FORMATS = ['hunan', 'shanghai'] as const;
export type NarrativeFormat = (typeof NARRATIVE_FORMATS)[number];

export type FieldKind = 'amount' | 'count' | 'text' | 'year' | 'score' | 'unitType';

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  /** Shown in the template's 单位 column. */
  unit?: string;
  /** Shown in the template's 填写说明 column. */
  hint?: string;
  /** Templates that use the field; all when absent. */
  formats?: readonly NarrativeFormat[];
  /** No placeholder when missing: the sentence is left out or a table value is used. */
  optional?: boolean;
  aliases?: readonly string[];
}

const H = ['hunan'] as const;
const S = ['shanghai'] as const;

export const FIELD_GROUPS = [
  {
    title: '一、基本信息',
    fields: [
      { key: 'year', label: '年度', kind: 'year', hint: '决算年度，如 2024', aliases: ['决算年度'] },
      { key: 'department', label: '单位名称', kind: 'text', optional: true, hint: '工作簿各表表头、标题、封面等处已载明部门全称时以其为准，此处可留空', aliases: ['部门名称'] },
      {
        key: 'unitType',
        label: '单位性质',
        kind: 'unitType',
        hint: '行政单位 / 参照公务员法管理的事业单位 / 事业单位（可写“财政补助事业单位”等），用于机关运行经费',
      },
    ],
  },
  {
    title: '二、上年数及增减变化原因',
    fields: [
      { key: 'priorTotal', label: '上年收入支出总计', kind: 'amount', unit: '万元', hint: '上年公开01表“总计”' },
      { key: 'reasonTotal', label: '收支总计增减变化的主要原因', kind: 'text' },
      { key: 'priorFiscalTotal', label: '上年财政拨款收入支出总计', kind: 'amount', unit: '万元', hint: '上年公开04表“总计”' },
      { key: 'reasonFiscalTotal', label: '财政拨款收支总计增减变化的主要原因', kind: 'text' },
      { key: 'priorGpbExpense', label: '上年一般公共预算财政拨款支出', kind: 'amount', unit: '万元', hint: '上年公开05表“合计”' },
      { key: 'reasonGpbExpense', label: '一般公共预算财政拨款支出增减变化的主要原因', kind: 'text' },
    ],
  },
  {
    title: '三、年初预算（各项级科目的预算和原因填在下方“项级科目”表）',
    fields: [
      { key: 'budgetGpb', label: '一般公共预算财政拨款支出年初预算', kind: 'amount', unit: '万元', hint: '留空且下表各项均已填写时取各项之和' },
      { key: 'reasonBudgetGpb', label: '一般公共预算财政拨款支出决算数与年初预算数差异的主要原因', kind: 'text' },
    ],
  },
  {
    title: '四、“三公”经费',
    fields: [
      { key: 'sgBudgetTotal', label: '“三公”经费预算合计', kind: 'amount', unit: '万元', optional: true, hint: '留空则取下列各项之和；各项也留空则取公开09表预算数' },
      { key: 'sgBudgetAbroad', label: '因公出国（境）费预算', kind: 'amount', unit: '万元', optional: true, hint: '留空则取公开09表预算数' },
      { key: 'sgBudgetPurchase', label: '公务用车购置费预算', kind: 'amount', unit: '万元', optional: true, hint: '留空则取公开09表预算数' },
      { key: 'sgBudgetOperation', label: '公务用车运行维护费预算', kind: 'amount', unit: '万元', optional: true, hint: '留空则取公开09表预算数' },
      { key: 'sgBudgetReception', label: '公务接待费预算', kind: 'amount', unit: '万元', optional: true, hint: '留空则取公开09表预算数' },
      { key: 'sgPriorTotal', label: '上年“三公”经费决算合计', kind: 'amount', unit: '万元', optional: true, hint: '留空则取下列各项之和' },
      { key: 'sgPriorAbroad', label: '上年因公出国（境）费决算', kind: 'amount', unit: '万元' },
      { key: 'sgPriorPurchase', label: '上年公务用车购置费决算', kind: 'amount', unit: '万元' },
      { key: 'sgPriorOperation', label: '上年公务用车运行维护费决算', kind: 'amount', unit: '万元' },
      { key: 'sgPriorReception', label: '上年公务接待费决算', kind: 'amount', unit: '万元' },
      { key: 'sgReasonBudget', label: '“三公”经费决算数与预算数差异的主要原因', kind: 'text' },
      { key: 'sgReasonPrior', label: '“三公”经费决算数与上年数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgAbroadReasonBudget', label: '因公出国（境）费决算数与预算数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgAbroadReasonPrior', label: '因公出国（境）费决算数与上年数差异的主要原因', kind: 'text' },
      { key: 'sgPurchaseReasonBudget', label: '公务用车购置费决算数与预算数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgPurchaseReasonPrior', label: '公务用车购置费决算数与上年数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgOperationReasonBudget', label: '公务用车运行维护费决算数与预算数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgOperationReasonPrior', label: '公务用车运行维护费决算数与上年数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgVehicleReasonPrior', label: '公务用车购置及运行维护费决算数与上年数差异的主要原因', kind: 'text', formats: S },
      { key: 'sgReceptionReasonBudget', label: '公务接待费决算数与预算数差异的主要原因', kind: 'text', formats: H },
      { key: 'sgReceptionReasonPrior', label: '公务接待费决算数与上年数差异的主要原因', kind: 'text' },
      { key: 'abroadGroups', label: '因公出国（境）团组数', kind: 'count', unit: '个' },
      { key: 'abroadPersons', label: '因公出国（境）人次', kind: 'count', unit: '人次' },
      { key: 'abroadContent', label: '因公出国（境）主要内容', kind: 'text' },
      { key: 'vehiclePurchased', label: '公务用车购置数量', kind: 'count', unit: '辆' },
      { key: 'vehicleHeld', label: '公务用车保有量', kind: 'count', unit: '辆', hint: '年末开支财政拨款的公务用车数量' },
      { key: 'vehicleOperationUse', label: '公务用车运行维护费主要用途', kind: 'text', optional: true, hint: '如：燃油费、维修费、保险费等' },
      { key: 'receptionBatches', label: '公务接待批次', kind: 'count', unit: '个', aliases: ['公务接待团组数'] },
      { key: 'receptionPersons', label: '公务接待人次', kind: 'count', unit: '人次' },
      { key: 'receptionContent', label: '公务接待主要内容', kind: 'text' },
      { key: 'receptionForeignAmount', label: '外宾接待支出', kind: 'amount', unit: '万元', formats: S, optional: true },
      { key: 'receptionForeignBatches', label: '接待外宾批次', kind: 'count', unit: '个', formats: S, optional: true },
      { key: 'receptionForeignPersons', label: '接待外宾人次', kind: 'count', unit: '人次', formats: S, optional: true },
    ],
  },
  {
    title: '五、机关运行经费',
    fields: [
      { key: 'operatingCost', label: '机关运行经费支出', kind: 'amount', unit: '万元', hint: '行政单位和参公事业单位填写；事业单位可留空' },
      { key: 'priorOperatingCost', label: '上年机关运行经费支出', kind: 'amount', unit: '万元' },
      { key: 'reasonOperatingCost', label: '机关运行经费增减变化的主要原因', kind: 'text' },
    ],
  },
  {
    title: '六、一般性支出（会议费、培训费等）',
    fields: [
      { key: 'meetingAmount', label: '会议费支出', kind: 'amount', unit: '万元', formats: H, optional: true, hint: '留空则取公开06表30215会议费' },
      { key: 'meetingPurpose', label: '会议费用途', kind: 'text', formats: H, hint: '“用于……”后面的文字' },
      { key: 'meetingPersons', label: '会议人数', kind: 'count', unit: '人', formats: H },
      { key: 'meetingContent', label: '会议内容', kind: 'text', formats: H },
      { key: 'trainingAmount', label: '培训费支出', kind: 'amount', unit: '万元', formats: H, optional: true, hint: '留空则取公开06表30216培训费' },
      { key: 'trainingPurpose', label: '培训费用途', kind: 'text', formats: H },
      { key: 'trainingPersons', label: '培训人数', kind: 'count', unit: '人', formats: H },
      { key: 'trainingContent', label: '培训内容', kind: 'text', formats: H },
      { key: 'festivalAmount', label: '节庆、晚会、论坛、赛事活动支出', kind: 'amount', unit: '万元', formats: H, hint: '未举办填 0' },
      { key: 'festivalContent', label: '节庆、晚会、论坛、赛事活动内容', kind: 'text', formats: H, optional: true },
    ],
  },
  {
    title: '七、政府采购',
    fields: [
      { key: 'procTotal', label: '政府采购支出总额', kind: 'amount', unit: '万元', optional: true, hint: '留空则取货物、工程、服务之和' },
      { key: 'procGoods', label: '政府采购货物支出', kind: 'amount', unit: '万元' },
      { key: 'procWorks', label: '政府采购工程支出', kind: 'amount', unit: '万元' },
      { key: 'procServices', label: '政府采购服务支出', kind: 'amount', unit: '万元' },
      { key: 'procSme', label: '授予中小企业合同金额', kind: 'amount', unit: '万元', formats: H },
      { key: 'procSmall', label: '授予小微企业合同金额', kind: 'amount', unit: '万元', formats: H },
      { key: 'procSmeGoods', label: '货物采购授予中小企业合同金额', kind: 'amount', unit: '万元', formats: H, optional: true },
      { key: 'procSmeWorks', label: '工程采购授予中小企业合同金额', kind: 'amount', unit: '万元', formats: H, optional: true },
      { key: 'procSmeServices', label: '服务采购授予中小企业合同金额', kind: 'amount', unit: '万元', formats: H, optional: true },
      { key: 'procReservedSme', label: '面向中小企业预留政府采购项目预算金额', kind: 'amount', unit: '万元', formats: S },
      { key: 'procReservedSmall', label: '面向小微企业预留政府采购项目预算金额', kind: 'amount', unit: '万元', formats: S },
      { key: 'procReservedSmeWon', label: '预留项目中由中小企业供应商中标或成交的采购金额', kind: 'amount', unit: '万元', formats: S },
      { key: 'procReservedSmallWon', label: '预留项目中由小微企业供应商中标或成交的采购金额', kind: 'amount', unit: '万元', formats: S },
      { key: 'procOtherSmeWon', label: '其他项目中由中小企业供应商中标或成交的采购金额', kind: 'amount', unit: '万元', formats: S },
    ],
  },
  {
    title: '八、国有资产占用（年末车辆和大型设备）',
    fields: [
      { key: 'vehiclesTotal', label: '车辆总数', kind: 'count', unit: '辆', optional: true, hint: '留空则取各类之和' },
      { key: 'vehiclesMinister', label: '副部（省）级以上领导用车', kind: 'count', unit: '辆', aliases: ['部级领导干部用车'] },
      { key: 'vehiclesLeader', label: '主要负责人用车', kind: 'count', unit: '辆', aliases: ['主要领导干部用车'] },
      { key: 'vehiclesConfidential', label: '机要通信用车', kind: 'count', unit: '辆' },
      { key: 'vehiclesEmergency', label: '应急保障用车', kind: 'count', unit: '辆' },
      { key: 'vehiclesLaw', label: '执法执勤用车', kind: 'count', unit: '辆' },
      { key: 'vehiclesSpecial', label: '特种专业技术用车', kind: 'count', unit: '辆' },
      { key: 'vehiclesRetired', label: '离退休干部服务用车', kind: 'count', unit: '辆', aliases: ['离退休干部用车'] },
      { key: 'vehiclesOther', label: '其他用车', kind: 'count', unit: '辆' },
      { key: 'equipmentCount', label: '单位价值100万元以上设备（不含车辆）', kind: 'count', unit: '台（套）', aliases: ['单价100万元（含）以上设备（不含车辆）'] },
    ],
  },
  {
    title: '九、预算绩效',
    fields: [
      { key: 'perfProjects', label: '绩效自评项目个数', kind: 'count', unit: '个', optional: true, hint: '留空则取下列各类预算项目个数之和' },
      { key: 'perfAmount', label: '绩效自评涉及资金', kind: 'amount', unit: '万元', optional: true, hint: '留空则取下列各类预算项目资金之和' },
      { key: 'perfGpbProjects', label: '一般公共预算绩效自评项目个数', kind: 'count', unit: '个', formats: H },
      { key: 'perfGpbAmount', label: '一般公共预算绩效自评项目资金', kind: 'amount', unit: '万元', formats: H },
      { key: 'perfGfProjects', label: '政府性基金预算绩效自评项目个数', kind: 'count', unit: '个', formats: H, optional: true },
      { key: 'perfGfAmount', label: '政府性基金预算绩效自评项目资金', kind: 'amount', unit: '万元', formats: H, optional: true },
      { key: 'perfSocProjects', label: '国有资本经营预算绩效自评项目个数', kind: 'count', unit: '个', formats: H, optional: true },
      { key: 'perfSocAmount', label: '国有资本经营预算绩效自评项目资金', kind: 'amount', unit: '万元', formats: H, optional: true },
      { key: 'perfSsfProjects', label: '社会保险基金预算绩效自评项目个数', kind: 'count', unit: '个', formats: H, optional: true },
      { key: 'perfSsfAmount', label: '社会保险基金预算绩效自评项目资金', kind: 'amount', unit: '万元', formats: H, optional: true },
      { key: 'fullYearBudget', label: '整体支出全年预算数', kind: 'amount', unit: '万元', formats: H },
      { key: 'perfExecuted', label: '整体支出执行数', kind: 'amount', unit: '万元', formats: H, optional: true, hint: '留空则取公开03表本年支出合计' },
      { key: 'perfScore', label: '绩效自评得分', kind: 'score', unit: '分', formats: H },
      { key: 'perfGrade', label: '绩效自评评价等级', kind: 'text', formats: H, hint: '如：优' },
      { key: 'perfGoals', label: '绩效目标完成情况', kind: 'text', formats: H },
      { key: 'perfProblems', label: '发现的主要问题及原因', kind: 'text', formats: H },
      { key: 'perfMeasures', label: '下一步改进措施', kind: 'text', formats: H },
      { key: 'perfApplication', label: '评价结果应用情况', kind: 'text', formats: H },
      { key: 'perfTargetProjects', label: '编报绩效目标的项目个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfTargetAmount', label: '编报绩效目标的项目预算金额', kind: 'amount', unit: '万元', formats: S },
      { key: 'perfTrackProjects', label: '绩效跟踪评价的项目个数', kind: 'count', unit: '个', formats: S, hint: '没有则填 0' },
      { key: 'perfTrackAmount', label: '绩效跟踪评价的项目预算金额', kind: 'amount', unit: '万元', formats: S, hint: '没有则填 0' },
      { key: 'perfAvgScore', label: '绩效自评平均得分', kind: 'score', unit: '分', formats: S },
      { key: 'perfExcellent', label: '绩效评级为“优”的项目个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfGood', label: '绩效评级为“良”的项目个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfPass', label: '绩效评级为“合格”的项目个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfFail', label: '绩效评级为“不合格”的项目个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfIssues', label: '绩效自评发现问题个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfFixed', label: '已完成整改的问题个数', kind: 'count', unit: '个', formats: S },
      { key: 'perfFixing', label: '正在整改的问题个数', kind: 'count', unit: '个', formats: S },
    ],
  },
] as const satisfies ReadonlyArray<{ title: string; fields: readonly FieldDef[] }>;

type AllFields = (typeof FIELD_GROUPS)[number]['fields'][number];
export type FieldKey = AllFields['key'];
export type AmountKey = Extract<AllFields, { kind: 'amount' }>['key'];
export type CountKey = Extract<AllFields, { kind: 'count' }>['key'];
export type TextKey = Extract<AllFields, { kind: 'text' }>['key'];
export type ScoreKey = Extract<AllFields, { kind: 'score' }>['key'];

export const FIELDS: readonly FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields as readonly FieldDef[]);
export const FIELD_BY_KEY: ReadonlyMap<FieldKey, FieldDef> = new Map(FIELDS.map((f) => [f.key as FieldKey, f]));

export function fieldLabel(key: FieldKey): string {
  return FIELD_BY_KEY.get(key)?.label ?? key;
}

export function usesField(field: FieldDef, format: NarrativeFormat): boolean {
  return !field.formats || field.formats.includes(format);
}

/** The sheet's name, and the 项级科目 table's header labels (columns are found by these, in any order). */
export const SUPPLEMENT_SHEET = '说明数据';
export const ITEM_COLUMNS = {
  code: '科目代码',
  name: '科目名称',
  budget: '年初预算',
  fullYearBudget: '全年预算',
  usage: '主要用于',
  reason: '决算数与年初预算数差异的主要原因',
  actual: '支出决算（自动，仅供参考）',
} as const;
export type ItemColumn = keyof typeof ITEM_COLUMNS;
export const ITEM_TABLE_TITLE = '项级科目（年初预算、全年预算、主要用于、差异原因；按科目代码对应）';
