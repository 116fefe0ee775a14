// Benchmark lines 3–5: Office round trips per check (fake Excel), initial task-pane JS (gzip), and time from
// file drop to findings in headless Chromium. Shares the test harnesses (test/office, test/browser).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkSnapshot } from '../src/core/report';
import { OfficeHost } from '../src/hosts/office';
import { fakeFrom, seedXlsx, syntheticFindings, wideWorkbookSnapshot, withFake } from '../test/office/support';
import { fakeWorkbookFromSnapshot } from '../test/fakes/excel';
import { buildDist, launchChromium, openPage, serve } from '../test/browser/support';

type Line = (name: string, figure: number, unit: string, target: number, lowerIsBetter?: boolean) => void;

export async function officeRoundTrips(line: Line): Promise<void> {
  /** Read, mark, and mark the same findings again (the live re-check when nothing changed: no write). */
  const measure = async (doc: Awaited<ReturnType<typeof fakeFrom>>, findings?: (s: import('../src/core/workbook/snapshot').WorkbookSnapshot) => Parameters<OfficeHost['applyMarks']>[0]) =>
    withFake(doc, async () => {
      const host = new OfficeHost({ merges: false });
      doc.stats.roundTrips = 0;
      const read = await host.readSnapshot();
      if (!read.ok) throw new Error(read.error.message);
      const readTrips = doc.stats.roundTrips;
      const chosen = findings ? findings(read.value) : checkSnapshot(read.value).report.findings;
      doc.stats.roundTrips = 0;
      const marks = await host.applyMarks(chosen);
      if (!marks.ok) throw new Error(marks.error.message);
      const markTrips = doc.stats.roundTrips;
      if (!(await host.readSnapshot()).ok) throw new Error('second read failed');
      doc.resetCounters();
      const again = await host.applyMarks(chosen);
      if (!again.ok || doc.writes.length) throw new Error('marking the same findings again wrote something');
      return { readTrips, markTrips, remarkTrips: doc.stats.roundTrips };
    });
  const runs = [];
  for (const apiVersion of ['1.7', '1.9']) {
    runs.push(await measure(await fakeFrom(await seedXlsx(), 'seed-2024.xlsx', { apiVersion })));
    runs.push(await measure(fakeWorkbookFromSnapshot(await wideWorkbookSnapshot(60), { apiVersion }), (s) => syntheticFindings(s, 500)));
  }
  line('office: round trips to read (sample | 60 sheets; ExcelApi 1.7 | 1.9)', Math.max(...runs.map((r) => r.readTrips)), 'trips', 2);
  line('office: round trips to mark (sample | 500 findings; 1.7 | 1.9)', Math.max(...runs.map((r) => r.markTrips)), 'trips', 2);
  line('office: round trips to re-mark unchanged findings (no write)', Math.max(...runs.map((r) => r.remarkTrips)), 'trips', 2);
}

export async function browserFigures(line: Line): Promise<void> {
  const dist = buildDist();
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((u) => !/^https?:/.test(u));
  const gzip = scripts.reduce((sum, url) => sum + gzipSync(readFileSync(join(dist, url)), { level: 9 }).byteLength, 0);
  line('bundle: initial task-pane JS (gzip)', gzip / 1024, 'KB', 150);

  const server = await serve(dist);
  const browser = await launchChromium();
  try {
    const seed = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'seed-2024.xlsx'));
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page } = await openPage(browser, server.origin, 'abort');
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForSelector('body[data-mode="standalone"]');
      const started = Date.now();
      await page.setInputFiles('#file-input', { name: 'seed-2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: seed });
      await page.locator('[data-finding="header-department"]').first().waitFor();
      times.push(Date.now() - started);
      await page.close();
    }
    times.sort((a, b) => a - b);
    line('browser: file drop → findings, sample (median/5)', times[2], 'ms', 1500);
  } finally {
    await browser.close();
    await server.close();
  }
}
