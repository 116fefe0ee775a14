/**
 * The 审核说明 sheet's rows for a list of explanations (the format: ./explanation-sheet). Only writers need this:
 * kept apart from the reading, which every check runs, so that the pane loads it with the explanation flows.
 */
import type { ExplanationRecord } from './explanation';
import { EXPLANATION_HEADERS } from './explanation-sheet';
import { EXPLANATION_SHEET, EXPLANATION_TITLE, type OwnCell, type OwnSheet } from './own-sheets';
import { sentence } from './text';

export const EXPLANATION_NOTE =
  '本表记录单位对审核中“警告”（核实性问题）的说明，每行一条，供审核人员阅读。“单元格”“所涉数值”“校验码”三列由决算审核助手填写：所涉单元格的数值改动后，该条说明即失效，需要重新核实后再写；请勿手工改动这三列。';

/** A cell list longer than this is shortened on the sheet (the key keeps the whole list). */
const MAX_CELLS_TEXT = 2000;

function cellsText(cells: readonly string[]): string {
  const all = cells.join('\n');
  if (all.length <= MAX_CELLS_TEXT) return all;
  const shown: string[] = [];
  let length = 0;
  for (const c of cells) {
    if (length + c.length + 1 > MAX_CELLS_TEXT) break;
    shown.push(c);
    length += c.length + 1;
  }
  return `${shown.join('\n')}\n……共 ${cells.length} 个单元格`;
}

/** The sheet for these explanations (in the order given). */
export function explanationSheet(records: readonly ExplanationRecord[]): OwnSheet {
  const text = (value: string): OwnCell => ({ value });
  const rows: OwnCell[][] = [[text(EXPLANATION_TITLE)], [text(EXPLANATION_NOTE)], EXPLANATION_HEADERS.map(text)];
  for (const r of records) {
    rows.push([
      text(r.rule),
      { value: cellsText(r.cells), ...(r.cells[0] ? { link: r.cells[0] } : {}) },
      text(sentence(r.message)),
      text(r.text),
      text(r.date),
      text(r.values),
      text(`${r.cellsKey}-${r.fingerprint}`),
    ]);
  }
  return { kind: 'explanations', name: EXPLANATION_SHEET, rows, widths: [22, 18, 50, 50, 12, 30, 36], headerRows: 3, wrap: [1, 2, 3, 5] };
}

