import type Decimal from 'decimal.js';
import type { AmountKey } from '../supplement/fields';
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
  const cells = keys.flatMap((k) => ctx.supplement?.slots[k] ?? []);
  const how = prior ? '本年数尚缺或存疑（见相关提示）' : ctx.fillHint(keys);
  // Last year's 决算 was given and could not answer: the first blank says why, in words (src/core/sources).
  const gap = prior ? undefined : keys.map((k) => ctx.supplement?.gaps?.[k]).find(Boolean);
  const ask = (label: string, why = '') =>
    ctx.placeholder(`change:${keys.join('+')}:${label}`, `${label}${why}`, `需要${what}与上年相比的${label.slice(what.length)}，${how}（填好后自动算出增减额和增减率）`, cells, undefined, 'narrative-missing-input');
  return { unknown: `增加/减少${ask(`${what}增减额`, gap ? `（${gap}）` : '')}万元，增长/下降${ask(`${what}增减率`)}%` };
}
