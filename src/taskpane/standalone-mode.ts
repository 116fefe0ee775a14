/**
 * Outside Excel (office.js reports no host, or could not load): the same page is a web app. The user
 * chooses or drops .xlsx files; they are read in the page with ExcelJS, loaded lazily on the first file
 * (./file-host), checked by the same core, and shown in the same findings UI. For each workbook: a marked
 * copy, the 情况说明 as .txt or .docx, a copy with the 说明数据 template sheet added — all made in the page,
 * nothing is sent anywhere, the user's file is never changed.
 *
 * 审核情况说明: a pasted text, or a .txt/.docx chosen in the reviewer panel (or dropped on the page), reviewed
 * against the workbook being viewed (src/core/review, a lazy chunk); its findings join that workbook's list.
 */
import { countBySeverity, sortFindings, type Finding } from '../core/findings/finding';
import { checkSnapshot, failedReport, reportForFinding, type Report } from '../core/report';
import { narrateSnapshot } from '../core/narrative';
import type { TablesModel } from '../core/tables/model';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { renderBatch } from './batch-view';
import { renderCellPreview } from './cell-preview';
import { byId } from './dom';
import { MIME, download } from './download';
import { fileStem, safeFileName, unitAndYear } from './format';
import { copyText } from './narrative-view';
import { isReviewFinding, loadReview, reviewNote, withReview, type ReviewOutcome } from './review-panel';
import { S } from './strings';
import type { PaneUi } from './ui';

type FileHost = typeof import('./file-host');
type DocxExport = typeof import('./docx-export');

interface CheckedWorkbook {
  name: string;
  bytes: Uint8Array;
  /** Absent when the file could not be read (the report then holds the reason). */
  snapshot?: WorkbookSnapshot;
  report: Report;
  model: TablesModel;
  unit: string;
  year: string;
  narrative?: Narrated;
  /** The 情况说明 reviewed against this workbook, when the user did. */
  review?: ReviewOutcome;
}

type Narrated = ReturnType<typeof narrateSnapshot>;

let fileHost: Promise<FileHost> | undefined;
let docxExport: Promise<DocxExport> | undefined;

/** ExcelJS and the file adapters: one lazy chunk, fetched from the page's own origin on first use. */
function loadFileHost(): Promise<FileHost> {
  fileHost ??= import(/* webpackChunkName: "file-host" */ './file-host.js').catch((error: unknown) => {
    fileHost = undefined;
    throw error;
  });
  return fileHost;
}

function loadDocx(): Promise<DocxExport> {
  docxExport ??= import(/* webpackChunkName: "docx-export" */ './docx-export.js').catch((error: unknown) => {
    docxExport = undefined;
    throw error;
  });
  return docxExport;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Dropped files that are a 情况说明 to review rather than a workbook. */
const NARRATIVE_FILE = /\.(txt|docx)$/i;

/**
 * What the file reader found wrong with a file it could still read (where it reports such findings),
 * merged into the check's report as the CLI does.
 */
function withReadFindings(report: Report, read: object): Report {
  const extra = (read as { findings?: Finding[] }).findings ?? [];
  if (!extra.length) return report;
  const findings = sortFindings([...extra, ...report.findings]);
  return { ...report, findings, summary: countBySeverity(findings) };
}

export function startStandaloneMode(ui: PaneUi): void {
  /** A lazy chunk, or undefined after telling the user it could not be loaded. */
  const lazily = async <T>(load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch {
      ui.error(S.chunkFailed);
      return undefined;
    }
  };

  const input = byId<HTMLInputElement>('file-input');
  const dropzone = byId('dropzone');
  const preview = byId('preview');
  const batch = byId('batch');
  const caveat = byId('marked-caveat');
  let workbooks: CheckedWorkbook[] = [];
  let current = -1;

  ui.enable('check', true);

  const currentWorkbook = (): CheckedWorkbook | undefined => workbooks[current];

  const show = (index: number, elapsedMs?: number) => {
    current = index;
    const wb = workbooks[index];
    preview.hidden = true;
    preview.remove();
    const subtitle = [wb.unit, wb.year && `${wb.year}年度`].filter(Boolean).join(' · ');
    ui.review.show(wb.review);
    ui.showReport(withReview(wb.report, wb.review), { title: subtitle ? `${wb.name}（${subtitle}）` : wb.name, elapsedMs, notes: reviewNote(wb.review) });
    const readable = Boolean(wb.snapshot);
    ui.enable('review', readable);
    ui.enable('download-template', readable);
    ui.enable('download-marked', readable);
    ui.enable('narrate', readable);
    ui.enable('download-narrative-txt', readable);
    ui.enable('download-narrative-docx', readable);
    ui.enable('copy', Boolean(wb.narrative));
    if (wb.narrative) showNarrative(wb.narrative);
    else ui.hideNarrative();
    renderBatch(batch, workbooks.map((w) => ({ ...w, readable: Boolean(w.snapshot) })), current, (i) => {
      show(i);
      byId('summary').focus();
    });
  };

  const load = async (files: File[]) => {
    if (!files.length) return;
    const started = performance.now();
    ui.finishFirstRun();
    ui.say(S.working.read);
    const host = await lazily(loadFileHost);
    if (!host) return;
    caveat.textContent = host.MARKED_COPY_CAVEAT;
    const out: CheckedWorkbook[] = [];
    for (const [i, file] of files.entries()) {
      if (files.length > 1) {
        ui.say(S.readingFile(i + 1, files.length, file.name));
        await pause(); // let the page paint between files of a batch
      }
      let bytes = new Uint8Array(0);
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
        const read = await host.snapshotFromXlsx(bytes, file.name);
        if (!read.ok) {
          out.push({ name: file.name, bytes, report: reportForFinding(file.name, read.finding), model: {}, unit: '', year: '' });
          continue;
        }
        const checked = checkSnapshot(read.snapshot, file.name);
        out.push({ name: file.name, bytes, snapshot: read.snapshot, report: withReadFindings(checked.report, read), model: checked.model, ...unitAndYear(checked.model) });
      } catch (error) {
        // One odd file never stops the others: it becomes a row with the reason.
        const detail = error instanceof Error ? error.message : String(error);
        out.push({ name: file.name, bytes, report: failedReport(file.name, S.fileFailed(file.name, detail), 'read-file-unreadable'), model: {}, unit: '', year: '' });
      }
    }
    workbooks = out;
    show(0, performance.now() - started);
    ui.say(S.filesRead(out.length));
  };

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // choosing the same file again must fire change again
    void ui.task(() => load(files));
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
      if (files.length) await load(files);
      if (texts.length) await reviewFile(texts[0]);
    });
  });

  ui.onActivate((finding, element) => {
    const wb = currentWorkbook();
    const ref = finding.cells[0];
    if (!wb?.snapshot || !ref) {
      preview.hidden = true;
      ui.say(isReviewFinding(finding) ? S.review.shownIn(finding.paragraph + 1) : S.noCells);
      return;
    }
    element.appendChild(preview);
    renderCellPreview(preview, wb.snapshot, ref);
    ui.say(S.previewShown(ref));
  });

  // 审核 here means: choose the files to check (the picker must open inside the click, before any await).
  ui.on('check', async () => {
    input.click();
  });

  ui.on('download-marked', async () => {
    const wb = currentWorkbook();
    if (!wb?.snapshot) {
      ui.say(S.noFile);
      return;
    }
    ui.say(S.working.marked);
    const host = await loadFileHost();
    const copy = await host.markedCopy(wb.bytes, wb.report.findings);
    // Where markedCopy reports a failure instead of throwing, say so rather than download an unmarked file.
    const failure = (copy as { error?: string }).error;
    if (failure) {
      ui.error(failure);
      return;
    }
    const name = safeFileName(`${fileStem(wb.name)}（标记副本）.xlsx`);
    download(name, copy.bytes, MIME.xlsx);
    ui.say(S.markedDownloaded(name, copy.marked) + (copy.skipped.length ? S.markedSkipped(copy.skipped.length) : ''));
  });

  const showNarrative = (narrative: Narrated, reveal = false) => {
    const placeholders = narrative.findings.filter((f) => f.rule === 'narrative-missing-input').length;
    ui.showNarrative(narrative.document.title, narrative.paragraphs, S.narrativeReady(narrative.paragraphs.length) + (placeholders ? S.narrativePlaceholders(placeholders) : ''), reveal);
  };

  const narrate = (): Narrated | undefined => {
    const wb = currentWorkbook();
    if (!wb?.snapshot) {
      ui.say(S.noFile);
      return undefined;
    }
    if (!wb.narrative || wb.narrative.document.format !== ui.format()) {
      wb.narrative = narrateSnapshot(wb.snapshot, { format: ui.format() });
    }
    showNarrative(wb.narrative, true);
    ui.enable('copy', true);
    return wb.narrative;
  };

  ui.on('narrate', async () => {
    if (narrate()) ui.say('');
  });

  ui.on('download-narrative-txt', async () => {
    const narrative = narrate();
    const wb = currentWorkbook();
    if (!narrative || !wb) return;
    const name = safeFileName(`${fileStem(wb.name)}-情况说明.txt`);
    download(name, narrative.text.replace(/\n/g, '\r\n'), MIME.txt);
    ui.say(S.downloaded(name));
  });

  ui.on('download-narrative-docx', async () => {
    const narrative = narrate();
    const wb = currentWorkbook();
    if (!narrative || !wb) return;
    ui.say(S.working.docx);
    const docx = await lazily(loadDocx);
    if (!docx) return;
    const name = safeFileName(`${fileStem(wb.name)}-情况说明.docx`);
    download(name, await docx.narrativeToDocx(narrative.document), MIME.docx);
    ui.say(S.downloaded(name));
  });

  // 说明数据模板: a copy of the user's workbook with the 说明数据 sheet added (ExcelJS, in the file-host chunk).
  ui.on('download-template', async () => {
    const wb = currentWorkbook();
    if (!wb?.snapshot) {
      ui.say(S.noFile);
      return;
    }
    ui.say(S.working.template);
    const host = await lazily(loadFileHost);
    if (!host) return;
    const added = await host.addSupplementTemplateToXlsx(wb.bytes, wb.model, { format: ui.format() });
    if (!added.ok) {
      ui.error(added.message);
      return;
    }
    const name = safeFileName(`${fileStem(wb.name)}（含说明数据）.xlsx`);
    download(name, added.bytes, MIME.xlsx);
    ui.say(S.templateDownloaded(name));
  });

  // ------------------------------------------------------------------ 审核情况说明

  const review = async (): Promise<void> => {
    const text = ui.review.value();
    if (!text.trim()) {
      ui.review.say(S.review.empty);
      ui.say(S.review.empty);
      return;
    }
    const wb = currentWorkbook();
    if (!wb?.snapshot) {
      ui.review.say(S.review.needWorkbook);
      ui.say(S.review.needWorkbook);
      return;
    }
    ui.say(S.review.working);
    let chunk: Awaited<ReturnType<typeof loadReview>>;
    try {
      chunk = await loadReview();
    } catch {
      ui.error(S.review.chunkFailed);
      return;
    }
    const file = ui.review.loadedFileName();
    wb.review = { text, source: 'text', label: file ? `“${file}”` : S.review.pasted, findings: chunk.reviewSnapshot(wb.snapshot, text) };
    show(current);
    ui.review.say(S.review.done(wb.review.label, wb.review.findings.length));
    ui.say('');
    ui.summary.focus();
  };

  /** A .txt/.docx for the reviewer: into the text box, then reviewed against the workbook shown (if any). */
  const reviewFile = async (file: File): Promise<void> => {
    if (!(await ui.loadNarrativeFile(file))) return;
    if (currentWorkbook()?.snapshot) await review();
    else ui.say(S.review.needWorkbook);
  };

  ui.on('review', review);
  ui.review.onFile((file) => void ui.runWhenIdle(() => reviewFile(file)));

  ui.on('copy', async () => {
    const narrative = currentWorkbook()?.narrative;
    if (!narrative) {
      ui.say(S.narrativeFirst);
      return;
    }
    ui.say((await copyText(narrative.text, ui.narrativeText)) ? S.copied : S.copyFailed);
  });
}
