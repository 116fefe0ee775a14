import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import { BLOCKS_09 } from './three-public';

const T = tableLabel('09');
const PARTS = ['abroad', 'vehicleTotal', 'reception'].map((k) => columnName('09', k));

/** A17: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费小计 + 公务接待费, for 预算数 and for 决算数. */
export const t09TotalRule = defineRule({
  id: 't09-total',
  severity: 'error',
  tables: ['09'],
  title: `${T}三公经费合计`,
  message: `${T}{block}的“合计”应等于${PARTS.join('、')}之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}预算数、决算数各自：合计 = ${PARTS.join(' + ')}。`,
  source: 'A17',
  check(ctx) {
    const t = ctx.model['09'];
    if (!t) return;
    for (const { key, name } of BLOCKS_09) {
      const b = t[key] ?? {};
      // Without a 小计 figure, the two vehicle items stand for it.
      const vehicle = b.vehicleTotal ? [b.vehicleTotal] : [b.vehiclePurchase, b.vehicleOperation];
      ctx.expectSum(b.total, [b.abroad, ...vehicle, b.reception], { block: name });
    }
  },
});
