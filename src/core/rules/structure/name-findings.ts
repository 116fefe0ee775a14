import type { RuleContext } from '../context';
import type { TableCode } from '../../tables/codes';
import { tableLabel } from '../../tables/codes';

/** One printed 科目 (code + name) that its year's edition does not confirm as printed. */
export interface NameIssue {
  /** unknown: code not in the edition; mismatch: another name there; old: a known 旧称; neighbour: the name of last/next year's edition. */
  kind: 'unknown' | 'mismatch' | 'old' | 'neighbour';
  /** “第 9 行 ” or '' where the table has no row numbers to show. */
  where: string;
  code: string;
  name: string;
  official?: string;
  /** For 'neighbour': the year of the edition that has this name. */
  neighbour?: number;
  nameCell?: string;
  codeCells: readonly string[];
}

/** More name mismatches than this in one table are one warning: the edition or the code column is wrong, not 30 names. */
export const MISMATCH_FLOOD = 5;
/** Codes listed in a grouped message before “等”. */
const LISTED = 12;

/**
 * The findings for one table's issues: unknown codes → one warning for the table, however many; mismatches → one
 * warning per row, or one for the table beyond MISMATCH_FLOOD; older and neighbour-edition names → info per row.
 * The rule's message must be '{table}{where}科目{subject}{problem}。'.
 */
export function reportNameIssues(
  ctx: RuleContext,
  table: TableCode,
  issues: readonly NameIssue[],
  words: { edition: number; list: string },
): void {
  const label = tableLabel(table);
  const { edition, list } = words;
  const subject = (i: NameIssue) => ` ${i.code}${i.name ? `“${i.name}”` : ''}`;
  for (const i of issues) {
    if (i.kind === 'old')
      ctx.report({ table: label, where: i.where, subject: subject(i), problem: `为旧称，${edition} 年科目表中的名称为“${i.official}”，可更新为现行名称` }, nameFirst(i), { table }, 'info');
    else if (i.kind === 'neighbour')
      ctx.report(
        {
          table: label,
          where: i.where,
          subject: subject(i),
          problem: i.official
            ? `为 ${i.neighbour} 年科目表中的名称，${edition} 年科目表中该代码的名称为“${i.official}”，可按本年科目表更新`
            : `为 ${i.neighbour} 年科目表中的科目，${edition} 年科目表中没有该代码，请按本年科目表核对`,
        },
        nameFirst(i),
        { table },
        'info',
      );
  }
  const unknown = issues.filter((i) => i.kind === 'unknown');
  const hint = '请核对代码是否正确（新增或地方科目可忽略本提示）';
  if (unknown.length === 1) {
    const [i] = unknown;
    ctx.report({ table: label, where: i.where, subject: subject(i), problem: `：科目代码不在 ${edition} 年${list}中，${hint}` }, codeFirst(i), { table });
  } else if (unknown.length > 1) {
    ctx.report(
      { table: label, where: '', subject: `代码有 ${unknown.length} 个`, problem: `不在 ${edition} 年${list}中：${listed(unknown, (i) => `${i.code}（${i.where.trim() || codeFirst(i)[0] || '本表'}）`)}。${hint}` },
      unknown.flatMap(codeFirst),
      { table },
    );
  }
  const mismatches = issues.filter((i) => i.kind === 'mismatch');
  if (mismatches.length > MISMATCH_FLOOD) {
    ctx.report(
      {
        table: label,
        where: '',
        subject: `名称有 ${mismatches.length} 处`,
        problem:
          `与 ${edition} 年${list}不符（${listed(mismatches, (i) => `${i.code}“${i.name}”应为“${i.official}”`)}）。` +
          '这么多不符，通常是报表年度、所用科目表版本不对或科目代码列错位，请先核对年度和代码列，再逐行核对名称',
      },
      mismatches.flatMap(nameFirst),
      { table },
    );
    return;
  }
  for (const i of mismatches)
    ctx.report(
      {
        table: label,
        where: i.where,
        subject: subject(i),
        problem: i.name ? `与科目表不符，${edition} 年科目表中该代码的名称为“${i.official}”，请核对名称或代码` : `未填科目名称，应为“${i.official}”`,
      },
      nameFirst(i),
      { table },
    );
}

/** For a name the name cell is what to look at first, for an unknown code the code cell. */
function nameFirst(i: NameIssue): string[] {
  return [...(i.nameCell ? [i.nameCell] : []), ...i.codeCells];
}

function codeFirst(i: NameIssue): string[] {
  return [...i.codeCells, ...(i.nameCell ? [i.nameCell] : [])];
}

function listed(issues: readonly NameIssue[], text: (i: NameIssue) => string): string {
  const shown = issues.slice(0, LISTED).map(text).join('、');
  return issues.length > LISTED ? `${shown} 等` : shown;
}
