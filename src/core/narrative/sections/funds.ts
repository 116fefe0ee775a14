import type Decimal from 'decimal.js';
import type { SubjectTable } from '../../tables/model';
import type { NarrativeContext } from '../context';
import { valueOf } from '../context';
import type { NarrativeSection } from '../document';
import { isZeroAmount } from '../money';
import { section, wan } from '../phrases';
import { itemParagraph, itemRows } from './gpb';

/** 八 政府性基金 (← 07) and 九 国有资本经营 (← 08): the “无…收支” sentence when the table is empty. */

interface FundFigures {
  empty: boolean;
  income?: Decimal;
  expense: Decimal;
}

function figures(table: SubjectTable): FundFigures {
  const amounts = [...(table.total ? Object.values(table.total.amounts) : []), ...table.rows.flatMap((r) => Object.values(r.amounts))];
  const empty = amounts.every((a) => a === undefined || isZeroAmount(a.value));
  const total = table.total?.amounts;
  const income = 'income' in table.columns ? valueOf(total?.income) : undefined;
  return { empty, income, expense: valueOf(total?.total) };
}

/** “…收入X万元，支出X万元，支出具体情况如下：” then one paragraph per 项 (年初预算 from 说明数据). */
function fundParagraphs(ctx: NarrativeContext, code: '07' | '08', name: string, lead: string): string[] {
  const table = ctx.model[code] as SubjectTable;
  const f = figures(table);
  const head =
    f.income !== undefined
      ? `${lead}${name}财政拨款收入${wan(f.income)}，支出${wan(f.expense)}`
      : `${lead}${name}财政拨款支出${wan(f.expense)}`;
  const rows = itemRows(ctx, code);
  if (rows.length === 0) return [`${head}。`];
  return [`${head}，支出具体情况如下：`, ...rows.map((r, i) => itemParagraph(ctx, i + 1, r))];
}

/** Hunan 八: 政府性基金 (and 国有资本经营 when 08 has data — the Hunan list has no section of its own for it). */
export function fundsSectionHunan(ctx: NarrativeContext, number: string): NarrativeSection {
  ctx.section = number;
  const title = '政府性基金预算收入支出决算情况';
  const t07 = ctx.model['07'];
  const texts: string[] = [];
  if (!t07) texts.push(ctx.missingTable('07'));
  else if (figures(t07).empty) texts.push(`${ctx.yearText}本单位无政府性基金收支。`);
  else texts.push(...fundParagraphs(ctx, '07', '政府性基金预算', ctx.yearText));
  const t08 = ctx.model['08'];
  if (t08 && !figures(t08).empty) texts.push(...fundParagraphs(ctx, '08', '国有资本经营预算', ctx.yearText));
  return section('gov-fund', number, title, texts);
}

/** Shanghai 八 / 九. */
export function fundSectionShanghai(ctx: NarrativeContext, number: string, code: '07' | '08'): NarrativeSection {
  ctx.section = number;
  const name = code === '07' ? '政府性基金预算' : '国有资本经营预算';
  const title = `${name}财政拨款收入支出决算情况说明`;
  const id = code === '07' ? 'gov-fund' : 'state-capital';
  const table = ctx.model[code];
  if (!table) return section(id, number, title, [ctx.missingTable(code)]);
  if (figures(table).empty) return section(id, number, title, [`${ctx.unitName}${ctx.yearText}无${name}财政拨款收入和支出。`]);
  return section(id, number, title, fundParagraphs(ctx, code, name, ''));
}
