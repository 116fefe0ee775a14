import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { Item09 } from '../../tables/model';
import { economicName } from '../../subjects/economic';
import { reportYear } from '../../tables/report-year';

const L06 = tableLabel('06');
const L09 = tableLabel('09');

/** 三公 item of 09 ↔ the 06 款 paid from GPB 基本支出. */
const PAIRS: Array<[Item09, string]> = [
  ['abroad', '30212'],
  ['reception', '30217'],
  ['vehicleOperation', '30231'],
  ['vehiclePurchase', '31013'],
];

/** B12: 09 决算数 ≥ the matching 06 款 (三公 may also be paid from 项目支出, other funds or carry-over). */
export const items0906 = defineRule({
  id: 'x09-06-items',
  severity: 'error',
  tables: ['09', '06'],
  title: '“三公”经费决算数不小于基本支出对应科目',
  message: `${L09}决算数“{item}”应不小于${L06}“{code} {name}”，应为 {expected}，实为 {actual}，差额 {difference}（“三公”经费还可由项目支出等安排，故只要求不小于基本支出中的对应科目）。`,
  doc: '公开09表决算数：因公出国（境）费 ≥ 06表 30212，公务接待费 ≥ 30217，公务用车运行维护费 ≥ 30231，公务用车购置费 ≥ 31013（不等式：由项目支出等安排的“三公”经费不在06表内）。',
  source: 'B12',
  check(ctx) {
    const t06 = ctx.model['06'];
    const t09 = ctx.model['09'];
    if (!t06 || !t09) return;
    for (const [item, code] of PAIRS) {
      const line = t06.items.find((i) => i.code === code);
      if (!line) continue;
      ctx.expectAtLeast(t09.actual[item], line.amount, {
        item: columnName('09', item),
        code,
        name: economicName(code, reportYear(ctx.model, ctx.facts)) ?? line.name,
      });
    }
  },
});
