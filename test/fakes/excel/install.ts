/**
 * Installs the fake as the globals office.js would define: `Excel` (run, enums), `Office` (context with
 * requirements.isSetSupported, onReady) and `OfficeExtension` (Error, ErrorCodes). Browser-safe.
 */
import { ERROR_CODES, FakeClientObject, FakeEventHandlerResult, FakeOfficeError, FakeRequestContext } from './api';
import { FakeWorkbook } from './model';

export interface FakeExcelHandle {
  workbook: FakeWorkbook;
  /** Restores whatever the globals were before. */
  uninstall(): void;
}

type RunBatch = (context: FakeRequestContext) => Promise<unknown>;

export function createExcelNamespace(doc: FakeWorkbook) {
  /**
   * Excel.run(batch), Excel.run(options, batch), or — reusing an earlier context, as the docs require for
   * removing an event handler — Excel.run(context, batch), Excel.run(object, batch), Excel.run([objects], batch).
   * Syncs what is still queued when the batch resolves.
   */
  async function run(...args: unknown[]): Promise<unknown> {
    let options: { delayForCellEdit?: boolean } = {};
    let reuse: FakeRequestContext | undefined;
    let batch: unknown;
    if (args.length === 1) batch = args[0];
    else if (args.length === 2) {
      const first = args[0];
      batch = args[1];
      if (first instanceof FakeRequestContext) reuse = first;
      else if (first instanceof FakeClientObject) reuse = first.context;
      else if (Array.isArray(first) && first.length && first.every((o) => o instanceof FakeClientObject)) reuse = (first[0] as FakeClientObject<unknown>).context;
      else if (first && typeof first === 'object' && !Array.isArray(first)) options = first as { delayForCellEdit?: boolean };
      else throw new FakeOfficeError('InvalidArgument', 'Excel.run: unsupported arguments in the fake.');
    } else throw new FakeOfficeError('InvalidArgument', 'Excel.run: unsupported arguments in the fake.');
    if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    if (reuse && reuse.doc !== doc) throw new FakeOfficeError('InvalidArgument', 'Excel.run: that context belongs to another workbook.');
    doc.stats.runs += 1;
    const context = reuse ?? new FakeRequestContext(doc, options);
    context.closed = false;
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
    EventSource: { local: 'Local', remote: 'Remote' },
    EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
    EventType: { worksheetChanged: 'WorksheetChanged' },
    DataChangeType: {
      unknown: 'Unknown',
      rangeEdited: 'RangeEdited',
      rowInserted: 'RowInserted',
      rowDeleted: 'RowDeleted',
      columnInserted: 'ColumnInserted',
      columnDeleted: 'ColumnDeleted',
      cellInserted: 'CellInserted',
      cellDeleted: 'CellDeleted',
    },
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
  g.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: ERROR_CODES, EventHandlerResult: FakeEventHandlerResult };
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
