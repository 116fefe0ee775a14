import Decimal from 'decimal.js';
import { tableLabel } from '../../tables/codes';
import type { NarrativeContext } from '../context';
import { cents, formatMoney, formatPercent, percentOf } from '../money';
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
  const where = `情况说明第${ctx.section}部分`;
  switch (resolution.kind) {
    case 'printed':
      return { value: resolution.witness.value, cells: resolution.witness.cells };
    case 'substituted': {
      const chosen = resolution.witness;
      const primary = resolution.primary;
      ctx.once(`figure:${key}`, () => {
        const written = `${where}的“${spec.label}”写为 ${formatMoney(chosen.value)} 万元`;
        const others = resolution.outvoted.filter((w) => w !== primary);
        const message = primary
          ? `${described(primary)}，而${resolution.supporters.map(described).join('、')}${resolution.supporters.length > 1 ? '，彼此一致' : ''}${others.length ? `（${others.map(described).join('、')}，亦不一致）` : ''}；${written}，请核对${tableLabel(spec.table)}。`
          : `${tableLabel(spec.table)}未找到或未能读取“${spec.label}”，${described(chosen)}；${written}。`;
        ctx.report('narrative-figure-substituted', 'warning', message, cellsOf([primary, ...resolution.supporters, ...resolution.outvoted]), spec.table);
      });
      return { value: chosen.value, cells: chosen.cells };
    }
    case 'doubtful': {
      const witnesses = resolution.witnesses;
      return {
        ask: () =>
          ctx.placeholder(`figure:${key}`, `${spec.label}（公开${spec.table}表${witnesses.length === 0 ? '未能读取' : '数据存疑'}）`, (ph) =>
            witnesses.length === 0
              ? `${where}需要“${spec.label}”，但${tableLabel(spec.table)}未找到或未能读取，其他各表也不能推得；文中暂写为${ph}。`
              : `${where}需要“${spec.label}”，但${witnesses.map(described).join('，')}，${witnesses.length > 1 ? '互不一致' : '与表内勾稽关系不符'}，无法确定哪一个正确；文中暂写为${ph}，请核对${tableLabel(spec.table)}后重新生成。`,
            cellsOf(witnesses),
            spec.table,
          ),
      };
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
  if (!why || !isKnown(part) || !isKnown(whole)) return part;
  return {
    ask: () =>
      ctx.placeholder(
        `impossible:${label}:${ctx.section}`,
        `${label}（表内数据存疑）`,
        (ph) => `情况说明第${ctx.section}部分的“${label}”按表中数为 ${formatMoney(part.value)} 万元，${why}，不可能成立；文中暂写为${ph}，请核对所列单元格后重新生成。`,
        [...part.cells, ...whole.cells],
        undefined,
        'narrative-impossible-figure',
      ),
  };
}

/** Why a part cannot stand beside its whole, if it cannot: negative, or larger beyond the rounding bound. */
function impossible(part: Fig, whole: Fig, wholeLabel: string): string | undefined {
  if (!isKnown(part) || !isKnown(whole)) return undefined;
  if (part.value.isNegative()) return '为负数';
  const bound = HALF_CENT.mul(part.cells.length + whole.cells.length || 1);
  return part.value.minus(whole.value).gt(bound) ? `大于${wholeLabel} ${formatMoney(whole.value)} 万元` : undefined;
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
    const cells = [...(isKnown(part) ? part.cells : []), ...(isKnown(whole) ? whole.cells : [])];
    const ph = ctx.placeholder(
      `share:${label}:${prefix}:${ctx.section}`,
      `${label}占比`,
      (p) =>
        why && isKnown(part)
          ? `情况说明第${ctx.section}部分的“${label}”按表中数为 ${formatMoney(part.value)} 万元，${why}，算出的占比不可能成立；文中暂写为${p}，请核对所列单元格后重新生成。`
          : `情况说明第${ctx.section}部分的“${label}”占比取决于存疑的金额（见相关提示）；文中暂写为${p}。`,
      cells,
      undefined,
      why ? 'narrative-impossible-figure' : 'narrative-figure-doubtful',
    );
    return `${prefix}${ph}%`;
  }
  const p = percentOf(part.value, whole.value);
  if (!p) return undefined;
  const hundred = new Decimal(100);
  return `${prefix}${formatPercent(p.gt(hundred) ? hundred : p)}`;
}
