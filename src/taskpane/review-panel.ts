/**
 * The reviewer panel (审核情况说明, issue 7), the same in Excel and in the standalone page: a text box to paste
 * an existing 情况说明 into, a .txt/.docx chooser, and — once reviewed — the text as it was reviewed, one
 * paragraph per line, each offending quote wrapped in a <mark> (DOM nodes and textContent only: the text is
 * the user's and is never parsed as markup). Clicking a review finding in the list marks its quote as the
 * current one and scrolls this text (not the page) to it.
 *
 * The reviewer itself (src/core/review) is loaded lazily by the modes (./review-chunk); this module only
 * imports its types.
 */
import { countBySeverity, type Finding, type Severity } from '../core/findings/finding';
import type { Report } from '../core/report';
import { isReviewFinding, type ReviewFinding } from '../core/review/schema';
import { byId, clear, h } from './dom';
import { lazyChunk } from './lazy-chunk';
import { S, SEVERITY_COUNT } from './strings';
import type { SummaryNote } from './summary-view';

type ReviewChunk = typeof import('./review-chunk');

/** What was reviewed and what the reviewer found. */
export interface ReviewOutcome {
  /** The text as reviewed: its lines are the findings' paragraphs. */
  text: string;
  /** 'sheet': the workbook's own 情况说明 sheet (re-read on every re-check); 'text': pasted or from a file. */
  source: 'text' | 'sheet';
  /** How the pane names it: 粘贴的文本, “x.docx”, “情况说明”工作表. */
  label: string;
  findings: ReviewFinding[];
}

/** The sentence around a quote: `before` + `quote` (marked) + `after`, with "…" where it was shortened. */
export interface QuoteExcerpt {
  before: string;
  quote: string;
  after: string;
  /** 1-based line of the text, as the user counts. */
  line: number;
}

/** src/core/review as one lazy chunk, fetched from the page's own origin on first use. */
export const loadReview = lazyChunk<ReviewChunk>(() => import(/* webpackChunkName: "review" */ './review-chunk.js'));

/** The check's report with the review findings added (summary recounted); the findings view groups them apart. */
export function withReview(report: Report, review: ReviewOutcome | undefined): Report {
  if (!review) return report;
  const findings = [...review.findings, ...report.findings];
  return { ...report, findings, summary: countBySeverity(findings) };
}

/** The summary line that says what the review found. */
export function reviewNote(review: ReviewOutcome | undefined): SummaryNote[] {
  if (!review) return [];
  const counts = countBySeverity(review.findings);
  const parts = (['error', 'warning', 'info'] as const).map((s) => SEVERITY_COUNT[s](counts[s])).join('，');
  return [{ text: S.review.summary(review.label, parts), tone: counts.error || counts.warning ? 'warn' : 'plain' }];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SENTENCE_END = /[。；！？!?;]/;
const CONTEXT_CHARS = 60;

interface Located {
  finding: ReviewFinding;
  start: number;
  end: number;
}

export class ReviewPanel {
  readonly input = byId<HTMLTextAreaElement>('review-input');
  readonly fileInput = byId<HTMLInputElement>('review-file');
  private readonly fileName = byId('review-file-name');
  private readonly status = byId('review-status');
  private readonly view = byId('review-view');
  private readonly textView = byId('review-text');
  private text = '';
  private lineStarts: number[] = [];
  private located = new Map<ReviewFinding, Located>();
  private marks = new Map<ReviewFinding, HTMLElement[]>();
  private paragraphs = new Map<number, HTMLElement>();
  private current: HTMLElement[] = [];

  constructor() {
    this.input.addEventListener('input', () => {
      if (this.fileName.textContent) this.fileName.textContent = '';
    });
  }

  /** Called with the file the user chose (the input is reset, so the same file can be chosen again). */
  onFile(handler: (file: File) => void): void {
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) handler(file);
    });
  }

  /** The text in the box (what 审核说明 reviews). */
  value(): string {
    return this.input.value;
  }

  /** Puts a file's text into the box, naming the file beside the chooser. */
  setText(text: string, fileName = ''): void {
    this.input.value = text;
    this.fileName.textContent = fileName;
  }

  /** The name of the file whose text is in the box, unless the user has typed since. */
  loadedFileName(): string {
    return this.fileName.textContent ?? '';
  }

  say(text: string): void {
    this.status.textContent = text;
  }

  /** Shows the reviewed text with every quote marked (or hides it when there is no review). */
  show(review: ReviewOutcome | undefined): void {
    clear(this.textView);
    this.located = new Map();
    this.marks = new Map();
    this.paragraphs = new Map();
    this.current = [];
    if (!review) {
      this.text = '';
      this.lineStarts = [];
      this.view.hidden = true;
      return;
    }
    this.text = review.text.replace(/\r\n?/g, '\n');
    const lines = this.text.split('\n');
    this.lineStarts = [];
    let at = 0;
    for (const line of lines) {
      this.lineStarts.push(at);
      at += line.length + 1;
    }
    for (const f of review.findings) {
      const found = this.locate(f);
      if (found) this.located.set(f, found);
    }
    const spans = [...this.located.values()].filter((l) => l.end > l.start);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const lineStart = this.lineStarts[i];
      const lineEnd = lineStart + line.length;
      const p = h('p', { className: 'review__line', data: { paragraph: i } });
      const here = spans.filter((s) => s.start < lineEnd && s.end > lineStart);
      const cuts = new Set([lineStart, lineEnd]);
      for (const s of here) {
        cuts.add(Math.max(lineStart, s.start));
        cuts.add(Math.min(lineEnd, s.end));
      }
      const points = [...cuts].sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const [a, b] = [points[k], points[k + 1]];
        const piece = this.text.slice(a, b);
        const covering = here.filter((s) => s.start <= a && s.end >= b);
        if (!covering.length) {
          p.appendChild(document.createTextNode(piece));
          continue;
        }
        const worst = covering.map((c) => c.finding.severity).sort((x, y) => SEVERITY_RANK[x] - SEVERITY_RANK[y])[0];
        const mark = h('mark', { className: `review-mark review-mark--${worst}`, data: { reviewMark: worst }, text: piece });
        for (const c of covering) {
          const list = this.marks.get(c.finding) ?? [];
          list.push(mark);
          this.marks.set(c.finding, list);
        }
        p.appendChild(mark);
      }
      this.paragraphs.set(i, p);
      this.textView.appendChild(p);
    });
    this.view.hidden = false;
  }

  /** The sentence that holds the finding's quote, for the findings list. */
  excerpt(f: Finding): QuoteExcerpt | undefined {
    if (!isReviewFinding(f) || !f.quote) return undefined;
    const at = this.located.get(f) ?? this.locate(f);
    if (!at) return { before: '', quote: f.quote, after: '', line: f.paragraph + 1 };
    const text = this.text;
    let start = at.start;
    while (start > 0 && text[start - 1] !== '\n' && !SENTENCE_END.test(text[start - 1])) start--;
    let end = at.end;
    while (end < text.length && text[end] !== '\n' && !SENTENCE_END.test(text[end - 1] ?? '')) end++;
    let before = text.slice(start, at.start).replace(/^\s+/, '');
    let after = text.slice(at.end, end).replace(/\s+$/, '');
    if (before.length > CONTEXT_CHARS) before = `…${before.slice(-CONTEXT_CHARS)}`;
    if (after.length > CONTEXT_CHARS) after = `${after.slice(0, CONTEXT_CHARS)}…`;
    return { before, quote: text.slice(at.start, at.end), after, line: f.paragraph + 1 };
  }

  /**
   * Marks the finding's quote as the current one and scrolls the text box (not the page) to it; a finding
   * about something absent (empty quote) shows the paragraph where it was expected.
   */
  reveal(f: Finding): void {
    if (!isReviewFinding(f) || this.view.hidden) return;
    for (const el of this.current) el.classList.remove('is-current');
    const marks = this.marks.get(f);
    const target = marks?.[0] ?? this.paragraphAtOrAfter(f.paragraph);
    this.current = marks ?? (target ? [target] : []);
    for (const el of this.current) el.classList.add('is-current');
    this.textView.dataset.currentParagraph = String(f.paragraph);
    if (!target) return;
    const top = target.getBoundingClientRect().top - this.textView.getBoundingClientRect().top + this.textView.scrollTop;
    this.textView.scrollTop = Math.max(0, top - this.textView.clientHeight / 3);
  }

  private paragraphAtOrAfter(paragraph: number): HTMLElement | undefined {
    for (let i = paragraph; i <= paragraph + 50; i++) {
      const p = this.paragraphs.get(i);
      if (p) return p;
    }
    return undefined;
  }

  /** Where the quote is in the reviewed text (paragraph + offset; else the first occurrence from that line on). */
  private locate(f: ReviewFinding): Located | undefined {
    const lineStart = this.lineStarts[f.paragraph];
    if (lineStart === undefined) return undefined;
    const start = lineStart + f.offset;
    if (this.text.slice(start, start + f.quote.length) === f.quote) return { finding: f, start, end: start + f.quote.length };
    if (!f.quote) return undefined;
    const found = this.text.indexOf(f.quote, lineStart);
    return found >= 0 ? { finding: f, start: found, end: found + f.quote.length } : undefined;
  }
}
