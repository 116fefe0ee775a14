/**
 * The explanation form under a warning (chunk "explain"): a text box, 保存说明, 取消, and 删除说明 when there is
 * one to remove. Opened and closed by the button of ./explain-view.
 */
import { EXPLANATION_MAX_CHARS } from '../core/explain/explanation';
import type { Finding } from '../core/findings/finding';
import { h } from './dom';
import { E } from './explain-strings';

export interface FormActions {
  save(finding: Finding, text: string): void;
  remove(finding: Finding): void;
}

let formCount = 0;

/** Opens the form in `block` (or closes it when open). */
export function toggleForm(f: Finding, block: HTMLElement, button: HTMLButtonElement, actions: FormActions): void {
  const shown = block.querySelector<HTMLElement>('[data-explain-form]');
  if (shown) {
    shown.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const form = explainForm(f, actions, () => {
    form.remove();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
  block.appendChild(form);
  button.setAttribute('aria-expanded', 'true');
  form.querySelector('textarea')?.focus();
}

function explainForm(f: Finding, handlers: FormActions, close: () => void): HTMLElement {
  const id = `explain-text-${++formCount}`;
  const input = h('textarea', {
    className: 'explanation__input',
    attrs: { id, rows: 3, maxlength: EXPLANATION_MAX_CHARS, spellcheck: 'false', placeholder: E.placeholder },
  });
  input.value = f.explanation?.text ?? '';
  const save = h('button', { className: 'btn btn--primary btn--small', attrs: { type: 'button' }, data: { explainSave: '' }, text: E.save });
  const cancel = h('button', { className: 'btn btn--small', attrs: { type: 'button' }, text: E.cancel });
  const remove = f.explanation ? h('button', { className: 'btn btn--small', attrs: { type: 'button' }, data: { explainRemove: '' }, text: E.remove }) : undefined;
  save.addEventListener('click', () => handlers.save(f, input.value));
  cancel.addEventListener('click', close);
  remove?.addEventListener('click', () => handlers.remove(f));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  return h('div', { className: 'explanation__form', data: { explainForm: '' } }, [
    h('label', { className: 'explanation__form-label', attrs: { for: id }, text: E.formLabel }),
    input,
    h('p', { className: 'explanation__hint', text: E.hint }),
    h('div', { className: 'explanation__actions' }, [save, cancel, remove]),
  ]);
}
