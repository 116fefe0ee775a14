/**
 * Standalone page only (there is no Excel to jump to): a small window of the sheet around a finding's
 * cell — its row highlighted, the cell outlined — and the row's label, all as text nodes.
 */
import type { CellValue, WorkbookSnapshot } from '../core/workbook/snapshot';
import { columnLetters, parseA1, splitCellRef } from '../core/workbook/address';
import { clear, h } from './dom';
import { S } from './strings';

const ROWS_AROUND = 1;
const COLS_AROUND = 2;

function show(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : String(value);
}

/** Renders the preview of `ref` ("Sheet!C9" or "Sheet!C9:D9"); false when the cell is not in the snapshot. */
export function renderCellPreview(container: HTMLElement, snapshot: WorkbookSnapshot, ref: string): boolean {
  clear(container);
  container.hidden = false;
  const { sheet, address } = splitCellRef(ref);
  const at = parseA1(address.split(':')[0] ?? '');
  const grid = snapshot.sheets.find((s) => s.name === sheet);
  if (!at || !grid) {
    container.appendChild(h('p', { className: 'preview__missing', text: S.previewMissing(ref) }));
    return false;
  }
  const value = (r: number, c: number) => grid.values[r - grid.origin.row]?.[c - grid.origin.col];
  const rowLabel = (grid.values[at.row - grid.origin.row] ?? []).find((v) => typeof v === 'string' && v.trim() !== '');
  const top = Math.max(0, at.row - ROWS_AROUND);
  const left = Math.max(0, at.col - COLS_AROUND);
  const table = h('table', { className: 'preview__grid' }, [h('caption', { text: S.previewOf(ref) })]);
  const head = h('tr', {}, [h('th', { attrs: { scope: 'col' }, text: '' })]);
  for (let c = left; c <= at.col + COLS_AROUND; c++) head.appendChild(h('th', { attrs: { scope: 'col' }, text: columnLetters(c) }));
  table.appendChild(h('thead', {}, [head]));
  const body = h('tbody');
  for (let r = top; r <= at.row + ROWS_AROUND; r++) {
    const tr = h('tr', { className: r === at.row ? 'is-target-row' : undefined }, [h('th', { attrs: { scope: 'row' }, text: String(r + 1) })]);
    for (let c = left; c <= at.col + COLS_AROUND; c++) {
      const text = show(value(r, c));
      const target = r === at.row && c === at.col;
      tr.appendChild(h('td', { className: target ? 'is-target' : undefined, attrs: { title: text || undefined, 'aria-current': target ? 'true' : undefined }, text }));
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  container.appendChild(h('div', { className: 'preview__scroll' }, [table]));
  if (typeof rowLabel === 'string') container.appendChild(h('p', { className: 'preview__label', text: `所在行：${rowLabel.trim()}` }));
  return true;
}
