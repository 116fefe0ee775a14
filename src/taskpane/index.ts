/// <reference types="office-js" />
// Task pane shell. Decides whether it runs inside Excel (office.js loaded and a host reported) or as
// the standalone page (opened in a browser, or office.js could not be loaded), and wires the buttons.
// No checking logic yet: nothing from src/core is imported here.
import './taskpane.css';

type PaneMode = 'loading' | 'excel' | 'standalone';

/** Every user-visible string set from code (zh-CN first). */
const STRINGS = {
  notInExcel: '当前不在 Excel 中运行：可选择 .xlsx 文件进行审核（即将提供）',
  checkNotReady: '审核规则尚未接入：当前版本只提供界面，暂未检查任何表格。',
} as const;

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no #${id}`);
  return found as T;
}

function setMode(mode: PaneMode): void {
  document.body.dataset.mode = mode;
  const note = element('host-note');
  if (mode === 'standalone') {
    note.textContent = STRINGS.notInExcel;
    note.hidden = false;
  } else {
    note.textContent = '';
    note.hidden = true;
  }
}

function showSummary(text: string): void {
  element('summary').textContent = text;
}

function onCheck(): void {
  // Never a silent no-op: always say what happened.
  showSummary(STRINGS.checkNotReady);
}

function wireButtons(): void {
  element<HTMLButtonElement>('start').addEventListener('click', onCheck);
  element<HTMLButtonElement>('cmd-check').addEventListener('click', onCheck);
}

function detectHost(): void {
  // office.js failed to load (offline, blocked by a proxy): there is no Office global at all.
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    setMode('standalone');
    return;
  }
  // Outside Office, onReady resolves with host === null (the types say HostType; guard anyway).
  Office.onReady().then(
    (info) => setMode(info.host ? 'excel' : 'standalone'),
    () => setMode('standalone'),
  );
}

function start(): void {
  wireButtons();
  detectHost();
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
