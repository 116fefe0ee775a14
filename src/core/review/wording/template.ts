import type { CheckContext } from '../check';
import { sectionAt, type Outline } from '../sections';
import type { Span } from '../text';

/**
 * What a template leaves behind when it is not filled in: alternatives in brackets (“增加（减少）”, “下降（增长）”,
 * “大于（小于）”), instructions (“（如持平作持平表述）”, “（不涉及的不列）”), placeholders (“XX”, “××”, “XXX万元”,
 * “【单位名称】”). Each is a finding quoting it (warning). This product's own 【请填写：…】 marks are one note for the
 * whole text (info): they are listed where the text was generated, and are there to be filled in.
 */
const DIRECTION = '增加|减少|增长|下降|上升|降低|大于|小于|高于|低于';
const PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(`(?:${DIRECTION})（(?:${DIRECTION})）`, 'g'), '模板中的二选一写法，应按实际数字只保留一个'],
  [/（(?:如持平作持平表述|不涉及的?不列|如有请说明|按上述格式[^）]*)）|按上述格式依次说明[^。]*。?/g, '模板中的填写说明，应删除'],
  [/[X×]{2,}|\d{4}年度?[X×]+|[X×]年度/g, '模板中的占位符，应填写实际内容'],
  [/【(?!请填写)[^】]{0,40}】/g, '模板中的占位符，应填写实际内容'],
];
const FILL = /【请填写[^】]*】/g;
/** More than this many remnants of one kind are one finding (an unfilled template is one problem). */
const FLOOD = 8;

export function checkTemplate(ctx: CheckContext, o: Outline): void {
  const clean = ctx.r.text.clean;
  const { start, end } = o.range;
  const body = clean.slice(start, end);
  const taken: Span[] = [];
  for (const [re, why] of PATTERNS) {
    const hits: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const span = { start: start + m.index, end: start + m.index + m[0].length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      hits.push(span);
    }
    taken.push(...hits);
    if (hits.length > FLOOD) {
      const quotes = hits.map((h) => `“${ctx.r.quote(h).replace(/\s+/g, '')}”`);
      ctx.r.add('review-template', 'warning', hits[0], sectionAt(o, hits[0].start), `${why}。全文共 ${hits.length} 处：${quotes.slice(0, 10).join('、')}${hits.length > 10 ? ' 等' : ''}。`);
    } else for (const h of hits) ctx.r.add('review-template', 'warning', h, sectionAt(o, h.start), `${why}。`);
  }
  const fills: Span[] = [];
  FILL.lastIndex = 0;
  for (let m = FILL.exec(body); m; m = FILL.exec(body)) fills.push({ start: start + m.index, end: start + m.index + m[0].length });
  if (fills.length > 0)
    ctx.r.add('review-template', 'info', fills[0], sectionAt(o, fills[0].start), `文中还有 ${fills.length} 处“【请填写：…】”待填写（生成情况说明时缺少的说明数据），定稿前应全部填写。`);
}
