import { departmentKey, isPlaceholderName, splitDivisions } from '../../read/department-name';
import type { WorkbookFacts } from '../../tables/facts';
import type { CheckContext } from '../check';
import { distance } from '../labels';
import { sectionAt, type Outline } from '../sections';
import type { Span } from '../text';

/**
 * The department as the text names it against the workbook's best-attested name (“上海市普陀区规划与自然资源局”
 * where every table says 规划和). A name is looked for wherever the text has the name's last two characters;
 * it is wrong when it is the name but for one or two characters (the full name), or one character of the name
 * without its 省/市/区 prefix. Another body's name (“湘潭市长株潭一体化发展事务中心” beside 株洲市…) differs in
 * more than that, or only in its division prefix, and is left alone. Each wrong spelling is one finding, however
 * often it occurs.
 */
export function checkDepartment(ctx: CheckContext, o: Outline, facts: WorkbookFacts | undefined, also: readonly string[] = []): void {
  const best = facts?.department?.name;
  if (!best || isPlaceholderName(best)) return;
  const full = departmentKey(best);
  const short = splitDivisions(best).body;
  const accepted = new Set([full, ...also.map(departmentKey)]);
  if (full.length < 6) return;
  const clean = ctx.r.text.clean;
  const { start, end } = o.range;
  const suffix = full.slice(-2);
  const wrong = new Map<string, Array<{ span: Span; name: string }>>();
  for (let i = clean.indexOf(toClean(suffix), start); i >= 0 && i < end; i = clean.indexOf(toClean(suffix), i + 1)) {
    const stop = i + suffix.length;
    const window = (n: number) => departmentKey(clean.slice(Math.max(start, stop - n), stop));
    const common = commonSuffix(window(full.length + 2), full);
    if (common >= full.length || [...accepted].some((a) => window(a.length) === a)) {
      ctx.checked++;
      continue;
    }
    let hit: string | undefined;
    if (common >= short.length) {
      // The body is right: only a one-character slip in the division prefix (“株州市…”) is a misspelling.
      hit = closest(window, full, [full.length - 1, full.length, full.length + 1], 1);
    } else {
      hit = closest(window, full, [full.length - 2, full.length - 1, full.length, full.length + 1, full.length + 2], 2) ?? (short.length >= 5 ? closest(window, short, [short.length - 1, short.length, short.length + 1], 1) : undefined);
    }
    if (!hit) continue;
    ctx.checked++;
    // One misspelling is one finding, whether written with the division prefix or without it.
    const key = hit.endsWith(short) ? hit : hit.slice(-short.length);
    const list = wrong.get(key) ?? [];
    list.push({ span: { start: stop - hit.length, end: stop }, name: hit });
    wrong.set(key, list);
  }
  const cells = (facts?.department?.witnesses ?? []).filter((w) => w.cell && departmentKey(w.name) === full).map((w) => w.cell!).slice(0, 3);
  for (const list of wrong.values()) {
    const names = [...new Set(list.map((x) => x.name))];
    ctx.r.add('review-department', 'warning', list[0].span, sectionAt(o, list[0].span.start), `单位名称应为“${best}”（工作簿各表表头等处的写法），文中写作${names.map((x) => `“${x}”`).join('、')}${list.length > 1 ? `，共 ${list.length} 处` : ''}。`, {
      cells,
      expected: best,
      actual: names[0],
    });
  }
}

/** The window (of one of `lengths`) within `max` edits of `name`, nearest first; undefined when none is. */
function closest(window: (n: number) => string, name: string, lengths: number[], max: number): string | undefined {
  let best: { w: string; d: number } | undefined;
  for (const n of lengths) {
    if (n <= 0) continue;
    const w = window(n);
    const d = distance(w, name);
    if (d >= 1 && d <= max && (!best || d < best.d)) best = { w, d };
    if (d === 0) return undefined;
  }
  return best?.w;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** departmentKey form → the clean text's (full-width brackets). */
function toClean(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}
