/**
 * Installs the fake as the globals office.js would define: `Excel` (run, enums), `Office` (context with
 * requirements.isSetSupported, onReady) and `OfficeExtension` (Error, ErrorCodes). Browser-safe.
 */
import { ERROR_CODES, FakeOfficeError, FakeRequestContext } from './api';
import { FakeWorkbook } from './model';

export interface FakeExcelHandle {
  workbook: FakeWorkbook;
  /** Restores whatever the globals were before. */
  uninstall(): void;
}

type RunBatch = (context: FakeRequestContext) => Promise<unknown>;

export function createExcelNamespace(doc: FakeWorkbook) {
  /** Excel.run(batch) or Excel.run(options, batch); syncs what is still queued when the batch resolves. */
  async function run(...args: unknown[]): Promise<unknown> {
    let options: { delayForCellEdit?: boolean } = {};
    let batch: unknown;
    if (args.length === 1) batch = args[0];
    else if (args.length === 2 && args[0] && typeof args[0] === 'object' && !Array.isArray(args[0])) {
      options = args[0] as { delayForCellEdit?: boolean };
      batch = args[1];
    } else throw new FakeOfficeError('InvalidArgument', 'Excel.run: unsupported arguments in the fake.');
    if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    doc.stats.runs += 1;
    const context = new FakeRequestContext(doc, options);
    try {
      const pending = (batch as RunBatch)(context);
      if (!pending || typeof (pending as Promise<unknown>).then !== 'function') throw new FakeOfficeError('RunMustReturnPromise');
      const result = await pending;
      await context.flush();
      return result;
    } finally {
      context.closed = true;
    }
  }

  return {
    run,
    RequestContext: FakeRequestContext,
    ErrorCodes: ERROR_CODES,
    ConditionalFormatType: {
      custom: 'Custom',
      dataBar: 'DataBar',
      colorScale: 'ColorScale',
      iconSet: 'IconSet',
      topBottom: 'TopBottom',
      presetCriteria: 'PresetCriteria',
      containsText: 'ContainsText',
      cellValue: 'CellValue',
    },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
  };
}

export function createOfficeNamespace(doc: FakeWorkbook, info: { platform?: string; displayLanguage?: string } = {}) {
  const readyInfo = { host: 'Excel', platform: info.platform ?? 'PC' };
  return {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    context: {
      host: 'Excel',
      platform: readyInfo.platform,
      displayLanguage: info.displayLanguage ?? 'zh-CN',
      contentLanguage: info.displayLanguage ?? 'zh-CN',
      requirements: { isSetSupported: (name: string, minVersion?: string) => doc.isSetSupported(name, minVersion) },
    },
    onReady(callback?: (i: typeof readyInfo) => void): Promise<typeof readyInfo> {
      callback?.(readyInfo);
      return Promise.resolve(readyInfo);
    },
  };
}

export function installFakeExcel(workbook: FakeWorkbook, info: { platform?: string; displayLanguage?: string } = {}): FakeExcelHandle {
  const g = globalThis as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = createExcelNamespace(workbook);
  g.Office = createOfficeNamespace(workbook, info);
  g.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: ERROR_CODES };
  return {
    workbook,
    uninstall() {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete g[key];
        else g[key] = value;
      }
    },
  };
}
