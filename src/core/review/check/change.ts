import { comparisonWord } from '../../narrative/money';
import { cents, formatMoney } from '../../util/money';
import type { ChangeClaim, CompareClaim, Direction, FlatClaim } from '../claims';
import type { CheckContext } from './context';
import { checkChangeRate, truth } from './percent';

/**
 * Changes against the prior year and comparisons with the budget: the 增减额 = 本年 − 上年, the direction words
 * against its sign (both directions at once is a contradiction; a 增减额 of 0 with a direction word is 持平),
 * 大于/小于/持平/等于 against the two figures, 持平 where they differ.
 */
export function checkChange(c: ChangeClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const { current, prior, cells } = truth(subj, ctx, c.statedCurrent);
  const delta = current !== undefined && prior !== undefined ? cents(current).minus(cents(prior)) : undefined;
  const name = subj?.name ?? '';
  ctx.checked++;
  if (isContradiction(c.directions)) {
    const right = delta === undefined || delta.isZero() ? undefined : delta.isPositive() ? '增加' : '减少';
    ctx.r.add('review-direction', 'error', c.quote, c.section, `“${c.words}”同时写了增加和减少，自相矛盾${right ? `；按本年 ${formatMoney(current!)} 万元、上年 ${formatMoney(prior!)} 万元计算，应为“${right}${formatMoney(delta!.abs())}万元”` : ''}。`, {
      cells,
      ...(right ? { expected: right, actual: c.words } : { actual: c.words }),
    });
    return;
  }
  if (c.directions.length === 1 && cents(c.figure.value).isZero() && (delta === undefined || delta.isZero())) {
    ctx.r.add('review-direction', 'error', c.quote, c.section, `增减额为 0 时应表述为“持平”，不应写“${c.words}”。`, { cells, expected: '持平', actual: c.words });
    return;
  }
  if (delta !== undefined && c.directions.length === 1) {
    if (delta.isZero()) {
      if (!cents(c.figure.value).isZero())
        ctx.r.add('review-direction', 'error', c.quote, c.section, `${name}本年与上年均为 ${formatMoney(current!)} 万元，应表述为“持平”。`, { cells, expected: '持平', actual: c.words });
      return;
    }
    const right: Direction = delta.isPositive() ? 'up' : 'down';
    if (c.directions[0] !== right)
      ctx.r.add('review-direction', 'error', c.quote, c.section, `${name}本年 ${formatMoney(current!)} 万元，上年 ${formatMoney(prior!)} 万元，应为“${right === 'up' ? '增加' : '减少'}”，文中写“${c.words}”。`, {
        cells,
        expected: right === 'up' ? '增加' : '减少',
        actual: c.words,
      });
  }
  if (delta !== undefined && !delta.isZero() && !cents(c.figure.value).eq(delta.abs()))
    ctx.r.add('review-amount', 'error', c.quote, c.section, `${name}增减额应为 ${formatMoney(delta.abs())} 万元（本年 ${formatMoney(current!)} 万元，上年 ${formatMoney(prior!)} 万元），文中为 ${formatMoney(c.figure.value)} 万元。`, {
      cells,
      expected: formatMoney(delta.abs()),
      actual: formatMoney(c.figure.value),
      difference: formatMoney(cents(c.figure.value).minus(delta.abs())),
    });
}

export function checkRate(c: ChangeClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const { current, prior, cells } = truth(subj, ctx, c.statedCurrent);
  const delta = current !== undefined && prior !== undefined ? cents(current).minus(cents(prior)) : undefined;
  const name = subj?.name ?? '';
  const rateWord = (d: Direction) => (d === 'up' ? '增长' : '下降');
  if (isContradiction(c.directions)) {
    ctx.checked++;
    ctx.r.add('review-direction', 'error', c.quote, c.section, `“${c.words}”同时写了增长和下降，自相矛盾。`, { cells, actual: c.words });
  } else if (c.directions.length === 1) {
    const right: Direction | undefined =
      delta !== undefined && !delta.isZero() ? (delta.isPositive() ? 'up' : 'down') : c.amount && c.amount.directions.length === 1 ? c.amount.directions[0] : undefined;
    if (right && c.directions[0] !== right)
      ctx.r.add(
        'review-direction',
        'error',
        c.quote,
        c.section,
        delta !== undefined ? `${name}比上年${right === 'up' ? '增加' : '减少'}，应为“${rateWord(right)}”，文中写“${c.words}”。` : `增减额写“${right === 'up' ? '增加' : '减少'}”，增减率却写“${c.words}”，方向不一致。`,
        { cells, expected: rateWord(right), actual: c.words },
      );
  }
  checkChangeRate(c, ctx, name, delta, prior, cells);
}

export function checkCompare(c: CompareClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const actual = truth(subj, ctx).current;
  const other = c.against === 'budget' ? subj?.budget.find((b) => !ctx.doubts.doubtOf(b.cells))?.value : truth(subj, ctx).prior;
  const statedOther = c.against === 'budget' ? c.statedBudget : c.statedPrior;
  const options: Array<[typeof actual, typeof actual]> = [
    [c.statedActual ?? actual, statedOther ?? other],
    [actual, other],
  ];
  const known = options.filter((o): o is [NonNullable<typeof actual>, NonNullable<typeof actual>] => o[0] !== undefined && o[1] !== undefined);
  if (known.length === 0) return;
  ctx.checked++;
  const words = known.map(([a, b]) => comparisonWord(a, b));
  if (words.includes(c.word)) return;
  const [a, b] = known[0];
  const against = c.against === 'budget' ? '预算数' : '上年数';
  const right = words[0];
  ctx.r.add('review-direction', 'error', c.quote, c.section, `${subj?.name ?? ''}决算数 ${formatMoney(a)} 万元${right === '持平' ? '与' : right}${against} ${formatMoney(b)} 万元${right === '持平' ? '持平' : ''}，文中写“${c.written}”。`, {
    cells: [...(subj?.actual[0]?.cells ?? []), ...((c.against === 'budget' ? subj?.budget[0]?.cells : subj?.prior[0]?.cells) ?? [])],
    expected: right,
    actual: c.written,
  });
}

export function checkFlat(c: FlatClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const { current, prior, cells } = truth(subj, ctx, c.statedCurrent);
  if (current === undefined || prior === undefined) return;
  ctx.checked++;
  const delta = cents(current).minus(cents(prior));
  if (delta.isZero()) return;
  ctx.r.add('review-direction', 'error', c.quote, c.section, `${subj?.name ?? ''}本年 ${formatMoney(current)} 万元，上年 ${formatMoney(prior)} 万元，${delta.isPositive() ? '增加' : '减少'} ${formatMoney(delta.abs())} 万元，并非持平。`, {
    cells,
    expected: `${delta.isPositive() ? '增加' : '减少'}${formatMoney(delta.abs())}`,
    actual: '持平',
  });
}

function isContradiction(d: Direction[]): boolean {
  return d.includes('up') && d.includes('down');
}
