import type { SubjectTable } from '../../tables/model';
import type { NarrativeContext } from '../context';
import type { NarrativeSection } from '../document';
import { wanOf } from '../figures/state';
import { isZeroAmount } from '../money';
import { section } from '../phrases';
import { itemParagraph, itemRows } from './gpb';

/** 八 政府性基金 (← 07) and 九 国有资本经营 (← 08): the “无…收支” sentence when the table is empty. */

/** Every amount of the table is blank or 0: the “无…收入和支出” sentence. */
function isEmpty(table: SubjectTable): boolean {
  const amounts = [...(table.total ? Object.values(table.total.amounts) : []), ...table.rows.flatMap((r) => Object.values(r.amounts))];
  return amounts.every((a) => a === undefined || isZeroAmount(a.value));
}

/**
 * “…收入X万元，支出X万元，支出具体情况如下：” then one paragraph per 项 (年初预算 from 说明数据). (The Shanghai
 * template prints “支出收入” here, a typo its reports copy; the generator writes “支出”.)
 */
function fundParagraphs(ctx: NarrativeContext, code: '07' | '08', name: string, lead: string): string[] {
  const table = ctx.model[code] as SubjectTable;
  const expense = wanOf(ctx.fig(`${code}.total`));
  const head = 'income' in table.columns ? `${lead}${name}财政拨款收入${wanOf(ctx.fig(`${code}.income`))}，支出${expense}` : `${lead}${name}财政拨款支出${expense}`;
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
  else if (isEmpty(t07)) texts.push(`${ctx.yearText}本单位无政府性基金收支。`);
  else texts.push(...fundParagraphs(ctx, '07', '政府性基金预算', ctx.yearText));
  const t08 = ctx.model['08'];
  if (t08 && !isEmpty(t08)) texts.push(...fundParagraphs(ctx, '08', '国有资本经营预算', ctx.yearText));
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
  if (isEmpty(table)) return section(id, number, title, [`${ctx.unitName}${ctx.yearText}无${name}财政拨款收入和支出。`]);
  return section(id, number, title, fundParagraphs(ctx, code, name, ''));
}
