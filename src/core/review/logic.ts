import Decimal from 'decimal.js';
import { sum } from '../narrative/money';
import { cents, formatMoney } from '../util/money';
import type { Claim, CountClaim } from './claims';
import { type Reporter } from './report';
import type { Subjects } from './sources';

/**
 * Counts that contradict the amounts or each other (domain.md §5 #12, N10, N14): 0 团组 with people and money
 * abroad, 0 接待批次 with 接待费, 0 vehicles bought with 购置费 (or the other way round), vehicle categories that
 * do not add up to the total, a total fleet different from the 三公 保有量.
 */
export function checkCountLogic(r: Reporter, claims: Claim[], subjects: Subjects): void {
  const counts = claims.filter((c): c is CountClaim => c.kind === 'count');
  const first = (key: string) => counts.find((c) => c.subject === `cnt:${key}`);
  const amountOf = (key: string): Decimal | undefined => {
    const stated = claims.find((c) => c.kind === 'amount' && c.role === 'actual' && c.subject === key);
    const src = subjects.get(key)?.actual[0];
    return src?.value ?? (stated && stated.kind === 'amount' ? stated.value : undefined);
  };
  const cellsOf = (key: string) => subjects.get(key)?.actual[0]?.cells ?? [];
  /**
   * A contradiction the text takes over from the 说明数据, which its own checks already report: the text follows
   * its source, so the finding is a note pointing at the 说明数据 (info), not an accusation of the text.
   */
  const inherited = (c: CountClaim): string | undefined => {
    const src = subjects.get(c.subject)?.count[0];
    if (!src || !src.value.eq(c.figure.value)) return undefined;
    const doubt = subjects.doubts.doubtOf(src.cells);
    return doubt ? `与${src.where}一致；说明数据本身已被指出前后矛盾（${doubt.message.replace(/。$/, '')}），请先修正说明数据` : undefined;
  };

  const groups = first('abroadGroups');
  const persons = first('abroadPersons');
  const abroad = amountOf('sg.abroad');
  // A count already reported as different from the 说明数据 is that one finding, not also a contradiction.
  const reported = (c: CountClaim | undefined) => !!c && r.covers('review-count', c.quote);
  if (groups && !reported(groups) && !reported(persons) && groups.figure.value.isZero() && ((persons && persons.figure.value.gt(0)) || (abroad && !cents(abroad).isZero()))) {
    const source = inherited(groups);
    r.add(
      'review-count',
      source ? 'info' : 'warning',
      groups.quote,
      groups.section,
      `因公出国（境）团组为 0 个，但${persons && persons.figure.value.gt(0) ? `累计 ${persons.figure.raw} 人次` : ''}${persons && persons.figure.value.gt(0) && abroad && !cents(abroad).isZero() ? '、' : ''}${abroad && !cents(abroad).isZero() ? `因公出国（境）费支出 ${formatMoney(abroad)} 万元` : ''}，前后矛盾${source ? `。文中数字${source}` : ''}。`,
      { cells: [...cellsOf('sg.abroad'), ...(subjects.get(groups.subject)?.count[0]?.cells ?? [])], actual: '0' },
    );
  }
  if (groups && !reported(groups) && groups.figure.value.gt(0) && abroad && cents(abroad).isZero())
    r.add('review-count', 'warning', groups.quote, groups.section, `安排因公出国（境）团组 ${groups.figure.raw} 个，但因公出国（境）费支出为 0。`, { cells: cellsOf('sg.abroad') });

  const batches = first('receptionBatches');
  const reception = amountOf('sg.reception');
  if (batches && !reported(batches) && reception !== undefined) {
    if (batches.figure.value.isZero() && !cents(reception).isZero())
      r.add('review-count', 'warning', batches.quote, batches.section, `公务接待批次为 0，但公务接待费支出 ${formatMoney(reception)} 万元。`, { cells: cellsOf('sg.reception') });
    if (batches.figure.value.gt(0) && cents(reception).isZero())
      r.add('review-count', 'warning', batches.quote, batches.section, `公务接待 ${batches.figure.raw} 批次，但公务接待费支出为 0。`, { cells: cellsOf('sg.reception') });
  }

  const bought = first('vehiclePurchased');
  const purchase = amountOf('sg.purchase');
  if (bought && !reported(bought) && purchase !== undefined) {
    if (bought.figure.value.isZero() && !cents(purchase).isZero())
      r.add('review-count', 'warning', bought.quote, bought.section, `购置公务用车 0 辆，但公务用车购置费 ${formatMoney(purchase)} 万元。`, { cells: cellsOf('sg.purchase') });
    if (bought.figure.value.gt(0) && cents(purchase).isZero())
      r.add('review-count', 'warning', bought.quote, bought.section, `购置公务用车 ${bought.figure.raw} 辆，但公务用车购置费为 0。`, { cells: cellsOf('sg.purchase') });
  }

  // 国有资产: the categories add up to the total (when some of them cannot be checked against 说明数据).
  const total = first('vehiclesTotal');
  const categories = ['vehiclesMinister', 'vehiclesLeader', 'vehiclesConfidential', 'vehiclesEmergency', 'vehiclesLaw', 'vehiclesSpecial', 'vehiclesRetired', 'vehiclesOther']
    .map((k) => first(k))
    .filter((c): c is CountClaim => c !== undefined);
  const verified = [total, ...categories].every((c) => c && subjects.get(c.subject)?.count.length);
  if (total && categories.length > 0 && !verified) {
    const s = sum(categories.map((c) => c.figure.value));
    if (!s.eq(total.figure.value))
      r.add('review-count', 'error', total.quote, total.section, `各类车辆之和为 ${s.toString()} 辆，与车辆总数 ${total.figure.raw} 辆不符。`, { expected: s.toString(), actual: total.figure.value.toString() });
  }
  const held = first('vehicleHeld');
  if (total && held && !total.figure.value.eq(held.figure.value))
    r.add('review-count', 'info', total.quote, total.section, `年末车辆总数 ${total.figure.raw} 辆与“三公”部分的公务用车保有量 ${held.figure.raw} 辆不同（两者通常相同），请确认。`, {
      expected: held.figure.value.toString(),
      actual: total.figure.value.toString(),
    });
}
