import Decimal from 'decimal.js';
import type { Severity } from '../../findings/finding';
import { cents, formatPercent } from '../../util/money';
import type { ChangeClaim, CompletionClaim, ShareClaim } from '../claims';
import { trusted, type Doubted } from '../judge';
import type { ReviewRule } from '../schema';
import type { SectionKind } from '../sections';
import type { Source, Subject } from '../sources';
import type { CheckContext } from './context';

/**
 * A percentage is right when it equals, within 0.01 point, a ratio of 2-decimal amounts: the tables' (the
 * sources that deserve trust), or the ones its own sentence states (a rate that follows the text's own wrong
 * budget is not a second error: the budget is reported). Policy for a zero denominator: never a rate — any
 * rate over a 0 budget, a 0 prior year or a 0 whole is a warning (review-zero-denominator), except a 0% share
 * of a 0 whole (the Hunan habit of listing every line), which is info. A value the tables give that cannot be
 * (a share over 100%) is never proposed: the tables are in doubt.
 */
const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);

type Pair = [Decimal | undefined, Decimal | undefined];

interface Frame {
  rule: ReviewRule;
  /** [part, whole] candidates: the tables' first, then the text's own. */
  pairs: Pair[];
  /** The denominator as the text states it (checked for zero first). */
  statedWhole?: Decimal;
  what: string;
  zeroAdvice: string;
  cells: string[];
  /** Sources set aside as doubted, and the ratio they would give (to report the doubt when nothing else is usable). */
  doubted: Doubted[];
  doubtedPairs: Pair[];
}

function percentage(c: ShareClaim | CompletionClaim | ChangeClaim, ctx: CheckContext, fr: Frame): void {
  const f = c.figure;
  const stated = f.value;
  const usable = fr.pairs.filter((p): p is [Decimal, Decimal] => p[0] !== undefined && p[1] !== undefined);
  const wholes = fr.statedWhole !== undefined ? [fr.statedWhole] : usable.map(([, w]) => w);
  if (wholes.length > 0 && wholes.every((w) => cents(w).isZero())) {
    ctx.checked++;
    const zeroPart = usable.length > 0 ? usable.every(([p]) => cents(p).isZero()) : stated.isZero();
    const severity: Severity = fr.rule === 'review-share' && zeroPart && stated.isZero() ? 'info' : 'warning';
    ctx.r.add('review-zero-denominator', severity, c.quote, c.section, `${fr.what}的分母为 0${zeroPart ? '、分子也为 0' : ''}，比率无意义，不应写“${f.raw}%”。${fr.zeroAdvice}`, {
      cells: fr.cells,
      actual: `${f.raw}%`,
    });
    return;
  }
  const ratios = usable.filter(([, w]) => !cents(w).isZero()).map(([p, w]) => cents(p).div(cents(w)).mul(HUNDRED));
  if (ratios.length === 0) {
    // Nothing sound to compare with: a doubted table decides nothing, unless the text agrees with it anyway.
    const doubtedRatios = fr.doubtedPairs
      .filter((p): p is [Decimal, Decimal] => p[0] !== undefined && p[1] !== undefined && !cents(p[1]).isZero())
      .map(([p, w]) => cents(p).div(cents(w)).mul(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    if (fr.doubted.length > 0) {
      ctx.checked++;
      if (!doubtedRatios.some((x) => x.minus(stated).abs().lte(new Decimal('0.01')))) ctx.doubtLog.unsettled(c.quote, c.section, fr.doubted, []);
    }
    return;
  }
  ctx.checked++;
  const rounded = ratios.map((x) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  const best = Decimal.min(...rounded.map((x) => stated.minus(x).abs()));
  if (best.isZero()) return;
  const expected = rounded[0];
  if (f.decimals < 2 && rounded.some((x) => x.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP).eq(stated))) {
    ctx.r.precisionReported.add(f.span.start);
    ctx.r.add('review-format', 'warning', c.quote, c.section, `${fr.what}按两位小数应为 ${formatPercent(expected)}，文中只写到 ${f.decimals} 位小数（“${f.raw}%”）。`, {
      cells: fr.cells,
      expected: formatPercent(expected),
      actual: formatPercent(stated),
    });
    return;
  }
  if (fr.rule === 'review-share' && (expected.gt(HUNDRED) || expected.isNegative())) {
    ctx.doubtLog.impossible(c.quote, c.section, fr.what, `按表格计算${fr.what}为 ${formatPercent(expected)}，占比不可能${expected.isNegative() ? '为负' : '超过 100%'}，部分与合计的数字不能同时正确`, fr.cells);
    return;
  }
  const truncated = ratios.some((x) => x.toDecimalPlaces(2, Decimal.ROUND_DOWN).eq(stated));
  if (best.lte(new Decimal('0.01'))) {
    ctx.near.push({ claim: c, rule: fr.rule, expected, truncated, message: fr.what, cells: fr.cells });
    return;
  }
  ctx.r.add(fr.rule, 'error', c.quote, c.section, `${fr.what}应为 ${formatPercent(expected)}，文中为 ${formatPercent(stated)}，相差 ${stated.minus(expected).abs().toFixed(2)} 个百分点（容差 0.01）。`, {
    cells: fr.cells,
    expected: formatPercent(expected),
    actual: formatPercent(stated),
    difference: stated.minus(expected).toFixed(2),
    tolerance: '0.01',
  });
}

/** Differences of 0.01 point: truncation (info, noted as such), shares forced to total 100% (warning), otherwise info. */
export function settleNear(ctx: CheckContext, shares: readonly ShareClaim[]): void {
  for (const n of ctx.near) {
    const c = n.claim;
    const stated = c.figure.value;
    let severity: Severity = 'info';
    let why = '相差 0.01 个百分点（在容差内）';
    if (n.truncated) why = '是截断而非四舍五入的结果';
    else if (c.kind === 'share') {
      const group = shares.filter((x) => x.section === c.section && x.base === c.base);
      const total = group.reduce((acc, x) => acc.plus(x.figure.value), ZERO);
      if (group.length > 1 && total.eq(HUNDRED)) {
        severity = 'warning';
        why = '各项占比被调整为合计 100%';
      }
    }
    ctx.r.add(n.rule, severity, c.quote, c.section, `${n.message}按四舍五入应为 ${formatPercent(n.expected)}，文中为 ${formatPercent(stated)}，${why}。`, {
      cells: n.cells,
      expected: formatPercent(n.expected),
      actual: formatPercent(stated),
      difference: stated.minus(n.expected).toFixed(2),
      tolerance: '0.01',
    });
  }
}

function sound(sources: readonly Source[] | undefined, ctx: CheckContext): { value?: Decimal; source?: Source; doubted: Doubted[]; raw?: Decimal } {
  if (!sources || sources.length === 0) return { doubted: [] };
  const t = trusted(sources, ctx.doubts);
  return { value: t.source?.value, source: t.source, doubted: t.doubted, raw: sources[0].value };
}

export function checkShare(c: ShareClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const baseKey = c.base ?? subj?.base ?? defaultBase(c.section.kind);
  if (!baseKey || baseKey === 'none') return;
  const base = ctx.subjects.get(baseKey);
  const part = sound(subj?.actual, ctx);
  const whole = sound(base?.actual, ctx);
  percentage(c, ctx, {
    rule: 'review-share',
    pairs: [
      [part.value, whole.value],
      [c.part ?? part.value, c.whole ?? whole.value],
      [c.part, whole.value],
      [part.value, c.whole],
    ],
    statedWhole: c.whole,
    what: `${subj?.name ?? '该项'}占${base?.name ?? '合计'}的比重`,
    zeroAdvice: '',
    cells: [...(part.source?.cells ?? []), ...(whole.source?.cells ?? [])],
    doubted: [...part.doubted, ...whole.doubted],
    doubtedPairs: [[part.raw, whole.raw]],
  });
}

export function checkCompletion(c: CompletionClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  const actual = sound(subj?.actual, ctx);
  const budgets = (subj?.budget ?? []).filter((b) => !ctx.doubts.doubtOf(b.cells));
  const doubtedBudgets = (subj?.budget ?? []).filter((b) => ctx.doubts.doubtOf(b.cells));
  const pairs: Pair[] = [
    ...budgets.map((b): Pair => [actual.value, b.value]),
    [c.statedActual ?? actual.value, c.statedBudget],
    [actual.value, c.statedBudget],
    ...budgets.map((b): Pair => [c.statedActual, b.value]),
  ];
  const statedWhole = c.statedBudget ?? (budgets.length ? budgets[0].value : undefined);
  percentage(c, ctx, {
    rule: 'review-rate',
    pairs,
    statedWhole,
    what: `${subj?.name ?? ''}预算完成率`,
    zeroAdvice: c.statedBudget !== undefined && cents(c.statedBudget).isZero() ? '年初预算为 0 时宜写“年初未安排预算”，不写完成率。' : '预算为 0 时不写完成率。',
    cells: [...(actual.source?.cells ?? []), ...budgets.flatMap((b) => b.cells)],
    doubted: [...actual.doubted, ...doubtedBudgets.map((b) => ({ source: b, doubt: ctx.doubts.doubtOf(b.cells)! }))],
    doubtedPairs: [[actual.raw, doubtedBudgets[0]?.value]],
  });
}

/** The year's figure and the prior year's, from the sources that deserve trust (else the text's current figure). */
export function truth(subj: Subject | undefined, ctx: CheckContext, statedCurrent?: Decimal): { current?: Decimal; prior?: Decimal; cells: string[]; doubted: Doubted[] } {
  const cur = sound(subj?.actual, ctx);
  const prior = sound(subj?.prior, ctx);
  // Without a sound current figure, the text's own stands in (its change is then checked for consistency only).
  return { current: cur.value ?? statedCurrent, prior: prior.value, cells: [...(cur.source?.cells ?? []), ...(prior.source?.cells ?? [])], doubted: [...cur.doubted, ...prior.doubted] };
}

export function checkChangeRate(c: ChangeClaim, ctx: CheckContext, name: string, delta: Decimal | undefined, prior: Decimal | undefined, cells: string[]): void {
  // The prior year as the sentence implies it: current ∓ Δ.
  let derivedPrior: Decimal | undefined;
  if (c.statedCurrent !== undefined && c.amount && c.amount.directions.length === 1)
    derivedPrior = c.amount.directions[0] === 'up' ? cents(c.statedCurrent).minus(c.amount.value) : cents(c.statedCurrent).plus(c.amount.value);
  percentage(c, ctx, {
    rule: 'review-rate',
    pairs: [
      [delta?.abs(), prior],
      [c.amount?.value, derivedPrior],
      [c.amount?.value, prior],
      [delta?.abs(), derivedPrior],
    ],
    statedWhole: derivedPrior ?? prior,
    what: `${name}增减率`,
    zeroAdvice: '上年数为 0 时宜写“上年无此项支出”，不写增长率。',
    cells,
    doubted: [],
    doubtedPairs: [],
  });
}

function defaultBase(kind: SectionKind): string | undefined {
  switch (kind) {
    case 'income':
      return 't01.totalIncome';
    case 'expense':
      return 't03.total';
    case 'gpb-structure':
      return 'gpb.total';
    case 'basic':
      return 'basic.total';
    case 'sangong':
    case 'sangong-overall':
    case 'sangong-detail':
      return 'sg.total';
    case 'procurement':
      return 'proc.total';
    default:
      return undefined;
  }
}
