/** The generated 情况说明 shown in the pane, 【请填写：…】 placeholders highlighted (text nodes only). */
import type { NarrativeLine } from '../core/narrative';
import { clear, h } from './dom';

const PLACEHOLDER = /(【请填写：[^】]*】)/;

export function renderNarrative(container: HTMLElement, title: string, lines: readonly NarrativeLine[]): void {
  clear(container);
  // The document title heads the preview (and the .txt/.docx); the 情况说明 sheet holds the lines below it.
  if (title) container.appendChild(h('h3', { className: 'narrative__title', text: title }));
  for (const line of lines) {
    const tag = line.kind === 'part' ? 'h3' : line.kind === 'heading' || line.kind === 'subheading' ? 'h4' : 'p';
    const node = h(tag, { className: `narrative__${line.kind}` });
    for (const piece of line.text.split(PLACEHOLDER)) {
      if (!piece) continue;
      node.appendChild(PLACEHOLDER.test(piece) ? h('mark', { className: 'placeholder', text: piece }) : document.createTextNode(piece));
    }
    container.appendChild(node);
  }
}

/** Copies text; falls back to a selection + execCommand where the Clipboard API is refused (Office webviews). */
export async function copyText(text: string, fallbackSource?: HTMLElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through
  }
  const focused = document.activeElement as HTMLElement | null;
  const area = h('textarea', { className: 'visually-hidden', attrs: { readonly: true, 'aria-hidden': 'true' } });
  area.value = text;
  document.body.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    if (fallbackSource) {
      const range = document.createRange();
      range.selectNodeContents(fallbackSource);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  } finally {
    area.remove();
    focused?.focus();
  }
}
