/**
 * What a real workbook holds besides the nine tables: a cover, a 目录 sheet, and non-public tables between the
 * public ones (a 一般公共预算财政拨款支出决算明细表 by economic class — a trap for a reader looking for 06 — and a
 * 资产负债情况表). Their numbers are invented and carry no logical key: nothing in them may be read as a 公开 table.
 */
import type { Block } from './block';
import type { Ctx } from './context';

/** Economic classes with 基本支出 from 06, an invented 项目支出 and their sum: looks much like 06. */
export function econDetailBody(ctx: Ctx): Block {
  const b = ctx.block();
  ctx.span(b, 0, 0, 0, 1, '项目');
  ctx.span(b, 1, 0, 1, 0, '科目编码');
  ctx.span(b, 1, 1, 1, 1, '科目名称');
  ['合计', '基本支出', '项目支出'].forEach((w, i) => ctx.span(b, 0, 2 + i, 1, 2 + i, w));
  const classes = ctx.book.t06.items.filter((i) => i.code.length === 3);
  const cents = (v: string | null) => Math.round(Number(v ?? '0') * 100);
  const money = (c: number) => (c / 100).toFixed(2);
  let r = 2;
  let total = [0, 0, 0];
  const rows = classes.map((c, i) => {
    const basic = cents(c.amount.value);
    const project = (i + 1) * 1234;
    return { code: c.code, name: c.name, v: [basic + project, basic, project] };
  });
  for (const row of rows) total = total.map((t, i) => t + row.v[i]);
  b.text(r, 0, '合计');
  total.forEach((v, i) => b.figure(r, 2 + i, money(v)));
  r++;
  for (const row of rows) {
    b.text(r, 0, ctx.code(row.code));
    b.text(r, 1, row.name);
    row.v.forEach((v, i) => b.figure(r, 2 + i, money(v)));
    r++;
  }
  return b;
}

export function balanceBody(ctx: Ctx): Block {
  const b = ctx.block();
  ['资产部类', '年初数', '年末数', '负债部类', '年初数', '年末数'].forEach((w, i) => ctx.span(b, 0, i, 0, i, w));
  const rows: [string, string, string, string, string, string][] = [
    ['流动资产', '156.20', '171.08', '流动负债', '12.40', '9.85'],
    ['货币资金', '120.33', '138.91', '应缴财政款', '0.00', '0.00'],
    ['应收账款', '35.87', '32.17', '其他应付款', '12.40', '9.85'],
    ['非流动资产', '402.66', '398.10', '非流动负债', '0.00', '0.00'],
    ['固定资产', '380.12', '371.54', '净资产', '546.46', '559.33'],
    ['无形资产', '22.54', '26.56', '', '', ''],
    ['资产总计', '558.86', '569.18', '负债和净资产总计', '558.86', '569.18'],
  ];
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (c === 0 || c === 3) b.text(1 + i, c, v);
      else if (v) b.figure(1 + i, c, v);
    });
  });
  return b;
}

export function coverBlock(ctx: Ctx): Block {
  const b = ctx.block();
  b.text(3, 0, ctx.book.unit);
  b.text(5, 0, `${ctx.book.year}年度部门决算`);
  b.text(11, 0, `${ctx.book.year + 1}年8月`);
  return b;
}

/** 目录: section lines and one line per public table (number, title, page). */
export function tocBlock(ctx: Ctx, entries: { number: string; title: string }[]): Block {
  const b = ctx.block();
  ctx.line(b, 0, 0, 2, '目    录');
  b.text(2, 0, '第一部分  部门概况');
  b.text(2, 2, 1);
  b.text(3, 0, `第二部分  ${ctx.book.year}年度部门决算表`);
  entries.forEach((e, i) => {
    b.text(4 + i, 0, e.number || `${i + 1}`);
    b.text(4 + i, 1, e.title);
    b.text(4 + i, 2, 3 + i);
  });
  const r = 4 + entries.length;
  b.text(r, 0, `第三部分  ${ctx.book.year}年度部门决算情况说明`);
  b.text(r, 2, 3 + entries.length);
  b.text(r + 1, 0, '第四部分  名词解释');
  b.text(r + 1, 2, 9 + entries.length);
  return b;
}
