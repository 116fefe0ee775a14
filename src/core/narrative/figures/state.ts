import Decimal from 'decimal.js';
import { tableLabel } from '../../tables/codes';
import type { NarrativeContext } from '../context';
import { percentOf } from '../money';
import { cents, formatMoney, formatPercent } from '../../util/money';
import type { FigureKey } from './catalogue';
import { isKnown, type Fig } from './fig';
import type { Witness } from './witness';

/**
 * Turning resolved figures into text, with the findings that say why a figure is not the printed one or not
 * stated at all. Every rule here prevents an impossible figure: a share over 100% or under 0%, a part larger than
 * its whole, a figure two tables disagree on.
 */

const HALF_CENT = new Decimal('0.005');

function cellsOf(witnesses: ReadonlyArray<Witness | undefined>): string[] {
  return [...new Set(witnesses.flatMap((w) => w?.cells ?? []))];
}

function described(w: Witness): string {
  return `${w.how}${w.cells.length === 1 ? `（${w.cells[0]}）` : ''}为 ${formatMoney(w.value)} 万元`;
}

/** A table figure as the narrative states it (see figures/index.ts for the policy). */
export function stateFigure(ctx: NarrativeContext, key: FigureKey): Fig {
  const { spec, resolution } = ctx.figures.get(key);
  switch (resolution.kind) {
    case 'printed':
      return { value: resolution.witness.value, cells: resolution.witness.cells };
    case 'substituted': {
      const chosen = resolution.witness;
      const primary = resolution.primary;
      ctx.once(`figure:${key}`, () => {
        const against = primary ? `${described(primary)}，而` : `${tableLabel(spec.table)}未找到或未能读取此数，`;
        const message = `${against}${resolution.supporters.map(described).join('、')}；情况说明第${ctx.section}部分的“${spec.label}”写为 ${formatMoney(chosen.value)} 万元，请核对${tableLabel(spec.table)}。`;
        ctx.report('narrative-figure-substituted', 'warning', message, cellsOf([primary, ...resolution.supporters, ...resolution.outvoted]), spec.table);
      });
      return { value: chosen.value, cells: chosen.cells };
    }
    case 'doubtful': {
      const ws = resolution.witnesses;
      const why = ws.length ? `${ws.map(described).join('，')}，无法确定哪一个正确` : `${tableLabel(spec.table)}未找到或未能读取，其他各表也不能推得`;
      const need = `需要“${spec.label}”，但${why}（请核对${tableLabel(spec.table)}后重新生成）`;
      return { ask: () => ctx.placeholder(`figure:${key}`, `${spec.label}（公开${spec.table}表${ws.length ? '数据存疑' : '未能读取'}）`, need, cellsOf(ws), spec.table) };
    }
  }
}

/** “519.63万元” or “【请填写：…】万元”. */
export function wanOf(f: Fig): string {
  return isKnown(f) ? `${formatMoney(f.value)}万元` : `${f.ask()}万元`;
}

/**
 * A part as it may stand beside its whole: a negative part, or one larger than the whole beyond the rounding
 * bound, is impossible — one of the two is wrong, and the part is not stated (a placeholder and a warning).
 */
export function partOf(ctx: NarrativeContext, part: Fig, whole: Fig, label: string, wholeLabel: string): Fig {
  const why = impossible(part, whole, wholeLabel);
  if (!why) return part;
  const need = `的“${label}”${why}，不可能成立（请核对所列单元格后重新生成）`;
  return { ask: () => ctx.placeholder(`impossible:${label}:${ctx.section}`, `${label}（表内数据存疑）`, need, cellsOfFigs(part, whole), undefined, 'narrative-impossible-figure') };
}

function cellsOfFigs(...figs: Fig[]): string[] {
  return figs.flatMap((f) => (isKnown(f) ? f.cells : []));
}

/** Why a part cannot stand beside its whole, if it cannot: negative, or larger beyond the rounding bound. */
function impossible(part: Fig, whole: Fig, wholeLabel: string): string | undefined {
  if (!isKnown(part) || !isKnown(whole)) return undefined;
  const bound = HALF_CENT.mul(part.cells.length + whole.cells.length || 1);
  const is = `按表中数为 ${formatMoney(part.value)} 万元，`;
  if (part.value.isNegative()) return `${is}为负数`;
  return part.value.minus(whole.value).gt(bound) ? `${is}大于${wholeLabel} ${formatMoney(whole.value)} 万元` : undefined;
}

/**
 * “占79.03%” — part / whole from the displayed amounts; undefined when the whole is 0 (no rate on a zero
 * denominator). A part that is a question makes the share one too, and so does a part its whole cannot hold
 * (never a share over 100% or under 0%); within the rounding bound a part above its whole is 100.00%.
 */
export function shareText(ctx: NarrativeContext, part: Fig, whole: Fig, label: string, prefix = '占', wholeLabel = '合计'): string | undefined {
  if (isKnown(whole) && cents(whole.value).isZero()) return undefined;
  const why = impossible(part, whole, wholeLabel);
  if (!isKnown(part) || !isKnown(whole) || why) {
    const need = `的“${label}”占比无法从表中数算出${why ? `：${why}` : '（金额存疑，见相关提示）'}`;
    return `${prefix}${ctx.placeholder(`share:${label}:${prefix}:${ctx.section}`, `${label}占比`, need, cellsOfFigs(part, whole), undefined, why ? 'narrative-impossible-figure' : undefined)}%`;
  }
  const p = percentOf(part.value, whole.value);
  if (!p) return undefined;
  const hundred = new Decimal(100);
  return `${prefix}${formatPercent(p.gt(hundred) ? hundred : p)}`;
}
