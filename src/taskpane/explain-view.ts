/**
 * A finding's explanation in the list: what the unit wrote (已说明, or 说明已失效 when a covered value changed
 * since), and for a warning the button that opens a small form to write, change or remove it (./explain-form,
 * in the lazy chunk). Errors and infos get no button: an error cannot be explained away, an info asks nothing
 * (src/core/explain/explanation.ts).
 *
 * Testability contract: the block carries data-explanation (and data-stale="true" when stale); the button
 * data-explain-open; the form data-explain-form with a textarea and data-explain-save / data-explain-remove.
 */
import { isExplainable } from '../core/explain/explanation';
import type { Finding } from '../core/findings/finding';
import { h } from './dom';
import { S } from './strings';

export interface ExplainHandlers {
  /** The button under `finding` was pressed: open (or close) the form in `block`. */
  toggle(finding: Finding, block: HTMLElement, button: HTMLButtonElement): void;
}

/** The explanation shown under a finding, and the button and form to write one; undefined when there is nothing. */
export function explanationBlock(f: Finding, handlers: ExplainHandlers | undefined): HTMLElement | undefined {
  const offered = handlers !== undefined && isExplainable(f);
  if (!f.explanation && !offered) return undefined;
  const block = h('div', { className: 'explanation', data: { explanation: f.explanation ? '' : undefined, stale: f.explanation?.stale ? 'true' : undefined } });
  // Clicks here are about the explanation, not a request to go to the finding's cell.
  block.addEventListener('click', (event) => event.stopPropagation());
  if (f.explanation) {
    const stale = f.explanation.stale;
    block.classList.add(stale ? 'explanation--stale' : 'explanation--applied');
    block.appendChild(
      h('p', { className: 'explanation__text' }, [
        h('span', { className: 'explanation__label', text: stale ? S.explain.staleLabel : S.explain.label(f.explanation.date) }),
        f.explanation.text,
      ]),
    );
  }
  if (!offered) return block;
  const open = h('button', {
    className: 'btn btn--small explanation__open',
    attrs: { type: 'button', 'aria-expanded': 'false' },
    data: { explainOpen: '' },
    text: f.explanation ? (f.explanation.stale ? S.explain.redo : S.explain.edit) : S.explain.write,
  });
  block.appendChild(open);
  open.addEventListener('click', () => handlers!.toggle(f, block, open));
  return block;
}

