/**
 * 09 财政拨款“三公”经费支出决算表 in its four shapes: the 预算数 block then the 决算数 block (Hunan), 预算数|决算数
 * pairs per item (Shanghai), items as rows (vertical), and rows inside a 机构运行信息表 (no 三公 table of its own).
 */
import type { Block } from './block';
import type { Ctx } from './context';
import { ABROAD, ITEMS_09, RECEPTION, VEHICLE_NAMES, type Item09 } from './labels';

function vehicle(ctx: Ctx) {
  return VEHICLE_NAMES[ctx.s.vehicleName];
}

/** The six item heads in printed order; the three car items sit under the vehicle group. */
function itemHeads(ctx: Ctx): Record<Item09, string> {
  const v = vehicle(ctx);
  return { total: '合计', abroad: ABROAD, vehicleTotal: '小计', vehiclePurchase: v.purchase, vehicleOperation: v.operation, reception: RECEPTION };
}

/** 栏次 numbers under twelve amount columns, when this layout has a 栏次 row. */
function numberRow(ctx: Ctx, b: Block, r: number, n: number): number {
  if (ctx.s.subRow !== '栏次') return r;
  for (let i = 0; i < n; i++) b.text(r, i, i + 1);
  return r + 1;
}

function blocks(ctx: Ctx, b: Block): void {
  const heads = itemHeads(ctx);
  const { budget, actual } = ctx.book.t09;
  [
    ['预算数', 0],
    ['决算数', 6],
  ].forEach(([side, at]) => {
    const c = at as number;
    ctx.span(b, 0, c, 0, c + 5, side as string);
    ctx.span(b, 1, c, 2, c, heads.total);
    ctx.span(b, 1, c + 1, 2, c + 1, heads.abroad);
    ctx.span(b, 1, c + 2, 1, c + 4, vehicle(ctx).group);
    ctx.span(b, 2, c + 2, 2, c + 2, heads.vehicleTotal);
    ctx.span(b, 2, c + 3, 2, c + 3, heads.vehiclePurchase);
    ctx.span(b, 2, c + 4, 2, c + 4, heads.vehicleOperation);
    ctx.span(b, 1, c + 5, 2, c + 5, heads.reception);
  });
  const r = numberRow(ctx, b, 3, 12);
  ITEMS_09.forEach((k, i) => {
    b.amount(r, i, budget[k]);
    b.amount(r, 6 + i, actual[k]);
  });
}

function interleaved(ctx: Ctx, b: Block): void {
  const heads = itemHeads(ctx);
  const { budget, actual } = ctx.book.t09;
  const pair = (row: number, c: number, bottom: number) => {
    ctx.span(b, row, c, bottom, c, '预算数');
    ctx.span(b, row, c + 1, bottom, c + 1, '决算数');
  };
  ctx.span(b, 0, 0, 0, 1, heads.total);
  ctx.span(b, 0, 2, 0, 3, heads.abroad);
  ctx.span(b, 0, 4, 0, 9, vehicle(ctx).group);
  ctx.span(b, 0, 10, 0, 11, heads.reception);
  for (const c of [0, 2, 10]) pair(1, c, 2);
  (['vehicleTotal', 'vehiclePurchase', 'vehicleOperation'] as const).forEach((k, i) => {
    ctx.span(b, 1, 4 + 2 * i, 1, 5 + 2 * i, heads[k]);
    pair(2, 4 + 2 * i, 2);
  });
  const r = numberRow(ctx, b, 3, 12);
  ITEMS_09.forEach((k, i) => {
    b.amount(r, 2 * i, budget[k]);
    b.amount(r, 2 * i + 1, actual[k]);
  });
}

/** Items as rows: 项目 | 预算数 | 决算数. Returns the next free row. */
function vertical(ctx: Ctx, b: Block, labels: Record<Item09, string>, first: number): number {
  const { budget, actual } = ctx.book.t09;
  let r = first;
  for (const k of ITEMS_09) {
    b.text(r, 0, labels[k]);
    b.amount(r, 1, budget[k]);
    b.amount(r, 2, actual[k]);
    r++;
  }
  return r;
}

function verticalHeads(ctx: Ctx, b: Block): number {
  ctx.span(b, 0, 0, 0, 0, '项目');
  ctx.span(b, 0, 1, 0, 1, '预算数');
  ctx.span(b, 0, 2, 0, 2, '决算数');
  if (ctx.s.subRow !== '栏次') return 1;
  b.text(1, 0, '栏次');
  b.text(1, 1, 1);
  b.text(1, 2, 2);
  return 2;
}

export function t09Body(ctx: Ctx): Block {
  const b = ctx.block('09');
  switch (ctx.s.t09) {
    case 'blocks':
      blocks(ctx, b);
      break;
    case 'interleaved':
      interleaved(ctx, b);
      break;
    case 'vertical': {
      const v = vehicle(ctx);
      const labels = { total: '合计', abroad: ABROAD, vehicleTotal: v.group, vehiclePurchase: `其中：${v.purchase}`, vehicleOperation: v.operation, reception: RECEPTION };
      vertical(ctx, b, labels, verticalHeads(ctx, b));
      break;
    }
    case 'in-other-table':
      throw new Error('09 in another table is drawn by institutionBody');
  }
  return b;
}

const fig = (b: Block, r: number, c: number, v: string | null) => {
  if (v !== null) b.figure(r, c, v);
};

/**
 * 机构运行信息表 (a non-public table): 机关运行经费, 政府采购, 车辆; with `sangong` the 三公 rows come first, as
 * central departments print them — then it is where 09's amounts live.
 */
export function institutionBody(ctx: Ctx, sangong: boolean): Block {
  const b = ctx.block(sangong ? '09' : undefined);
  let r = verticalHeads(ctx, b);
  if (sangong) {
    const v = vehicle(ctx);
    r = vertical(ctx, b, {
      total: '一、“三公”经费支出',
      abroad: `1.${ABROAD}`,
      vehicleTotal: `2.${v.group}`,
      vehiclePurchase: `（1）${v.purchase}`,
      vehicleOperation: `（2）${v.operation}`,
      reception: `3.${RECEPTION}`,
    }, r);
  }
  const n = (i: number) => (sangong ? ['二', '三', '四'][i] : ['一', '二', '三'][i]);
  const rows: [string, string | null, string | null][] = [
    [`${n(0)}、机关运行经费`, '90.00', '86.52'],
    [`${n(1)}、政府采购支出`, null, '105.19'],
    ['其中：货物', null, '27.73'],
    ['工程', null, null],
    ['服务', null, '77.46'],
    [`${n(2)}、车辆数（辆）`, null, '2'],
  ];
  for (const [label, budget, actual] of rows) {
    b.text(r, 0, label);
    fig(b, r, 1, budget);
    if (label.includes('车辆数')) b.text(r, 2, 2);
    else fig(b, r, 2, actual);
    r++;
  }
  return b;
}
