/// <reference types="office-js" />
/**
 * Inside Excel: the pane talks to the workbook only through the host port (OfficeHost). 审核 reads the
 * snapshot, checks it and marks the findings' cells in the same click; a finding click goes to its cell;
 * the narrative is generated from a fresh read (the user may have filled 说明数据 meanwhile) and written
 * to the 情况说明 sheet in place. Never loads ExcelJS.
 */
import type { WorkbookHost, MarkResult } from '../hosts/host';
import { OfficeHost } from '../hosts/office';
import { checkSnapshot } from '../core/report';
import { narrateSnapshot } from '../core/narrative';
import { readWorkbook } from '../core/read/read-workbook';
import { buildSupplementTemplate } from '../core/supplement';
import type { TablesModel } from '../core/tables/model';
import { copyText } from './narrative-view';
import { S } from './strings';
import type { SummaryNote } from './summary-view';
import type { PaneUi } from './ui';

type Narrated = ReturnType<typeof narrateSnapshot>;

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

export function startExcelMode(ui: PaneUi, host: WorkbookHost = new OfficeHost()): void {
  let model: TablesModel | undefined;
  let narrative: Narrated | undefined;

  // Everything but 复制 works from the start: each action reads what it needs (清除标记 also removes marks
  // left by an earlier session; 生成情况说明 and 说明数据模板 do not need a check first).
  for (const action of ['check', 'clear', 'narrate', 'write-narrative', 'create-template'] as const) ui.enable(action, true);

  ui.onActivate((finding) => {
    const ref = finding.cells[0];
    if (!ref) {
      ui.say(S.noCells);
      return;
    }
    // Only on a user's click or step: never move the Excel selection otherwise.
    void host.selectCell(ref).then((moved) => {
      if (moved.ok) ui.say(S.wentTo(ref));
      else ui.error(moved.error.message);
    });
  });

  ui.on('check', async () => {
    const started = performance.now();
    ui.finishFirstRun();
    ui.say(S.working.check);
    const read = await host.readSnapshot();
    if (!read.ok) {
      ui.error(read.error.message);
      return;
    }
    const checked = checkSnapshot(read.value);
    model = checked.model;
    // Findings first (what the user waits for), then the marks, then the summary says what was marked.
    ui.showReport(checked.report, { elapsedMs: performance.now() - started, notes: [{ text: '正在标记单元格…' }] });
    const marks = await host.applyMarks(checked.report.findings);
    const notes: SummaryNote[] = marks.ok ? markNotes(marks.value) : [{ tone: 'warn', text: S.markFailed + marks.error.message }];
    ui.showReportSummary(checked.report, { elapsedMs: performance.now() - started, notes });
    if (!marks.ok) ui.error(marks.error.message);
    else ui.say('');
  });

  ui.on('clear', async () => {
    ui.say(S.working.clear);
    const cleared = await host.clearMarks();
    if (cleared.ok) ui.say(S.cleared(cleared.value));
    else ui.error(cleared.error.message);
  });

  const narrate = async (): Promise<Narrated | undefined> => {
    ui.say(S.working.narrate);
    const read = await host.readSnapshot();
    if (!read.ok) {
      ui.error(read.error.message);
      return undefined;
    }
    narrative = narrateSnapshot(read.value, { format: ui.format() });
    model = narrative.model;
    const placeholders = narrative.findings.filter((f) => f.rule === 'narrative-missing-input').length;
    ui.showNarrative(narrative.document.title, narrative.paragraphs, S.narrativeReady(narrative.paragraphs.length) + (placeholders ? S.narrativePlaceholders(placeholders) : ''), true);
    ui.say('');
    ui.enable('copy', true);
    return narrative;
  };

  ui.on('narrate', async () => {
    await narrate();
  });

  ui.on('write-narrative', async () => {
    const result = narrative && narrative.document.format === ui.format() ? narrative : await narrate();
    if (!result) return;
    ui.say(S.working.write);
    const written = await host.writeNarrativeSheet(result.paragraphs.map((line) => line.text));
    if (!written.ok) ui.error(written.error.message);
    else if (!written.value.written) ui.error(written.value.message);
    else ui.say(S.narrativeWritten(written.value.sheet, written.value.rows, written.value.created));
  });

  ui.on('copy', async () => {
    if (!narrative) {
      ui.say(S.narrativeFirst);
      return;
    }
    ui.say((await copyText(narrative.text, ui.narrativeText)) ? S.copied : S.copyFailed);
  });

  ui.on('create-template', async () => {
    ui.say(S.working.template);
    if (!model) {
      const read = await host.readSnapshot();
      if (!read.ok) {
        ui.error(read.error.message);
        return;
      }
      model = readWorkbook(read.value).model;
    }
    const template = buildSupplementTemplate(model, { format: ui.format() });
    const rows = template.rows.map((row) => row.map((v) => (typeof v === 'boolean' ? String(v) : v)));
    const written = await host.writeSheetValues(template.sheetName, rows);
    if (!written.ok) ui.error(written.error.message);
    else if (!written.value.written) ui.error(written.value.message);
    else ui.say(S.templateWritten(written.value.sheet, written.value.created, written.value.cells));
  });
}
