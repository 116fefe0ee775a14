import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { economicName } from '../../subjects/economic';
import { functionalName } from '../../subjects/functional';
import { reportYear } from '../../tables/report-year';
import { compareSides, sideOf } from './shared';

const L05 = tableLabel('05');
const L06 = tableLabel('06');

/**
 * 06 social-security contributions ↔ the 05 项 that normally carries them (basic part). 21011xx here means the
 * three contribution 项 2101101/2101102/2101103 (2101199 其他行政事业单位医疗支出 is not a contribution; domain §5 #11).
 */
const PAIRS: Array<{ economic: string[]; functional: string[] }> = [
  { economic: ['30108'], functional: ['2080505'] },
  { economic: ['30109'], functional: ['2080506'] },
  { economic: ['30113'], functional: ['2210201'] },
  { economic: ['30110', '30111'], functional: ['2101101', '2101102', '2101103'] },
];

function names(codes: string[], nameOf: (code: string) => string | undefined): string {
  const list = codes.map((c) => `“${c} ${nameOf(c) ?? ''}”`.replace(' ”', '”')).join('');
  return codes.length > 1 ? `${list}之和` : list;
}

/** B14 (soft): 06 缴费 款 ≈ 05 基本支出 of the matching 项. */
export const contributions0605 = defineRule({
  id: 'x06-05-contributions',
  severity: 'warning',
  tables: ['06', '05'],
  title: '社会保障缴费与对应功能科目对照',
  message: `${L06}{left} {actual} 与${L05}{right}的“基本支出” {expected} 不一致，差额 {difference}。缴费也可能列支在其他功能科目（如“事业运行”），请核实。`,
  doc: '公开06表 30108 ≈ 05表 2080505，30109 ≈ 2080506，30113 ≈ 2210201，30110 + 30111 ≈ 2101101 + 2101102 + 2101103（05表基本支出；提示性，缴费可能列在其他科目）。',
  source: 'B14',
  check(ctx) {
    const t05 = ctx.model['05'];
    const t06 = ctx.model['06'];
    if (!t05 || !t06) return;
    const year = reportYear(ctx.model, ctx.facts);
    for (const pair of PAIRS) {
      const items = pair.economic.map((c) => t06.items.find((i) => i.code === c)?.amount);
      const rows = pair.functional.map((c) => t05.rows.find((r) => r.code === c));
      if (rows.every((r) => !r)) continue;
      const expected = sideOf(rows.map((r) => r?.amounts.basic));
      compareSides(ctx, items, expected, {
        left: names(pair.economic, (c) => economicName(c, year) ?? t06.items.find((i) => i.code === c)?.name),
        right: names(pair.functional, (c) => rows.find((r) => r?.code === c)?.name ?? functionalName(c, year)),
      });
    }
  },
});
