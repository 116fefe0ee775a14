import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import { BLOCKS_09 } from './three-public';

const T = tableLabel('09');
const PARTS = ['vehiclePurchase', 'vehicleOperation'].map((k) => columnName('09', k));

/** A17: 公务用车购置及运行维护费 小计 = 购置费 + 运行维护费, for 预算数 and for 决算数. */
export const t09VehicleSubtotalRule = defineRule({
  id: 't09-vehicle-subtotal',
  severity: 'error',
  tables: ['09'],
  title: `${T}公务用车小计`,
  message: `${T}{block}的“${columnName('09', 'vehicleTotal')}”应等于${PARTS.join('、')}之和 {expected}，实为 {actual}，差额 {difference}。`,
  doc: `${T}预算数、决算数各自：公务用车购置及运行维护费小计 = ${PARTS.join(' + ')}。`,
  source: 'A17',
  check(ctx) {
    const t = ctx.model['09'];
    if (!t) return;
    for (const { key, name } of BLOCKS_09) {
      const b = t[key] ?? {};
      ctx.expectSum(b.vehicleTotal, [b.vehiclePurchase, b.vehicleOperation], { block: name });
    }
  },
});
