// Explanations and the review trail in the pane, in headless Chromium against the production build:
//   add-in mode (fake Excel) — a warning offers 填写说明, an error does not; the explanation is saved into the
//     审核说明 sheet, the finding folds under 已说明 and its mark turns pale; 写入审核结果 writes the sheet with
//     links and replaces it the second time; saved and reopened, it is still explained; a covered cell typed
//     over makes it stale; a workbook explained with the CLI opened in Excel shows it explained;
//   standalone — the same on a dropped file, 下载审核副本 gives “X.已说明.xlsx” with both sheets and the tables'
//     values unchanged; dropped again, explained; the batch table counts explained and open findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { checkSnapshot } from '../../src/core/report';
import { snapshotFromXlsx } from '../../src/hosts/file/read-file';
import { writeOwnSheets } from '../../src/hosts/file/own-sheets-xlsx';
import { explanationRecord, explanationSheet } from '../../src/core/explain';
import { isMarkFormula, markSeverity } from '../../src/hosts/office/mark-signature';
import type { FakeWorkbook } from '../fakes/excel';
import { SEED } from '../helpers';
import { distSuite } from './dist-suite';
import { cellValues, dropFiles, fakeOfficeScript, leftTheMachine, lowContrast, openPage } from './support';

declare global {
  interface Window {
    __fakeExcel: FakeWorkbook;
  }
}

const suite = distSuite();
// Set JUESUAN_SCREENSHOT_DIR to keep PNGs of the pane (the form, the folded explanations, a stale one).
const SHOTS = process.env.JUESUAN_SCREENSHOT_DIR;

async function shot(target: Page | Locator, name: string): Promise<void> {
  if (!SHOTS) return;
  if ('goto' in target) await target.screenshot({ path: join(SHOTS, name), fullPage: true });
  else await target.screenshot({ path: join(SHOTS, name) });
}
const pageUrl = () => `${suite.server.origin}/taskpane.html`;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const TEXT = '核实无误：养老保险缴费部分在“事业运行”科目列支，两表口径不同。';

/** The warning the tests explain: the sample's first (x06-05-contributions, 公开06表!C12 …). */
function firstWarning() {
  return checkSnapshot(suite.seed).report.findings.find((f) => f.severity === 'warning')!;
}

const findingOf = (page: Page, cell: string) => page.locator(`[data-finding][data-cells^='${JSON.stringify([cell]).slice(0, -1)}']`).first();

async function explain(page: Page, cell: string, text: string): Promise<void> {
  const item = findingOf(page, cell);
  await item.locator('[data-explain-open]').click();
  const form = item.locator('[data-explain-form]');
  await form.waitFor();
  await form.locator('textarea').fill(text);
  await shot(item, 'explain-form.png');
  await form.locator('[data-explain-save]').click();
}

test('add-in mode (fake Excel): explain a warning (never an error) → 审核说明, 已说明 folded, pale mark; 写入审核结果 with links, replaced; reopened still explained; typed over → stale', { timeout: 90_000 }, async () => {
  const warning = firstWarning();
  const { page, log } = await openPage(suite.browser, suite.server.origin, fakeOfficeScript(suite.fakeBundle, { snapshot: suite.seed, config: { apiVersion: '1.9' } }));
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="excel"]');
    await page.click('[data-action="check"]');
    await page.waitForFunction(() => /已在工作簿中标出/.test(document.querySelector('[data-summary]')?.textContent ?? ''));
    // An error offers no explanation, nor does a note; every warning does.
    assert.equal(await page.locator('[data-severity="error"] [data-explain-open]').count(), 0, 'an error cannot be explained away');
    assert.equal(await page.locator('[data-severity="info"] [data-explain-open]').count(), 0, 'a note needs none');
    assert.equal(await page.locator('[data-severity="warning"] [data-explain-open]').count(), await page.locator('[data-severity="warning"]').count());

    await explain(page, warning.cells[0], TEXT);
    await page.waitForFunction(() => document.querySelector('[data-summary]')?.getAttribute('data-explained') === '1');
    assert.match((await page.textContent('#status')) ?? '', /已保存说明（“审核说明”工作表）/);
    const sheet = await page.evaluate(() => {
      const s = window.__fakeExcel.sheets.find((x) => x.name === '审核说明');
      return s ? { a1: s.cell(0, 0)?.value, rule: s.cell(3, 0)?.value, text: s.cell(3, 3)?.value, link: s.cell(3, 1)?.hyperlink?.documentReference } : null;
    });
    assert.deepEqual(sheet, { a1: '审核说明（决算审核助手）', rule: warning.rule, text: TEXT, link: `'${warning.cells[0].split('!')[0]}'!${warning.cells[0].split('!')[1]}` });
    // In the list: folded under 已说明 with its text; the summary counts it.
    const explained = page.locator('[data-fold="explained"] [data-finding][data-explained="true"]');
    assert.equal(await explained.count(), 1);
    await page.locator('[data-fold="explained"] summary').click();
    assert.match((await explained.locator('[data-explanation]').textContent()) ?? '', new RegExp(TEXT.slice(0, 8)));
    await shot(page.locator('.group', { has: explained }), 'explain-folded.png');
    await shot(page.locator('[data-summary]'), 'explain-summary.png');
    assert.match((await page.textContent('[data-summary]')) ?? '', /其中 1 个警告已说明；待处理的错误和警告 5 个/);
    assert.deepEqual(await lowContrast(page), []);
    // Its mark is the pale one; the other warnings' stay yellow.
    const kinds = await page.evaluate(() => window.__fakeExcel.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.formula ?? '')));
    assert.ok(kinds.map(markSeverity).includes('explained'));
    assert.ok(kinds.map(markSeverity).includes('warning'));

    // 写入审核结果: a row per finding, linked; the second time the same sheet is replaced.
    await page.click('[data-action="write-results"]');
    await page.waitForFunction(() => /“审核结果”工作表/.test(document.getElementById('status')?.textContent ?? ''));
    const results = () =>
      page.evaluate(() => {
        const s = window.__fakeExcel.sheets.find((x) => x.name === '审核结果')!;
        const rows: Array<{ level: unknown; link?: string; said: unknown }> = [];
        for (let r = 3; s.cell(r, 0)?.value !== undefined; r++) rows.push({ level: s.cell(r, 1)?.value, link: s.cell(r, 7)?.hyperlink?.documentReference, said: s.cell(r, 8)?.value });
        return { count: window.__fakeExcel.sheets.filter((x) => x.name.startsWith('审核结果')).length, rows };
      });
    const first = await results();
    const expected = checkSnapshot(suite.seed).report;
    assert.equal(first.rows.length, expected.findings.length);
    assert.ok(first.rows.filter((r) => r.link).length >= expected.findings.filter((f) => f.cells.length).length);
    assert.deepEqual(first.rows.find((r) => r.said === TEXT)?.level, '警告（已说明）');
    await page.click('[data-action="write-results"]');
    await page.waitForFunction(() => /已更新“审核结果”工作表/.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal((await results()).count, 1, 'replaced, not added again');

    // Saved, closed and opened again: still explained (the pane reads the sheet, not its memory).
    await page.evaluate(() => window.__fakeExcel.reopen());
    await page.click('[data-action="check"]');
    await page.waitForFunction(() => document.querySelector('[data-summary]')?.getAttribute('data-explained') === '1');

    // The user types over a covered value: stale — shown, not applied, not folded.
    const [name, address] = warning.cells[0].split('!');
    await page.evaluate(([n, a]) => window.__fakeExcel.userEdit(n, a, 99.99), [name, address]);
    await page.click('[data-action="check"]');
    await page.waitForFunction(() => document.querySelector('[data-summary]')?.getAttribute('data-explained') === '0');
    const stale = page.locator('[data-finding][data-explained="stale"]');
    assert.equal(await stale.count(), 1);
    assert.match((await stale.locator('[data-explanation][data-stale="true"]').textContent()) ?? '', /说明已失效/);
    assert.equal(await stale.locator('[data-explain-open]').textContent(), '重新说明');
    await shot(stale, 'explain-stale.png');

    // Removing it: the sheet keeps no row for it.
    await stale.locator('[data-explain-open]').click();
    await stale.locator('[data-explain-remove]').click();
    await page.waitForFunction(() => /已删除该说明/.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => window.__fakeExcel.sheets.find((x) => x.name === '审核说明')!.cell(3, 0)?.value), undefined);
    assert.equal(await page.locator('[data-finding][data-explained]').count(), 0);
    assert.deepEqual(leftTheMachine(log, suite.server.origin), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('add-in mode: a workbook explained with the CLI, opened in Excel, shows the warning explained (the fingerprint is the same in both hosts)', { timeout: 60_000 }, async () => {
  const bytes = new Uint8Array(readFileSync(SEED));
  const warning = firstWarning();
  const written = await writeOwnSheets(bytes, suite.seed, [explanationSheet([explanationRecord(warning, TEXT, suite.seed, '2025-03-01')])]);
  assert.ok(written.ok);
  const read = await snapshotFromXlsx(written.bytes, 'seed-2024.已说明.xlsx');
  assert.ok(read.ok);
  const { page, log } = await openPage(suite.browser, suite.server.origin, fakeOfficeScript(suite.fakeBundle, { snapshot: read.snapshot, config: { apiVersion: '1.7' } }));
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="excel"]');
    await page.click('[data-action="check"]');
    await page.waitForFunction(() => document.querySelector('[data-summary]')?.getAttribute('data-explained') === '1');
    assert.equal(await page.locator('[data-finding][data-explained="true"]').count(), 1);
    assert.ok((await page.evaluate(() => window.__fakeExcel.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.formula)))).some(isMarkFormula));
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('standalone: explain on a dropped file → 下载审核副本 “X.已说明.xlsx” with 审核说明 and 审核结果, the tables unchanged → dropped again, explained; the batch table counts explained and open', { timeout: 90_000 }, async () => {
  const seedBytes = new Uint8Array(readFileSync(SEED));
  const warning = firstWarning();
  const { page, log } = await openPage(suite.browser, suite.server.origin, 'abort');
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]');
    await dropFiles(page, [{ name: 'seed-2024.xlsx', bytes: seedBytes }]);
    await page.waitForSelector('[data-finding="header-department"]');
    assert.equal(await page.locator('[data-severity="error"] [data-explain-open]').count(), 0);
    await explain(page, warning.cells[0], TEXT);
    await page.waitForFunction(() => document.querySelector('[data-summary]')?.getAttribute('data-explained') === '1');
    assert.match((await page.textContent('#status')) ?? '', /已记录说明.*下载审核副本/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-reviewed"]')]);
    assert.equal(download.suggestedFilename(), 'seed-2024.已说明.xlsx');
    const copy = new Uint8Array(readFileSync((await download.path())!));
    const read = await snapshotFromXlsx(copy, 'seed-2024.已说明.xlsx');
    assert.ok(read.ok);
    assert.deepEqual(read.snapshot.sheets.map((s) => s.name).slice(-2), ['审核说明', '审核结果']);
    const checked = checkSnapshot(read.snapshot);
    assert.equal(checked.report.summary.explained, 1);
    const values = await cellValues(copy);
    for (const key of [...values.keys()]) if (/^审核(说明|结果)!/.test(key)) values.delete(key);
    assert.deepEqual(values, await cellValues(seedBytes), 'every value of the user’s sheets as it was');

    // The copy dropped again (a reviewer opening it): explained; with the original beside it, the batch table says what is open.
    await dropFiles(page, [
      { name: 'seed-2024.xlsx', bytes: seedBytes },
      { name: 'seed-2024.已说明.xlsx', bytes: copy },
    ]);
    await page.waitForSelector('[data-batch-row="1"]');
    const rows = await page.$$eval('[data-batch-row]', (els) => els.map((e) => ({ explained: (e as HTMLElement).dataset.explained, open: (e as HTMLElement).dataset.open })));
    assert.deepEqual(rows, [
      { explained: '0', open: '6' },
      { explained: '1', open: '5' },
    ]);
    assert.match((await page.textContent('[data-batch-row="1"] [data-open-line]')) ?? '', /待处理 5 个（另有 1 个警告已说明）/);
    await shot(page.locator('[data-batch]'), 'explain-batch.png');
    await page.click('[data-batch-row="1"] button');
    await page.waitForFunction(() => document.querySelector('[data-summary]')?.getAttribute('data-explained') === '1');
    assert.deepEqual(await lowContrast(page), []);
    assert.deepEqual(leftTheMachine(log, suite.server.origin), []);
    assert.deepEqual(log.errors.filter((e) => !/appsforoffice|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await page.close();
  }
});
