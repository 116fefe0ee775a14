/**
 * The result summary, always shown after a check — "0 个错误" too, and one "未找到公开05表" line per
 * missing table: silent no-ops are the top complaint about audit add-ins.
 *
 * Testability contract: the element has data-summary, data-errors, data-warnings, data-infos, data-explained
 * (warnings whose explanation applies) and data-open (errors and warnings not explained).
 */
import type { Report } from '../core/report';
import { clear, h, severityBadge, severityIcon } from './dom';
import { missingTables, seconds } from './format';
import { S, SEVERITY_COUNT } from './strings';
import { openCount } from '../core/findings/finding';
import { NO_TABLES_FOUND } from '../core/read/missing-table';

export interface SummaryNote {
  text: string;
  /** 'warn' notes (protected sheets, failures to mark) get a warning icon and the word 注意. */
  tone?: 'plain' | 'warn';
}

export interface SummaryExtras {
  /** A first line naming what was checked (the file in the standalone page). */
  title?: string;
  notes?: SummaryNote[];
  elapsedMs?: number;
}

export function renderSummary(el: HTMLElement, report: Report, extras: SummaryExtras = {}): void {
  clear(el);
  const { error, warning, info } = report.summary;
  el.dataset.summary = 'checked';
  el.dataset.errors = String(error);
  el.dataset.warnings = String(warning);
  el.dataset.infos = String(info);
  el.dataset.explained = String(report.summary.explained);
  el.dataset.open = String(openCount(report.summary));
  // The file and the counts are a heading that takes the focus when an action ends (pane-state focusAfter): a
  // screen reader reads it out (“seed-2024.xlsx 1 个错误 5 个警告 3 条提示”); the live region says changes.
  el.appendChild(
    h('h3', { className: 'summary__heading', attrs: { tabindex: -1 }, data: { summaryHeading: '' } }, [
      extras.title ? h('span', { className: 'summary__title', text: extras.title }) : null,
      h('span', { className: 'summary__counts' }, [
        severityBadge('error', SEVERITY_COUNT.error(error)),
        severityBadge('warning', SEVERITY_COUNT.warning(warning)),
        severityBadge('info', SEVERITY_COUNT.info(info)),
      ]),
    ]),
  );
  const lines = h('ul', { className: 'summary__lines' });
  const found = new Set(report.tables.map((t) => t.code)).size;
  const missing = missingTables(report.findings);
  // None found: one line saying what was looked for, not nine “未找到” lines (the list has the nine findings).
  if (found === 0 && missing.length) lines.appendChild(h('li', { className: 'summary__line summary__line--missing', data: { noTables: '' } }, [severityIcon('error'), h('span', { text: NO_TABLES_FOUND })]));
  for (const code of found ? missing : []) {
    lines.appendChild(h('li', { className: 'summary__line summary__line--missing', data: { missingTable: code } }, [severityIcon('error'), h('span', { text: S.tableMissing(code) })]));
  }
  if (report.summary.explained) lines.appendChild(h('li', { className: 'summary__line', data: { explainedLine: '' }, text: S.explain.summary(report.summary.explained, openCount(report.summary)) }));
  // A file that could not be read was not searched: no “找到 0/9” then.
  if (found) lines.appendChild(h('li', { className: 'summary__line', text: S.tablesFound(found) + (error === 0 ? S.noErrors : '') }));
  for (const note of extras.notes ?? []) {
    lines.appendChild(
      note.tone === 'warn'
        ? h('li', { className: 'summary__line summary__line--warn' }, [severityIcon('warning'), h('span', { text: `注意：${note.text}` })])
        : h('li', { className: 'summary__line', text: note.text }),
    );
  }
  if (extras.elapsedMs !== undefined) {
    el.dataset.elapsedMs = String(Math.round(extras.elapsedMs));
    lines.appendChild(h('li', { className: 'summary__line summary__line--muted', text: S.checkedIn(seconds(extras.elapsedMs)) }));
  }
  el.appendChild(lines);
}
