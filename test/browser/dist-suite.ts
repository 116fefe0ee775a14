/**
 * The set-up the deployment browser tests share (csp.test.ts, old-webview.test.ts): one production build of
 * the pane, served from 127.0.0.1, Debian Chromium, the fake Excel bundled for the browser and the sample's
 * snapshot. Registers the file's before/after hooks; the returned object is filled in before the tests run.
 */
import { after, before } from 'node:test';
import { readFileSync, rmSync } from 'node:fs';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { SEED, snapshotOf } from '../helpers';
import { type Browser, type StaticServer, buildDist, bundleFakeOffice, launchChromium, serve } from './support';

export interface DistSuite {
  dist: string;
  server: StaticServer;
  browser: Browser;
  /** The fake Excel for the browser (see fakeOfficeScript). */
  fakeBundle: string;
  seed: WorkbookSnapshot;
}

export function distSuite(): DistSuite {
  const suite = {} as DistSuite;
  before(async () => {
    suite.seed = await snapshotOf(readFileSync(SEED), 'seed-2024.xlsx');
    suite.fakeBundle = await bundleFakeOffice();
    suite.dist = buildDist();
    suite.server = await serve(suite.dist);
    suite.browser = await launchChromium();
  }, { timeout: 240_000 });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    if (suite.dist) rmSync(suite.dist, { recursive: true, force: true });
  });
  return suite;
}
