import { figuresIn, placeholderSpans } from '../numbers';
import type { NarrativeText, Span } from '../text';
import type { TextEvent } from './state';

/**
 * The events of a span in text order: every figure, and the words that claim something without a figure —
 * 决算数大于/小于/持平/等于 预算数/上年数, 与上年相比持平, 年初未安排预算 (a budget of 0), 上年无此项支出 (a prior
 * year of 0). Words inside a 【…】 placeholder are not events.
 */
const COMPARE = /决算数?(?:比|较|与)?(?:年初|全年)?(预算数?|上年(?:数|决算数?)?)?(大于|小于|高于|低于|超过|少于|持平|等于|相等)(?:于)?(?:年初|全年)?(预算数?|上年(?:数|决算数?)?)?/g;
const FLAT = /与上年(?:度)?(?:相比)?[，]?(?:基本)?持平|较上年(?:度)?持平|与\d{4}年度(?:相比)?[，]?[^，。；]{0,20}?持平/g;
const NO_BUDGET = /年初未安排预算|未安排(?:年初)?预算/g;
const NO_PRIOR = /上年无此项支出|上年(?:度)?无(?:此项)?(?:收支|支出)/g;

export function events(text: NarrativeText, span: Span): TextEvent[] {
  const body = text.clean.slice(span.start, span.end);
  const list: TextEvent[] = figuresIn(text.clean, span.start, span.end).map((f) => ({ at: f.span.start, end: f.span.end, figure: f }));
  const holes = placeholderSpans(body);
  const add = (re: RegExp, make: (m: RegExpExecArray) => Partial<TextEvent> | undefined) => {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const at = m.index;
      if (holes.some((h) => at >= h.start && at < h.end)) continue;
      const e = make(m);
      if (e) list.push({ at: span.start + at, end: span.start + at + m[0].length, ...e });
    }
  };
  add(COMPARE, (m) => {
    const against = /上年/.test(m[1] ?? m[3] ?? '') ? 'prior' : m[1] || m[3] ? 'budget' : undefined;
    if (!against) return undefined;
    const w = m[2];
    const word = w === '持平' || w === '等于' || w === '相等' ? '持平' : /大于|高于|超过/.test(w) ? '大于' : '小于';
    return { compare: { against, word, written: w } };
  });
  add(FLAT, () => ({ flat: true }));
  add(NO_BUDGET, () => ({ noBudget: true }));
  add(NO_PRIOR, () => ({ noPrior: true }));
  return list.sort((a, b) => a.at - b.at || b.end - a.end);
}
