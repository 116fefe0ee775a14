import type { NarrativeText, Span } from './text';
import type { SectionId } from '../narrative/document';

/**
 * The outline of a 情况说明: 一、… sections and their （一）… subsections, recognised by the heading's words (never
 * by its number: Hunan and Shanghai number them differently, domain.md §3.1). Reading stops at 第四部分 (名词解释)
 * or any later part; a 第三部分 heading, when present, starts it.
 */
/** The generator's section ids (what a section is about), without its 名词解释, plus sections not recognised. */
export type SectionKind = Exclude<SectionId, 'glossary'> | 'unknown';

export interface OutlineSection {
  kind: SectionKind;
  /** “五”, “五（三）”. */
  number: string;
  title: string;
  /** The heading (clean span); empty for the text before the first heading. */
  heading: Span;
  /** The section's own text (clean span), up to its first subsection or the next section. */
  body: Span;
  /** Heading and everything down to the next section of the same or a higher level. */
  whole: Span;
  children: OutlineSection[];
  parent?: OutlineSection;
}

export interface Outline {
  /** Top-level sections in order (a leading 'unknown' one holds text before the first heading, if any). */
  sections: OutlineSection[];
  /** Clean span of the 第三部分 text that was read. */
  range: Span;
}

const CN = '[一二三四五六七八九十]{1,3}';
const TOP = new RegExp(`^(${CN})[、.．]\\s*(.+)$`);
const SUB = new RegExp(`^[（(](${CN})[）)]\\s*(.*)$`);
const PART = /^第[一二三四五六七八九十]+部分\s*(.*)$/;

export function outline(text: NarrativeText): Outline {
  const lines = text.original.split('\n');
  const { from, to } = narrativeRange(text, lines);
  const sections: OutlineSection[] = [];
  let current: OutlineSection | undefined;
  let sub: OutlineSection | undefined;
  const close = (s: OutlineSection | undefined, at: number) => {
    if (!s) return;
    s.whole.end = at;
    if (s.children.length === 0) s.body.end = at;
  };
  for (let i = 0; i < lines.length; i++) {
    const start = text.cleanIndexOfLine(i);
    const lineEnd = text.cleanIndexOfLine(i + 1);
    if (start < from || start >= to || lineEnd === start) continue;
    const line = lines[i].trim();
    const top = TOP.exec(line);
    if (top && isHeadingTitle(top[2])) {
      close(sub, start);
      close(current, start);
      sub = undefined;
      const title = squash(top[2]);
      current = {
        kind: classifyTop(title),
        number: top[1],
        title,
        heading: { start, end: lineEnd },
        body: { start: lineEnd, end: to },
        whole: { start, end: to },
        children: [],
      };
      sections.push(current);
      continue;
    }
    const s = SUB.exec(line);
    if (s) {
      if (!current) {
        current = unknownSection(start, to);
        sections.push(current);
      }
      close(sub, start);
      if (current.children.length === 0) current.body.end = start;
      const rest = squash(s[2]);
      const inline = rest.includes('。') || rest.length > 40;
      const title = inline ? rest.split('。')[0] : rest;
      const markerLength = squash(line).length - rest.length;
      sub = {
        kind: classifySub(title, current.kind),
        number: `${current.number}（${s[1]}）`,
        title,
        heading: { start, end: inline ? start + markerLength + title.length : lineEnd },
        body: { start: inline ? start + markerLength : lineEnd, end: to },
        whole: { start, end: to },
        children: [],
        parent: current,
      };
      current.children.push(sub);
      continue;
    }
    if (!current) {
      current = unknownSection(start, to);
      sections.push(current);
    }
  }
  close(sub, to);
  close(current, to);
  for (const s of sections) if (s.kind === 'unknown') s.kind = classifyByContent(text.clean.slice(s.body.start, Math.min(s.body.end, s.body.start + 60)));
  return { sections, range: { start: from, end: to } };
}

/**
 * The 第三部分 text: from a “第三部分…” (or “…情况说明” part) heading to the next part heading. A full report has a
 * 目录 listing the parts first: the candidate with the most text wins. Without part headings, the whole text.
 */
function narrativeRange(text: NarrativeText, lines: string[]): { from: number; to: number } {
  const parts: Array<{ line: number; narrative: boolean }> = [];
  lines.forEach((l, i) => {
    const m = PART.exec(l.trim());
    if (m) parts.push({ line: i, narrative: /^第三部分/.test(l.trim()) || /情况说明/.test(m[1]) });
  });
  let best: Span | undefined;
  for (let k = 0; k < parts.length; k++) {
    if (!parts[k].narrative) continue;
    const from = text.cleanIndexOfLine(parts[k].line + 1);
    const next = parts[k + 1];
    const to = next ? text.cleanIndexOfLine(next.line) : text.clean.length;
    if (!best || to - from > best.end - best.start) best = { start: from, end: to };
  }
  if (best) return { from: best.start, to: best.end };
  const stop = parts.find((p) => text.cleanIndexOfLine(p.line) > 0 && /名词解释|附件|附\s*件|附表/.test(lines[p.line]));
  return { from: 0, to: stop ? text.cleanIndexOfLine(stop.line) : text.clean.length };
}

function unknownSection(start: number, to: number): OutlineSection {
  return { kind: 'unknown', number: '', title: '', heading: { start, end: start }, body: { start, end: to }, whole: { start, end: to }, children: [] };
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** A heading is short and is not a sentence. */
function isHeadingTitle(title: string): boolean {
  const t = squash(title);
  return t.length > 0 && t.length <= 45 && !/[。；;]/.test(t.replace(/[。]$/, '')) && !/：.{8,}/.test(t);
}

export function classifyTop(title: string): SectionKind {
  const t = title.replace(/[“”"]/g, '');
  if (/三公/.test(t)) return 'sangong';
  if (/其他重要事项/.test(t)) return 'other-matters';
  if (/政府性基金/.test(t)) return 'gov-fund';
  if (/国有资本经营/.test(t)) return 'state-capital';
  if (/机关运行经费/.test(t)) return 'operating-cost';
  if (/一般性支出/.test(t)) return 'general-expense';
  if (/政府采购/.test(t)) return 'procurement';
  if (/国有资产/.test(t)) return 'assets';
  if (/绩效/.test(t)) return 'performance';
  if (/基本支出/.test(t)) return 'basic';
  if (/一般公共预算财政拨款支出/.test(t)) return 'gpb';
  if (/财政拨款收入支出|财政拨款收支/.test(t)) return 'fiscal';
  if (/收入支出决算总体|收支决算总体|收入支出总体|收支总体/.test(t)) return 'overview';
  if (/收入决算/.test(t)) return 'income';
  if (/支出决算/.test(t)) return 'expense';
  return 'unknown';
}

function classifySub(title: string, parent: SectionKind): SectionKind {
  if (parent === 'gpb') {
    if (/总体/.test(title)) return 'gpb-overall';
    if (/结构/.test(title)) return 'gpb-structure';
    if (/具体|明细/.test(title)) return 'gpb-detail';
    return 'gpb';
  }
  if (parent === 'sangong') {
    if (/总体/.test(title)) return 'sangong-overall';
    if (/具体|明细/.test(title)) return 'sangong-detail';
    return 'sangong';
  }
  if (parent === 'other-matters' || parent === 'unknown') {
    const k = classifyTop(title);
    return k === 'unknown' ? parent : k;
  }
  return parent;
}

/** A text without headings (a pasted paragraph): the kind its first words suggest. */
function classifyByContent(start: string): SectionKind {
  const k = classifyTop(start);
  if (k !== 'unknown') return k;
  if (/收[、，]?支总计|收入支出总计/.test(start)) return /财政拨款/.test(start) ? 'fiscal' : 'overview';
  return 'unknown';
}

/** Every section and subsection, depth first. */
export function allSections(o: Outline): OutlineSection[] {
  const out: OutlineSection[] = [];
  const visit = (s: OutlineSection) => {
    out.push(s);
    s.children.forEach(visit);
  };
  o.sections.forEach(visit);
  return out;
}

/** The innermost section holding a clean index. */
export function sectionAt(o: Outline, at: number): OutlineSection | undefined {
  return allSections(o)
    .filter((s) => s.whole.start <= at && at < s.whole.end)
    .pop();
}
