/// <reference types="office-js" />
/**
 * Live re-check after edits: worksheet change events → one debounced callback per burst, never for the
 * add-in's own writes. Used through OfficeHost.watchChanges (which supplies the run options, the requirement
 * set check and the log of its own writes).
 *
 * What it relies on (Office.js docs and the office.js sources):
 * - `workbook.worksheets.onChanged` (ExcelApi 1.9) covers every sheet, also sheets added later. Without 1.9,
 *   `worksheet.onChanged` (1.7) on each sheet that exists when watching starts: edits on sheets added later
 *   are not seen until the watch is started again (a manual 审核 still reads them).
 * - Reading an `onChanged` property on a host below its set throws ApiNotFound at once: the sets are checked
 *   first, and anything thrown is caught.
 * - `add()` and `remove()` take effect at the next sync of the context they were called in; a handler must be
 *   removed with that same context: `Excel.run(result.context, …)`.
 * - The per-sheet event args take `worksheetId` from the worksheet proxy's `id`: it is loaded before `add()`.
 * - The add-in's own writes: on ExcelApi 1.14 the event says `triggerSource: "ThisLocalAddin"`. Below 1.14 a
 *   change on a sheet the add-in is writing, or wrote less than `writeGraceMs` ago, counts as its own
 *   (OfficeHost opens that window around every write; see WriteLog). `context.runtime.enableEvents = false`
 *   (1.8) is not used: it turns events off for the whole add-in, so the user's own edits made meanwhile
 *   would be lost too, and a batch failing before turning them back on would leave the add-in deaf.
 * - Co-authors' edits (source "Remote") do call back by default: they change the numbers as much as the
 *   user's own. They are never taken for the add-in's writes (those are always "Local").
 * - One callback at a time: a burst that ends while the previous callback's promise is pending waits for it.
 */
import {
  type ChangeCallback,
  type ChangeWatch,
  type HostFailure,
  type HostResult,
  type SheetChanges,
  type WatchChangesOptions,
  type WatchClock,
  type WorkbookChanges,
  failed,
  ok,
} from '../host';
import { describeOfficeError } from './errors';

/** The code of the failure when the host has no worksheet change events. */
export const LIVE_CHECK_UNSUPPORTED = 'LiveCheckUnsupported';

export const LIVE_CHECK_UNSUPPORTED_MESSAGE =
  '当前 Excel 版本不支持自动重新审核（需要 Office 2019 或更新版本、Microsoft 365 或网页版 Excel）。修改表格后，请手动点击“审核”。';

export const SHEETS_SCOPE_NOTE =
  '当前 Excel 版本只能监视开启自动重新审核时已有的工作表：之后新添加的工作表中的修改不会自动触发重新审核，请手动点击“审核”。';

export const DEFAULT_DEBOUNCE_MS = 1_500;
export const DEFAULT_MAX_WAIT_MS = 10_000;
export const DEFAULT_WRITE_GRACE_MS = 1_000;

type Sheets = ReadonlySet<string> | 'all';

/**
 * The real clock. Each call goes through a wrapper: browsers throw "Illegal invocation" when window.setTimeout
 * is called as a method of another object.
 */
const REAL_CLOCK: WatchClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The add-in's own writes, for hosts whose change events do not say who made a change (below ExcelApi 1.14):
 * which sheets are being written now, and which were written recently. Sheet names are compared
 * case-insensitively, as Excel does.
 */
export class WriteLog {
  private readonly open = new Map<number, Sheets>();
  private ended: Array<{ sheets: Sheets; at: number }> = [];
  private next = 1;

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `write` with its sheets marked as being written (until it settles, and `grace` after that). */
  async around<T>(sheets: readonly string[] | 'all', write: () => Promise<T>): Promise<T> {
    const id = this.next++;
    const set: Sheets = sheets === 'all' ? 'all' : new Set(sheets.map((s) => s.toLowerCase()));
    this.open.set(id, set);
    try {
      return await write();
    } finally {
      this.open.delete(id);
      const at = this.now();
      this.ended = [...this.ended.filter((e) => at - e.at < 60_000), { sheets: set, at }];
    }
  }

  /**
   * Whether a change on `sheet` (its name; undefined when the sheet is not known yet — most likely one the
   * add-in has just created) can be the add-in's own: a write to it is under way or ended < graceMs ago.
   */
  covers(sheet: string | undefined, graceMs: number): boolean {
    const name = sheet?.toLowerCase();
    const hit = (s: Sheets) => s === 'all' || name === undefined || s.has(name);
    for (const s of this.open.values()) if (hit(s)) return true;
    const now = this.now();
    return this.ended.some((e) => now - e.at <= graceMs && hit(e.sheets));
  }

  /** Whether any write is under way. */
  get writing(): boolean {
    return this.open.size > 0;
  }
}

/** One log for the whole add-in runtime: every OfficeHost writes to the same workbook. */
export const SHARED_WRITE_LOG = new WriteLog();

export interface WatcherDeps {
  runOptions: Excel.RunOptions;
  supports(version: string): boolean;
  writeLog: WriteLog;
}

interface Pending {
  sheetId: string;
  address: string;
  remote: boolean;
}

type Registration = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

/** Starts watching; resolves to the running watch, or to a failure (never rejects). */
export async function watchWorkbookChanges(deps: WatcherDeps, onChange: ChangeCallback, options: WatchChangesOptions = {}): Promise<HostResult<ChangeWatch>> {
  if (typeof onChange !== 'function') return failed({ code: 'InvalidArgument', message: '自动重新审核需要一个回调函数。' });
  try {
    return await new ChangeWatcher(deps, onChange, options).start();
  } catch (error) {
    return failed(describeOfficeError(error, '开启自动重新审核'));
  }
}

class ChangeWatcher {
  readonly scope: 'workbook' | 'sheets';
  readonly ownWrites: 'triggerSource' | 'writeWindow';
  readonly stats = { events: 0, ownWrites: 0, ignored: 0, callbacks: 0 };
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly graceMs: number;
  private readonly includeRemote: boolean;
  private readonly ignoreSheets: ReadonlySet<string>;
  private readonly clock: WatchClock;
  private registrations: Registration[] = [];
  /** Worksheet id → name, and ids in workbook order, as last read. */
  private names = new Map<string, string>();
  private order: string[] = [];
  private pending: Pending[] = [];
  private firstPendingAt: number | undefined;
  private timer: unknown;
  private busy = false;
  private stopped = false;
  private stopping: Promise<HostResult<void>> | undefined;
  /** The function registered with Excel (one per watcher, so that remove() finds it). */
  private readonly handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    try {
      this.receive(args);
    } catch {
      // A malformed event is dropped; the watch goes on.
    }
  };

  constructor(
    private readonly deps: WatcherDeps,
    private readonly onChange: ChangeCallback,
    private readonly options: WatchChangesOptions,
  ) {
    this.scope = deps.supports('1.9') ? 'workbook' : 'sheets';
    this.ownWrites = deps.supports('1.14') ? 'triggerSource' : 'writeWindow';
    this.debounceMs = nonNegative(options.debounceMs, DEFAULT_DEBOUNCE_MS);
    this.maxWaitMs = Math.max(this.debounceMs, nonNegative(options.maxWaitMs, DEFAULT_MAX_WAIT_MS));
    this.graceMs = nonNegative(options.writeGraceMs, DEFAULT_WRITE_GRACE_MS);
    this.includeRemote = options.includeRemote ?? true;
    this.ignoreSheets = new Set((options.ignoreSheets ?? []).map((s) => s.toLowerCase()));
    this.clock = options.clock ?? REAL_CLOCK;
  }

  async start(): Promise<HostResult<ChangeWatch>> {
    if (!this.deps.supports('1.7')) {
      this.stopped = true;
      return failed({ code: LIVE_CHECK_UNSUPPORTED, message: LIVE_CHECK_UNSUPPORTED_MESSAGE, detail: 'ExcelApi 1.7 (Worksheet.onChanged) is not supported' });
    }
    try {
      await Excel.run(this.deps.runOptions, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id');
        if (this.scope === 'workbook') {
          const registration = sheets.onChanged.add(this.handler);
          await context.sync();
          this.registrations = [registration];
        } else {
          await context.sync();
          // The ids are loaded: office.js builds each event's worksheetId from the proxy's id.
          const added = sheets.items.map((ws) => ws.onChanged.add(this.handler));
          await context.sync();
          this.registrations = added;
        }
        this.remember(sheets.items);
      });
    } catch (error) {
      this.stopped = true;
      const failure = describeOfficeError(error, '开启自动重新审核');
      if (failure.code === 'ApiNotFound' || failure.code === 'ApiNotAvailable' || failure.code === 'NotImplemented') {
        return failed({ code: LIVE_CHECK_UNSUPPORTED, message: LIVE_CHECK_UNSUPPORTED_MESSAGE, detail: failure.detail });
      }
      return failed(failure);
    }
    return ok(this.facade());
  }

  private facade(): ChangeWatch {
    const isActive = () => !this.stopped;
    return {
      scope: this.scope,
      ownWrites: this.ownWrites,
      note: this.scope === 'sheets' ? SHEETS_SCOPE_NOTE : undefined,
      get active() {
        return isActive();
      },
      stats: this.stats,
      stop: () => this.stop(),
    };
  }

  private remember(items: readonly Excel.Worksheet[]): void {
    this.names = new Map(items.map((ws) => [ws.id, ws.name]));
    this.order = items.map((ws) => ws.id);
  }

  // ------------------------------------------------------------------ events

  private receive(args: Excel.WorksheetChangedEventArgs): void {
    if (this.stopped || !args || typeof args.worksheetId !== 'string') return;
    this.stats.events += 1;
    if (args.triggerSource === 'ThisLocalAddin') {
      this.stats.ownWrites += 1;
      return;
    }
    const remote = args.source === 'Remote';
    if (remote && !this.includeRemote) {
      this.stats.ignored += 1;
      return;
    }
    // No triggerSource (below ExcelApi 1.14): a local change on a sheet the add-in is writing, or has just
    // written, is taken for the add-in's own. Co-authors' changes never are.
    if (!remote && args.triggerSource === undefined && this.deps.writeLog.covers(this.names.get(args.worksheetId), this.graceMs)) {
      this.stats.ownWrites += 1;
      return;
    }
    this.pending.push({ sheetId: args.worksheetId, address: localAddress(args.address), remote });
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    this.firstPendingAt ??= now;
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.stopped || this.busy || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.firstPendingAt = undefined;
    this.busy = true;
    try {
      await this.refreshNames();
      if (this.stopped) return;
      const changes = this.group(batch);
      if (!changes) return;
      this.stats.callbacks += 1;
      await this.onChange(changes);
    } catch (error) {
      this.report(error);
    } finally {
      this.busy = false;
      // Edits made during the callback: their own quiet time has started already.
      if (!this.stopped && this.pending.length && this.timer === undefined) this.schedule();
    }
  }

  /** Current sheet names (renames, sheets added since): one round trip; on failure the names known so far. */
  private async refreshNames(): Promise<void> {
    try {
      await Excel.run(this.deps.runOptions, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id');
        await context.sync();
        this.remember(sheets.items);
      });
    } catch {
      // Keep the names read before (a sheet not known then is reported by its id).
    }
  }

  private group(batch: readonly Pending[]): WorkbookChanges | undefined {
    const bySheet = new Map<string, SheetChanges>();
    let events = 0;
    for (const p of batch) {
      const name = this.names.get(p.sheetId) ?? p.sheetId;
      if (this.ignoreSheets.has(name.toLowerCase())) {
        this.stats.ignored += 1;
        continue;
      }
      events += 1;
      let entry = bySheet.get(p.sheetId);
      if (!entry) {
        entry = { sheet: name, sheetId: p.sheetId, addresses: [], remote: false };
        bySheet.set(p.sheetId, entry);
      }
      if (!entry.addresses.includes(p.address)) entry.addresses.push(p.address);
      entry.remote ||= p.remote;
    }
    if (bySheet.size === 0) return undefined;
    const position = (id: string) => {
      const i = this.order.indexOf(id);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const sheets = [...bySheet.values()].sort((a, b) => position(a.sheetId) - position(b.sheetId));
    return {
      sheets,
      refs: sheets.flatMap((s) => s.addresses.map((a) => `${s.sheet}!${a}`)),
      events,
      remote: sheets.some((s) => s.remote),
    };
  }

  private report(error: unknown): void {
    const failure: HostFailure = describeOfficeError(error, '自动重新审核');
    try {
      this.options.onError?.(failure);
    } catch {
      // The error callback itself failed: nothing more to do.
    }
  }

  // ------------------------------------------------------------------ stop

  stop(): Promise<HostResult<void>> {
    this.stopping ??= this.removeHandlers();
    return this.stopping;
  }

  private async removeHandlers(): Promise<HostResult<void>> {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    const registrations = this.registrations;
    this.registrations = [];
    if (registrations.length === 0) return ok(undefined);
    try {
      // Handlers are removed with the context they were added in (all were added in one Excel.run).
      await Excel.run(registrations[0].context, async (context) => {
        for (const r of registrations) r.remove();
        await context.sync();
      });
      return ok(undefined);
    } catch (error) {
      // No callback comes any more either way (the watcher is stopped); the handlers may stay registered
      // until the pane is closed or reloaded.
      return failed(describeOfficeError(error, '停止自动重新审核'));
    }
  }
}

/** "Sheet1!B7" or "'My sheet'!B7" → "B7" (the event's address is documented per sheet, without the name). */
function localAddress(address: unknown): string {
  const text = typeof address === 'string' ? address : '';
  const bang = text.lastIndexOf('!');
  return (bang >= 0 ? text.slice(bang + 1) : text).replace(/\$/g, '');
}

function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
