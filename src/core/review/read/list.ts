import type { ListClaim } from '../claims';
import type { OutlineSection } from '../sections';
import type { NarrativeText } from '../text';

/**
 * 六's lists: “人员经费X万元，主要包括：基本工资、津贴补贴…；公用经费X万元，主要包括：办公费…”. A list runs from
 * 主要包括 to the end of its clause (；or 。) and belongs to the 人员经费 or 公用经费 named last before it. Items are
 * split at 、 and ，; a trailing 等 / 等支出 and a bracketed remark (“（不涉及的不列）”) are not part of an item.
 */
const LIST = /主要包括[：:]?([^；。]*)/g;

export function readLists(text: NarrativeText, s: OutlineSection): ListClaim[] {
  if (s.kind !== 'basic') return [];
  const { start, end } = s.body;
  const body = text.clean.slice(start, end);
  const out: ListClaim[] = [];
  LIST.lastIndex = 0;
  for (let m = LIST.exec(body); m; m = LIST.exec(body)) {
    const before = body.slice(0, m.index);
    const personnel = before.lastIndexOf('人员经费');
    const pub = Math.max(before.lastIndexOf('公用经费'), before.lastIndexOf('日常公用经费'));
    if (personnel < 0 && pub < 0) continue;
    const group = personnel > pub ? 'personnel' : 'public';
    const listStart = m.index + m[0].length - m[1].length;
    const items: ListClaim['items'] = [];
    let from = 0;
    for (const piece of m[1].split(/[、，,]/)) {
      const at = m[1].indexOf(piece, from);
      from = at + piece.length;
      const name = piece.replace(/（[^（）]*(?:不涉及|不列|如有)[^（）]*）/g, '').replace(/等(?:支出|费用|方面|项目)?$/, '').replace(/^(?:和|及|以及)/, '');
      if (name.length < 2) continue;
      const offset = piece.indexOf(name);
      items.push({ name, span: { start: start + listStart + at + offset, end: start + listStart + at + offset + name.length } });
    }
    if (items.length === 0) continue;
    out.push({ kind: 'list', group, items, section: s, quote: { start: start + m.index, end: start + m.index + m[0].length } });
  }
  return out;
}
