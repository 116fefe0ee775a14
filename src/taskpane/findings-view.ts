/**
 * The findings list, the same in Excel and in the standalone page: grouped by table, a severity filter,
 * rounding notes (info 尾数差异) folded into one line per table, each finding with its message and
 * 应为/实为/差额, a click (or Enter) takes the user to its first cell, and 上一条/下一条 step through them.
 *
 * Review findings (an existing 情况说明 checked against the tables) form their own group, 情况说明, first and in
 * text order; each shows the sentence it is about with the quote in a <mark>.
 *
 * Explained warnings (the unit's 说明 applies) are folded, like rounding notes, into one “已说明” line per table
 * and show their explanation; a stale one stays in the list, saying so. A warning offers 填写说明 (./explain-view).
 *
 * Testability contract: each finding element carries data-finding (the rule id), data-severity and
 * data-cells (a JSON array of "Sheet!A1" references as in the CLI's JSON report); a review finding also
 * data-quote (the exact offending text), data-paragraph and data-offset (its position in the text).
 */
import type { Finding, Severity } from '../core/findings/finding';
import { TABLE_CODES, type TableCode, tableLabel } from '../core/tables/codes';
import { clear, h, severityBadge, severityIcon } from './dom';
import { formatAmount, isRoundingNote } from './format';
import { isReviewFinding } from '../core/review/schema';
import type { QuoteExcerpt } from './review-panel';
import { type ExplainHandlers, explanationBlock } from './explain-view';
import { isExplained } from '../core/findings/finding';
import { SEVERITY_COUNT, SEVERITY_LABEL, S } from './strings';
import { type SeverityFilter, findingCounts, hasPlace, matchesFilter } from './pane-state';

export interface FindingsViewOptions {
  list: HTMLElement;
  filter: HTMLElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  position: HTMLElement;
  /** Called when the user picks a finding (click, Enter, or stepping). */
  onActivate: (finding: Finding, element: HTMLElement) => void;
  /** The sentence around a review finding's quote (from the reviewed text). */
  excerpt?: (finding: Finding) => QuoteExcerpt | undefined;
  /** Writing and removing explanations (absent: explanations are shown, none can be written; see setExplain). */
  explain?: ExplainHandlers;
}

/** The group of review findings (before the table groups). */
const NARRATIVE_GROUP = 'narrative';

const MAX_CELLS_SHOWN = 6;

export class FindingsView {
  private findings: Finding[] = [];
  private elements: HTMLElement[] = [];
  private current = -1;
  private severityFilter: SeverityFilter = 'all';

  constructor(private readonly o: FindingsViewOptions) {
    o.filter.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.name === 'severity-filter') this.setFilter(input.value as SeverityFilter);
    });
    o.previous.addEventListener('click', () => this.step(-1));
    o.next.addEventListener('click', () => this.step(1));
    this.updateStepper();
  }

  /** From the next render on, warnings offer 填写说明 through these handlers. */
  setExplain(handlers: ExplainHandlers): void {
    this.o.explain = handlers;
  }

  /** Replaces the list with these findings (already sorted by the core). */
  render(findings: readonly Finding[]): void {
    this.findings = [...findings];
    this.elements = [];
    this.current = -1;
    clear(this.o.list);
    this.labelFilter();
    if (!findings.length) {
      this.o.list.appendChild(h('p', { className: 'findings__empty', text: S.noFindings }));
      this.updateStepper();
      return;
    }
    const groups = new Map<string, Finding[]>();
    for (const code of [NARRATIVE_GROUP, ...TABLE_CODES, '']) groups.set(code, []);
    for (const f of findings) {
      const key = isReviewFinding(f) ? NARRATIVE_GROUP : f.table && groups.has(f.table) ? f.table : '';
      groups.get(key)!.push(f);
    }
    for (const [code, list] of groups) {
      if (!list.length) continue;
      this.o.list.appendChild(this.group(code, list));
    }
    this.o.list.appendChild(h('p', { className: 'findings__empty', text: S.filterEmpty, hidden: true, data: { filterEmpty: '' } }));
    this.applyFilter();
  }

  setFilter(filter: SeverityFilter): void {
    this.severityFilter = filter;
    const radio = this.o.filter.querySelector<HTMLInputElement>(`input[name="severity-filter"][value="${filter}"]`);
    if (radio && !radio.checked) radio.checked = true;
    this.applyFilter();
  }

  /** Each filter's label says how many findings it shows: the summary's count for that severity. */
  private labelFilter(): void {
    for (const input of this.o.filter.querySelectorAll<HTMLInputElement>('input[name="severity-filter"]')) {
      const label = this.o.filter.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`);
      const filter = input.value as SeverityFilter;
      const word = filter === 'all' ? '全部' : SEVERITY_LABEL[filter];
      if (label) label.textContent = S.filterLabel(word, findingCounts(this.findings, filter).listed);
    }
  }

  /** Moves to the next (+1) or previous (−1) finding that is shown, and activates it. */
  step(delta: 1 | -1): void {
    const targets = this.steppable();
    if (!targets.length) return;
    const at = this.current >= 0 ? targets.indexOf(this.elements[this.current]) : -1;
    let next: number;
    if (at < 0) next = delta > 0 ? 0 : targets.length - 1;
    else next = (at + delta + targets.length) % targets.length;
    this.activate(targets[next]);
  }

  private group(code: string, list: Finding[]): HTMLElement {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of list) counts[f.severity] += 1;
    const narrative = code === NARRATIVE_GROUP;
    const title = narrative ? S.review.groupTitle : code ? tableLabel(code as TableCode) : S.otherGroup;
    const headingId = `group-${code || 'other'}`;
    const countText = (['error', 'warning', 'info'] as const)
      .filter((s) => counts[s])
      .map((s) => SEVERITY_COUNT[s](counts[s]))
      .join('，');
    const section = h('section', { className: 'group', attrs: { 'aria-labelledby': headingId }, data: { table: code || 'other' } }, [
      h('h3', { className: 'group__title', attrs: { id: headingId } }, [h('span', { text: title }), h('span', { className: 'group__counts', text: countText })]),
    ]);
    const ul = h('ul', { className: 'group__list' });
    // Review findings stay in text order, none folded: the reviewer reads the text top to bottom.
    const rounding = narrative ? [] : list.filter(isRoundingNote);
    const explained = narrative ? [] : list.filter(isExplained);
    for (const f of list) if (narrative || (!isRoundingNote(f) && !isExplained(f))) ul.appendChild(this.item(f));
    if (explained.length) ul.appendChild(this.fold('explained', 'warning', S.explain.fold(explained.length), explained, S.explain.foldWord));
    if (rounding.length) ul.appendChild(this.fold('rounding', 'info', S.roundingFold(rounding.length), rounding, '提示'));
    section.appendChild(ul);
    return section;
  }

  /** Findings behind one line that opens: rounding notes, explained warnings. */
  private fold(kind: string, severity: Severity, text: string, list: Finding[], word: string): HTMLElement {
    const inner = h('ul', { className: 'fold__list' });
    for (const f of list) inner.appendChild(this.item(f));
    return h('li', { className: 'fold', data: { fold: kind, severity } }, [
      h('details', {}, [h('summary', { className: 'fold__summary' }, [severityIcon(severity), h('span', { className: `sev__text sev--${severity}`, text: word }), h('span', { text })]), inner]),
    ]);
  }

  private item(f: Finding): HTMLElement {
    const index = this.findings.indexOf(f);
    const id = `finding-${index}`;
    const review = isReviewFinding(f) ? f : undefined;
    const li = h('li', {
      className: `finding finding--${f.severity}${isExplained(f) ? ' finding--explained' : ''}`,
      attrs: { id },
      data: {
        finding: f.rule,
        severity: f.severity,
        cells: JSON.stringify(f.cells),
        index,
        explained: f.explanation ? (f.explanation.stale ? 'stale' : 'true') : undefined,
        ...(review ? { quote: review.quote, paragraph: review.paragraph, offset: review.offset } : {}),
      },
    });
    const main = h('button', { className: 'finding__main', attrs: { type: 'button', 'aria-describedby': `${id}-details` } }, [
      severityBadge(f.severity),
      f.explanation ? h('span', { className: `finding__state${f.explanation.stale ? ' finding__state--stale' : ''}`, text: f.explanation.stale ? S.explain.staleChip : S.explain.chip }) : null,
      h('span', { className: 'finding__message', text: f.message }),
    ]);
    if (!f.cells.length && !review) main.setAttribute('aria-disabled', 'true');
    li.appendChild(main);
    const details = h('div', { className: 'finding__details', attrs: { id: `${id}-details` } });
    const excerpt = review ? this.o.excerpt?.(f) : undefined;
    if (excerpt) {
      details.appendChild(
        h('p', { className: 'finding__quote', data: { quoteExcerpt: '' } }, [
          h('span', { className: 'finding__quote-label', text: `${S.review.quoteLabel}` }),
          excerpt.before,
          h('mark', { className: `review-mark review-mark--${f.severity}`, text: excerpt.quote }),
          excerpt.after,
          h('span', { className: 'finding__quote-line', text: ` ${S.review.lineOf(excerpt.line)}${review?.textCell ? S.review.textCell(review.textCell) : ''}` }),
        ]),
      );
    }
    const figures: Array<[string, string | undefined]> = [
      [S.expected, f.expected],
      [S.actual, f.actual],
      [S.difference, f.difference],
    ];
    if (figures.some(([, v]) => v !== undefined)) {
      const dl = h('dl', { className: 'figures' });
      for (const [label, value] of figures) {
        if (value === undefined) continue;
        dl.appendChild(h('div', { className: 'figures__item' }, [h('dt', { text: label }), h('dd', { text: formatAmount(value) })]));
      }
      details.appendChild(dl);
    }
    const cells = f.cells.length
      ? S.cellsLabel + f.cells.slice(0, MAX_CELLS_SHOWN).join('、') + (f.cells.length > MAX_CELLS_SHOWN ? ` ${S.moreCells(f.cells.length)}` : '')
      : review
        ? S.review.noCells
        : S.noCells;
    details.appendChild(h('p', { className: 'finding__cells', text: cells }));
    const explanation = review ? undefined : explanationBlock(f, this.o.explain);
    if (explanation) details.appendChild(explanation);
    li.appendChild(details);
    li.addEventListener('click', (event) => {
      // Text selection inside the details (to copy a cell address) is not a click on the finding.
      if (!(event.target as Element).closest('.finding__main') && window.getSelection()?.toString()) return;
      this.activate(li);
    });
    this.elements[index] = li;
    return li;
  }

  private activate(li: HTMLElement): void {
    const index = Number(li.dataset.index);
    const finding = this.findings[index];
    if (!finding) return;
    if (this.current >= 0) this.elements[this.current]?.removeAttribute('aria-current');
    this.current = index;
    li.setAttribute('aria-current', 'true');
    const fold = li.closest('details');
    if (fold && !fold.open) fold.open = true;
    li.scrollIntoView({ block: 'nearest' });
    this.updateStepper();
    this.o.onActivate(finding, li);
  }

  private matches(severity: string | undefined): boolean {
    return matchesFilter({ severity } as Finding, this.severityFilter);
  }

  private applyFilter(): void {
    let shown = 0;
    for (const li of this.elements) {
      if (!li) continue;
      li.hidden = !this.matches(li.dataset.severity);
      if (!li.hidden) shown++;
    }
    for (const fold of this.o.list.querySelectorAll<HTMLElement>('[data-fold]')) fold.hidden = !this.matches(fold.dataset.severity);
    for (const group of this.o.list.querySelectorAll<HTMLElement>('.group')) {
      group.hidden = !group.querySelector('.finding:not([hidden])');
    }
    const empty = this.o.list.querySelector<HTMLElement>('[data-filter-empty]');
    if (empty) empty.hidden = shown > 0 || !this.findings.length;
    this.updateStepper();
  }

  /**
   * Findings the stepper visits, in the list's order: shown by the filter and with a place (pane-state hasPlace);
   * one folded into a line (尾数差异, 已说明) too — stepping to it opens the fold.
   */
  private steppable(): HTMLElement[] {
    return [...this.o.list.querySelectorAll<HTMLElement>('li.finding')].filter((li) => !li.hidden && hasPlace(this.findings[Number(li.dataset.index)]));
  }

  private updateStepper(): void {
    const targets = this.steppable();
    const counts = findingCounts(this.findings, this.severityFilter);
    const at = this.current >= 0 ? targets.indexOf(this.elements[this.current]) : -1;
    this.o.previous.disabled = targets.length === 0;
    this.o.next.disabled = targets.length === 0;
    this.o.position.dataset.listed = String(counts.listed);
    this.o.position.dataset.located = String(counts.located);
    this.o.position.textContent = S.stepCounter(at + 1, counts.located, counts.listed);
  }
}
