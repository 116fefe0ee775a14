/**
 * 06 一般公共预算财政拨款基本支出决算明细表: two or three column groups side by side (科目代码 | 科目名称 | 决算数),
 * each 类 followed by its 款, economic codes in one column or over two (301 | 01), and the bottom line
 * 人员经费合计 … 公用经费合计 (domain.md §1.2).
 */
import type { Block } from './block';
import type { EconomicData } from './canonical';
import type { Ctx } from './context';

/** 类 codes per column group: 人员经费 (301, 303) first, then 公用经费 in one or two groups. */
function groupClasses(ctx: Ctx, data: EconomicData): string[][] {
  const classes = data.items.filter((i) => i.code.length === 3).map((i) => i.code);
  const personnel: string[] = classes.filter((c) => c === '301' || c === '303');
  const rest = classes.filter((c) => !personnel.includes(c));
  const groups = ctx.s.groups06 === 2 ? [personnel, rest] : [personnel, rest.filter((c) => c === '302'), rest.filter((c) => c !== '302')];
  return groups.filter((g) => g.length > 0);
}

export function t06Body(ctx: Ctx): Block {
  const { s } = ctx;
  const data = ctx.book.t06;
  const b = ctx.block('06');
  const split = s.econCodes === 'split';
  const groupWidth = split ? 4 : 3;
  const groups = groupClasses(ctx, data);
  const start = (g: number) => g * groupWidth;
  const nameCol = (g: number) => start(g) + (split ? 2 : 1);
  const amountCol = (g: number) => start(g) + groupWidth - 1;

  let r = 0;
  if (s.groupRow06 === 'yes') {
    ctx.span(b, r, 0, r, amountCol(0), '人员经费');
    ctx.span(b, r, start(1), r, amountCol(groups.length - 1), '公用经费');
    r++;
  }
  const headRow = r++;
  const splitRow = split ? r++ : -1;
  for (let g = 0; g < groups.length; g++) {
    if (split) {
      ctx.span(b, headRow, start(g), headRow, start(g) + 1, '经济分类科目编码');
      ctx.span(b, splitRow, start(g), splitRow, start(g), '类');
      ctx.span(b, splitRow, start(g) + 1, splitRow, start(g) + 1, '款');
    } else ctx.span(b, headRow, start(g), headRow, start(g), '科目代码');
    ctx.span(b, headRow, nameCol(g), r - 1, nameCol(g), '科目名称');
    ctx.span(b, headRow, amountCol(g), r - 1, amountCol(g), s.amountHead06);
  }

  const columns = groups.map((classes) => data.items.filter((i) => classes.includes(i.code.slice(0, 3))));
  const height = Math.max(...columns.map((c) => c.length));
  for (let i = 0; i < height; i++, r++) {
    columns.forEach((items, g) => {
      const item = items[i];
      if (!item) return;
      if (split) {
        b.text(r, start(g), ctx.code(item.code.slice(0, 3)));
        b.text(r, start(g) + 1, item.code.slice(3));
      } else b.text(r, start(g), ctx.code(item.code));
      b.text(r, nameCol(g), item.name);
      b.amount(r, amountCol(g), item.amount);
    });
  }
  b.text(r, nameCol(0), '人员经费合计');
  b.amount(r, amountCol(0), data.personnel);
  const last = groups.length - 1;
  b.text(r, nameCol(last), '公用经费合计');
  b.amount(r, amountCol(last), data.public);
  return b;
}
