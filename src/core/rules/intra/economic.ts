import type { Amount, EconomicItem, Table06 } from '../../tables/model';
import { economicName } from '../../subjects/economic';

/** Readers over the 06 model shared by the t06 rules. */

export const PERSONNEL_CODES = ['301', '303'] as const;

/** The items that carry a code (a partial reading may leave one without). */
export function coded(t: Table06): EconomicItem[] {
  return (t.items ?? []).filter((i) => typeof i?.code === 'string');
}

/** The 类 codes the table covers, in printed order: 3-digit items, and 类 implied by 款 items. */
export function classCodes(t: Table06): string[] {
  const codes: string[] = [];
  for (const item of coded(t)) {
    const code = item.code.slice(0, 3);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** 5-digit items of one 类. */
export function itemsOf(t: Table06, classCode: string): EconomicItem[] {
  return coded(t).filter((i) => i.code.length === 5 && i.code.startsWith(classCode));
}

/** One 类's figure(s): its 类 line, or — when the table prints no such line — its 款 lines. */
export function classAmounts(t: Table06, classCode: string): Amount[] {
  const line = coded(t).find((i) => i.code === classCode);
  return (line ? [line.amount] : itemsOf(t, classCode).map((i) => i.amount)).filter((a): a is Amount => a !== undefined);
}

/** "301 工资福利支出" as the table prints it (the dictionary name when it prints no 类 line). */
export function classLabel(t: Table06, classCode: string): string {
  const name = coded(t).find((i) => i.code === classCode)?.name ?? economicName(classCode, t.meta.year) ?? '';
  return `${classCode} ${name}`.trim();
}
