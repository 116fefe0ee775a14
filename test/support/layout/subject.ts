/**
 * The 科目 tables 02/03/05/07/08: 功能分类 code (one column, split 类|款|项, or with the name in one cell), 科目名称,
 * then amount columns; a 合计 row first or last; heads in one to four rows (domain.md §1.2 and “Layout variation
 * seen in the field”).
 */
import type { Block } from './block';
import type { SubjectData } from './canonical';
import type { Ctx } from './context';
import { columnHead, emptyStatementFor, SPENDING_GROUP } from './labels';

type SubjectCode = '02' | '03' | '05' | '07' | '08';
type LeftCol = 'code' | 'lei' | 'kuan' | 'xiang' | 'name' | 'combined';

/** The columns left of the amounts, in order. */
function leftColumns(ctx: Ctx): LeftCol[] {
  const { codes, namePlace } = ctx.s;
  if (codes === 'combined') return ['combined'];
  const codeCols: LeftCol[] = codes === 'one' ? ['code'] : ['lei', 'kuan', 'xiang'];
  return namePlace === 'right' ? [...codeCols, 'name'] : ['name', ...codeCols];
}

/** The code cells of a row: code → value per left column. */
function codeCells(ctx: Ctx, code: string, name: string): Partial<Record<LeftCol, string | number>> {
  switch (ctx.s.codes) {
    case 'one':
      return { code: ctx.code(code), name };
    case 'combined':
      return { combined: `${code} ${name}` };
    case 'split-full':
      return { lei: ctx.code(code), name };
    case 'split-parts':
      return { lei: ctx.code(code.slice(0, 3)), kuan: code.slice(3, 5), xiang: code.slice(5, 7), name };
  }
}

/**
 * An empty table's statement: where it goes in this layout, or nowhere when the table has data. 09 has no body row
 * to write it across, so an empty 09 says it below the table in every layout.
 */
export function emptyStatement(ctx: Ctx, code: SubjectCode | '09'): { inBody?: string; below?: string } {
  const info = ctx.book.info[code];
  if (!info.empty) return {};
  const text = info.emptyStatement ?? emptyStatementFor(code, ctx.book.unit);
  return ctx.s.emptyStatement === 'first-body-row' && code !== '09' ? { inBody: text } : { below: text };
}

export function subjectBody(ctx: Ctx, code: SubjectCode): Block {
  const { s } = ctx;
  const data: SubjectData = ctx.book.subjects[code];
  const b = ctx.block(code);
  const left = leftColumns(ctx);
  const col = (c: LeftCol) => left.indexOf(c);
  const amountCol = (i: number) => left.length + i;
  const width = left.length + data.columns.length;
  const split = s.codes === 'split-parts' || s.codes === 'split-full';
  const grouped =
    s.spendingGroup === 'grouped' && code !== '02' && code !== '03' && SPENDING_GROUP.keys.every((k) => data.columns.includes(k));

  // Head rows: [top: 项目 / 本年支出 group] head [split: 类 款 项] [sub: 栏次 / 决算数]
  const hasTop = s.codeHeadTop === 'xiangmu' || grouped;
  const hasSplitRow = split && s.splitLabels === 'header';
  let r = 0;
  const topRow = hasTop ? r++ : -1;
  const headRow = r++;
  const splitRow = hasSplitRow ? r++ : -1;
  const labelBottom = r - 1;
  const firstHead = hasTop ? topRow : headRow;

  // Left heads
  const leftStart = s.codeHeadTop === 'xiangmu' ? headRow : firstHead;
  if (s.codeHeadTop === 'xiangmu') ctx.span(b, topRow, 0, topRow, left.length - 1, '项目');
  if (s.codes === 'combined') ctx.span(b, leftStart, 0, labelBottom, 0, '科目编码及名称');
  else {
    ctx.span(b, leftStart, col('name'), labelBottom, col('name'), '科目名称');
    if (s.codes === 'one') ctx.span(b, leftStart, col('code'), labelBottom, col('code'), '科目代码');
    else {
      const [lei, xiang] = [col('lei'), col('xiang')];
      ctx.span(b, leftStart, lei, hasSplitRow ? splitRow - 1 : labelBottom, xiang, '功能分类科目编码');
      if (hasSplitRow) ['类', '款', '项'].forEach((w, i) => ctx.span(b, splitRow, lei + i, splitRow, lei + i, w));
    }
  }
  // Amount heads
  const groupCols = grouped ? SPENDING_GROUP.keys.map((k) => data.columns.indexOf(k)) : [];
  if (grouped) ctx.span(b, topRow, amountCol(Math.min(...groupCols)), topRow, amountCol(Math.max(...groupCols)), SPENDING_GROUP.label);
  data.columns.forEach((key, i) => {
    if (grouped && SPENDING_GROUP.keys.includes(key)) {
      const sub = key === 'total' ? SPENDING_GROUP.total[code === '08' ? 1 : 0] : key === 'basic' ? SPENDING_GROUP.basic : SPENDING_GROUP.project;
      ctx.span(b, headRow, amountCol(i), labelBottom, amountCol(i), sub);
    } else ctx.span(b, firstHead, amountCol(i), labelBottom, amountCol(i), columnHead(code, key));
  });
  if (s.subRow === '栏次') {
    b.text(r, 0, '栏次');
    data.columns.forEach((_k, i) => b.text(r, amountCol(i), i + 1));
    r++;
  } else if (s.subRow === '决算数') {
    data.columns.forEach((_k, i) => ctx.span(b, r, amountCol(i), r, amountCol(i), '决算数'));
    r++;
  }

  // Body
  const statement = emptyStatement(ctx, code);
  if (statement.inBody) ctx.line(b, r++, 0, width - 1, statement.inBody);
  const empty = ctx.book.info[code].empty;
  const writeTotal = () => {
    const word = s.totalWord;
    if (split && s.splitLabels === 'total-row') {
      ['类', '款', '项'].forEach((w, i) => b.text(r, col('lei') + i, w));
      b.text(r, col('name'), word);
    } else if (s.totalLabelPlace === 'name' && s.codes !== 'combined') b.text(r, col('name'), word);
    else {
      b.text(r, 0, word);
      if (s.totalLabelPlace === 'merged') b.merge(r, 0, r, left.length - 1, true);
    }
    const zeros = empty && s.emptyTotal === 'zeros';
    data.columns.forEach((key, i) => b.amount(r, amountCol(i), data.total[key], zeros));
    r++;
  };
  const showTotal = !(empty && s.emptyTotal === 'absent');
  if (showTotal && s.totalPos === 'first') writeTotal();
  for (const row of data.rows) {
    const cells = codeCells(ctx, row.code, row.name);
    for (const [c, v] of Object.entries(cells)) b.text(r, col(c as LeftCol), v);
    data.columns.forEach((key, i) => b.amount(r, amountCol(i), row.amounts[key]));
    r++;
  }
  if (showTotal && s.totalPos === 'last') writeTotal();
  return b;
}
