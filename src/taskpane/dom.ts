/**
 * DOM building without markup strings: every piece of text goes through `textContent` (a Text node), never
 * `innerHTML`, so a cell holding "<img src=x onerror=…>" is shown as those characters and nothing runs.
 */
import type { Severity } from '../core/findings/finding';
import { SEVERITY_LABEL } from './strings';

type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  /** Attributes set with setAttribute (values are text: never parsed as HTML). */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** data-* attributes, keys without the prefix. */
  data?: Record<string, string | number | undefined>;
  text?: string;
  hidden?: boolean;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(props.data ?? {})) if (value !== undefined) node.dataset[name] = String(value);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.hidden) node.hidden = true;
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no #${id}`);
  return found as T;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** A 16 px severity icon with a distinct shape per severity (circle ×, triangle !, circle i): never colour alone. */
export function severityIcon(severity: Severity): SVGElement {
  const icon = svg('svg', { viewBox: '0 0 16 16', width: '16', height: '16', 'aria-hidden': 'true', focusable: 'false', class: `sev-icon sev-icon--${severity}` });
  if (severity === 'error') {
    icon.appendChild(svg('circle', { cx: '8', cy: '8', r: '7.5', class: 'sev-icon__shape' }));
    icon.appendChild(svg('path', { d: 'M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6', class: 'sev-icon__mark', 'stroke-width': '1.8', 'stroke-linecap': 'round' }));
  } else if (severity === 'warning') {
    icon.appendChild(svg('path', { d: 'M8 0.8l7.4 13.6H0.6z', class: 'sev-icon__shape', 'stroke-linejoin': 'round' }));
    icon.appendChild(svg('path', { d: 'M8 5.2v4.4', class: 'sev-icon__mark', 'stroke-width': '1.8', 'stroke-linecap': 'round' }));
    icon.appendChild(svg('circle', { cx: '8', cy: '12', r: '1', class: 'sev-icon__dot' }));
  } else {
    icon.appendChild(svg('circle', { cx: '8', cy: '8', r: '7.5', class: 'sev-icon__shape' }));
    icon.appendChild(svg('path', { d: 'M8 7v4.6', class: 'sev-icon__mark', 'stroke-width': '1.8', 'stroke-linecap': 'round' }));
    icon.appendChild(svg('circle', { cx: '8', cy: '4.6', r: '1', class: 'sev-icon__dot' }));
  }
  return icon;
}

/** Icon + the word (错误/警告/提示): how severity is shown everywhere. */
export function severityBadge(severity: Severity, text: string = SEVERITY_LABEL[severity]): HTMLSpanElement {
  return h('span', { className: `sev sev--${severity}` }, [severityIcon(severity), h('span', { className: 'sev__text', text })]);
}
