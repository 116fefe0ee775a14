import type Decimal from 'decimal.js';
import type { AmountKey, CountKey } from '../../supplement/fields';
import type { NarrativeContext } from '../context';
import { compare } from '../change';
import type { NarrativeSection, SectionId } from '../document';
import { isKnown, known, type Fig } from '../figures/fig';
import { wanOf } from '../figures/state';
import { isZeroAmount, percentOf, sum, ZERO } from '../money';
import { cents, formatMoney, formatPercent } from '../../util/money';
import { changePhrase, reason, section, shareOf, wan } from '../phrases';

/** 机关运行经费, 一般性支出, 政府采购, 国有资产占用 — from 说明数据 (and 06 for 会议费/培训费). */

export const OPERATING_COST_DEFINITION =
  '机关运行经费是指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。';

/**
 * 机关运行经费 (domain.md N12): for 行政单位 and 参公事业单位 it is the 公用经费 of 06 (the 说明数据 may state it;
 * a different figure there is used and noted), for 事业单位 there is none, and with the 单位性质 unknown it is
 * asked for, never guessed.
 */
function operatingCost(ctx: NarrativeContext): Fig | 'institution' | undefined {
  const unit = ctx.supplement?.unitType?.value;
  if (unit?.kind === 'institution') return 'institution';
  const given = ctx.amount('operatingCost');
  if (given) return known(given);
  if (unit) return ctx.model['06'] ? ctx.fig('06.public') : { ask: () => ctx.missingField('operatingCost') };
  return undefined;
}

/**
 * Hunan 九 / Shanghai 十一（一）: “机关运行经费支出XXX万元，比2023年度增加（减少）XXX万元，增长（下降）XX%。主要原因是…”
 * (Hunan: “2024年度本单位机关运行经费支出…，比上年…”); none: “上海市XX局2024年度无机关运行经费支出。”; a Hunan
 * 事业单位: the definition and “不属于机关运行经费适用范围”.
 */
export function operatingCostSection(ctx: NarrativeContext, number: string, title: string): NarrativeSection {
  ctx.section = number;
  const hunan = ctx.format === 'hunan';
  const Y = ctx.yearText;
  const none = hunan ? `${Y}本单位无机关运行经费支出。` : `${ctx.unitName}${Y}无机关运行经费支出。`;
  const cost = operatingCost(ctx);
  const say = (text: string) => section('operating-cost', number, title, [text]);
  if (cost === 'institution') return say(hunan ? `${OPERATING_COST_DEFINITION}本单位为${ctx.supplement?.unitType?.value.text}，不属于机关运行经费适用范围。` : none);
  if (!cost && hunan) return say(`${OPERATING_COST_DEFINITION}本单位为${ctx.missingField('unitType')}。`);
  const figure = cost ?? unknownUnitType(ctx);
  if (isKnown(figure) && isZeroAmount(figure.value)) return say(none);
  const than = hunan ? '上年' : ctx.priorYearText;
  const head = `${hunan ? `${Y}本单位` : ''}机关运行经费支出${wanOf(figure)}`;
  const c = compare(ctx, figure, ctx.amount('priorOperatingCost'), '机关运行经费', 'priorOperatingCost');
  if (!('unknown' in c) && c.change.direction === 'flat') return say(`${head}，与${than}持平。`);
  return say(`${head}，比${than}${'unknown' in c ? c.unknown : changePhrase(c.change)}。主要原因是${reason(ctx.needText('reasonOperatingCost'))}。`);
}

/** Shanghai, 单位性质 unknown: the figure is asked for, with what it would be for a 行政单位. */
function unknownUnitType(ctx: NarrativeContext): Fig {
  const slot = ctx.supplement?.slots.unitType;
  const publicCost = ctx.model['06'] ? ctx.fig('06.public') : undefined;
  const prefill = publicCost && isKnown(publicCost) ? `（行政单位和参照公务员法管理的事业单位取公开06表公用经费合计 ${formatMoney(publicCost.value)} 万元，事业单位写“无机关运行经费支出”）` : '';
  const need = `的机关运行经费取决于单位性质${prefill}，${ctx.fillHint(['unitType'])}`;
  return { ask: () => ctx.placeholder('operating-cost:unit-type', '机关运行经费支出', need, slot ? [slot] : [], undefined, 'narrative-missing-input') };
}

/** Hunan 十 一般性支出: 会议费 and 培训费 (← 说明数据, else 06 30215/30216), 节庆、晚会、论坛、赛事. */
export function generalExpenseSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '一般性支出情况说明';
  const clause = (what: '会议费' | '培训费', key: AmountKey, code: string, purpose: 'meetingPurpose' | 'trainingPurpose', persons: CountKey, content: 'meetingContent' | 'trainingContent') => {
    const given = ctx.amount(key);
    const t06 = ctx.model['06'];
    const item = t06?.items.find((i) => i.code === code);
    if (given && item && !cents(given).eq(cents(item.amount.value)))
      ctx.report(
        'narrative-source-conflict',
        'info',
        `说明数据中的${what} ${formatMoney(given)} 万元与公开06表${code}${what} ${formatMoney(item.amount.value)} 万元（${item.amount.cell}）不同（${what}可含项目支出）；情况说明第${number}部分采用说明数据。`,
        [ctx.supplement?.amounts[key]?.cell ?? '', item.amount.cell].filter(Boolean),
        '06',
      );
    const value: Decimal | undefined = given ?? (t06 ? item?.amount.value ?? ZERO : undefined);
    if (value === undefined) return `开支${what}${ctx.missingField(key)}万元`;
    if (isZeroAmount(value)) return `未开支${what}`;
    return `开支${what}${wan(value)}，用于${reason(ctx.needText(purpose))}，人数${ctx.needCount(persons)}人，内容为${reason(ctx.needText(content))}`;
  };
  const meeting = clause('会议费', 'meetingAmount', '30215', 'meetingPurpose', 'meetingPersons', 'meetingContent');
  const training = clause('培训费', 'trainingAmount', '30216', 'trainingPurpose', 'trainingPersons', 'trainingContent');
  const festival = ctx.amount('festivalAmount');
  const content = ctx.text('festivalContent');
  const festivalText =
    festival === undefined
      ? `开支节庆、晚会、论坛、赛事活动经费${ctx.missingField('festivalAmount')}万元`
      : isZeroAmount(festival)
        ? '本单位无举办节庆、晚会、论坛、赛事活动'
        : `开支节庆、晚会、论坛、赛事活动经费${wan(festival)}${content ? `，用于${reason(content)}` : ''}`;
  return section('general-expense', number, title, [`${ctx.yearText}本部门${meeting}；${training}；${festivalText}。`]);
}

export function procurementSection(ctx: NarrativeContext, number: string, title: string): NarrativeSection {
  ctx.section = number;
  const id: SectionId = 'procurement';
  const Y = ctx.yearText;
  const parts = (['procGoods', 'procWorks', 'procServices'] as const).map((k) => ctx.amount(k));
  const total = ctx.amount('procTotal') ?? (parts.every((p) => p !== undefined) ? sum(parts as Decimal[]) : undefined);
  const money = (k: AmountKey) => `${ctx.needMoney(k)}万元`;
  if (total && isZeroAmount(total) && parts.every((p) => p === undefined || isZeroAmount(p)))
    return section(id, number, title, [ctx.format === 'hunan' ? `本部门${Y}无政府采购支出。` : `${Y}本部门无政府采购支出。`]);
  const totalText = total ? wan(total) : `${ctx.missingField('procTotal')}万元`;
  if (ctx.format === 'shanghai') {
    return section(id, number, title, [
      `${Y}本部门政府采购金额（以合同签订为准）为${totalText}，其中：货物采购金额${money('procGoods')}、工程采购金额${money('procWorks')}、服务采购金额${money('procServices')}。` +
        `${Y}本部门面向中小企业预留政府采购项目预算金额${money('procReservedSme')}，面向小微企业预留政府采购项目预算金额${money('procReservedSmall')}。` +
        `在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额${money('procReservedSmeWon')}；` +
        `在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额${money('procReservedSmallWon')}；` +
        `在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额${money('procOtherSmeWon')}。`,
    ]);
  }
  let text = `本部门${Y}政府采购支出总额${totalText}，其中：政府采购货物支出${money('procGoods')}、政府采购工程支出${money('procWorks')}、政府采购服务支出${money('procServices')}。`;
  const sme = ctx.amount('procSme');
  const small = ctx.amount('procSmall');
  const smeShare = sme && total ? shareOf(sme, total, '占政府采购支出总额的') : undefined;
  text += `授予中小企业合同金额${sme ? wan(sme) : money('procSme')}${smeShare ? `，${smeShare}` : ''}`;
  const smallShare = small && sme ? shareOf(small, sme, '占授予中小企业合同金额的') : undefined;
  text += `，其中：授予小微企业合同金额${small ? wan(small) : money('procSmall')}${smallShare ? `，${smallShare}` : ''}。`;
  const categories: Array<[AmountKey, Decimal | undefined, string]> = [
    ['procSmeGoods', parts[0], '货物'],
    ['procSmeWorks', parts[1], '工程'],
    ['procSmeServices', parts[2], '服务'],
  ];
  const shares = categories.flatMap(([key, whole, label]) => {
    const part = ctx.amount(key);
    const p = part && whole ? percentOf(part, whole) : undefined;
    return p ? [`${label}采购授予中小企业合同金额占${label}支出金额的${formatPercent(p)}`] : [];
  });
  if (shares.length) text += `${shares.join('，')}。`;
  return section(id, number, title, [text]);
}

const VEHICLES: Array<[CountKey, string, string]> = [
  ['vehiclesMinister', '副部（省）级以上领导用车', '部级领导干部用车'],
  ['vehiclesLeader', '主要负责人用车', '主要领导干部用车'],
  ['vehiclesConfidential', '机要通信用车', '机要通信用车'],
  ['vehiclesEmergency', '应急保障用车', '应急保障用车'],
  ['vehiclesLaw', '执法执勤用车', '执法执勤用车'],
  ['vehiclesSpecial', '特种专业技术用车', '特种专业技术用车'],
  ['vehiclesRetired', '离退休干部服务用车', '离退休干部用车'],
  ['vehiclesOther', '其他用车', '其他用车'],
];

export function assetsSection(ctx: NarrativeContext, number: string, title: string): NarrativeSection {
  ctx.section = number;
  const hunan = ctx.format === 'hunan';
  const given = VEHICLES.map(([k]) => ctx.count(k));
  const stated = ctx.count('vehiclesTotal');
  const known = sum(given.filter((g): g is Decimal => g !== undefined));
  // With the total stated and the filled categories adding up to it, a blank category is 0 (arithmetic, not a guess).
  const blankIsZero = stated !== undefined && known.eq(stated);
  const total = stated ?? (given.every((g) => g !== undefined) ? known : undefined);
  const cats = VEHICLES.map(([k, hunanName, shanghaiName], i) => {
    const v = given[i];
    const n = v ? v.toFixed(0) : blankIsZero ? '0' : ctx.missingField(k);
    return `${hunan ? hunanName : shanghaiName}${n}辆`;
  });
  const totalText = total ? total.toFixed(0) : ctx.missingField('vehiclesTotal');
  const equipment = ctx.needCount('equipmentCount');
  const text = hunan
    ? `截至${ctx.yearEnd}，本部门（单位）共有车辆${totalText}辆，其中，${cats.join('、')}；单位价值100万元以上设备（不含车辆）${equipment}台（套）。`
    : `截至${ctx.yearEnd}，${ctx.unitName}共有车辆${totalText}辆，其中：${cats.join('、')}。单价100万元（含）以上设备（不含车辆）${equipment}台（套）。`;
  return section('assets', number, title, [text]);
}

