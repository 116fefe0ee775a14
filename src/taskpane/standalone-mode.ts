/**
 * Outside Excel (office.js reports no host, or could not load): the same page is a web app. The user
 * chooses or drops .xlsx files; they are read in the page by the file adapters, loaded lazily on the first
 * file (./file-host; ExcelJS only when a copy is written or a file needs it), checked by the same core and the
 * same flows (./flows), and shown in the same findings UI. For each workbook: a marked copy, the 情况说明 as .txt
 * or .docx, a copy with the 说明数据 template sheet added — all made in the page, nothing is sent anywhere, the
 * user's file is never changed.
 *
 * 审核情况说明: a pasted text, or a .txt/.docx chosen in the reviewer panel (or dropped on the page), reviewed
 * against the workbook being viewed; its findings join that workbook's list.
 */
import { failedReport, reportForFinding } from '../core/report';
import type { Finding } from '../core/findings/finding';
import { renderCellPreview } from './cell-preview';
import { byId } from './dom';
import { MIME, download } from './download';
import { checkedView, registerFlows, reviewFile } from './flows';
import { fileStem, safeFileName } from './format';
import { Pane } from './pane';
import { registerExplainFlows } from './explain-actions';
import { lazyChunk } from './lazy-chunk';
import type { PaneHost, Said, Written } from './pane-host';
import { type WorkbookView, focusAfter } from './pane-state';
import { isReviewFinding } from '../core/review/schema';
import { S } from './strings';
import type { PaneUi } from './ui';
import { errorText } from '../core/util/error-text';

type FileHost = typeof import('./file-host');
type DocxExport = typeof import('./docx-export');

/** The file adapters: one lazy chunk (ExcelJS another), fetched from the page's own origin on first use. */
const loadFileHost = lazyChunk<FileHost>(() => import(/* webpackChunkName: "file-host" */ './file-host.js'));
const loadDocx = lazyChunk<DocxExport>(() => import(/* webpackChunkName: "docx-export" */ './docx-export.js'));

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Dropped files that are a 情况说明 to review rather than a workbook. */
const NARRATIVE_FILE = /\.(txt|docx)$/i;

/** A lazy chunk, or a failure saying it could not be loaded. */
async function lazily<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch {
    return undefined;
  }
}

const failedChunk = { ok: false as const, message: S.chunkFailed as string };

/** Files chosen in the browser as the pane's host. */
function filePaneHost(ui: PaneUi, input: HTMLInputElement): PaneHost {
  const preview = byId('preview');
  const hidePreview = () => {
    preview.hidden = true;
    preview.remove();
  };
  return {
    caps: { workbookOpen: false, marks: false, writesSheets: false, downloads: true },
    async read(current) {
      return current?.snapshot ? { ok: true, snapshot: current.snapshot, findings: current.readFindings ?? [] } : { ok: false, message: S.noFile };
    },
    // 审核 here means: choose the files to check (the picker must open inside the click, before any await).
    chooseFiles: () => input.click(),
    // Explanations go into the page's copy of the file; the user downloads it (下载审核副本) when done.
    async writeOwnSheets(sheets, current): Promise<Written> {
      const host = await lazily(loadFileHost);
      if (!host) return failedChunk;
      return current ? host.writeIntoView(current, sheets) : { ok: false, message: S.noFile };
    },
    async downloadReviewed(current, sheets) {
      const host = await lazily(loadFileHost);
      if (!host) return failedChunk;
      const copy = await host.reviewedCopy(current, sheets);
      if (copy.ok) download(safeFileName(copy.name), copy.bytes, MIME.xlsx);
      return copy.ok ? { ok: true as const, name: safeFileName(copy.name) } : copy;
    },
    async template(model, format, current, facts): Promise<Said> {
      const host = await lazily(loadFileHost);
      if (!host) return failedChunk;
      const added = await host.addSupplementTemplateToXlsx(current!.bytes!, model, { format, facts });
      if (!added.ok) return { ok: false, message: added.message };
      const name = safeFileName(`${fileStem(current!.name)}（含说明数据）.xlsx`);
      download(name, added.bytes, MIME.xlsx);
      return { ok: true, message: S.templateDownloaded(name) };
    },
    async downloadMarked(current): Promise<Said> {
      const host = await lazily(loadFileHost);
      if (!host) return failedChunk;
      const copy = await host.markedCopy(current.bytes!, current.report!.findings);
      // Where markedCopy reports a failure instead of throwing, say so rather than download an unmarked file.
      const failure = (copy as { error?: string }).error;
      if (failure) return { ok: false, message: failure };
      const name = safeFileName(`${fileStem(current.name)}（标记副本）.xlsx`);
      download(name, copy.bytes, MIME.xlsx);
      return { ok: true, message: S.markedDownloaded(name, copy.marked) + (copy.skipped.length ? S.markedSkipped(copy.skipped.length) : '') };
    },
    async downloadNarrative(current, narrative, kind): Promise<Said> {
      const name = safeFileName(`${fileStem(current.name)}-情况说明.${kind}`);
      if (kind === 'txt') download(name, narrative.text.replace(/\n/g, '\r\n'), MIME.txt);
      else {
        ui.say(S.working.docx);
        const docx = await lazily(loadDocx);
        if (!docx) return failedChunk;
        download(name, await docx.narrativeToDocx(narrative.document), MIME.docx);
      }
      return { ok: true, message: S.downloaded(name) };
    },
    goTo(finding, element, current) {
      const ref = finding.cells[0];
      if (!current?.snapshot || !ref) {
        hidePreview();
        ui.say(isReviewFinding(finding) ? S.review.shownIn(finding.paragraph + 1) : S.noCells);
        return;
      }
      // There is no Excel to go to: a small preview of the sheet around the cell, under the finding.
      element.appendChild(preview);
      renderCellPreview(preview, current.snapshot, ref);
      ui.say(S.previewShown(ref));
    },
    leaving: hidePreview,
  };
}

/** Reads and checks the chosen files, one after another (one odd file never stops the others). */
async function loadFiles(pane: Pane, files: File[]): Promise<void> {
  if (!files.length) return;
  const { ui } = pane;
  const started = performance.now();
  ui.finishFirstRun();
  ui.say(S.working.read);
  const host = await lazily(loadFileHost);
  if (!host) {
    ui.error(S.chunkFailed);
    return;
  }
  byId('marked-caveat').textContent = host.MARKED_COPY_CAVEAT;
  const views: WorkbookView[] = [];
  for (const [i, file] of files.entries()) {
    if (files.length > 1) {
      ui.say(S.readingFile(i + 1, files.length, file.name));
      await pause(); // let the page paint between files of a batch
    }
    const base: WorkbookView = { name: file.name, unit: '', year: '', notes: [] };
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await host.snapshotFromXlsx(bytes, file.name);
      if (!read.ok) views.push({ ...base, bytes, report: reportForFinding(file.name, read.finding), model: {} });
      else {
        const readFindings = (read as { findings?: Finding[] }).findings ?? [];
        views.push({ ...base, bytes, readFindings, ...checkedView(read.snapshot, file.name, readFindings) });
      }
    } catch (error) {
      const detail = errorText(error);
      views.push({ ...base, report: failedReport(file.name, S.fileFailed(file.name, detail), 'read-file-unreadable'), model: {} });
    }
  }
  views[0].elapsedMs = performance.now() - started;
  pane.replaceWorkbooks(views);
  ui.say(S.filesRead(views.length));
}

export function startStandaloneMode(ui: PaneUi): void {
  const input = byId<HTMLInputElement>('file-input');
  const dropzone = byId('dropzone');
  const pane = new Pane(ui, filePaneHost(ui, input));
  registerFlows(pane);
  registerExplainFlows(pane);
  pane.render();

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // choosing the same file again must fire change again
    void ui.task(() => loadFiles(pane, files), focusAfter('load', pane.host.caps));
  });

  // Drops anywhere on the page are taken (a file dropped outside the zone must not replace the page).
  let depth = 0;
  const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    dropzone.classList.add('is-dragging');
  });
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) dropzone.classList.remove('is-dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    dropzone.classList.remove('is-dragging');
    const all = [...(event.dataTransfer?.files ?? [])];
    // A .txt/.docx dropped with (or after) the workbooks is the 情况说明 to review, not a workbook.
    const texts = all.filter((f) => NARRATIVE_FILE.test(f.name));
    const files = all.filter((f) => !NARRATIVE_FILE.test(f.name));
    void ui.runWhenIdle(async () => {
      if (files.length) await loadFiles(pane, files);
      if (texts.length) await reviewFile(pane, texts[0]);
    }, focusAfter('load', pane.host.caps));
  });
}
