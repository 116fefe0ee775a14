import type { Figure } from '../numbers';

/**
 * Cues shared by the handlers. A figure after these words in its sentence explains something else (a reason,
 * a use): it is not a claim, unless a subject is named after them.
 */
export const EXPLANATION = /原因|因为|由于|主要用于|主要包括|开支内容|用于/;

/** A percentage, or a bare decimal where a percentage is expected (“增长13.95。” has lost its %). */
export function isPercentLike(f: Figure): boolean {
  return f.kind === 'percent' || (f.kind === 'bare' && f.decimals > 0);
}

/** End of the last match of `re` in `s`, or -1. */
export function lastMatchEnd(re: RegExp, s: string): number {
  const g = new RegExp(re.source, 'g');
  let end = -1;
  for (let m = g.exec(s); m; m = g.exec(s)) end = m.index + m[0].length;
  return end;
}
