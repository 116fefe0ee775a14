import type Decimal from 'decimal.js';
import type { Claim, Direction, Extraction } from '../claims';
import { lastSubject } from '../lexicon';
import type { Figure } from '../numbers';
import type { OutlineSection } from '../sections';
import type { NarrativeText, Span } from '../text';

/** What a section has stated so far about one subject (so a rate can be checked against the text's own figures). */
export interface Stated {
  actual?: Decimal;
  budget?: Decimal;
  prior?: Decimal;
  change?: { value: Decimal; directions: Direction[]; at: number };
}

/** A point of interest in the text: a figure, or words that are a claim without one (大于/小于/持平, 年初未安排预算…). */
export interface TextEvent {
  at: number;
  end: number;
  figure?: Figure;
  compare?: { against: 'budget' | 'prior'; word: '大于' | '小于' | '持平'; written: string };
  flat?: boolean;
  noBudget?: boolean;
  noPrior?: boolean;
}

const CLAUSE_PUNCT = /[，；。：！？]/;

/**
 * The state of reading one segment of a section (the head of 五（三）, one item, a whole section): the subject
 * current at this point, what was last stated, where the sentence began. Handlers read and update it; nothing
 * else holds reading state. `stated` is shared by the segments of one top-level section.
 */
export class ReadingState {
  /** The subject a figure belongs to when its own sentence names none. */
  current: string | undefined;
  /** Clean index after the last event consumed. */
  prevEnd: number;
  /** The last amount read (the part of a following “占X%”). */
  lastAmount: { subject: string; value: Decimal } | undefined;
  /** Where the current sentence began. */
  sentenceFrom: number;
  /** The last count subject (“接待外宾1批次、2人次”: the 人次 follows the 批次). */
  lastCount: string | undefined;

  constructor(
    readonly text: NarrativeText,
    readonly section: OutlineSection,
    readonly span: Span,
    /** An item segment: its figures belong to the item, whatever words they follow. */
    readonly fixed: boolean,
    readonly stated: Map<string, Stated>,
    readonly out: Extraction,
    subject: string | undefined,
  ) {
    this.current = subject;
    this.prevEnd = span.start;
    this.sentenceFrom = span.start;
  }

  statedOf(subject: string): Stated {
    let s = this.stated.get(subject);
    if (!s) this.stated.set(subject, (s = {}));
    return s;
  }

  /** The subject the words name (the last one named), or undefined; inside an item segment, never another. */
  named(words: string): string | undefined {
    if (this.fixed) return undefined;
    const hit = lastSubject(this.section.kind, words);
    if (!hit) return undefined;
    if (hit.key === '=') return this.current;
    if (hit.key === '=fund-expense') return this.section.kind === 'state-capital' || this.current?.startsWith('fund08') ? 'fund08.expense' : 'fund07.expense';
    return hit.key;
  }

  claim(c: Claim): void {
    this.out.claims.push(c);
  }

  record(figure: Figure, claimed: boolean, expects?: 'percent' | 'amount'): void {
    this.out.figures.push({ figure, section: this.section, claimed, ...(expects ? { expects } : {}) });
  }

  /** Consumes an event: the words between the previous event and this one, cut into sentence and clause. */
  cue(e: TextEvent): Cue {
    const leadStart = this.prevEnd;
    const lead = this.text.clean.slice(leadStart, e.at);
    const sentenceStart = Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('！')) + 1;
    if (sentenceStart > 0) this.sentenceFrom = leadStart + sentenceStart;
    const clauseCut = lastIndexOfRe(lead, CLAUSE_PUNCT) + 1;
    this.prevEnd = e.end;
    return new Cue(this.text.clean, e, leadStart, lead, sentenceStart, clauseCut);
  }
}

/** The words before one event: the whole lead, its sentence, its clause. */
export class Cue {
  readonly sentence: string;
  readonly clause: string;

  constructor(
    private readonly clean: string,
    readonly event: TextEvent,
    readonly leadStart: number,
    readonly lead: string,
    readonly sentenceStart: number,
    readonly clauseCut: number,
  ) {
    this.sentence = lead.slice(sentenceStart);
    this.clause = lead.slice(clauseCut);
  }

  get figure(): Figure {
    return this.event.figure!;
  }

  /** Where a quote of the figure with its words should start: at most `max` characters back, within its clause, after a list marker. */
  quoteFrom(max = 30): number {
    const from = Math.max(this.leadStart + this.clauseCut, this.event.at - max);
    const marker = /^(?:\d{1,2}[、.]|[（(][一二三四五六七八九十]{1,3}[）)])/.exec(this.clean.slice(from, this.event.at));
    return marker ? from + marker[0].length : from;
  }

  /** The clean index of a position inside the clause. */
  inClause(index: number): number {
    return this.event.at - (this.clause.length - index);
  }
}

function lastIndexOfRe(s: string, re: RegExp): number {
  for (let i = s.length - 1; i >= 0; i--) if (re.test(s[i])) return i;
  return -1;
}
