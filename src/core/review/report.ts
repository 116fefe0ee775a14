import type { Severity } from '../findings/finding';
import type { TableCode } from '../tables/codes';
import type { ReviewFinding, ReviewRule } from './schema';
import type { OutlineSection } from './sections';
import type { NarrativeText, Span } from './text';

/** Builds review findings: quote and position from a clean span, figures as 2-decimal strings. */
export class Reporter {
  readonly findings: ReviewFinding[] = [];
  /** Figures (clean start index) already reported for their precision, so the format check does not repeat it. */
  readonly precisionReported = new Set<number>();
  /** Clean spans already quoted, by rule (a later check does not report the same words again). */
  readonly quoted: Array<{ rule: ReviewRule; span: Span }> = [];

  constructor(
    readonly text: NarrativeText,
    private readonly cellOf?: (paragraph: number) => string | undefined,
  ) {}

  /** A finding of `rule` already quotes words inside or around `span`. */
  covers(rule: ReviewRule, span: Span): boolean {
    return this.quoted.some((q) => q.rule === rule && q.span.start < span.end && span.start < q.span.end);
  }

  quote(span: Span): string {
    return this.text.quote(span);
  }

  add(
    rule: ReviewRule,
    severity: Severity,
    span: Span,
    section: OutlineSection | undefined,
    message: string,
    extra: { cells?: string[]; expected?: string; actual?: string; difference?: string; tolerance?: string; table?: TableCode | string } = {},
  ): ReviewFinding {
    const quote = this.text.quote(span);
    this.quoted.push({ rule, span });
    const { paragraph, offset } = this.text.position(span.start);
    const where = section?.number ? `第${section.number}部分` : '';
    const shown = quote.replace(/\s+/g, '');
    const lead = quote ? `情况说明${where}“${shown.length > 48 ? `${shown.slice(0, 46)}…` : shown}”：` : `情况说明${where}：`;
    const textCell = this.cellOf?.(paragraph);
    const finding: ReviewFinding = {
      rule,
      severity,
      message: `${lead}${message}`,
      cells: [...new Set((extra.cells ?? []).filter(Boolean))],
      ...(extra.table ? { table: extra.table } : {}),
      ...(extra.expected !== undefined ? { expected: extra.expected } : {}),
      ...(extra.actual !== undefined ? { actual: extra.actual } : {}),
      ...(extra.difference !== undefined ? { difference: extra.difference } : {}),
      ...(extra.tolerance !== undefined ? { tolerance: extra.tolerance } : {}),
      quote,
      paragraph,
      offset,
      ...(section?.number ? { section: section.number } : {}),
      ...(textCell ? { textCell } : {}),
    };
    this.findings.push(finding);
    return finding;
  }
}

