import type { TableCode } from '../tables/codes';

/**
 * Which of the nine tables a title names, by keywords (titles vary by year and region: domain.md §1.1).
 * Order matters: the specific fund tables before the general ones they contain as substrings.
 */
export function classifyTitle(label: string): TableCode | undefined {
  if (!isTitleLike(label)) return undefined;
  const t = label.replace(/^.*?\d{4}年度?/, '');
  if (/三公/.test(t)) return '09';
  if (/政府性基金/.test(t)) return '07';
  if (/国有资本经营/.test(t)) return '08';
  if (/基本支出/.test(t)) return '06';
  if (/一般公共预算/.test(t) && /支出/.test(t)) return '05';
  if (/财政拨款收(入)?支(出)?(决算)?总?表/.test(t)) return '04';
  if (/收(入)?支(出)?(决算)?总?表/.test(t)) return '01';
  if (/收入决算(总)?表/.test(t)) return '02';
  if (/支出决算(总)?表/.test(t)) return '03';
  return undefined;
}

/** A cell that reads like a table title (not a note that mentions one). */
const titleLike = new Map<string, boolean>();

export function isTitleLike(label: string): boolean {
  if (label.length < 4 || label.length > 80) return false;
  // Asked of every cell of every body row: remembered per label (labels recur across tables and workbooks).
  const known = titleLike.get(label);
  if (known !== undefined) return known;
  if (titleLike.size > 20000) titleLike.clear();
  const answer = titleLikeUncached(label);
  titleLike.set(label, answer);
  return answer;
}

function titleLikeUncached(label: string): boolean {
  if (!couldBeTitle(label)) return false;
  return /(决算|收支|支出|收入)(总|明细)?表(\(\S*\))?$/.test(label) || /决算(总|明细)?表/.test(label);
}

/** Not a note or a sentence, and of a title's length: what any table title (决算 or 预算) must be. */
export function couldBeTitle(label: string): boolean {
  if (label.length < 4 || label.length > 80) return false;
  if (/^(注|说明|备注|填报说明|资料来源)/.test(label)) return false;
  return !/[。；;]/.test(label);
}
