import { cents, roundingBound, formatMoney } from '../../util/money';
import type { AmountClaim } from '../claims';
import { judge, within } from '../judge';
import type { ReviewRule } from '../schema';
import type { Source } from '../sources';
import type { CheckContext } from './context';

/**
 * An amount against its sources, by the trust policy of judge.ts. A budget the text calls 年初 (or 全年) is
 * compared with the sources of that kind; when it equals the other kind instead, the label is what is wrong.
 */
export function checkAmount(c: AmountClaim, ctx: CheckContext): void {
  const subj = ctx.subjects.get(c.subject);
  if (!subj) return;
  let sources = c.role === 'actual' ? subj.actual : c.role === 'budget' ? subj.budget : subj.prior;
  if (sources.length === 0) return;
  const role = c.role === 'budget' ? '预算数' : c.role === 'prior' ? '上年数' : '';
  const what = `${subj.name}${role}`;
  const table = subj.table;
  if (c.role === 'budget' && c.basis) {
    const same = sources.filter((s) => !s.basis || s.basis === c.basis);
    const other = sources.find((s) => s.basis && s.basis !== c.basis && within(c.value, s) && !ctx.doubts.doubtOf(s.cells));
    if (other && !same.some((s) => within(c.value, s))) {
      ctx.checked++;
      ctx.r.add('review-budget-label', 'warning', c.quote, c.section, `文中称“${c.basis}预算”，但 ${formatMoney(c.value)} 万元是${other.where}，即${other.basis}预算数${same.length ? `；${c.basis}预算数为 ${formatMoney(same[0].value)} 万元（${same[0].where}）` : ''}。`, {
        cells: other.cells,
        expected: `${other.basis}预算`,
        actual: `${c.basis}预算`,
        table,
      });
      return;
    }
    // A 全年预算 where only the 年初 is known (or the reverse) is another figure: nothing to compare it with.
    if (same.length === 0) return;
    sources = same;
  }
  const stated = cents(c.value);
  const verdict = judge(stated, sources, ctx.doubts);
  if (!verdict) return;
  ctx.checked++;
  switch (verdict.kind) {
    case 'match': {
      ctx.doubtLog.setAside(c.quote, c.section, verdict.setAside, table);
      const m = verdict.source;
      if (verdict.rounding)
        ctx.r.add('review-amount', 'info', c.quote, c.section, `${what} ${formatMoney(stated)} 万元与${m.where} ${formatMoney(m.value)} 万元相差 ${formatMoney(stated.minus(m.value))} 万元，在尾数误差范围内。`, {
          cells: m.cells,
          expected: formatMoney(m.value),
          actual: formatMoney(stated),
          difference: formatMoney(stated.minus(m.value)),
          tolerance: formatMoney(roundingBound(m.terms ?? 1)),
          table,
        });
      return;
    }
    case 'split': {
      const { matched, other } = verdict;
      ctx.r.add(
        'review-cross-section',
        'warning',
        c.quote,
        c.section,
        `${what} ${formatMoney(stated)} 万元与${matched.where}一致，但与${other.where} ${formatMoney(other.value)} 万元不一致（相差 ${formatMoney(stated.minus(other.value))} 万元），两处应当相同。`,
        { cells: [...other.cells, ...matched.cells], expected: formatMoney(other.value), actual: formatMoney(stated), difference: formatMoney(stated.minus(other.value)), table },
      );
      return;
    }
    case 'doubt':
      ctx.doubtLog.unsettled(c.quote, c.section, verdict.doubted, verdict.disagreeing, table);
      return;
    case 'mismatch': {
      const primary = verdict.expected;
      const confusion = subj.confusions?.find((x) => cents(x.source.value).eq(stated));
      if (confusion) {
        ctx.r.add('review-cross-section', 'error', c.quote, c.section, `${what}应为 ${formatMoney(primary.value)} 万元（${primary.where}）；${confusion.note}。`, {
          cells: [...primary.cells, ...confusion.source.cells],
          expected: formatMoney(primary.value),
          actual: formatMoney(stated),
          difference: formatMoney(stated.minus(primary.value)),
          table,
        });
        return;
      }
      const rule: ReviewRule = [primary, ...verdict.others].every((s) => s.cross) ? 'review-cross-section' : 'review-amount';
      const others = verdict.others.map((s) => `${s.where}为 ${formatMoney(s.value)} 万元`);
      const aside = verdict.setAside.map((d) => `${d.source.where}为 ${formatMoney(d.source.value)} 万元，但该处未通过表格审核“${d.doubt.title}”，未采用`);
      const notes = [...others, ...aside];
      ctx.r.add(
        rule,
        'error',
        c.quote,
        c.section,
        `${what}应为 ${formatMoney(primary.value)} 万元（${primary.where}），文中为 ${formatMoney(stated)} 万元，相差 ${formatMoney(stated.minus(primary.value))} 万元。${notes.length ? `另：${notes.join('；')}。` : ''}`,
        { cells: [...primary.cells, ...verdict.others.flatMap((s: Source) => s.cells)], expected: formatMoney(primary.value), actual: formatMoney(stated), difference: formatMoney(stated.minus(primary.value)), table },
      );
      return;
    }
  }
}
