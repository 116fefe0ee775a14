/// <reference types="office-js" />
/**
 * Task pane entry. Decides whether it runs inside Excel (office.js loaded and Office.onReady reports a
 * host) or as the standalone web page (opened in a browser: onReady reports no host, or office.js could
 * not be loaded at all), then hands the shell to that mode. Excel mode uses the Office gateway; the
 * standalone mode loads the file adapters (and ExcelJS, when needed) lazily, so the initial bundle stays small.
 */
// First: before any imported module runs a zod schema (CSP without 'unsafe-eval'; see jitless.ts).
import './jitless';
import './taskpane.css';
import { OfficeHost } from '../hosts/office';
import { startExcelMode } from './excel-mode';
import { startStandaloneMode } from './standalone-mode';
import { S } from './strings';
import { PaneUi } from './ui';

/** Set by boot.js, the page's first script (ES5): it shows the "cannot run here" message when needed. */
interface Boot {
  /** The bundle takes over; false when boot.js has already shown the message (do not start). */
  start(): boolean;
  /** Inside Excel: whether the host has the pane's ExcelApi floor; false after showing the message. */
  excelSupported(): boolean;
}
const boot = (window as unknown as { juesuanBoot?: Boot }).juesuanBoot;

function start(): void {
  if (boot && !boot.start()) return;
  const ui = new PaneUi();
  const standalone = () => {
    ui.setMode('standalone', S.notInExcel);
    startStandaloneMode(ui);
  };
  // office.js failed to load (offline, blocked by a proxy): there is no Office global at all.
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    standalone();
    return;
  }
  ui.setMode('loading', S.loading);
  // Outside Office, onReady resolves with host === null.
  Office.onReady().then(
    (info) => {
      if (info.host && OfficeHost.available()) {
        if (boot && !boot.excelSupported()) return;
        ui.setMode('excel');
        startExcelMode(ui);
      } else standalone();
    },
    () => standalone(),
  );
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
