/**
 * The frame around a table's heads and body: title lines, the number, the department/unit line, notes and the
 * no-data statement. Shared by the nine tables and the extra (non-public) ones.
 */
import type { TableCode } from '../../../src/core/tables/codes';
import type { Block } from './block';
import type { Ctx } from './context';
import { chineseNumeral } from './labels';

export interface FrameSpec {
  table?: TableCode;
  title: string;
  department: string;
  /** The printed position (1…9) for the number, or undefined for an un-numbered (extra) table. */
  printed?: number;
  body: Block;
  notes: string[];
  /** A no-data statement written below the table. */
  statementBelow?: string;
}

/** “公开01表”, “1.”, “表一”, or '' — how this layout numbers the table printed at position n. */
export function numberLabel(ctx: Ctx, n: number | undefined): string {
  if (n === undefined) return '';
  switch (ctx.s.numbering) {
    case 'gongkai':
      return `公开${String(n).padStart(2, '0')}表`;
    case 'arabic':
      return `${n}.`;
    case 'chinese':
      return `表${chineseNumeral(n)}`;
    case 'none':
      return '';
  }
}

export function framed(ctx: Ctx, spec: FrameSpec): Block {
  const { s, book } = ctx;
  const b = ctx.block(spec.table);
  const w = Math.max(spec.body.width, 3);
  const number = numberLabel(ctx, spec.printed);
  let r = 0;
  if (s.titleLine === 'banner') ctx.line(b, r++, 0, w - 1, `${spec.department}${book.year}年度部门决算表`);
  let title = (s.titleLine === 'prefixed' ? `${spec.department}${book.year}年度` : '') + spec.title;
  if (number && s.numberPlace === 'prefix') title = number.endsWith('.') ? `${number}${title}` : `${number}　${title}`;
  const numberInRow = number && s.numberPlace === 'title-row';
  ctx.line(b, r, 0, numberInRow ? w - 2 : w - 1, title);
  if (numberInRow) b.text(r, w - 1, number);
  r++;
  if (number && s.numberPlace === 'own-line') b.text(r++, w - 1, number);
  switch (s.metaLine) {
    case 'dept-unit':
      ctx.line(b, r, 0, Math.max(0, w - 3), `部门：${spec.department}`);
      b.text(r, w - 1, '金额单位：万元');
      break;
    case 'dept-unit-one-cell':
      ctx.line(b, r, 0, w - 1, `部门：${spec.department}　　　　　　　　金额单位：万元`);
      break;
    case 'bianzhi':
      b.text(r, 0, `编制单位：${spec.department}`);
      b.text(r, w - 1, '单位：万元');
      break;
    case 'unit-only':
      b.text(r, w - 1, '单位：万元');
      break;
  }
  r++;
  b.paste(spec.body, r, 0);
  r += spec.body.height;
  if (s.notes !== 'none') {
    for (const note of spec.notes) {
      if (s.notes === 'inside') ctx.line(b, r++, 0, w - 1, note);
      else b.text(r++, 0, note);
    }
  }
  if (spec.statementBelow) b.text(r++, 0, spec.statementBelow);
  return b;
}
