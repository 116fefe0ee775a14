// What a new user of the page met (issue 15, “Page” and “Messages”), in headless Chromium against one production
// build (./dist-suite):
//   - files that are not workbooks are named for what they are in the browser too: a password-protected file (an
//     OLE container holding EncryptionInfo/EncryptedPackage, even with its directory 3 MB in) is not “旧版 .xls”,
//     a real old .xls is; a truncated .xlsx is explained in Chinese (the zip library's English only as 技术信息);
//   - a date in an amount cell is named as a date; a workbook without any table says what was looked for;
//   - focus never falls to <body>: after a load, a check, a review, 清除标记 it is on the summary's heading, after
//     生成情况说明 on the preview's heading, after a download back on its button;
//   - the summary, the severity filter and the step counter agree, for every filter, on the sample and on a
//     workbook with findings that have no cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { NO_TABLES_FOUND } from '../../src/core/read/missing-table';
import { DAMAGED, ENCRYPTED, OLD_XLS } from '../../src/hosts/file/read-file';
import { S } from '../../src/taskpane/strings';
import { encryptedXlsx, oldXls } from '../bad-input/cfb';
import { SEED } from '../helpers';
import { distSuite } from './dist-suite';
import { dropFiles, fakeOfficeScript, openPage } from './support';

const suite = distSuite();
const pageUrl = () => `${suite.server.origin}/taskpane.html`;
const seedBytes = readFileSync(SEED);

/** The sample changed with ExcelJS: sheets removed, cells set (a Date gets a date format of its own). */
async function variant(edit: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(seedBytes as unknown as ExcelJS.Buffer);
  edit(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function minutes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('会议纪要').getCell('A1').value = '2024年度部门决算编报工作会议纪要';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What has the focus: 'summary' (the summary's heading), an id, a data-action, or the tag name ('BODY'). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    if (el.hasAttribute('data-summary-heading')) return 'summary';
    return el.id || (el.dataset.action ? `action:${el.dataset.action}` : el.tagName);
  });
}

/** Console and page errors, but office.js refused on purpose (standalone: 'abort'). */
function pageErrors(errors: string[]): string[] {
  return errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
}

/** Shows the batch table's workbook `row` (0-based) and waits until its summary is up. */
async function view(page: Page, row: number, name: string): Promise<void> {
  await page.click(`[data-batch] tr[data-batch-row="${row}"] button`);
  await page.waitForFunction((n) => (document.querySelector('[data-summary]')?.textContent ?? '').includes(n), name);
}

/** The finding messages and details shown in the list (the unreadable file's one finding). */
function listText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('#findings') as HTMLElement).innerText);
}

/**
 * For every filter: the findings it shows = the summary's count = the number on its label = the counter's
 * “共 N 条”; the stepper visits exactly the shown findings that have a place, each once, then starts again.
 */
async function assertCountsAgree(page: Page, what: string): Promise<void> {
  const summary = page.locator('[data-summary]');
  const bySeverity = {
    error: Number(await summary.getAttribute('data-errors')),
    warning: Number(await summary.getAttribute('data-warnings')),
    info: Number(await summary.getAttribute('data-infos')),
  };
  const words = { all: '全部', error: '错误', warning: '警告', info: '提示' } as const;
  for (const filter of ['all', 'error', 'warning', 'info'] as const) {
    await page.click(`label[for="filter-${filter}"]`);
    const expected = filter === 'all' ? bySeverity.error + bySeverity.warning + bySeverity.info : bySeverity[filter];
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#findings li.finding')]
        .filter((li) => !li.closest('[hidden]'))
        .map((li) => ({ index: li.dataset.index!, placed: li.dataset.cells !== '[]' || li.dataset.quote !== undefined })),
    );
    const placed = shown.filter((f) => f.placed).map((f) => f.index);
    const located = placed.length;
    // The finding stepped to last stays current when the filter still shows it.
    const at = () => page.evaluate(() => document.querySelector<HTMLElement>('li.finding[aria-current="true"]')?.dataset.index);
    assert.equal(shown.length, expected, `${what}, ${filter}: the list shows the summary's count`);
    assert.equal((await page.textContent(`label[for="filter-${filter}"]`))?.trim(), `${words[filter]} ${expected}`, `${what}, ${filter}: the filter's label`);
    const position = page.locator('#step-position');
    assert.equal(await position.getAttribute('data-listed'), String(expected));
    assert.equal(await position.getAttribute('data-located'), String(located));
    assert.equal(await position.textContent(), S.stepCounter(placed.indexOf((await at()) ?? '') + 1, located, expected), `${what}, ${filter}: the counter`);
    assert.equal(await page.isVisible('[data-filter-empty]'), expected === 0, `${what}, ${filter}: “没有符合筛选条件的问题” only when nothing is shown`);
    const visited: string[] = [];
    for (let k = 1; k <= located; k++) {
      await page.click('#step-next');
      const current = (await at()) ?? '';
      visited.push(current);
      assert.equal(await position.textContent(), S.stepCounter(placed.indexOf(current) + 1, located, expected), `${what}, ${filter}: step ${k}`);
      assert.ok(await page.isVisible('li.finding[aria-current="true"]'), `${what}, ${filter}: step ${k} is shown (a fold opens)`);
    }
    assert.equal(visited.length, new Set(visited).size, `${what}, ${filter}: no finding twice`);
    assert.deepEqual(new Set(visited), new Set(placed), `${what}, ${filter}: each placed finding once`);
    if (located) {
      await page.click('#step-next');
      assert.equal(await at(), visited[0], 'then round again');
    } else assert.ok(await page.isDisabled('#step-next'));
  }
  await page.click('label[for="filter-all"]');
}

test('standalone: an encrypted file, a real .xls and a truncated .xlsx named in Chinese for what they are; a date cell named as a date; no table said with what was looked for; focus on the summary', { timeout: 90_000 }, async (t) => {
  const encrypted = encryptedXlsx();
  // A large encrypted file keeps its directory after the package: the name is found wherever it is.
  const far = Buffer.concat([encrypted.subarray(0, 8), Buffer.alloc(3 << 20), Buffer.from('EncryptedPackage', 'utf16le')]);
  const dated = await variant((book) => {
    const cell = book.getWorksheet('公开05表')!.getCell('C8');
    cell.value = new Date(Date.UTC(2024, 0, 5));
    cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
  });
  const files = [
    { name: 'secret.xlsx', bytes: encrypted },
    { name: 'big-secret.xlsx', bytes: far },
    { name: 'old.xls', bytes: oldXls() },
    { name: 'truncated.xlsx', bytes: seedBytes.subarray(0, Math.floor(seedBytes.length / 2)) },
    { name: 'dated.xlsx', bytes: dated },
    { name: 'minutes.xlsx', bytes: await minutes() },
  ];
  const { page, log } = await openPage(suite.browser, suite.server.origin, 'abort');
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]');
    const started = Date.now();
    await dropFiles(page, files);
    t.diagnostic(`dropped ${files.length} files in ${Date.now() - started} ms`);
    await page.waitForSelector(`[data-batch] tr[data-batch-row="${files.length - 1}"]`);
    t.diagnostic(`read and checked in ${Date.now() - started} ms`);
    await idle(page);
    assert.equal(await focused(page), 'summary', 'after loading files the focus is on the summary, not on <body>');

    for (const [row, name, why] of [
      [0, 'secret.xlsx', ENCRYPTED],
      [1, 'big-secret.xlsx', ENCRYPTED],
      [2, 'old.xls', OLD_XLS],
      [3, 'truncated.xlsx', DAMAGED],
    ] as const) {
      await view(page, row, name);
      assert.equal(await page.textContent('[data-finding="read-file-unreadable"] .finding__message'), `无法读取文件“${name}”：${why}。`, name);
    }
    // The zip library's words are explained in Chinese and kept only as 技术信息.
    const truncated = await listText(page);
    assert.match(truncated, /文件不完整或已损坏（zip 结构残缺，可能下载或复制时中断）（技术信息：[^）]*[A-Za-z]/);
    const english = truncated.replace(/（技术信息：[^）]*）/g, '').match(/[A-Za-z]{2,}(?:[ ':]+[A-Za-z]{2,}){2,}/g);
    assert.equal(english, null, `no English outside 技术信息: ${english}`);

    await view(page, 4, 'dated.xlsx');
    assert.match(await listText(page), /公开05表!C8（本年支出\/小计）是日期（2024-01-05），应为金额/);

    await view(page, 5, 'minutes.xlsx');
    const summary = (await page.textContent('[data-summary]')) ?? '';
    assert.ok(summary.includes(NO_TABLES_FOUND), summary);
    assert.doesNotMatch(summary, /找到 0\/9/);
    assert.equal(await page.locator('[data-summary] [data-missing-table]').count(), 0, 'one line, not nine');
    assert.equal(await focused(page), 'summary', '查看 puts the focus on the summary too');
    assert.deepEqual(pageErrors(log.errors), []);
  } finally {
    await page.close();
  }
});

test('standalone: the summary, the filter and the step counter agree for every filter (the sample; a workbook with cell-less findings); focus follows each action', { timeout: 120_000 }, async () => {
  const cellLess = await variant((book) => {
    for (const name of ['公开07表', '公开08表']) book.removeWorksheet(book.getWorksheet(name)!.id);
  });
  const { page, log } = await openPage(suite.browser, suite.server.origin, 'abort');
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="standalone"]');
    await page.setInputFiles('#file-input', { name: 'seed-2024.xlsx', mimeType: 'application/octet-stream', buffer: seedBytes });
    await page.waitForSelector('[data-finding="header-department"]');
    await idle(page);
    assert.equal(await focused(page), 'summary', 'after a load: the summary');
    const heading = (await page.textContent('[data-summary-heading]')) ?? '';
    assert.match(heading, /seed-2024\.xlsx.*1 个错误.*5 个警告.*3 条提示/, 'the heading read out names the file and the counts');
    assert.equal(await page.getAttribute('#summary', 'aria-live'), 'polite');
    await assertCountsAgree(page, 'the sample');

    await page.click('[data-action="narrate"]');
    await page.waitForSelector('#narrative:not([hidden])');
    await idle(page);
    assert.equal(await focused(page), 'narrative-title', 'after 生成情况说明: the preview');
    assert.equal(await page.getAttribute('#narrative-title', 'aria-describedby'), 'narrative-status');

    await page.fill('#review-input', '2024年度收入总计519.63万元。');
    await page.click('[data-action="review"]');
    await idle(page);
    assert.equal(await focused(page), 'summary', 'after 审核说明: the summary');
    await assertCountsAgree(page, 'the sample with a review');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-marked"]')]);
    await download.path();
    await idle(page);
    assert.equal(await focused(page), 'action:download-marked', 'after a download: back on its button');

    await page.setInputFiles('#file-input', { name: 'no-07-08.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(cellLess) });
    await page.waitForFunction(() => (document.querySelector('[data-summary]')?.textContent ?? '').includes('no-07-08.xlsx'));
    await idle(page);
    assert.equal(await focused(page), 'summary');
    assert.ok((await page.locator('li.finding[data-cells="[]"]').count()) >= 2, 'findings without a cell are listed');
    await page.click('label[for="filter-warning"]');
    assert.match((await page.textContent('#step-position')) ?? '', /其中 \d+ 条可逐条定位/, 'the counter says some are not stepped');
    await assertCountsAgree(page, 'cell-less findings');
    assert.deepEqual(pageErrors(log.errors), []);
  } finally {
    await page.close();
  }
});

test('add-in mode (fake Excel): after 审核 and after 清除标记 the focus is on the summary, never on <body>', { timeout: 60_000 }, async () => {
  const script = fakeOfficeScript(suite.fakeBundle, { snapshot: suite.seed, config: { apiVersion: '1.9' } });
  const { page, log } = await openPage(suite.browser, suite.server.origin, script);
  try {
    await page.goto(pageUrl());
    await page.waitForSelector('body[data-mode="excel"]');
    await page.click('[data-action="check"]');
    await page.waitForSelector('[data-finding="header-department"]');
    await page.waitForFunction(() => /已在工作簿中标出/.test(document.querySelector('[data-summary]')?.textContent ?? ''));
    await idle(page);
    assert.equal(await focused(page), 'summary', 'after 审核 (the summary redrawn once the marks are in)');
    await assertCountsAgree(page, 'Excel');
    await page.click('[data-action="clear"]');
    await idle(page);
    assert.equal(await focused(page), 'summary', 'after 清除标记');
    await page.click('[data-action="narrate"]');
    await page.waitForSelector('#narrative:not([hidden])');
    await idle(page);
    assert.equal(await focused(page), 'narrative-title');
    assert.deepEqual(pageErrors(log.errors), []);
  } finally {
    await page.close();
  }
});
