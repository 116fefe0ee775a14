import Decimal from 'decimal.js';
import { cents, comparisonWord, roundingBound } from '../narrative/money';
import type { Severity } from '../findings/finding';
import type {
  AmountClaim,
  ChangeClaim,
  Claim,
  CompareClaim,
  CompletionClaim,
  CountClaim,
  Direction,
  FlatClaim,
  LabelClaim,
  ShareClaim,
} from './claims';
import { labelProblem } from './labels';
import { money, percent, type Reporter } from './report';
import type { ReviewRule } from './schema';
import type { SectionKind } from './sections';
import type { Source, Subject, Subjects } from './sources';

/**
 * Each claim against its sources. Amounts must equal their source cell (2 decimals; a sum of rounded cells
 * within 0.005 per term is 尾数, info). A rate or share is right when it equals, within 0.01 point, the value
 * recomputed from the 2-decimal amounts — those of the tables, or those the sentence itself states (a rate that
 * follows the text's own wrong budget is not a second error: the budget is reported). A rate over a zero
 * denominator is a warning whatever it says; direction words must agree with the sign.
 */
const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);

interface Near {
  claim: ShareClaim | CompletionClaim | ChangeClaim;
  rule: ReviewRule;
  expected: Decimal;
  truncated: boolean;
  message: string;
  cells: string[];
}

export class ClaimChecker {
  private readonly near: Near[] = [];

  constructor(
    private readonly r: Reporter,
    private readonly subjects: Subjects,
  ) {}

  run(claims: Claim[]): void {
    for (const c of claims) {
      switch (c.kind) {
        case 'amount':
          this.amount(c);
          break;
        case 'share':
          this.share(c);
          break;
        case 'completion':
          this.completion(c);
          break;
        case 'change':
          this.change(c);
          break;
        case 'change-rate':
          this.changeRate(c);
          break;
        case 'compare':
          this.compare(c);
          break;
        case 'flat':
          this.flat(c);
          break;
        case 'count':
          this.count(c);
          break;
        case 'label':
          this.label(c);
          break;
      }
    }
    this.settleNear(claims);
  }

  // ---- amounts ---------------------------------------------------------------------------------------------

  private amount(c: AmountClaim): void {
    const subj = this.subjects.get(c.subject);
    if (!subj) return;
    const sources = c.role === 'actual' ? subj.actual : c.role === 'budget' ? subj.budget : subj.prior;
    if (sources.length === 0) return;
    const stated = cents(c.value);
    const within = (s: Source) => {
      const d = stated.minus(cents(s.value)).abs();
      return d.isZero() || (s.terms !== undefined && d.lte(roundingBound(s.terms)));
    };
    const matched = sources.filter(within);
    const unmatched = sources.filter((s) => !within(s));
    const role = c.role === 'budget' ? '预算数' : c.role === 'prior' ? '上年数' : '';
    const what = `${subj.name}${role}`;
    const table = subj.table;
    if (unmatched.length === 0) {
      const m = matched.find((s) => !stated.eq(cents(s.value)));
      if (m)
        this.r.add('review-amount', 'info', c.quote, c.section, `${what} ${money(stated)} 万元与${m.where} ${money(m.value)} 万元相差 ${money(stated.minus(m.value))} 万元，在尾数误差范围内。`, {
          cells: m.cells,
          expected: money(m.value),
          actual: money(stated),
          difference: money(stated.minus(m.value)),
          tolerance: money(roundingBound(m.terms ?? 1)),
          table,
        });
      return;
    }
    if (matched.length > 0) {
      const u = unmatched[0];
      this.r.add(
        'review-cross-section',
        'warning',
        c.quote,
        c.section,
        `${what} ${money(stated)} 万元与${matched[0].where}一致，但与${u.where} ${money(u.value)} 万元不一致（相差 ${money(stated.minus(u.value))} 万元），两处应当相同。${this.copiedBudgetNote(subj, c)}`,
        { cells: [...u.cells, ...matched[0].cells], expected: money(u.value), actual: money(stated), difference: money(stated.minus(u.value)), table },
      );
      return;
    }
    const confusion = subj.confusions?.find((x) => cents(x.source.value).eq(stated));
    const primary = sources[0];
    if (confusion) {
      this.r.add('review-cross-section', 'error', c.quote, c.section, `${what}应为 ${money(primary.value)} 万元（${primary.where}）；${confusion.note}。`, {
        cells: [...primary.cells, ...confusion.source.cells],
        expected: money(primary.value),
        actual: money(stated),
        difference: money(stated.minus(primary.value)),
        table,
      });
      return;
    }
    const rule: ReviewRule = sources.every((s) => s.cross) ? 'review-cross-section' : 'review-amount';
    const others = sources.slice(1).map((s) => `${s.where}为 ${money(s.value)} 万元`);
    this.r.add(
      rule,
      'error',
      c.quote,
      c.section,
      `${what}应为 ${money(primary.value)} 万元（${primary.where}），文中为 ${money(stated)} 万元，相差 ${money(stated.minus(primary.value))} 万元。${others.length ? `另：${others.join('；')}。` : ''}${this.copiedBudgetNote(subj, c)}`,
      { cells: sources.flatMap((s) => s.cells), expected: money(primary.value), actual: money(stated), difference: money(stated.minus(primary.value)), table },
    );
  }

  /** §5 #2: a 09 table whose 预算数 columns repeat its 决算数. */
  private copiedBudgetNote(subj: Subject, c: AmountClaim): string {
    if (c.role !== 'budget' || !subj.key.startsWith('sg.')) return '';
    const t09 = this.subjects.model['09'];
    if (!t09) return '';
    const keys = Object.keys(t09.actual) as Array<keyof typeof t09.actual>;
    const nonZero = keys.some((k) => !cents(t09.actual[k]?.value ?? ZERO).isZero());
    const same = nonZero && keys.every((k) => cents(t09.actual[k]?.value ?? ZERO).eq(cents(t09.budget[k]?.value ?? ZERO)));
    return same ? '公开09表“预算数”各栏与“决算数”各栏完全相同，疑似以决算数填列预算数，请核对09表预算数。' : '';
  }

  // ---- percentages -----------------------------------------------------------------------------------------

  /**
   * A percentage against the ratios it may be: `pairs` of [part, whole] (the tables' first, then the text's own).
   * `statedWhole` is the denominator as the text states it (checked for zero first).
   */
  private percentage(
    c: ShareClaim | CompletionClaim | ChangeClaim,
    rule: ReviewRule,
    pairs: Array<[Decimal | undefined, Decimal | undefined]>,
    statedWhole: Decimal | undefined,
    what: string,
    zeroAdvice: string,
    cells: string[],
  ): void {
    const f = c.figure;
    const stated = f.value;
    const usable = pairs.filter((p): p is [Decimal, Decimal] => p[0] !== undefined && p[1] !== undefined);
    const wholes = statedWhole !== undefined ? [statedWhole] : usable.map(([, w]) => w);
    if (wholes.length > 0 && wholes.every((w) => cents(w).isZero())) {
      const zeroPart = usable.length > 0 ? usable.every(([p]) => cents(p).isZero()) : stated.isZero();
      const severity: Severity = rule === 'review-share' && zeroPart && stated.isZero() ? 'info' : 'warning';
      this.r.add(
        'review-zero-denominator',
        severity,
        c.quote,
        c.section,
        `${what}的分母为 0${zeroPart ? '、分子也为 0' : ''}，比率无意义，不应写“${f.raw}%”。${zeroAdvice}`,
        { cells, actual: `${f.raw}%` },
      );
      return;
    }
    const ratios = usable.filter(([, w]) => !cents(w).isZero()).map(([p, w]) => cents(p).div(cents(w)).mul(HUNDRED));
    if (ratios.length === 0) return;
    const rounded = ratios.map((x) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    const diffs = rounded.map((x) => stated.minus(x).abs());
    const best = Decimal.min(...diffs);
    if (best.isZero()) return;
    const expected = rounded[0];
    if (f.decimals < 2 && rounded.some((x) => x.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP).eq(stated))) {
      this.r.precisionReported.add(f.span.start);
      this.r.add('review-format', 'warning', c.quote, c.section, `${what}按两位小数应为 ${percent(expected)}，文中只写到 ${f.decimals} 位小数（“${f.raw}%”）。`, {
        cells,
        expected: percent(expected),
        actual: percent(stated),
      });
      return;
    }
    const truncated = ratios.some((x) => x.toDecimalPlaces(2, Decimal.ROUND_DOWN).eq(stated));
    if (best.lte(new Decimal('0.01'))) {
      this.near.push({ claim: c, rule, expected, truncated, message: what, cells });
      return;
    }
    this.r.add(rule, 'error', c.quote, c.section, `${what}应为 ${percent(expected)}，文中为 ${percent(stated)}，相差 ${stated.minus(expected).abs().toFixed(2)} 个百分点（容差 0.01）。`, {
      cells,
      expected: percent(expected),
      actual: percent(stated),
      difference: stated.minus(expected).toFixed(2),
      tolerance: '0.01',
    });
  }

  /** Differences of 0.01 point: truncation or shares forced to 100% → warning, otherwise info. */
  private settleNear(claims: Claim[]): void {
    for (const n of this.near) {
      const c = n.claim;
      const stated = c.figure.value;
      let severity: Severity = 'info';
      let why = '相差 0.01 个百分点（在容差内）';
      if (n.truncated) {
        severity = 'warning';
        why = '是截断而非四舍五入的结果';
      } else if (c.kind === 'share') {
        const group = claims.filter((x): x is ShareClaim => x.kind === 'share' && x.section === c.section && x.base === c.base);
        const total = group.reduce((acc, x) => acc.plus(x.figure.value), ZERO);
        if (group.length > 1 && total.eq(HUNDRED)) {
          severity = 'warning';
          why = '各项占比被调整为合计 100%';
        }
      }
      this.r.add(n.rule, severity, c.quote, c.section, `${n.message}按四舍五入应为 ${percent(n.expected)}，文中为 ${percent(stated)}，${why}。`, {
        cells: n.cells,
        expected: percent(n.expected),
        actual: percent(stated),
        difference: stated.minus(n.expected).toFixed(2),
        tolerance: '0.01',
      });
    }
  }

  private share(c: ShareClaim): void {
    const subj = this.subjects.get(c.subject);
    const baseKey = c.base ?? subj?.base ?? defaultBase(c.section.kind);
    if (!baseKey || baseKey === 'none') return;
    const base = this.subjects.get(baseKey);
    const part = subj?.actual[0];
    const whole = base?.actual[0];
    const pairs: Array<[Decimal | undefined, Decimal | undefined]> = [
      [part?.value, whole?.value],
      [c.part ?? part?.value, c.whole ?? whole?.value],
      [c.part, whole?.value],
      [part?.value, c.whole],
    ];
    this.percentage(
      c,
      'review-share',
      pairs,
      c.whole,
      `${subj?.name ?? '该项'}占${base?.name ?? '合计'}的比重`,
      '',
      [...(part?.cells ?? []), ...(whole?.cells ?? [])],
    );
  }

  private completion(c: CompletionClaim): void {
    const subj = this.subjects.get(c.subject);
    const actual = subj?.actual[0];
    const budgets = subj?.budget ?? [];
    const pairs: Array<[Decimal | undefined, Decimal | undefined]> = [
      ...budgets.map((b): [Decimal | undefined, Decimal | undefined] => [actual?.value, b.value]),
      [c.statedActual ?? actual?.value, c.statedBudget],
      [actual?.value, c.statedBudget],
      ...budgets.map((b): [Decimal | undefined, Decimal | undefined] => [c.statedActual, b.value]),
    ];
    const statedWhole = c.statedBudget ?? (budgets.length ? budgets[0].value : undefined);
    this.percentage(
      c,
      'review-rate',
      pairs,
      statedWhole,
      `${subj?.name ?? ''}预算完成率`,
      c.statedBudget !== undefined && cents(c.statedBudget).isZero() ? '年初预算为 0 时宜写“年初未安排预算”，不写完成率。' : '预算为 0 时不写完成率。',
      [...(actual?.cells ?? []), ...budgets.flatMap((b) => b.cells)],
    );
  }

  // ---- changes ---------------------------------------------------------------------------------------------

  private truth(subj: Subject | undefined, statedCurrent?: Decimal): { current?: Decimal; prior?: Decimal; cells: string[] } {
    const cur = subj?.actual[0];
    const prior = subj?.prior[0];
    return { current: cur?.value ?? statedCurrent, prior: prior?.value, cells: [...(cur?.cells ?? []), ...(prior?.cells ?? [])] };
  }

  private change(c: ChangeClaim): void {
    const subj = this.subjects.get(c.subject);
    const { current, prior, cells } = this.truth(subj, c.statedCurrent);
    const delta = current !== undefined && prior !== undefined ? cents(current).minus(cents(prior)) : undefined;
    const name = subj?.name ?? '';
    if (isContradiction(c.directions)) {
      const right = delta === undefined || delta.isZero() ? undefined : delta.isPositive() ? '增加' : '减少';
      this.r.add('review-direction', 'error', c.quote, c.section, `“${c.words}”同时写了增加和减少，自相矛盾${right ? `；按本年 ${money(current!)} 万元、上年 ${money(prior!)} 万元计算，应为“${right}${money(delta!.abs())}万元”` : ''}。`, {
        cells,
        ...(right ? { expected: right, actual: c.words } : { actual: c.words }),
      });
    } else if (delta !== undefined && c.directions.length === 1) {
      if (delta.isZero()) {
        if (!cents(c.figure.value).isZero())
          this.r.add('review-direction', 'error', c.quote, c.section, `${name}本年与上年均为 ${money(current!)} 万元，应表述为“持平”。`, { cells, expected: '持平', actual: c.words });
        return;
      }
      const right: Direction = delta.isPositive() ? 'up' : 'down';
      if (c.directions[0] !== right) {
        this.r.add('review-direction', 'error', c.quote, c.section, `${name}本年 ${money(current!)} 万元，上年 ${money(prior!)} 万元，应为“${right === 'up' ? '增加' : '减少'}”，文中写“${c.words}”。`, {
          cells,
          expected: right === 'up' ? '增加' : '减少',
          actual: c.words,
        });
      }
    }
    if (delta !== undefined && !delta.isZero() && !cents(c.figure.value).eq(delta.abs()))
      this.r.add('review-amount', 'error', c.quote, c.section, `${name}增减额应为 ${money(delta.abs())} 万元（本年 ${money(current!)} 万元，上年 ${money(prior!)} 万元），文中为 ${money(c.figure.value)} 万元。`, {
        cells,
        expected: money(delta.abs()),
        actual: money(c.figure.value),
        difference: money(cents(c.figure.value).minus(delta.abs())),
      });
  }

  private changeRate(c: ChangeClaim): void {
    const subj = this.subjects.get(c.subject);
    const { current, prior, cells } = this.truth(subj, c.statedCurrent);
    const delta = current !== undefined && prior !== undefined ? cents(current).minus(cents(prior)) : undefined;
    const name = subj?.name ?? '';
    const rateWord = (d: Direction) => (d === 'up' ? '增长' : '下降');
    if (isContradiction(c.directions)) {
      this.r.add('review-direction', 'error', c.quote, c.section, `“${c.words}”同时写了增长和下降，自相矛盾。`, { cells, actual: c.words });
    } else if (c.directions.length === 1) {
      const right: Direction | undefined =
        delta !== undefined && !delta.isZero() ? (delta.isPositive() ? 'up' : 'down') : c.amount && c.amount.directions.length === 1 ? c.amount.directions[0] : undefined;
      if (right && c.directions[0] !== right)
        this.r.add(
          'review-direction',
          'error',
          c.quote,
          c.section,
          delta !== undefined ? `${name}比上年${right === 'up' ? '增加' : '减少'}，应为“${rateWord(right)}”，文中写“${c.words}”。` : `增减额写“${right === 'up' ? '增加' : '减少'}”，增减率却写“${c.words}”，方向不一致。`,
          { cells, expected: rateWord(right), actual: c.words },
        );
    }
    // The prior year as the sentence implies it: current ∓ Δ.
    let derivedPrior: Decimal | undefined;
    if (c.statedCurrent !== undefined && c.amount && c.amount.directions.length === 1)
      derivedPrior = c.amount.directions[0] === 'up' ? cents(c.statedCurrent).minus(c.amount.value) : cents(c.statedCurrent).plus(c.amount.value);
    const pairs: Array<[Decimal | undefined, Decimal | undefined]> = [
      [delta?.abs(), prior],
      [c.amount?.value, derivedPrior],
      [c.amount?.value, prior],
      [delta?.abs(), derivedPrior],
    ];
    this.percentage(c, 'review-rate', pairs, derivedPrior ?? prior, `${name}增减率`, '上年数为 0 时宜写“上年无此项支出”，不写增长率。', cells);
  }

  private compare(c: CompareClaim): void {
    const subj = this.subjects.get(c.subject);
    const srcActual = subj?.actual[0]?.value;
    const srcOther = c.against === 'budget' ? subj?.budget[0]?.value : subj?.prior[0]?.value;
    const statedOther = c.against === 'budget' ? c.statedBudget : c.statedPrior;
    const options: Array<[Decimal | undefined, Decimal | undefined]> = [
      [c.statedActual ?? srcActual, statedOther ?? srcOther],
      [srcActual, srcOther],
    ];
    const words = options.filter((o): o is [Decimal, Decimal] => o[0] !== undefined && o[1] !== undefined).map(([a, b]) => comparisonWord(a, b));
    if (words.length === 0 || words.includes(c.word)) return;
    const [a, b] = options.find((o) => o[0] !== undefined && o[1] !== undefined) as [Decimal, Decimal];
    const against = c.against === 'budget' ? '预算数' : '上年数';
    this.r.add('review-direction', 'error', c.quote, c.section, `${subj?.name ?? ''}决算数 ${money(a)} 万元${words[0] === '持平' ? '与' : words[0]}${against} ${money(b)} 万元${words[0] === '持平' ? '持平' : ''}，文中写“${c.word}”。`, {
      cells: [...(subj?.actual[0]?.cells ?? []), ...((c.against === 'budget' ? subj?.budget[0]?.cells : subj?.prior[0]?.cells) ?? [])],
      expected: words[0],
      actual: c.word,
    });
  }

  private flat(c: FlatClaim): void {
    const subj = this.subjects.get(c.subject);
    const { current, prior, cells } = this.truth(subj, c.statedCurrent);
    if (current === undefined || prior === undefined) return;
    const delta = cents(current).minus(cents(prior));
    if (delta.isZero()) return;
    this.r.add('review-direction', 'error', c.quote, c.section, `${subj?.name ?? ''}本年 ${money(current)} 万元，上年 ${money(prior)} 万元，${delta.isPositive() ? '增加' : '减少'} ${money(delta.abs())} 万元，并非持平。`, {
      cells,
      expected: `${delta.isPositive() ? '增加' : '减少'}${money(delta.abs())}`,
      actual: '持平',
    });
  }

  // ---- counts and labels -----------------------------------------------------------------------------------

  private count(c: CountClaim): void {
    const subj = this.subjects.get(c.subject);
    const src = subj?.count[0];
    if (!src) return;
    if (src.value.eq(c.figure.value)) return;
    this.r.add('review-count', 'error', c.quote, c.section, `${subj!.name}应为 ${src.value.toString()}${c.figure.unit}（${src.where}），文中为 ${c.figure.raw}${c.figure.unit}。`, {
      cells: src.cells,
      expected: src.value.toString(),
      actual: c.figure.value.toString(),
    });
  }

  private label(c: LabelClaim): void {
    const tableName = `公开${c.table}表`;
    if (!c.subject) {
      this.r.add('review-subject-label', 'warning', c.quote, c.section, `无法将该科目对应到${tableName}中的任何一行（名称与金额都对不上），请核对科目名称。`, { table: c.table });
      return;
    }
    const code = c.subject.split(':')[2];
    const problem = labelProblem(c, code, this.subjects.model);
    if (!problem) return;
    const subj = this.subjects.get(c.subject);
    this.r.add('review-subject-label', 'error', c.quote, c.section, `科目名称与${tableName}科目 ${code} 不符：${problem.details.join('；')}。应为“${problem.expected}”。`, {
      cells: subj?.actual[0]?.cells ?? [],
      expected: problem.expected,
      actual: c.label,
      table: c.table,
    });
  }
}

function isContradiction(d: Direction[]): boolean {
  return d.includes('up') && d.includes('down');
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
