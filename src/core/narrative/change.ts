import type Decimal from 'decimal.js';
import { fieldLabel, SUPPLEMENT_SHEET, type AmountKey } from '../supplement/fields';
import type { NarrativeContext } from './context';
import { isKnown, type Fig } from './figures/fig';
import { changeOf, type Change } from './money';

/**
 * 同比 (this year against the last): known only when both figures are. When the prior-year figure (说明数据) or
 * this year's (a table in doubt) is missing, the Shanghai shape keeps the template's words with one placeholder
 * per unknown number — “增加/减少【请填写：…增减额】万元，增长/下降【请填写：…增减率】%” — and the direction words
 * stay both, since only the numbers can choose between them.
 */

export type Comparison = { change: Change } | { unknown: string };

/**
 * `what`: the figure's name in the placeholder (“收入支出总计”); `priorKey`: the 说明数据 line that makes the
 * change computable.
 */
export function compare(ctx: NarrativeContext, current: Fig, prior: Decimal | undefined, what: string, priorKeys: AmountKey | AmountKey[]): Comparison {
  if (prior && isKnown(current)) return { change: changeOf(current.value, prior) };
  const keys = Array.isArray(priorKeys) ? priorKeys : [priorKeys];
  const cells = keys.map((k) => ctx.supplement?.slots[k]).filter((c): c is string => c !== undefined);
  const cell = cells.length === keys.length ? cells.map((c) => c.split('!').pop()).join('、') : undefined;
  const input = keys.map((k) => `“${fieldLabel(k)}”`).join('和');
  const how = prior
    ? '本年数尚缺或存疑（见相关提示），补齐后重新生成即可算出'
    : !ctx.supplement
      ? `工作簿中没有“${SUPPLEMENT_SHEET}”工作表，请生成模板后填写${input}，增减额和增减率即自动算出`
      : cell
        ? `请在工作表“${ctx.supplement.sheet}”${cell}填写${input}，增减额和增减率即自动算出`
        : `请在工作表“${ctx.supplement.sheet}”中增加${input}一行并填写`;
  const ask = (label: string) =>
    ctx.placeholder(`change:${keys.join('+')}:${label}`, label, (ph) => `情况说明第${ctx.section}部分需要${what}与上年相比的${label.slice(what.length)}，${how}；文中暂写为${ph}。`, cells, undefined, 'narrative-missing-input');
  return { unknown: `增加/减少${ask(`${what}增减额`)}万元，增长/下降${ask(`${what}增减率`)}%` };
}
