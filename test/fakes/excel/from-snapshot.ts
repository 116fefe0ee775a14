/**
 * Builds a fake workbook from the core's plain snapshot (values, number formats, merges, visibility,
 * protection), so that tests and the browser end-to-end page can run on real workbooks. Browser-safe.
 */
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FakeWorkbook, type FakeConfig, type FakeVisibility } from './model';

const VISIBILITY: Record<string, FakeVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

export function fakeWorkbookFromSnapshot(snapshot: WorkbookSnapshot, config: Partial<FakeConfig> = {}): FakeWorkbook {
  const doc = new FakeWorkbook(config);
  if (snapshot.source) doc.name = snapshot.source;
  for (const s of snapshot.sheets) {
    const sheet = doc.addSheet(s.name);
    sheet.visibility = VISIBILITY[s.visibility ?? 'visible'] ?? 'Visible';
    sheet.protected = Boolean(s.protected);
    sheet.merges = (s.merges ?? []).map((m) => ({ ...m }));
    s.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((value, c) => {
        const format = s.numberFormats?.[r]?.[c];
        const hasValue = value !== null && value !== undefined && value !== '';
        const hasFormat = format !== undefined && format !== '' && format !== 'General';
        if (!hasValue && !hasFormat) return;
        const cell = sheet.ensure(s.origin.row + r, s.origin.col + c);
        if (hasValue) cell.value = value;
        if (hasFormat) cell.numberFormat = format;
      });
    });
  }
  // Excel never has the first sheet hidden and active at once; activate the first visible one.
  const firstVisible = doc.sheets.find((sh) => sh.visibility === 'Visible');
  if (firstVisible) doc.activate(firstVisible.name);
  return doc;
}
