/**
 * Bundled for the browser (support.ts → esbuild) and served in place of office.js in add-in mode: builds
 * the fake Excel workbook from the snapshot the test put in window.__JUESUAN_FAKE__, installs the
 * `Excel`, `Office` and `OfficeExtension` globals, and exposes the workbook as window.__fakeExcel so
 * that the test can look at selections, sheets, conditional formats and sync counts.
 */
import { fakeWorkbookFromSnapshot, installFakeExcel } from '../fakes/excel';
import type { FakeSetup } from './support';

const g = globalThis as unknown as { __JUESUAN_FAKE__?: FakeSetup; __fakeExcel?: unknown };
const setup = g.__JUESUAN_FAKE__;
if (!setup) throw new Error('fake office.js: window.__JUESUAN_FAKE__ is missing');
const doc = fakeWorkbookFromSnapshot(setup.snapshot, setup.config);
for (const name of setup.protect ?? []) doc.sheet(name).protected = true;
for (const [key, value] of Object.entries(setup.settings ?? {})) doc.settings.set(key, value);
installFakeExcel(doc);
g.__fakeExcel = doc;
