import type Decimal from 'decimal.js';
import type { AmountKey, CountKey } from '../../supplement/fields';
import type { NarrativeContext } from '../context';
import { isKnown } from '../figures/fig';
import type { NarrativeSection } from '../document';
import { formatScore, isZeroAmount, sum } from '../money';
import { completion, reason, section, shareOf, wan } from '../phrases';

/** 预算绩效: Hunan 十三 (绩效自评 by budget type, 整体支出 完成率, texts), Shanghai 十 (counts by rating). */

/** A table total as a share's denominator, when the table is there and its figure is not in doubt. */
function tableTotal(ctx: NarrativeContext, code: '05' | '07' | '08'): Decimal | undefined {
  if (!ctx.model[code]?.total) return undefined;
  const f = ctx.fig(`${code}.total`);
  return isKnown(f) ? f.value : undefined;
}

const TYPES: Array<{ name: string; projects: CountKey; amount: AmountKey; optional: boolean; whole?: (ctx: NarrativeContext) => Decimal | undefined }> = [
  { name: '一般公共预算', projects: 'perfGpbProjects', amount: 'perfGpbAmount', optional: false, whole: (ctx) => tableTotal(ctx, '05') },
  { name: '政府性基金预算', projects: 'perfGfProjects', amount: 'perfGfAmount', optional: true, whole: (ctx) => tableTotal(ctx, '07') },
  { name: '国有资本经营预算', projects: 'perfSocProjects', amount: 'perfSocAmount', optional: true, whole: (ctx) => tableTotal(ctx, '08') },
  { name: '社会保险基金预算', projects: 'perfSsfProjects', amount: 'perfSsfAmount', optional: true },
];

export function performanceSection(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  return ctx.format === 'hunan' ? hunan(ctx, number) : shanghai(ctx, number);
}

function hunan(ctx: NarrativeContext, number: string): NarrativeSection {
  const Y = ctx.yearText;
  const title = `关于${Y}预算绩效情况的说明`;
  const listed = TYPES.filter((t) => !t.optional || ctx.count(t.projects) !== undefined || ctx.amount(t.amount) !== undefined);
  const counts = listed.map((t) => ctx.count(t.projects));
  const amounts = listed.map((t) => ctx.amount(t.amount));
  const projects = ctx.count('perfProjects') ?? (counts.every((c) => c !== undefined) ? sum(counts as Decimal[]) : undefined);
  const money = ctx.amount('perfAmount') ?? (amounts.every((a) => a !== undefined) ? sum(amounts as Decimal[]) : undefined);
  const byType = listed.map((t, i) => {
    const n = counts[i] ? counts[i]!.toFixed(0) : ctx.missingField(t.projects);
    const a = amounts[i];
    const whole = t.whole?.(ctx);
    const share = a && whole && !isZeroAmount(whole) ? shareOf(a, whole, `占${t.name}支出总额的`) : undefined;
    return `${t.name}项目${n}个${a ? wan(a) : `${ctx.missingField(t.amount)}万元`}${share ? `，${share}` : ''}`;
  });
  const p1 =
    `（一）绩效评价工作开展情况。组织对${Y}本部门（单位）整体支出开展绩效自评，涉及项目${projects ? projects.toFixed(0) : ctx.missingField('perfProjects')}个，` +
    `共涉及资金${money ? wan(money) : `${ctx.missingField('perfAmount')}万元`}。其中，${byType.join('；')}。`;

  const budget = ctx.amount('fullYearBudget');
  const t03 = ctx.model['03']?.total || ctx.model['01']?.expense.totalExpense ? ctx.fig('03.total') : undefined;
  const executed = ctx.amount('perfExecuted') ?? (t03 && isKnown(t03) ? t03.value : undefined);
  const rate = budget && executed ? completion(executed, budget, '预算') : undefined;
  const score = ctx.score('perfScore');
  const p2 =
    `（二）绩效评价结果。${Y}本部门（单位）整体支出全年预算数${budget ? wan(budget) : `${ctx.missingField('fullYearBudget')}万元`}，` +
    `执行数${executed ? wan(executed) : `${ctx.missingField('perfExecuted')}万元`}${rate ? `，${rate}` : ''}，` +
    `绩效自评得分${score ? formatScore(score) : ctx.missingField('perfScore')}分，评价等级为“${reason(ctx.needText('perfGrade'))}”。` +
    `绩效目标完成情况：${reason(ctx.needText('perfGoals'))}。发现的主要问题及原因：${reason(ctx.needText('perfProblems'))}。` +
    `下一步改进措施：${reason(ctx.needText('perfMeasures'))}。`;
  const p3 = `（三）评价结果应用情况。${reason(ctx.needText('perfApplication'))}。`;
  return section('performance', number, title, [p1, p2, p3]);
}

function shanghai(ctx: NarrativeContext, number: string): NarrativeSection {
  const Y = ctx.yearText;
  const count = (k: CountKey) => ctx.needCount(k);
  const money = (k: AmountKey) => `${ctx.needMoney(k)}万元`;
  const score = ctx.score('perfAvgScore');
  // The template's three clauses: 编报绩效目标, 绩效跟踪评价, 绩效自评 (none is optional in it).
  let text = `${Y}，本部门编报绩效目标的${Y}项目${count('perfTargetProjects')}个，涉及预算金额${money('perfTargetAmount')}；`;
  text += `绩效跟踪评价的${Y}项目${count('perfTrackProjects')}个，涉及预算金额${money('perfTrackAmount')}；`;
  text +=
    `绩效自评的${Y}项目${count('perfProjects')}个，涉及预算金额${money('perfAmount')}，平均得分${score ? formatScore(score) : ctx.missingField('perfAvgScore')}分` +
    `（其中，绩效评级为“优”的项目${count('perfExcellent')}个；绩效评级为“良”的项目${count('perfGood')}个；` +
    `绩效评级为“合格”的项目${count('perfPass')}个；绩效评级为“不合格”的项目${count('perfFail')}个。` +
    `绩效自评中共发现问题${count('perfIssues')}个，已经完成整改的${count('perfFixed')}个，正在整改的${count('perfFixing')}个）。`;
  return section('performance', number, '预算绩效管理情况', [text]);
}
