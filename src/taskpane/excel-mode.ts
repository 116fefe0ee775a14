/// <reference types="office-js" />
/**
 * Inside Excel: the pane's host is the open workbook, reached only through the host port (OfficeHost). Every
 * action reads the workbook afresh (the user may have typed since); 审核 marks the findings' cells in the
 * same click, a finding click selects its cell, the narrative and the 说明数据 template are written into
 * the workbook. Never loads ExcelJS. The flows themselves are the same as in the page (./flows).
 */
import type { MarkResult, WorkbookHost } from '../hosts/host';
import { OfficeHost } from '../hosts/office';
import { loadNarrative, registerFlows } from './flows';
import { startLiveCheck } from './live-check';
import { Pane } from './pane';
import { registerExplainFlows } from './explain-actions';
import type { PaneHost, Said, Written } from './pane-host';
import { isReviewFinding } from '../core/review/schema';
import { S } from './strings';
import type { SummaryNote } from './summary-view';
import type { PaneUi } from './ui';


export function markNotes(marks: MarkResult): SummaryNote[] {
  const notes: SummaryNote[] = [{ text: S.marked(marks.marked.length) }];
  if (marks.removed) notes.push({ text: S.markReplaced(marks.removed) });
  const protectedSheets = marks.skipped.filter((s) => s.reason === 'protected');
  const missing = marks.skipped.filter((s) => s.reason === 'missing');
  if (protectedSheets.length) notes.push({ tone: 'warn', text: S.skippedProtected(protectedSheets.map((s) => `“${s.sheet}”（${s.cells.length} 个单元格）`).join('、')) });
  if (missing.length) notes.push({ tone: 'warn', text: S.skippedMissing(missing.map((s) => `“${s.sheet}”`).join('、')) });
  if (marks.unresolved.length) notes.push({ tone: 'warn', text: S.unresolved(marks.unresolved.slice(0, 5).join('、')) });
  return notes;
}

/** The open workbook as the pane's host. */
export function excelPaneHost(ui: PaneUi, host: WorkbookHost): PaneHost {
  return {
    caps: { workbookOpen: true, marks: true, writesSheets: true, downloads: false },
    async read() {
      const read = await host.readSnapshot();
      return read.ok ? { ok: true, snapshot: read.value, findings: [] } : { ok: false, message: read.error.message };
    },
    async mark(findings) {
      const marks = await host.applyMarks(findings);
      return marks.ok ? { notes: markNotes(marks.value) } : { notes: [{ tone: 'warn', text: S.markFailed + marks.error.message }], error: marks.error.message };
    },
    async clearMarks(): Promise<Said> {
      const cleared = await host.clearMarks();
      return cleared.ok ? { ok: true, message: S.cleared(cleared.value) } : { ok: false, message: cleared.error.message };
    },
    async writeNarrative(paragraphs): Promise<Said> {
      const written = await host.writeNarrativeSheet(paragraphs);
      if (!written.ok) return { ok: false, message: written.error.message };
      if (!written.value.written) return { ok: false, message: written.value.message };
      const { sheet, rows, created, split } = written.value;
      return { ok: true, message: S.narrativeWritten(sheet, rows, created) + (split ? S.narrativeSplit(split) : '') };
    },
    async template(model, format, _current, facts): Promise<Said> {
      let chunk: Awaited<ReturnType<typeof loadNarrative>>;
      try {
        chunk = await loadNarrative();
      } catch {
        return { ok: false, message: S.narrativeChunkFailed };
      }
      const template = chunk.buildSupplementTemplate(model, { format, facts });
      const rows = template.rows.map((row) => row.map((v) => (typeof v === 'boolean' ? String(v) : v)));
      const written = await host.writeSheetValues(template.sheetName, rows);
      if (!written.ok) return { ok: false, message: written.error.message };
      if (!written.value.written) return { ok: false, message: written.value.message };
      return { ok: true, message: S.templateWritten(written.value.sheet, written.value.created, written.value.cells) };
    },
    async writeOwnSheets(sheets): Promise<Written> {
      const done: Extract<Written, { ok: true }>['sheets'] = [];
      for (const sheet of sheets) {
        const written = await host.writeOwnSheet(sheet);
        if (!written.ok) return { ok: false, message: written.error.message };
        if (!written.value.written) return { ok: false, message: written.value.message };
        done.push({ sheet: written.value.sheet, kind: sheet.kind, created: written.value.created, rows: written.value.rows });
      }
      return { ok: true, sheets: done };
    },
    goTo(finding) {
      // A review finding goes to the table cell its figure was checked against, else to its paragraph in the 情况说明 sheet.
      const ref = finding.cells[0] ?? (isReviewFinding(finding) ? finding.textCell : undefined);
      if (!ref) return;
      // Only on a user's click or step: never move the Excel selection otherwise.
      void host.selectCell(ref).then((moved) => {
        if (moved.ok) ui.say(S.wentTo(ref));
        else ui.error(moved.error.message);
      });
    },
  };
}

export function startExcelMode(ui: PaneUi, host: WorkbookHost = new OfficeHost()): void {
  const pane = new Pane(ui, excelPaneHost(ui, host));
  registerFlows(pane);
  registerExplainFlows(pane);
  pane.render();
  startLiveCheck(pane, host);
}
