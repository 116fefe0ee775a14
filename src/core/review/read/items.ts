import Decimal from 'decimal.js';
import type { LabelClaim } from '../claims';
import { parseLabel } from '../labels';
import type { OutlineSection, SectionKind } from '../sections';
import type { NarrativeText, Span } from '../text';

/**
 * 五（三）, 八 and 九 describe one 科目 after another: “1、X（类）Y（款）Z（项）。年初预算为…”, or unnumbered,
 * several to a paragraph: “X（类）Y（款）Z（项）120.50万元，…；W（项）30.00万元”. Every label starts an item
 * segment that runs to the next label, so each amount binds to the label nearest before it. A label that
 * leaves out its 类 (or 类 and 款) takes them from the label before (“…（项）120.50万元；W（项）30.00万元”).
 */
export interface Segment {
  span: Span;
  label?: LabelClaim;
}

const ITEM_TABLE: Partial<Record<SectionKind, '05' | '07' | '08'>> = { 'gpb-detail': '05', 'gov-fund': '07', 'state-capital': '08' };

/** A 科目 name: no punctuation or digits; a short bracket inside it is part of it (“政府办公厅（室）”, “因公出国（境）”). */
const NAME = '(?:[^，。；：、！？“”"\\d.（）]|（(?!类|款|项)[^（）\\d一二三四五六七八九十]{1,4}）)+';
const PART = (level: string) => `[“"]?(${NAME})[”"]?（${level}）`;
const LABEL = new RegExp(`(?:${PART('类')})?(?:${PART('款')})?(?:${PART('项')})?`, 'g');
const REASON = /原因|因为|由于|调整|开支内容/;
/** Words that open a sentence before the 类 name, not part of it. */
const LEAD_WORDS = /^(?:其中|主要用于|用于|包括|以及|另外|此外|其次|再次|最后|分别为|分别是|具体为|具体是|主要是|为|是|和|及)/;

export function splitItems(text: NarrativeText, s: OutlineSection): Segment[] {
  const table = ITEM_TABLE[s.kind];
  const { start, end } = s.body;
  if (!table) return [{ span: { start, end } }];
  const body = text.clean.slice(start, end);
  const marks: Array<{ at: number; end: number; label: string }> = [];
  let previous: { cls?: string; kuan?: string } = {};
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(body); m; m = LABEL.exec(body)) {
    if (m[0] === '') {
      LABEL.lastIndex++;
      continue;
    }
    let cls: string | undefined = m[1];
    let kuan: string | undefined = m[2];
    const xiang: string | undefined = m[3];
    let at = m.index;
    if (cls !== undefined) {
      const lead = LEAD_WORDS.exec(cls);
      if (lead && lead[0].length < cls.length) {
        cls = cls.slice(lead[0].length);
        at += lead[0].length;
      }
    }
    // A label inside a reason (“原因是从事业运行（项）调整至…”) names a 科目, it does not start an item.
    const sentence = body.slice(body.lastIndexOf('。', m.index - 1) + 1, m.index + m[0].length);
    if (REASON.test(sentence)) continue;
    // Missing upper levels come from the label before (an item in the same 类/款 written without them).
    if (cls === undefined && kuan === undefined && xiang !== undefined && previous.kuan !== undefined) [cls, kuan] = [previous.cls, previous.kuan];
    else if (cls === undefined && kuan !== undefined && previous.cls !== undefined) cls = previous.cls;
    previous = { cls, kuan };
    const label = `${cls !== undefined ? `${cls}（类）` : ''}${kuan !== undefined ? `${kuan}（款）` : ''}${xiang !== undefined ? `${xiang}（项）` : ''}`;
    marks.push({ at: start + at, end: start + m.index + m[0].length, label });
  }
  if (marks.length === 0) return [{ span: { start, end } }];
  const segments: Segment[] = [{ span: { start, end: itemStart(text, marks[0].at, start) } }];
  marks.forEach((mark, i) => {
    const segEnd = i + 1 < marks.length ? itemStart(text, marks[i + 1].at, mark.end) : end;
    const after = text.clean.slice(mark.end, segEnd);
    segments.push({
      span: { start: mark.end, end: segEnd },
      label: {
        kind: 'label',
        section: s,
        quote: { start: mark.at, end: mark.end },
        label: mark.label,
        table,
        statedActual: statedActual(after),
      },
    });
  });
  return segments;
}

/** An item's list marker (“1、”, “（1）”) belongs to it, not to the text before. */
function itemStart(text: NarrativeText, at: number, floor: number): number {
  const before = text.clean.slice(Math.max(floor, at - 5), at);
  const marker = /(?:\d{1,2}[、.]|[（(]\d{1,2}[）)])$/.exec(before);
  return marker ? at - marker[0].length : at;
}

/** The 支出决算 an item states: “决算为X”, else the amount right after the label (“（项）120.50万元”). */
function statedActual(after: string): Decimal | undefined {
  const figure = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
  const m = new RegExp(`(?:支出)?决算(?:数)?(?:为|是)?${figure}`).exec(after) ?? new RegExp(`^[。，：]?(?:支出)?(?:为)?${figure}万元`).exec(after);
  return m ? new Decimal(m[1].replace(/,/g, '')) : undefined;
}

export { parseLabel };
