import Decimal from 'decimal.js';
import { countSubject, lastSubject, shareBase } from './lexicon';
import { figuresIn, placeholderSpans, type Figure } from './numbers';
import type { Outline, OutlineSection, SectionKind } from './sections';
import type { NarrativeText, Span } from './text';

/**
 * The numeric claims of a narrative: each figure with its subject and what it states about it (the amount, the
 * budget, a share, a completion rate, an increase/decrease, a count), plus the comparison words (大于/小于/持平)
 * and the 五（三）-style item labels. Figures whose subject cannot be told are not claims (they cannot be checked);
 * what is stated nearby (the text's own figures) travels with each rate so that a rate can be checked against
 * the text as written as well as against the tables.
 */
export type Direction = 'up' | 'down';

interface ClaimBase {
  section: OutlineSection;
  /** The text to quote (clean span). */
  quote: Span;
}

export interface AmountClaim extends ClaimBase {
  kind: 'amount';
  role: 'actual' | 'budget' | 'prior';
  subject: string;
  value: Decimal;
  /** Absent for a figure stated in words (“年初未安排预算” → 0, “上年无此项支出” → 0). */
  figure?: Figure;
}

export interface ShareClaim extends ClaimBase {
  kind: 'share';
  subject: string;
  /** Denominator subject; 'none' when it is named but not one the tables hold. */
  base?: string;
  figure: Figure;
  /** The part as stated just before (“47.3万元，占9.1%”). */
  part?: Decimal;
  /** The denominator as stated in the section, when it is. */
  whole?: Decimal;
}

export interface CompletionClaim extends ClaimBase {
  kind: 'completion';
  subject: string;
  figure: Figure;
  statedActual?: Decimal;
  statedBudget?: Decimal;
}

export interface ChangeClaim extends ClaimBase {
  kind: 'change' | 'change-rate';
  subject: string;
  figure: Figure;
  /** The direction words as written (“增加减少”). */
  words: string;
  directions: Direction[];
  statedCurrent?: Decimal;
  /** For a rate: the 增减额 stated just before, with its words. */
  amount?: { value: Decimal; directions: Direction[] };
}

export interface CompareClaim extends ClaimBase {
  kind: 'compare';
  subject: string;
  against: 'budget' | 'prior';
  word: '大于' | '小于' | '持平';
  statedActual?: Decimal;
  statedBudget?: Decimal;
  statedPrior?: Decimal;
}

export interface FlatClaim extends ClaimBase {
  kind: 'flat';
  subject: string;
  statedCurrent?: Decimal;
}

export interface CountClaim extends ClaimBase {
  kind: 'count';
  subject: string;
  figure: Figure;
}

export interface LabelClaim extends ClaimBase {
  kind: 'label';
  /** Clean text of the label (“一般公共服务（类）发展与改革事务（款）事业运行（项）”). */
  label: string;
  table: '05' | '07' | '08';
  /** The 支出决算 the item states, to tell apart 项 of the same name. */
  statedActual?: Decimal;
  /** Filled by the resolver: the subject key `item:05:2010450`. */
  subject?: string;
}

export type Claim = AmountClaim | ShareClaim | CompletionClaim | ChangeClaim | CompareClaim | FlatClaim | CountClaim | LabelClaim;

export interface Extraction {
  claims: Claim[];
  /** Every figure read, claimed or not, with its section. */
  figures: Array<{ figure: Figure; section: OutlineSection; claimed: boolean; expects?: 'percent' | 'amount' }>;
  /** Item labels by section, in order. */
  items: LabelClaim[];
}

/** Resolves an item label to its subject key (`item:05:CODE`) or undefined. Provided by labels.ts. */
export type ItemResolver = (claim: LabelClaim) => string | undefined;

const CLAUSE_PUNCT = /[，；。：！？]/;
const UP = ['增加', '增长', '上升', '提高', '增幅'];
const DOWN = ['减少', '下降', '降低', '降幅', '减幅'];
const CHANGE_END = /((?:增加|增长|上升|提高|增幅|减少|下降|降低|降幅|减幅)+)(?:率|幅度|幅)?(?:了|为|达|是)?$/;
/** A figure after these words in its sentence explains something else (a reason, a use): not a claim. */
const EXPLANATION = /原因|因为|由于|主要用于|主要包括|开支内容|用于/;
const COMPLETION_END = /完成(.{0,14}?)的$|(?:预算)?(?:完成率|执行率)(?:为|是|达)?$/;
const BUDGET_END = /(?:年初|全年|调整后)?预算(?:数)?(?:为|是)?$/;
const ACTUAL_END = /(?:决算|执行)(?:数)?(?:为|是)?$|支出(?:为|是)$/;
const PRIOR_END = /上年(?:数|决算数?)?(?:为|是)$/;

interface Stated {
  actual?: Decimal;
  budget?: Decimal;
  prior?: Decimal;
  change?: { value: Decimal; directions: Direction[]; at: number };
}

export function extractClaims(text: NarrativeText, o: Outline, resolveItem: ItemResolver): Extraction {
  const out: Extraction = { claims: [], figures: [], items: [] };
  for (const top of o.sections) {
    const stated = new Map<string, Stated>();
    for (const s of [top, ...top.children]) {
      const segments = splitItems(text, s);
      let current: string | undefined;
      for (const seg of segments) {
        if (seg.label) {
          out.items.push(seg.label);
          out.claims.push(seg.label);
          current = resolveItem(seg.label);
          seg.label.subject = current;
          readSegment(text, s, seg.span, current, true, stated, out);
        } else current = readSegment(text, s, seg.span, current, false, stated, out);
      }
    }
  }
  return out;
}

interface Segment {
  span: Span;
  label?: LabelClaim;
}

const ITEM_TABLE: Partial<Record<SectionKind, '05' | '07' | '08'>> = { 'gpb-detail': '05', 'gov-fund': '07', 'state-capital': '08' };

/** 五（三） and 八/九: the head, then one segment per “N、X（类）Y（款）Z（项）” item. */
function splitItems(text: NarrativeText, s: OutlineSection): Segment[] {
  const table = ITEM_TABLE[s.kind];
  const { start, end } = s.body;
  if (!table) return [{ span: { start, end } }];
  const body = text.clean.slice(start, end);
  const marks: Array<{ at: number; labelEnd: number; label: string }> = [];
  const re = /(\d{1,2})[、.](?=\D)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = start + m.index;
    const prev = body[m.index - 1];
    if (m.index > 0 && !/[。；：]/.test(prev ?? '') && !text.startsLine(at)) continue;
    const from = m.index + m[0].length;
    const stop = body.indexOf('。', from);
    const sentence = body.slice(from, stop < 0 ? body.length : stop);
    const close = Math.max(sentence.lastIndexOf('（项）'), sentence.lastIndexOf('（款）'));
    if (close < 0 || !/（类）|（款）|（项）/.test(sentence)) continue;
    const label = sentence.slice(0, close + 3);
    marks.push({ at, labelEnd: start + from + label.length, label });
  }
  if (marks.length === 0) return [{ span: { start, end } }];
  const segments: Segment[] = [{ span: { start, end: marks[0].at } }];
  marks.forEach((mark, i) => {
    const segEnd = i + 1 < marks.length ? marks[i + 1].at : end;
    const labelStart = mark.labelEnd - mark.label.length;
    const after = text.clean.slice(mark.labelEnd, segEnd);
    const actual = /(?:支出)?决算(?:数)?(?:为|是)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(after);
    segments.push({
      span: { start: mark.labelEnd, end: segEnd },
      label: {
        kind: 'label',
        section: s,
        quote: { start: labelStart, end: mark.labelEnd },
        label: mark.label,
        table,
        statedActual: actual ? new Decimal(actual[1].replace(/,/g, '')) : undefined,
      },
    });
  });
  return segments;
}

interface Event {
  at: number;
  end: number;
  figure?: Figure;
  compare?: { against: 'budget' | 'prior'; word: '大于' | '小于' | '持平' };
  flat?: boolean;
  noBudget?: boolean;
  noPrior?: boolean;
}

const COMPARE = /决算数?(?:比|较|与)?(?:年初)?(预算数?|上年(?:数|决算数?)?)?(大于|小于|高于|低于|超过|少于|持平)(?:于)?(?:年初)?(预算数?|上年(?:数|决算数?)?)?/g;
const FLAT = /与上年(?:度)?(?:相比)?[，]?(?:基本)?持平|较上年(?:度)?持平|与\d{4}年度(?:相比)?[，]?[^，。；]{0,20}?持平/g;
const NO_BUDGET = /年初未安排预算|未安排(?:年初)?预算/g;
const NO_PRIOR = /上年无此项支出|上年(?:度)?无(?:此项)?(?:收支|支出)/g;

function events(text: NarrativeText, span: Span): Event[] {
  const body = text.clean.slice(span.start, span.end);
  const list: Event[] = figuresIn(text.clean, span.start, span.end).map((f) => ({ at: f.span.start, end: f.span.end, figure: f }));
  const holes = placeholderSpans(body);
  const add = (re: RegExp, make: (m: RegExpExecArray) => Partial<Event> | undefined) => {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (holes.some((h) => m!.index >= h.start && m!.index < h.end)) continue;
      const e = make(m);
      if (e) list.push({ at: span.start + m.index, end: span.start + m.index + m[0].length, ...e });
    }
  };
  add(COMPARE, (m) => {
    const against = /上年/.test(m[1] ?? m[3] ?? '') ? 'prior' : m[1] || m[3] ? 'budget' : undefined;
    if (!against) return undefined;
    const w = m[2];
    const word = w === '持平' ? '持平' : /大于|高于|超过/.test(w) ? '大于' : '小于';
    return { compare: { against, word } };
  });
  add(FLAT, () => ({ flat: true }));
  add(NO_BUDGET, () => ({ noBudget: true }));
  add(NO_PRIOR, () => ({ noPrior: true }));
  return list.sort((a, b) => a.at - b.at || b.end - a.end);
}

/** Reads one segment; returns the subject current at its end. */
function readSegment(
  text: NarrativeText,
  s: OutlineSection,
  span: Span,
  subject: string | undefined,
  fixed: boolean,
  stated: Map<string, Stated>,
  out: Extraction,
): string | undefined {
  const clean = text.clean;
  let current = subject;
  let prevEnd = span.start;
  let lastAmount: { subject: string; value: Decimal } | undefined;
  let sentenceFrom = span.start;
  let lastCount: string | undefined;
  const get = (k: string): Stated => stated.get(k) ?? (stated.set(k, {}), stated.get(k)!);
  const kind = s.kind;
  for (const e of events(text, span)) {
    if (e.at < prevEnd) continue;
    const leadStart = prevEnd;
    const lead = clean.slice(leadStart, e.at);
    const sentenceStart = Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('！')) + 1;
    const sentence = lead.slice(sentenceStart);
    if (sentenceStart > 0) sentenceFrom = leadStart + sentenceStart;
    const clauseCut = lastIndexOfRe(lead, CLAUSE_PUNCT) + 1;
    const clause = lead.slice(clauseCut);
    const quoteFrom = (max = 30) => {
      const from = Math.max(leadStart + clauseCut, e.at - max);
      const marker = /^(?:\d{1,2}[、.]|[（(][一二三四五六七八九十]{1,3}[）)])/.exec(clean.slice(from, e.at));
      return marker ? from + marker[0].length : from;
    };
    const named = (part: string) => {
      if (fixed) return undefined;
      const hit = lastSubject(kind, part);
      if (!hit) return undefined;
      if (hit.key === '=') return current;
      if (hit.key === '=fund-expense') return kind === 'state-capital' || current?.startsWith('fund08') ? 'fund08.expense' : 'fund07.expense';
      return hit.key;
    };
    prevEnd = e.end;
    if (!e.figure) {
      const who = named(sentence) ?? current;
      if (who) current = who;
      if (!who) continue;
      const st = get(who);
      if (e.compare)
        out.claims.push({ kind: 'compare', section: s, quote: { start: e.at, end: e.end }, subject: who, ...e.compare, statedActual: st.actual, statedBudget: st.budget, statedPrior: st.prior ?? priorFromChange(st) });
      else if (e.flat) out.claims.push({ kind: 'flat', section: s, quote: { start: e.at, end: e.end }, subject: who, statedCurrent: st.actual });
      else if (e.noBudget) {
        st.budget = new Decimal(0);
        out.claims.push({ kind: 'amount', role: 'budget', section: s, quote: { start: e.at, end: e.end }, subject: who, value: new Decimal(0) });
      } else if (e.noPrior) {
        st.prior = new Decimal(0);
        out.claims.push({ kind: 'amount', role: 'prior', section: s, quote: { start: e.at, end: e.end }, subject: who, value: new Decimal(0) });
      }
      continue;
    }
    const f = e.figure;
    const record = (claimed: boolean, expects?: 'percent' | 'amount') => out.figures.push({ figure: f, section: s, claimed, ...(expects ? { expects } : {}) });
    const isPercentLike = f.kind === 'percent' || (f.kind === 'bare' && f.decimals > 0);

    // 占 X%
    const shareAt = clause.lastIndexOf('占');
    if (shareAt >= 0 && isPercentLike && !/占用|占有/.test(clause.slice(shareAt))) {
      const descriptor = clause
        .slice(shareAt + 1)
        .replace(/^(?:比重|比例|比)/, '')
        .replace(/的?(?:比重|比例)?(?:为|是|达)?$/, '')
        .replace(/的$/, '');
      const before = lead.slice(sentenceStart, clauseCut + shareAt);
      const partNamed = clause.slice(0, shareAt) ? named(clause.slice(0, shareAt)) : undefined;
      const who = partNamed ?? lastAmount?.subject ?? (before ? named(before) : undefined) ?? current;
      if (!who) {
        record(false, 'percent');
        continue;
      }
      const base = shareBase(descriptor);
      const baseKey = base ?? undefined;
      out.claims.push({
        kind: 'share',
        section: s,
        quote: { start: e.at - (clause.length - shareAt), end: e.end },
        subject: who,
        base: baseKey,
        figure: f,
        part: !partNamed && lastAmount?.subject === who ? lastAmount.value : undefined,
        whole: baseKey ? stated.get(baseKey)?.actual : undefined,
      });
      record(true, 'percent');
      continue;
    }
    // 完成…的 X%
    if (COMPLETION_END.test(clause) && isPercentLike) {
      const who = current;
      record(!!who, 'percent');
      if (!who) continue;
      const st = get(who);
      const m = /完成/.exec(clause);
      out.claims.push({
        kind: 'completion',
        section: s,
        quote: { start: m ? e.at - (clause.length - m.index) : quoteFrom(), end: e.end },
        subject: who,
        figure: f,
        statedActual: st.actual,
        statedBudget: st.budget,
      });
      continue;
    }
    // 增加/减少 X万元, 增长/下降 X%
    // A figure after a reason or a use (“主要原因是…增加10万元”) is not a claim, unless a subject is named after it.
    const marker = lastMatchEnd(EXPLANATION, sentence);
    const hitAfter = marker >= 0 && !fixed ? lastSubject(kind, sentence.slice(marker)) : undefined;
    const explaining = marker >= 0 && !hitAfter;
    const change = CHANGE_END.exec(clause);
    if (change && f.kind !== 'count') {
      if (explaining) {
        record(false, f.kind === 'percent' ? 'percent' : 'amount');
        continue;
      }
      const who = named(sentence) ?? current;
      if (who) current = who;
      const words = change[1];
      const directions = splitDirections(words);
      const st = who ? get(who) : undefined;
      const sameSentenceChange = !!st?.change && st.change.at >= sentenceFrom;
      const asRate = f.kind === 'percent' || (f.kind === 'bare' && !!st?.change && sameSentenceChange && f.decimals > 0);
      record(!!who, asRate ? 'percent' : 'amount');
      if (!who || !st) continue;
      const wordsStart = e.at - (clause.length - change.index);
      if (asRate) {
        out.claims.push({
          kind: 'change-rate',
          section: s,
          quote: { start: wordsStart, end: e.end },
          subject: who,
          figure: f,
          words,
          directions,
          statedCurrent: st.actual,
          amount: sameSentenceChange && st.change ? { value: st.change.value, directions: st.change.directions } : undefined,
        });
      } else {
        st.change = { value: f.value, directions, at: e.at };
        out.claims.push({ kind: 'change', section: s, quote: { start: wordsStart, end: e.end }, subject: who, figure: f, words, directions, statedCurrent: st.actual });
      }
      continue;
    }
    if (f.kind === 'percent') {
      record(false);
      continue;
    }
    // Counts.
    if (f.kind === 'count' || f.kind === 'score') {
      const who0 = named(sentence);
      if (who0 && !who0.startsWith('cnt:')) current = who0;
      const key = f.kind === 'score' ? scoreSubject(kind, clause) : countSubject(kind, clause, current, f.unit, lastCount);
      lastCount = key;
      record(!!key);
      if (!key) continue;
      if (key.startsWith('perf.')) current = key;
      out.claims.push({ kind: 'count', section: s, quote: { start: quoteFrom(20), end: e.end }, subject: key, figure: f });
      continue;
    }
    // Amounts (and bare decimals where an amount is expected).
    if (explaining && !BUDGET_END.test(clause) && !ACTUAL_END.test(clause) && !PRIOR_END.test(clause)) {
      record(false, 'amount');
      lastAmount = undefined;
      continue;
    }
    const budgetRole = BUDGET_END.test(clause) && !/涉及预算$/.test(clause);
    const actualRole = ACTUAL_END.test(clause);
    const priorRole = PRIOR_END.test(clause);
    const who = named(sentence);
    if (who) current = who;
    const leadEmpty = clause === '' && lead === '';
    const resolved = who ?? (budgetRole || actualRole || priorRole || leadEmpty ? current : undefined);
    if (f.kind === 'bare' && f.decimals === 0) {
      record(false);
      continue;
    }
    record(!!resolved, 'amount');
    if (!resolved) {
      lastAmount = undefined;
      continue;
    }
    const role = budgetRole ? 'budget' : priorRole ? 'prior' : 'actual';
    const st = get(resolved);
    st[role] = f.value;
    lastAmount = { subject: resolved, value: f.value };
    out.claims.push({ kind: 'amount', role, section: s, quote: { start: quoteFrom(), end: e.end }, subject: resolved, value: f.value, figure: f });
  }
  return current;
}

function scoreSubject(kind: SectionKind, clause: string): string | undefined {
  if (kind !== 'performance' || !/得分$/.test(clause)) return undefined;
  return /平均得分$/.test(clause) ? 'score:perfAvgScore' : 'score:perfScore';
}

function priorFromChange(st: Stated): Decimal | undefined {
  if (!st.change || st.actual === undefined) return undefined;
  const d = st.change.directions;
  if (d.length !== 1) return undefined;
  return d[0] === 'up' ? st.actual.minus(st.change.value) : st.actual.plus(st.change.value);
}

export function splitDirections(words: string): Direction[] {
  const out: Direction[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const w = words.slice(i, i + 2);
    if (UP.includes(w)) out.push('up');
    else if (DOWN.includes(w)) out.push('down');
  }
  return out;
}

function lastMatchEnd(re: RegExp, s: string): number {
  const g = new RegExp(re.source, 'g');
  let end = -1;
  for (let m = g.exec(s); m; m = g.exec(s)) end = m.index + m[0].length;
  return end;
}

function lastIndexOfRe(s: string, re: RegExp): number {
  for (let i = s.length - 1; i >= 0; i--) if (re.test(s[i])) return i;
  return -1;
}

