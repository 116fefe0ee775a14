/**
 * Several files in the standalone page: one row per workbook (file, 单位, counts, what is still open and what
 * the unit has explained, top findings), "查看" shows it.
 */
import type { Report } from '../core/report';
import { isExplained, openCount } from '../core/findings/finding';
import { clear, h, severityBadge, severityIcon } from './dom';
import { S, SEVERITY_LABEL } from './strings';

export interface BatchRow {
  name: string;
  unit: string;
  year: string;
  report: Report;
  readable: boolean;
}

const TOP = 3;

export function renderBatch(container: HTMLElement, rows: readonly BatchRow[], current: number, onView: (index: number) => void): void {
  clear(container);
  container.hidden = rows.length < 2;
  if (rows.length < 2) return;
  const totals = rows.reduce(
    (t, r) => ({ error: t.error + r.report.summary.error, warning: t.warning + r.report.summary.warning, explained: t.explained + r.report.summary.explained }),
    { error: 0, warning: 0, explained: 0 },
  );
  const table = h('table', { className: 'batch__table', data: { batchTable: '' } }, [
    h('caption', { text: `${S.batchCaption}（${rows.length} 个文件，${totals.error} 个错误，${totals.warning} 个警告，其中 ${totals.explained} 个已说明）` }),
    h('thead', {}, [
      h('tr', {}, [
        h('th', { attrs: { scope: 'col' }, text: '文件 / 单位' }),
        ...(['error', 'warning', 'info'] as const).map((s) =>
          h('th', { className: 'batch__num', attrs: { scope: 'col', title: SEVERITY_LABEL[s] } }, [severityIcon(s), h('span', { className: 'visually-hidden', text: SEVERITY_LABEL[s] })]),
        ),
        h('th', { className: 'batch__action', attrs: { scope: 'col' } }, [h('span', { className: 'visually-hidden', text: '操作' })]),
      ]),
    ]),
  ]);
  const body = h('tbody');
  rows.forEach((row, i) => {
    // The top findings are the open ones: an explained warning has had its answer.
    const top = row.report.findings.filter((f) => f.severity !== 'info' && !isExplained(f)).slice(0, TOP);
    const open = openCount(row.report.summary);
    const tops = h('ul', { className: 'batch__top', attrs: { 'aria-label': S.batchTop } });
    if (top.length) for (const f of top) tops.appendChild(h('li', {}, [severityBadge(f.severity), h('span', { text: ` ${f.message}` })]));
    else tops.appendChild(h('li', { className: 'batch__ok', text: S.batchNone }));
    const viewing = i === current;
    const button = h('button', {
      className: 'btn btn--small',
      attrs: { type: 'button', 'aria-pressed': viewing ? 'true' : 'false', 'aria-label': `${S.batchView} ${row.name}` },
      text: viewing ? S.batchViewing : S.batchView,
    });
    button.addEventListener('click', () => onView(i));
    body.appendChild(
      h('tr', {
        className: viewing ? 'is-current' : undefined,
        data: { batchRow: i, file: row.name, errors: row.report.summary.error, warnings: row.report.summary.warning, infos: row.report.summary.info, explained: row.report.summary.explained, open },
      }, [
        h('td', { className: 'batch__file' }, [
          h('span', { className: 'batch__name', text: row.name }),
          h('span', { className: 'batch__unit', data: { unit: '' }, text: row.readable ? [row.unit, row.year && `${row.year}年度`].filter(Boolean).join(' · ') || '（未识别单位名称）' : S.batchUnreadable }),
          h('span', { className: 'batch__unit', data: { openLine: '' }, text: S.batchOpen(open, row.report.summary.explained) }),
          tops,
        ]),
        h('td', { className: 'batch__num', text: String(row.report.summary.error) }),
        h('td', { className: 'batch__num', text: String(row.report.summary.warning) }),
        h('td', { className: 'batch__num', text: String(row.report.summary.info) }),
        h('td', { className: 'batch__action' }, [button]),
      ]),
    );
  });
  table.appendChild(body);
  container.appendChild(h('div', { className: 'batch__scroll' }, [table]));
}
