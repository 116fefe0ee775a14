// The task pane in headless Chromium (engineering-notes §4), against one production build served from
// 127.0.0.1 as a top-level page:
//   add-in mode — office.js routed to a stub that installs the fake Excel built from the sample: 审核 lists
//     the findings and marks them, a click selects the cell, 写入说明表 writes the paragraphs, 清除标记
//     removes every mark; syncs counted; ExcelJS never loaded;
//   standalone — office.js unreachable: the sample dropped → findings → marked copy (values identical,
//     flagged cells filled) and narrative downloads; HTML/script/formula-like cell text renders inertly;
//     every request logged, none leaves 127.0.0.1;
//   审核情况说明 — the sample's published narrative pasted (and as a .docx) against the sample with 说明数据:
//     review findings with their quotes, highlighted in the sentence and in the text; in Excel a click selects
//     the source cell; 说明数据模板 downloads a copy of the workbook with the sheet added;
//   自动重新审核 — a user edit in the fake re-checks without a click; the choice is kept in the workbook.
// Set JUESUAN_SCREENSHOT_DIR to keep PNGs of the pane in both modes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { countBySeverity, sortFindings, type Finding } from '../../src/core/findings/finding';
import { checkSnapshot } from '../../src/core/report';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { narrateSnapshot } from '../../src/core/narrative';
import { buildSupplementTemplate } from '../../src/core/supplement';
import { expandCellRefs, parseA1, splitCellRef } from '../../src/core/workbook/address';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { MARKED_COPY_CAVEAT, MARK_FILL_ARGB } from '../../src/hosts/file/marked-copy';
import { narrativeFromBytes } from '../../src/hosts/file/narrative-text';
import { reviewSnapshot, type ReviewFinding } from '../../src/core/review';
import { SHEETS_SCOPE_NOTE } from '../../src/hosts/office/change-watcher';
import { isMarkFormula } from '../../src/hosts/office/mark-signature';
import { S } from '../../src/taskpane/strings';
import { STATE_PREFIX } from '../../src/hosts/office/state';
import type { FakeWorkbook } from '../fakes/excel';
import { SEED, snapshotOf } from '../helpers';
import {
  ROOT,
  type Browser,
  type StaticServer,
  buildDist,
  bundleFakeOffice,
  cellValues,
  dropFiles,
  fakeOfficeScript,
  launchChromium,
  leftTheMachine,
  lowContrast,
  openPage,
  serve,
} from './support';

declare global {
  interface Window {
    __fakeExcel: FakeWorkbook;
    __pwned?: unknown;
  }
}

/** The conditional formats of every sheet, from the page's fake (whose marks are the add-in's is decided here: isMarkFormula). */
async function formatsInPage(page: Page): Promise<Record<string, Array<{ formula?: string; fill?: string }>>> {
  return page.evaluate(() => Object.fromEntries(window.__fakeExcel.sheets.map((s) => [s.name, s.conditionalFormats.map((f) => ({ formula: f.formula, fill: f.fill }))])));
}
const SHOTS = process.env.JUESUAN_SCREENSHOT_DIR;

let dist: string;
let server: StaticServer;
let browser: Browser;
let fakeBundle: string;
let seedBytes: Buffer;
let seed: WorkbookSnapshot;

before(async () => {
  seedBytes = readFileSync(SEED);
  seed = await snapshotOf(seedBytes, 'seed-2024.xlsx');
  const [bundle] = await Promise.all([bundleFakeOffice()]);
  fakeBundle = bundle;
  dist = buildDist();
  server = await serve(dist);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const pageUrl = () => `${server.origin}/taskpane.html`;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, name) });
  await page.screenshot({ path: join(SHOTS, name.replace(/\.png$/, '-full.png')), fullPage: true });
}

/** The file-host / ExcelJS / docx chunks (lazy; never in Excel). */
const LAZY_CHUNK = /\/(exceljs|file-host|docx|docx-export)\.[0-9a-f]+\.js$/;
/** The reviewer (src/core/review): lazy in both modes, loaded on the first 审核说明. */
const REVIEW_CHUNK = /\/review\.[0-9a-f]+\.js$/;

test('add-in mode (fake Excel): 审核 lists and marks, a click selects the cell, 写入说明表 writes, 清除标记 removes every mark', { timeout: 60_000 }, async (t) => {
  const expected = checkSnapshot(seed).report;
  const script = fakeOfficeScript(fakeBundle, { snapshot: seed, config: { apiVersion: '1.9' }, protect: ['公开09表'] });
  const { page, log } = await openPage(browser, server.origin, script);
  try {
    await page.addInitScript(() => localStorage.removeItem('juesuan.firstRunDone'));
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="excel"]');
    assert.ok(await page.isVisible('#first-run'), 'first-run explanation shown');
    assert.ok(await page.isVisible('[data-action="clear"]'));
    assert.ok(!(await page.isVisible('[data-action="download-marked"]')), 'no download button inside Excel');
    await shot(page, 'pane-excel-first-run.png');
    const before = await page.evaluate(() => JSON.stringify(window.__fakeExcel.dumpContent()));
    await page.evaluate(() => window.__fakeExcel.resetCounters());

    // 审核 from the keyboard: Tab reaches 开始审核, Enter runs read → check → mark.
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'start' && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'start', '开始审核 is reachable with Tab');
    const clicked = Date.now();
    await page.keyboard.press('Enter');
    const finding = page.locator('[data-finding="header-department"]');
    await finding.waitFor();
    const toFindings = Date.now() - clicked;
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    const stats = await page.evaluate(() => ({ ...window.__fakeExcel.stats }));
    t.diagnostic(`add-in: click → findings ${toFindings} ms; one check = ${stats.syncCalls} sync() calls, ${stats.roundTrips} round trips, ${stats.runs} Excel.run`);
    assert.ok(stats.roundTrips <= 4, `read (2) + mark (2) round trips, got ${stats.roundTrips}`);

    assert.equal(await finding.getAttribute('data-severity'), 'error');
    const cells = JSON.parse((await finding.getAttribute('data-cells')) ?? '[]') as string[];
    assert.ok(cells.includes('公开02表!A3'), `data-cells ${cells}`);
    assert.equal(cells[0], '公开02表!A3');
    const summary = page.locator('[data-summary]');
    assert.equal(await summary.getAttribute('data-errors'), String(expected.summary.error));
    assert.equal(await summary.getAttribute('data-warnings'), String(expected.summary.warning));
    assert.equal(await summary.getAttribute('data-infos'), String(expected.summary.info));
    assert.equal(await page.locator('[data-finding]').count(), expected.findings.length, 'every finding has an element (rounding notes folded, still present)');
    const summaryText = (await summary.textContent()) ?? '';
    assert.match(summaryText, /1 个错误/);
    assert.match(summaryText, /公开09表/, 'the protected sheet is named');
    assert.match(summaryText, /受保护/);
    assert.equal(await page.locator('[data-fold="rounding"]').count(), 1, 'three 尾数差异 notes of 公开06表 folded into one line');
    assert.deepEqual(await lowContrast(page), [], 'every text at least 4.5:1');
    assert.ok(!(await page.isVisible('#first-run')), 'first-run gone after the first check');

    // The marks: the 株州 cell carries an error fill; nothing on the protected sheet.
    const marks = Object.fromEntries(Object.entries(await formatsInPage(page)).map(([sheet, list]) => [sheet, list.filter((f) => isMarkFormula(f.formula)).map((f) => f.fill)]));
    assert.ok(marks['公开02表'].length > 0, 'marks on 公开02表');
    assert.equal(marks['公开09表'].length, 0, 'the protected sheet is not marked');
    await shot(page, 'pane-excel-checked.png');

    // Click → the fake's selection is the finding's first cell.
    await finding.click();
    await page.waitForFunction(() => window.__fakeExcel.selectionRef() === '公开02表!A3');
    assert.equal(await page.evaluate(() => window.__fakeExcel.activeSheet()?.name), '公开02表');
    // Keyboard: Enter on another finding's button.
    const second = page.locator('[data-finding]:not([data-finding="header-department"])').first();
    const secondCell = (JSON.parse((await second.getAttribute('data-cells')) ?? '[]') as string[])[0];
    await second.locator('.finding__main').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((ref) => window.__fakeExcel.selectionRef() === ref, secondCell);
    // 下一条 / 上一条 step through the shown findings.
    await page.click('#step-previous');
    await page.waitForFunction(() => window.__fakeExcel.selectionRef() === '公开02表!A3');
    await page.click('#step-next');
    await page.waitForFunction((ref) => window.__fakeExcel.selectionRef() === ref, secondCell);
    assert.match((await page.textContent('#step-position')) ?? '', /第 2 \/ \d+ 条/);

    // Severity filter: only errors.
    await page.click('label[for="filter-error"]');
    assert.equal(await page.locator('[data-finding]:visible').count(), expected.summary.error);
    await page.click('label[for="filter-all"]');

    // 写入说明表 → the 情况说明 sheet holds the paragraphs, one per row.
    await page.click('[data-action="write-narrative"]');
    await page.waitForFunction(() => /情况说明.*工作表/.test(document.getElementById('status')?.textContent ?? ''));
    const written = await page.evaluate(() => {
      const sheet = window.__fakeExcel.sheets.find((s) => s.name === '情况说明');
      if (!sheet) return null;
      const rows: unknown[] = [];
      for (let r = 0; sheet.cell(r, 0)?.value !== undefined; r++) rows.push(sheet.cell(r, 0)?.value);
      return rows;
    });
    const paragraphs = narrateSnapshot(seed, { format: 'hunan' }).paragraphs.map((l) => l.text);
    assert.deepEqual(written, paragraphs);
    assert.ok(await page.isVisible('#narrative-text'), 'the narrative preview is shown');
    await shot(page, 'pane-excel-narrative.png');

    // 复制 → the narrative text on the clipboard.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.click('[data-action="copy"]');
    await page.waitForFunction(() => /已复制/.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), narrateSnapshot(seed, { format: 'hunan' }).text);

    // 说明数据模板 → host.writeSheetValues('说明数据', rows) creates the sheet to fill in.
    await page.click('[data-action="create-template"]');
    await page.waitForFunction(() => /说明数据/.test(document.getElementById('status')?.textContent ?? ''));
    const template = await page.evaluate(() => {
      const sheet = window.__fakeExcel.sheets.find((s) => s.name === '说明数据');
      return sheet ? { a1: sheet.cell(0, 0)?.value, cells: sheet.cells.size } : null;
    });
    assert.ok(template && template.cells > 20, `说明数据 sheet written: ${JSON.stringify(template)}`);
    assert.equal(template.a1, buildSupplementTemplate(checkSnapshot(seed).model).rows[0][0]);
    await page.click('[data-action="create-template"]');
    await page.waitForSelector('#alert:not([hidden])');
    assert.match((await page.textContent('#alert')) ?? '', /已有内容|未写入/, 'a second template never overwrites the first');

    // 清除标记 → none of our conditional formats remains; every original sheet exactly as before.
    await page.click('[data-action="clear"]');
    await page.waitForFunction(() => /已清除/.test(document.getElementById('status')?.textContent ?? ''));
    const left = Object.values(await formatsInPage(page)).flat().filter((f) => isMarkFormula(f.formula)).length;
    assert.equal(left, 0);
    const afterDump = JSON.parse(await page.evaluate(() => JSON.stringify(window.__fakeExcel.dumpContent()))) as Record<string, unknown>;
    delete afterDump['情况说明'];
    delete afterDump['说明数据'];
    assert.deepEqual(afterDump, JSON.parse(before), 'values and user formats of every original sheet unchanged');

    // Office error → the host's Chinese message.
    await page.evaluate(() => window.__fakeExcel.enterCellEditMode());
    await page.evaluate(() => {
      window.__fakeExcel.config.supportsDelayForCellEdit = false;
    });
    await page.click('[data-action="check"]');
    await page.waitForSelector('#alert:not([hidden])');
    assert.match((await page.textContent('#alert')) ?? '', /请先退出单元格编辑状态/);
    await page.evaluate(() => window.__fakeExcel.exitCellEditMode());

    // The in-Excel path never loads ExcelJS; nothing left 127.0.0.1; no errors, no CSP violations.
    assert.deepEqual(log.requests.filter((u) => LAZY_CHUNK.test(u)), []);
    assert.deepEqual(leftTheMachine(log, server.origin), []);
    assert.deepEqual(log.escaped, []);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

/** What the page should report for a file: the check, plus what the reader says about the file (if anything). */
async function fileReport(bytes: Uint8Array, name: string) {
  const read = await snapshotFromXlsx(bytes, name);
  assert.ok(read.ok);
  const report = checkSnapshot(read.snapshot, name).report;
  const extra = (read as { findings?: Finding[] }).findings ?? [];
  const findings = sortFindings([...extra, ...report.findings]);
  return { ...report, findings, summary: countBySeverity(findings) };
}


test('standalone (office.js unreachable): drop the sample → findings → marked copy and narrative downloads; nothing leaves 127.0.0.1', { timeout: 60_000 }, async (t) => {
  const expected = await fileReport(seedBytes, 'seed-2024.xlsx');
  const { page, log } = await openPage(browser, server.origin, 'abort');
  try {
    // A first visit (the add-in test above ran in the same profile and origin).
    await page.addInitScript(() => localStorage.removeItem('juesuan.firstRunDone'));
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]');
    assert.ok(await page.isVisible('#first-run'), 'first-run explanation shown');
    assert.ok(!(await page.isVisible('.dropzone__button')), 'one action while the first-run box is up: 开始审核');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#start')]);
    assert.ok(chooser.isMultiple(), '开始审核 opens the file chooser (several files allowed)');
    assert.ok(await page.isVisible('[data-action="download-marked"]'));
    assert.ok(!(await page.isVisible('[data-action="write-narrative"]')), 'no 写入说明表 outside Excel');
    assert.equal(await page.locator('input[type="file"][multiple][accept*=".xlsx"]').count(), 1);
    await shot(page, 'pane-standalone-first-run.png');
    assert.deepEqual(log.requests.filter((u) => LAZY_CHUNK.test(u)), [], 'ExcelJS is not loaded before a file is chosen');

    const dropped = Date.now();
    await dropFiles(page, [{ name: 'seed-2024.xlsx', bytes: seedBytes }]);
    const finding = page.locator('[data-finding="header-department"]');
    await finding.waitFor();
    const toFindings = Date.now() - dropped;
    t.diagnostic(`standalone: file drop → findings ${toFindings} ms (page's own measure: ${await page.getAttribute('[data-summary]', 'data-elapsed-ms')} ms)`);
    // The fast .xlsx reader read the sample: ExcelJS is only fetched for the marked copy below.
    const excelJsChunk = (u: string) => /\/exceljs\.[0-9a-f]+\.js$/.test(u);
    assert.ok(!log.requests.some(excelJsChunk), 'reading a file does not load ExcelJS');

    const cells = JSON.parse((await finding.getAttribute('data-cells')) ?? '[]') as string[];
    assert.deepEqual(cells, expected.findings.find((f) => f.rule === 'header-department')?.cells);
    assert.ok(cells.includes('公开02表!A3'));
    const summary = page.locator('[data-summary]');
    assert.equal(await summary.getAttribute('data-errors'), String(expected.summary.error));
    assert.equal(await summary.getAttribute('data-warnings'), String(expected.summary.warning));
    assert.equal(await summary.getAttribute('data-infos'), String(expected.summary.info));
    assert.match((await page.textContent('[data-caveat]')) ?? '', new RegExp(MARKED_COPY_CAVEAT.slice(0, 20)));

    // A click shows the cell in a small preview (there is no Excel to go to).
    await finding.click();
    const preview = page.locator('[data-finding="header-department"] [data-preview]');
    await preview.waitFor();
    assert.match((await preview.locator('caption').textContent()) ?? '', /公开02表!A3/);
    assert.equal(await preview.locator('td.is-target').textContent(), '部门：株州市长株潭一体化发展事务中心');
    assert.deepEqual(await lowContrast(page), [], 'every text at least 4.5:1');
    await shot(page, 'pane-standalone-checked.png');

    // 下载标记副本: every value identical, every flagged cell filled.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-marked"]')]);
    assert.match(download.suggestedFilename(), /^seed-2024（标记副本）\.xlsx$/);
    assert.ok(log.requests.some(excelJsChunk), 'ExcelJS loaded lazily for the marked copy, from the page origin');
    const markedBytes = readFileSync((await download.path())!);
    assert.deepEqual(await cellValues(markedBytes), await cellValues(seedBytes), 'every value identical to the input');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(markedBytes as unknown as ExcelJS.Buffer);
    const fills = new Set(Object.values(MARK_FILL_ARGB));
    const flagged = expandCellRefs(expected.findings.flatMap((f) => f.cells));
    assert.ok(flagged.length > 20);
    for (const ref of flagged) {
      const { sheet, address } = splitCellRef(ref);
      const at = parseA1(address)!;
      const fill = book.getWorksheet(sheet)!.getCell(at.row + 1, at.col + 1).fill as ExcelJS.FillPattern | undefined;
      assert.ok(fill && fill.type === 'pattern' && fills.has(fill.fgColor?.argb ?? ''), `${ref} is filled`);
    }
    assert.equal((book.getWorksheet('公开02表')!.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb, MARK_FILL_ARGB.error);

    // Narrative downloads: .txt (BOM + text) and .docx (a zip with word/document.xml).
    const [txt] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-narrative-txt"]')]);
    const text = readFileSync((await txt.path())!, 'utf8');
    assert.ok(text.startsWith('\ufeff'));
    assert.equal(text.slice(1).replace(/\r\n/g, '\n'), narrateSnapshot(seed, { format: 'hunan' }).text);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-narrative-docx"]')]);
    const docxBytes = readFileSync((await docx.path())!);
    assert.equal(docxBytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(docxBytes.includes(Buffer.from('word/document.xml')));
    assert.match(docx.suggestedFilename(), /情况说明\.docx$/);

    assert.deepEqual(leftTheMachine(log, server.origin), [], 'no request left 127.0.0.1');
    assert.deepEqual(log.escaped, []);
    assert.deepEqual(
      log.errors.filter((e) => !/appsforoffice|ERR_INTERNET_DISCONNECTED/.test(e)),
      [],
      'no errors besides office.js failing to load (as offline)',
    );
    t.diagnostic(`standalone: ${log.requests.length} requests, all to ${server.origin} (office.js aborted by the route)`);
  } finally {
    await page.close();
  }
});

/** A copy of the sample with some cells replaced (ExcelJS, as a file another tool might have written). */
async function variant(edits: Record<string, string>, removeSheets: string[] = []): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(seedBytes as unknown as ExcelJS.Buffer);
  for (const name of removeSheets) book.removeWorksheet(book.getWorksheet(name)!.id);
  for (const [ref, value] of Object.entries(edits)) {
    const { sheet, address } = splitCellRef(ref);
    book.getWorksheet(sheet)!.getCell(address).value = value;
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

test('standalone: HTML, script and formula-like text from a workbook (and its file name) renders inertly; several files → batch table; "0 个错误" and "未找到公开05表" said', { timeout: 60_000 }, async () => {
  // No spaces or quotes: the reader normalises those out of unit names, and these must reach the page intact.
  const IMG = '<img/src/onerror=window.__pwned=1>';
  const SCRIPT = '<script>window.__pwned=2</script>';
  const FORMULA = '=HYPERLINK(A1,B1)+1';
  const evil = await variant({ '公开02表!A3': `部门：${IMG}`, '公开06表!A3': '部门：株洲市长株潭一体化发展事务中心' });
  const formulaLike = await variant(Object.fromEntries(['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((c) => [`公开${c}表!A3`, `部门：${FORMULA}${SCRIPT}`])));
  const without05 = await variant({}, ['公开05表']);
  const { page, log } = await openPage(browser, server.origin, 'abort');
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]');
    const scriptsBefore = await page.locator('script').count();
    await page.setInputFiles('#file-input', [
      { name: `<img src=y onerror="window.__pwned=3">.xlsx`, mimeType: 'application/octet-stream', buffer: Buffer.from(evil) },
      { name: 'formula.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(formulaLike) },
      { name: 'no-05.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(without05) },
    ]);
    await page.waitForSelector('[data-batch] tr[data-batch-row="2"]');
    const finding = page.locator('[data-finding="header-department"]');
    await finding.waitFor();
    assert.ok(((await finding.textContent()) ?? '').includes(IMG), 'the markup is shown as text');
    await finding.click();
    assert.equal(await page.locator('[data-preview] td.is-target').textContent(), `部门：${IMG}`);
    assert.ok(((await page.textContent('[data-summary]')) ?? '').includes('<img src=y onerror="window.__pwned=3">.xlsx'));

    // The second workbook: the unit name (formula-like text + a script tag) in the batch table and the narrative.
    const unitCell = page.locator('[data-batch] tr[data-batch-row="1"] [data-unit]');
    assert.ok(((await unitCell.textContent()) ?? '').includes(`${FORMULA}${SCRIPT}`), `unit cell: ${await unitCell.textContent()}`);
    await page.locator('[data-batch]').scrollIntoViewIfNeeded();
    await shot(page, 'pane-standalone-batch.png');
    // A workbook without 公开05表: the summary says so, one line per missing table.
    await page.click('[data-batch] tr[data-batch-row="2"] button');
    assert.match((await page.textContent('[data-summary]')) ?? '', /未找到公开05表/);
    assert.equal(await page.locator('[data-summary] [data-missing-table="05"]').count(), 1);
    await page.click('[data-batch] tr[data-batch-row="1"] button');
    assert.equal(await page.getAttribute('[data-batch] tr[data-batch-row="1"] button', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-summary]', 'data-errors'), '0');
    assert.match((await page.textContent('[data-summary]')) ?? '', /0 个错误/, '"0 个错误" is said, not left out');
    await page.click('[data-action="narrate"]');
    await page.waitForSelector('#narrative:not([hidden])');
    assert.ok(((await page.textContent('#narrative-text')) ?? '').includes(SCRIPT), 'the script tag is narrative text');
    await shot(page, 'pane-standalone-narrative.png');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 350), 'long unbroken workbook text never widens the pane');

    // Nothing ran, nothing was injected.
    assert.deepEqual(log.dialogs, []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 1, 'only the header icon');
    assert.equal(await page.locator('script').count(), scriptsBefore + (await page.locator('script[src*="exceljs"], script[src*="file-host"], script[src*="docx"]').count()));
    assert.equal(await page.locator('a[href^="http"]').count(), 0, 'no link was made from a cell');
    assert.deepEqual(leftTheMachine(log, server.origin), []);
    assert.deepEqual(log.escaped, []);
  } finally {
    await page.close();
  }
});

test('standalone with the real office.js (npm copy served at the CDN URL): onReady reports no host → the web page, no CSP violation', { timeout: 30_000 }, async (t) => {
  const officeDist = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
  const served: string[] = [];
  const { page, log } = await openPage(browser, server.origin, (path) => {
    const file = path.replace(/^\/lib\/1\/hosted\//, '');
    served.push(file);
    const full = join(officeDist, file);
    return full.startsWith(officeDist) && existsSync(full) ? readFileSync(full) : undefined;
  });
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]', { timeout: 15_000 });
    t.diagnostic(`office.js files loaded from the (routed) CDN: ${served.join(', ')}`);
    assert.ok(served.includes('office.js'));
    assert.deepEqual(leftTheMachine(log, server.origin), []);
    assert.deepEqual(log.escaped, []);
    assert.deepEqual(log.errors.filter((e) => /Content Security Policy|Refused to/i.test(e)), [], 'office.js runs under the page CSP');
  } finally {
    await page.close();
  }
});

// ------------------------------------------------------------------ 审核情况说明, 说明数据模板, 自动重新审核

const NOTES_XLSX = join(ROOT, 'test', 'fixtures', 'seed-2024-with-notes.xlsx');
const NARRATIVE_TXT = join(ROOT, 'test', 'fixtures', 'seed-2024-narrative.txt');
const WRONG_LABEL = '一般公共服务（类）社会保障和就业支出（款）';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ShownReview {
  rule: string;
  severity: string;
  quote: string;
  paragraph: number;
  offset: number;
  cells: string[];
  /** The text of the <mark> in the finding's sentence (null when it shows none). */
  marked: string | null;
}

/** The review findings as the page shows them, in list order. */
function shownReview(page: Page): Promise<ShownReview[]> {
  return page.$$eval('[data-finding][data-quote]', (els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      return {
        rule: el.dataset.finding ?? '',
        severity: el.dataset.severity ?? '',
        quote: el.dataset.quote ?? '',
        paragraph: Number(el.dataset.paragraph),
        offset: Number(el.dataset.offset),
        cells: JSON.parse(el.dataset.cells ?? '[]') as string[],
        marked: el.querySelector('[data-quote-excerpt] mark')?.textContent ?? null,
      };
    }),
  );
}

const key = (f: Pick<ShownReview, 'rule' | 'quote' | 'paragraph' | 'offset' | 'severity' | 'cells'> | ReviewFinding) => JSON.stringify([f.rule, f.severity, f.quote, f.paragraph, f.offset, f.cells]);

/** The narrative as a Word document, one paragraph per line (as a department would send it). */
async function narrativeDocx(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(doc);
}

async function shotOf(page: Page, selector: string, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.locator(selector).screenshot({ path: join(SHOTS, name) });
}

test('standalone 审核情况说明: the published narrative pasted → review findings (wrong 类 label, 增加减少) with the quote marked in its sentence and in the text; a .docx gives the same; markup stays text; 说明数据模板 downloads a copy with the sheet', { timeout: 60_000 }, async (t) => {
  const notesBytes = readFileSync(NOTES_XLSX);
  const notes = await snapshotOf(notesBytes, 'seed-2024-with-notes.xlsx');
  const text = readFileSync(NARRATIVE_TXT, 'utf8');
  const expected = reviewSnapshot(notes, text);
  const checkErrors = (await fileReport(notesBytes, 'seed-2024-with-notes.xlsx')).summary.error;
  const { page, log } = await openPage(browser, server.origin, 'abort');
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]');
    assert.ok(await page.isVisible('#review'), 'the reviewer panel is shown');
    assert.ok(await page.isDisabled('[data-action="review"]'), '审核说明 waits for a workbook');
    assert.ok(!(await page.isVisible('[data-action="review-sheet"]')), 'no 情况说明 sheet to review outside Excel');
    await page.setInputFiles('#file-input', { name: 'seed-2024-with-notes.xlsx', mimeType: XLSX_MIME, buffer: notesBytes });
    await page.waitForSelector('[data-finding="header-department"]');
    assert.deepEqual(log.requests.filter((u) => REVIEW_CHUNK.test(u)), [], 'the reviewer is not loaded before it is used');

    // Paste → 审核说明.
    await page.fill('#review-input', text);
    const clicked = Date.now();
    await page.click('[data-action="review"]');
    await page.waitForSelector('[data-finding][data-quote]');
    t.diagnostic(`standalone: 审核说明 → ${expected.length} review findings in ${Date.now() - clicked} ms (incl. loading the review chunk)`);
    assert.ok(log.requests.some((u) => REVIEW_CHUNK.test(u) && u.startsWith(server.origin)), 'the review chunk loaded lazily, from the page origin');
    const shown = await shownReview(page);
    assert.deepEqual(shown.map(key), expected.map(key), 'every review finding, in text order, with its quote, position and cells');
    for (const f of shown) if (f.quote) assert.equal(f.marked, f.quote, `the quote is marked in its sentence: ${f.quote}`);
    const label = shown.find((f) => f.quote.includes(WRONG_LABEL));
    assert.ok(label, `a finding quotes ${WRONG_LABEL}`);
    assert.equal(label.rule, 'review-subject-label');
    assert.equal(label.severity, 'error');
    const direction = shown.find((f) => f.quote.includes('增加减少'));
    assert.ok(direction, 'a finding quotes 增加减少');
    assert.equal(direction.rule, 'review-direction');
    const summary = page.locator('[data-summary]');
    const reviewErrors = expected.filter((f) => f.severity === 'error').length;
    assert.equal(await summary.getAttribute('data-errors'), String(checkErrors + reviewErrors), 'the summary counts the check and the review');
    assert.match((await summary.textContent()) ?? '', /情况说明审核（粘贴的文本）/);
    assert.equal(await page.locator('.group[data-table="narrative"]').count(), 1, 'review findings in their own group');
    assert.ok((await page.locator('#review-text mark[data-review-mark]').count()) >= expected.filter((f) => f.quote).length - 2, 'the quotes are marked in the text');

    // A click marks its quote as the current one and scrolls the text to it; the cell preview shows its source cell.
    const item = page.locator('[data-finding][data-quote*="增加减少"]');
    await item.locator('.finding__main').click();
    await page.waitForSelector('#review-text mark.is-current');
    assert.match((await page.locator('#review-text mark.is-current').first().textContent()) ?? '', /增加减少/);
    assert.equal(await page.getAttribute('#review-text', 'data-current-paragraph'), String(direction.paragraph));
    const visible = await page.evaluate(() => {
      const box = document.getElementById('review-text')!;
      const mark = box.querySelector('mark.is-current')!;
      const b = box.getBoundingClientRect();
      const m = mark.getBoundingClientRect();
      return { scrollTop: box.scrollTop, inside: m.top >= b.top && m.bottom <= b.bottom };
    });
    assert.ok(visible.scrollTop > 0 && visible.inside, `the text box scrolled to the quote: ${JSON.stringify(visible)}`);
    assert.match((await item.locator('[data-preview] caption').textContent()) ?? '', new RegExp(direction.cells[0]));
    assert.deepEqual(await lowContrast(page), [], 'every text at least 4.5:1 (marks included)');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 350), 'the panel never widens the pane');
    await page.locator('#review').scrollIntoViewIfNeeded();
    await shotOf(page, '#review', 'review-panel-standalone.png');
    await shotOf(page, '.group[data-table="narrative"]', 'review-findings-standalone.png');
    await page.locator('[data-finding][data-quote*="增加减少"]').scrollIntoViewIfNeeded();
    await shot(page, 'pane-standalone-review.png');

    // The same narrative as a .docx: read in the page (lazy jszip chunk), the same text as the CLI's reader, reviewed at once.
    const docxBytes = await narrativeDocx(text);
    const nodeRead = await narrativeFromBytes(docxBytes, '情况说明.docx');
    assert.ok(nodeRead.ok, 'the CLI reader reads the .docx');
    await page.setInputFiles('#review-file', { name: '情况说明.docx', mimeType: DOCX_MIME, buffer: docxBytes });
    await page.waitForFunction(() => /已审核“情况说明\.docx”/.test(document.getElementById('review-status')?.textContent ?? ''));
    assert.equal(await page.inputValue('#review-input'), nodeRead.text, 'the page reads the .docx as src/hosts/file/narrative-text.ts does');
    assert.deepEqual((await shownReview(page)).map(key), reviewSnapshot(notes, nodeRead.text).map(key));
    assert.match((await summary.textContent()) ?? '', /情况说明审核（“情况说明\.docx”）/);

    // Markup in a narrative is text: nothing runs, nothing is injected.
    const evil = '第三部分\n一、收入支出决算总体情况说明\n<img src=x onerror="window.__pwned=5"><script>window.__pwned=6</script>2024 年度收、支总计 519.63 万元。与上年相比，增加减少 6.73 万元。';
    await page.fill('#review-input', evil);
    await page.click('[data-action="review"]');
    await page.waitForFunction(() => /已审核粘贴的文本/.test(document.getElementById('review-status')?.textContent ?? ''));
    assert.ok(((await page.textContent('#review-text')) ?? '').includes('<img src=x onerror="window.__pwned=5"><script>'), 'the markup is shown as text');
    assert.equal(await page.locator('[data-finding][data-quote*="增加减少"]').count(), 1, 'the 增加减少 of the markup text is found');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 1, 'only the header icon');
    assert.equal(await page.locator('#review-text script, .findings script').count(), 0);

    // 说明数据模板: the workbook already has one → said, nothing downloaded.
    await page.click('[data-action="download-template"]');
    await page.waitForSelector('#alert:not([hidden])');
    assert.match((await page.textContent('#alert')) ?? '', /已有工作表“说明数据”/);
    // A workbook without one → a copy with the sheet; the original's values all there, unchanged.
    await page.setInputFiles('#file-input', { name: 'seed-2024.xlsx', mimeType: XLSX_MIME, buffer: seedBytes });
    await page.waitForFunction(() => /seed-2024\.xlsx/.test(document.querySelector('[data-summary]')?.textContent ?? ''));
    assert.equal(await page.locator('[data-finding][data-quote]').count(), 0, 'a review belongs to the workbook it was made against');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-template"]')]);
    assert.equal(download.suggestedFilename(), 'seed-2024（含说明数据）.xlsx');
    assert.match((await page.textContent('#status')) ?? '', /原文件未作任何改动/);
    const copyBytes = readFileSync((await download.path())!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(copyBytes as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('说明数据');
    assert.ok(sheet, 'the copy has a 说明数据 sheet');
    const template = buildSupplementTemplate(checkSnapshot(seed).model);
    assert.equal(sheet.getCell('A1').value, template.rows[0][0]);
    assert.ok(sheet.rowCount >= template.rows.length - 1, `the template's ${template.rows.length} rows are written (${sheet.rowCount})`);
    const copyValues = await cellValues(copyBytes);
    for (const k of [...copyValues.keys()]) if (k.startsWith('说明数据!')) copyValues.delete(k);
    assert.deepEqual(copyValues, await cellValues(seedBytes), 'every value of the original sheets identical');

    assert.deepEqual(leftTheMachine(log, server.origin), []);
    assert.deepEqual(log.escaped, []);
    assert.deepEqual(log.errors.filter((e) => !/appsforoffice|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await page.close();
  }
});

test('add-in 审核情况说明 and 自动重新审核 (fake Excel 1.8): a review finding selects its source cell; a user edit re-checks without a click; the choice is saved; unchecking stops the watch', { timeout: 60_000 }, async (t) => {
  const text = readFileSync(NARRATIVE_TXT, 'utf8');
  const script = fakeOfficeScript(fakeBundle, { snapshot: seed, config: { apiVersion: '1.8' } });
  const { page, log } = await openPage(browser, server.origin, script);
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="excel"]');
    assert.ok(await page.isVisible('[data-action="review-sheet"]'), '审核“情况说明”表 inside Excel');
    assert.ok(!(await page.isVisible('[data-action="download-template"]')), 'the template goes into the workbook itself inside Excel');
    assert.equal(await page.isChecked('#auto-recheck'), false, '自动重新审核 is off by default');
    assert.equal(await page.textContent('[data-undo-note]'), S.live.undo.clears, 'beside the switch: on this Excel (1.8) a write clears the undo list');
    assert.match((await page.getAttribute('#auto-recheck', 'aria-describedby')) ?? '', /auto-recheck-undo/);

    // Review before any 审核: the pasted text against a fresh read; the tables' findings listed, not marked.
    await page.fill('#review-input', text);
    await page.click('[data-action="review"]');
    await page.waitForSelector('[data-finding][data-quote]');
    const expected = reviewSnapshot(seed, text);
    assert.deepEqual((await shownReview(page)).map(key), expected.map(key));
    assert.equal(await page.evaluate(() => window.__fakeExcel.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0)), 0, 'a review marks nothing');
    const direction = expected.find((f) => f.quote.includes('增加减少'))!;
    await page.locator('[data-finding][data-quote*="增加减少"] .finding__main').click();
    await page.waitForFunction((ref) => window.__fakeExcel.selectionRef() === ref, direction.cells[0]);
    assert.match((await page.locator('#review-text mark.is-current').first().textContent()) ?? '', /增加减少/);
    await page.locator('#review').scrollIntoViewIfNeeded();
    await shotOf(page, '#review', 'review-panel-excel.png');

    // 审核 → marks; then 自动重新审核 on: the 1.8 note, the choice saved in the workbook.
    await page.click('[data-action="check"]');
    await page.waitForFunction(() => /已在工作簿中标出/.test(document.querySelector('[data-summary]')?.textContent ?? ''));
    const reviewErrors = expected.filter((f) => f.severity === 'error').length;
    assert.equal(await page.getAttribute('[data-summary]', 'data-errors'), String(checkSnapshot(seed).report.summary.error + reviewErrors));
    await page.check('#auto-recheck');
    await page.waitForFunction(() => /已开启自动重新审核/.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal(await page.textContent('[data-live-note]'), SHEETS_SCOPE_NOTE, 'the watch says what it cannot see on this Excel');
    assert.ok(await page.evaluate(() => window.__fakeExcel.changedHandlerCount() > 0), 'handlers registered');
    assert.equal(await page.evaluate((k) => window.__fakeExcel.settings.get(k), `${STATE_PREFIX}autoRecheck`), JSON.stringify({ on: true }));
    await page.locator('.options--live').scrollIntoViewIfNeeded();
    await shot(page, 'pane-excel-live.png');

    // The user types a wrong amount (breaks the sums of 05 and 03 vs 05): the list updates with no click.
    const edited = JSON.parse(JSON.stringify(seed)) as WorkbookSnapshot;
    edited.sheets.find((s) => s.name === '公开05表')!.values[11][2] = 999;
    const after = checkSnapshot(edited).report;
    assert.ok(after.summary.error > checkSnapshot(seed).report.summary.error, 'the edit breaks sums');
    // The review is re-run on the new figures too (999 is not what the text says).
    const reviewAfter = reviewSnapshot(edited, text).filter((f) => f.severity === 'error').length;
    // Below ExcelApi 1.14 a change within 1 s of the add-in's own write to that sheet (the marks) counts as the
    // add-in's (change-watcher.ts): the user's edit comes a moment later, as it would.
    await page.waitForTimeout(1_100);
    const edit = Date.now();
    await page.evaluate(() => window.__fakeExcel.userEdit('公开05表', 'C12', 999));
    await page.waitForFunction((n) => document.querySelector('[data-summary]')?.getAttribute('data-errors') === String(n), after.summary.error + reviewAfter, { timeout: 10_000 });
    await page.waitForFunction(() => /检测到 1 处修改，已重新审核/.test(document.getElementById('status')?.textContent ?? ''));
    t.diagnostic(`add-in: user edit → re-checked list in ${Date.now() - edit} ms (1.5 s debounce)`);
    const rules = await page.$$eval('[data-finding]', (els) => els.map((e) => (e as HTMLElement).dataset.finding));
    assert.ok(rules.includes('t05-subject-sum') && rules.includes('t05-row-total'), 'the new errors are listed');
    assert.ok((await page.locator('[data-finding][data-quote]').count()) > 0, 'the review was re-run on the new figures too');
    const marked = await page.evaluate(() => window.__fakeExcel.sheet('公开05表').conditionalFormats.length);
    assert.ok(marked > 0, 'the re-check marked the new cells');
    assert.equal(await page.isChecked('#auto-recheck'), true);

    // Off: the watch is stopped (no handler left) and the choice saved.
    await page.uncheck('#auto-recheck');
    await page.waitForFunction(() => /已关闭自动重新审核/.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => window.__fakeExcel.changedHandlerCount()), 0);
    assert.equal(await page.isHidden('[data-live-note]'), true);
    assert.equal(await page.evaluate((k) => window.__fakeExcel.settings.get(k), `${STATE_PREFIX}autoRecheck`), JSON.stringify({ on: false }));

    // 写入说明表 then 审核“情况说明”表: the generated text has no error; a finding from it names its row.
    await page.click('[data-action="write-narrative"]');
    await page.waitForFunction(() => /情况说明.*工作表/.test(document.getElementById('status')?.textContent ?? ''));
    await page.click('[data-action="review-sheet"]');
    await page.waitForFunction(() => /已审核“情况说明”工作表/.test(document.getElementById('review-status')?.textContent ?? ''));
    assert.equal((await shownReview(page)).filter((f) => f.severity === 'error').length, 0, 'a narrative this product wrote has no error');
    assert.deepEqual(log.requests.filter((u) => LAZY_CHUNK.test(u)), [], 'never ExcelJS inside Excel');
    assert.deepEqual(leftTheMachine(log, server.origin), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }

  // A workbook where 自动重新审核 was left on: the pane turns it back on when it opens.
  const again = await openPage(browser, server.origin, fakeOfficeScript(fakeBundle, { snapshot: seed, config: { apiVersion: '1.14' }, settings: { [`${STATE_PREFIX}autoRecheck`]: JSON.stringify({ on: true }) } }));
  try {
    await again.page.goto(pageUrl());
    await again.page.waitForSelector('body[data-mode="excel"]');
    await again.page.waitForFunction(() => (document.getElementById('auto-recheck') as HTMLInputElement).checked && window.__fakeExcel.changedHandlerCount() > 0);
    assert.equal(await again.page.isHidden('[data-live-note]'), true, 'no limitation to show on 1.9+');
    assert.deepEqual(again.log.errors, []);
  } finally {
    await again.page.close();
  }
});
