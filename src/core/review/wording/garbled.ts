import type { CheckContext } from '../check';
import { sectionAt, type Outline } from '../sections';

/**
 * Direction words run together by an edit (“减增加”, “大小于”, “增加减少”, “增长下降”): the sentence says both
 * things, or neither. Where a figure follows, the change check has already said so with the right word; the
 * rest are reported here, each once.
 */
const GARBLED = /减增加|减增长|增减少|大小于|小大于|大于小于|小于大于|高于低于|低于高于|(?:增加|增长|上升)(?:减少|下降|降低)|(?:减少|下降|降低)(?:增加|增长|上升)/g;

export function checkGarbled(ctx: CheckContext, o: Outline): void {
  const clean = ctx.r.text.clean;
  const { start, end } = o.range;
  const body = clean.slice(start, end);
  GARBLED.lastIndex = 0;
  for (let m = GARBLED.exec(body); m; m = GARBLED.exec(body)) {
    const span = { start: start + m.index, end: start + m.index + m[0].length };
    if (ctx.r.covers('review-direction', span)) continue;
    ctx.r.add('review-direction', 'error', span, sectionAt(o, span.start), `“${m[0]}”是写乱了的方向用语（同时含有相反的意思），应按数字改为一个词，如“增加”“减少”“大于”“小于”或“持平”。`, { actual: m[0] });
  }
}
