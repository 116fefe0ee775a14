/**
 * The fake's Office.js surface: proxy objects that queue commands and loads, and a request context whose
 * `sync()` sends them (in order) to the FakeWorkbook, exactly as the documented proxy model works:
 *
 * - reading a property before `load()` + `sync()` throws (PropertyNotLoaded);
 * - setting a property or calling a method only queues; the change reaches the workbook at `sync()`;
 * - commands run in queue order; the first failing one rejects the sync, the ones before it stay applied,
 *   later ones never run, and nothing loaded in that sync reaches the proxies;
 * - `*OrNullObject` proxies get `isNullObject` at the next sync without an explicit load;
 * - `sync()` with nothing queued costs no round trip (office.js sends no request then);
 * - `Excel.run` syncs what is still queued when the batch's promise resolves (office.js does the same).
 *
 * Requirement sets are enforced: an API newer than the configured ExcelApi version fails the sync with
 * ApiNotFound, as it does on an older host. Browser-safe: no node APIs.
 */
import {
  FakeWorkbook,
  type ChangeListener,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeSheet,
  type RawChange,
  type Rect,
  MAX_COLS,
  MAX_ROWS,
  contains,
  intersects,
  parseArea,
  quoteSheetName,
  rectAddress,
  rectCells,
  splitAreas,
  utf8Bytes,
  wrappedTextHeight,
  MAX_ROW_HEIGHT,
  FAKE_TEXT_LAYOUT,
  type WriteRecord,
} from './model';

// ------------------------------------------------------------------ errors

const DEFAULT_MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of the Office application.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode:
    'The operation isn’t available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  InvalidObjectPath: 'The object path is not valid: the object was used outside the Excel.run that created it.',
  UndoNotSupported: 'The operation cannot be grouped for undo because it does not support undo.',
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded: 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()".',
  RunMustReturnPromise: 'The batch function passed to the ".run" method didn\'t return a promise.',
};

/** OfficeExtension.Error as documented: name, code, message, debugInfo, traceMessages, innerError. */
export class FakeOfficeError extends Error {
  override readonly name = 'OfficeExtension.Error';
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;

  constructor(code: string, message = DEFAULT_MESSAGES[code] ?? code, location?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export const ERROR_CODES = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  invalidObjectPath: 'InvalidObjectPath',
  undoNotSupported: 'UndoNotSupported',
} as const;

function fail(code: string, location?: string, message?: string): never {
  throw new FakeOfficeError(code, message, location);
}

/** The value's size on the wire: its JSON in UTF-8 bytes. */
function estimateBytes(value: unknown): number {
  if (value === undefined) return 0;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 0 : utf8Bytes(json);
  } catch {
    return 64;
  }
}

// ------------------------------------------------------------------ request context

interface Action {
  /** Estimated size of the command in the request. */
  bytes: number;
  run(): void;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplication;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private queue: Action[] = [];
  private staged: Array<() => void> = [];
  private responseBytes = 0;
  closed = false;

  /** The undo step this Excel.run's writes go into, with { mergeUndoGroup: true } on ExcelApi 1.20. */
  private mergedStep: WriteRecord[] | undefined;

  constructor(
    readonly doc: FakeWorkbook,
    readonly runOptions: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean } = {},
  ) {
    this.workbook = new FakeWorkbookObject(this, () => doc);
    this.application = new FakeApplication(this, () => doc);
  }

  /** Whether this run merges its syncs into one undo step (the option is ExcelApi 1.20; older hosts ignore it). */
  get mergingUndo(): boolean {
    return Boolean(this.runOptions.mergeUndoGroup) && this.doc.isSetSupported('ExcelApi', '1.20');
  }

  /**
   * An API listed as not supporting undo (excel-add-ins-undo-capabilities, "Unsupported APIs"): inside a
   * merged undo group it fails with UndoNotSupported, as documented.
   */
  undoUnsupported(api: string): void {
    if (this.mergingUndo) fail('UndoNotSupported', api);
  }

  enqueue(action: Action): void {
    if (this.closed) fail('InvalidObjectPath', 'context');
    this.queue.push(action);
  }

  /** Runs after the whole batch succeeded: loaded values reach the proxies only then. */
  stage(commit: () => void): void {
    this.staged.push(commit);
  }

  addResponse(bytes: number): void {
    this.responseBytes += bytes;
  }

  /** The writes of one sync, as the user's undo list sees them (FakeWorkbook.undo). */
  private recordUndo(writesBefore: number): void {
    const doc = this.doc;
    const made = doc.writes.slice(writesBefore).filter((w) => w.op !== 'select' && w.op !== 'sheet.activate');
    if (!made.length) return;
    if (!doc.isSetSupported('ExcelApi', '1.19')) {
      doc.undo.clears += 1;
      return;
    }
    if (this.mergingUndo) {
      if (!this.mergedStep) {
        this.mergedStep = [];
        doc.undo.steps.push(this.mergedStep);
      }
      this.mergedStep.push(...made);
    } else doc.undo.steps.push(made);
  }

  /** Commands for an API newer than the host: the sync fails with ApiNotFound at that point of the batch. */
  require(version: string, api: string): boolean {
    if (this.doc.isSetSupported('ExcelApi', version)) return true;
    this.enqueue({ bytes: 20, run: () => fail('ApiNotFound', api) });
    return false;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) fail('InvalidObjectPath', 'context.sync');
    this.doc.stats.syncCalls += 1;
    await this.flush();
    return passThroughValue as T;
  }

  /** One round trip, if anything is queued. */
  async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    const queue = this.queue;
    this.queue = [];
    this.staged = [];
    this.responseBytes = 0;
    const doc = this.doc;
    doc.stats.roundTrips += 1;
    const writesBefore = doc.writes.length;
    try {
      await Promise.resolve();
      if (doc.inCellEditMode) {
        if (this.runOptions.delayForCellEdit && doc.config.supportsDelayForCellEdit) await doc.waitUntilCellEditEnds();
        else fail('InvalidOperationInCellEditMode');
      }
      const limit = doc.config.payloadLimitBytes;
      const requestBytes = queue.reduce((sum, a) => sum + a.bytes, 0);
      if (limit !== null && requestBytes > limit) fail('RequestPayloadSizeLimitExceeded');
      for (const action of queue) action.run();
      if (limit !== null && this.responseBytes > limit) fail('ResponsePayloadSizeLimitExceeded');
    } catch (error) {
      doc.stats.failedRoundTrips += 1;
      this.staged = [];
      this.recordUndo(writesBefore);
      throw error;
    }
    this.recordUndo(writesBefore);
    const staged = this.staged;
    this.staged = [];
    for (const commit of staged) commit();
  }
}

// ------------------------------------------------------------------ load() arguments

type LoadArg = string | string[] | Record<string, unknown> | undefined;

/** "a, b/c", ["a", "b"], { select: "a", expand: "b" } or { a: true, b: { c: true } } → ["a", "b/c"]. */
export function normalizeLoad(arg: LoadArg): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => normalizeLoad(s));
  if ('select' in arg || 'expand' in arg) {
    return [...normalizeLoad(arg.select as LoadArg), ...normalizeLoad(arg.expand as LoadArg)];
  }
  const out: string[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('$')) continue;
      if (value === true) out.push(prefix + key);
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>, `${prefix}${key}/`);
    }
  };
  walk(arg, '');
  return out;
}

// ------------------------------------------------------------------ base proxy

type Resolver<T> = () => T | null;

function notLoaded(name: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export abstract class FakeClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved: { value: T | null } | undefined;
  private isNull: boolean | undefined;
  protected abstract readonly scalarNames: readonly string[];
  protected readonly writableNames: readonly string[] = [];

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: Resolver<T>,
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.enqueue({
        bytes: 20,
        run: () => {
          const t = this.resolve();
          context.stage(() => {
            this.isNull = t === null;
          });
        },
      });
    }
  }

  /**
   * The object on the workbook side, resolved once (like a server-side handle) — except for objects Excel
   * addresses by position (conditional formats: `cacheResolution` false), found again at every command.
   */
  resolve(): T | null {
    if (!this.cacheResolution) return this.resolver();
    if (!this.resolved) this.resolved = { value: this.resolver() };
    return this.resolved.value;
  }

  protected get cacheResolution(): boolean {
    return true;
  }

  /** For commands: a null object cannot take commands (the fake is strict here; the docs are silent). */
  target(): T {
    const t = this.resolve();
    if (t === null) fail('InvalidArgument', this.constructor.name, 'A command was sent to a null object (isNullObject is true).');
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.isNull === undefined) notLoaded('isNullObject');
    return this.isNull;
  }

  protected get(name: string): unknown {
    if (this.isNull === true) fail('PropertyNotLoaded', name, `The object is a null object: '${name}' has no value.`);
    if (!this.loaded.has(name)) notLoaded(name);
    return this.loaded.get(name);
  }

  protected set(name: string, value: unknown): void {
    if (!this.writableNames.includes(name)) throw new TypeError(`${this.constructor.name}.${name} is read-only`);
    this.context.enqueue({ bytes: 40 + estimateBytes(value), run: () => this.write(name, value, this.target()) });
  }

  load(arg?: LoadArg): this {
    const paths = normalizeLoad(arg);
    this.context.enqueue({ bytes: 40, run: () => this.loadNow(paths) });
    return this;
  }

  /** Runs inside a sync: computes the values now (in queue order), hands them to the proxy at commit. */
  loadNow(paths: readonly string[]): void {
    const target = this.resolve();
    if (target === null) {
      this.context.stage(() => {
        this.isNull = true;
      });
      return;
    }
    const wanted = paths.length ? paths : this.scalarNames;
    const values = new Map<string, unknown>();
    const nav = new Map<string, string[]>();
    for (const path of wanted) {
      const [head, ...rest] = path.split('/');
      if (rest.length === 0 && this.scalarNames.includes(head)) {
        values.set(head, this.read(head, target));
        continue;
      }
      if (!this.navigation(head)) fail('InvalidArgument', `${this.constructor.name}.load`, `Cannot load "${path}".`);
      const list = nav.get(head) ?? [];
      if (rest.length) list.push(rest.join('/'));
      nav.set(head, list);
    }
    for (const [head, rest] of nav) this.navigation(head)!.loadNow(rest);
    let bytes = 0;
    for (const v of values.values()) bytes += estimateBytes(v);
    this.context.addResponse(bytes + 20);
    this.context.stage(() => {
      for (const [k, v] of values) this.loaded.set(k, v);
      if (this.nullable) this.isNull = false;
    });
  }

  /** Navigation properties by name (for load paths like "format/fill/color"). */
  protected navigation(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }

  protected abstract read(name: string, target: T): unknown;

  protected write(name: string, _value: unknown, _target: T): void {
    fail('InvalidArgument', name, `${name} is read-only.`);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Getters that throw until loaded and setters that queue, for the scalar properties of a proxy class. */
function defineProperties(cls: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: { get(n: string): unknown }) {
        return this.get(name);
      },
      set(this: { set(n: string, v: unknown): void }, value: unknown) {
        this.set(name, value);
      },
    });
  }
}

export class FakeClientResult<T> {
  private loadedValue: { v: T } | undefined;
  constructor(context: FakeRequestContext, compute: () => T) {
    context.enqueue({
      bytes: 30,
      run: () => {
        const v = compute();
        context.addResponse(estimateBytes(v));
        context.stage(() => {
          this.loadedValue = { v };
        });
      },
    });
  }
  get value(): T {
    if (!this.loadedValue) fail('ValueNotLoaded');
    return this.loadedValue.v;
  }
}

abstract class FakeCollection<T, I extends FakeClientObject<unknown>> extends FakeClientObject<T> {
  protected readonly scalarNames: readonly string[] = [];
  private loadedItems: I[] | undefined;

  get items(): I[] {
    if (!this.loadedItems) notLoaded('items');
    return this.loadedItems;
  }

  protected abstract enumerate(target: T): I[];

  override loadNow(paths: readonly string[]): void {
    const target = this.target();
    const itemPaths = paths.map((p) => (p === 'items' ? '' : p.startsWith('items/') ? p.slice(6) : p)).filter(Boolean);
    const items = this.enumerate(target);
    for (const item of items) item.loadNow(itemPaths);
    this.context.stage(() => {
      this.loadedItems = items;
    });
  }

  protected read(name: string): unknown {
    return fail('InvalidArgument', name);
  }
}

// ------------------------------------------------------------------ helpers on cells

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

function assertWritable(sheet: FakeSheet, what: string): void {
  if (sheet.protected) fail('AccessDenied', what, 'The cell or chart you are trying to change is on a protected sheet.');
}

function liveSheet(doc: FakeWorkbook, sheet: FakeSheet): FakeSheet {
  if (!doc.sheets.includes(sheet)) fail('ItemNotFound', 'Worksheet', 'The worksheet was deleted.');
  return sheet;
}

/** Cells of a merged area other than the top-left one, inside rect. */
function mergeSlaves(sheet: FakeSheet, rect: Rect): Set<number> {
  const out = new Set<number>();
  for (const m of sheet.merges) {
    if (!intersects(m, rect)) continue;
    for (let r = Math.max(m.top, rect.top); r <= Math.min(m.bottom, rect.bottom); r++)
      for (let c = Math.max(m.left, rect.left); c <= Math.min(m.right, rect.right); c++)
        if (r !== m.top || c !== m.left) out.add(r * MAX_COLS + c);
  }
  return out;
}

function readGrid(ctx: FakeRequestContext, t: RangeTarget, cellValue: (cell: FakeCell | undefined, slave: boolean) => unknown): unknown[][] {
  const count = rectCells(t.rect);
  if (count > ctx.doc.config.maxCellsPerRead) fail('RangeExceedsLimit', rectAddress(t.rect));
  const slaves = mergeSlaves(t.sheet, t.rect);
  const out: unknown[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: unknown[] = new Array(t.rect.right - t.rect.left + 1);
    for (let c = t.rect.left; c <= t.rect.right; c++) row[c - t.rect.left] = cellValue(t.sheet.cell(r, c), slaves.has(r * MAX_COLS + c));
    out.push(row);
  }
  return out;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
export const NOT_CALCULATED = '#FAKE-NOT-CALCULATED';

/**
 * Writing one value as Excel does for `Range.values` (documented): null leaves the cell alone, "" clears it,
 * a string starting with "=", "+" or "-" becomes a formula (unless it is a number, or the cell's number format
 * is Text "@"), numeric text becomes a number.
 */
function writeValue(sheet: FakeSheet, row: number, col: number, v: unknown, asFormula: boolean): void {
  if (v === null || v === undefined) return;
  const cell = sheet.ensure(row, col);
  cell.formula = undefined;
  if (v === '') {
    cell.value = undefined;
    sheet.prune(row, col);
    return;
  }
  if (typeof v === 'string') {
    const text = cell.numberFormat === '@';
    if (!text && (asFormula ? v.startsWith('=') : /^[=+\-@]/.test(v) && !NUMERIC.test(v.trim()))) {
      cell.formula = v;
      cell.value = undefined;
      return;
    }
    if (!text && NUMERIC.test(v.trim())) {
      cell.value = Number(v.trim());
      return;
    }
    cell.value = v;
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  fail('InvalidArgument', 'values', `Unsupported value ${String(v)}.`);
}

/** A 2-D input must match the range, or be 1×1 (then it applies to every cell). */
function forEachInput(rect: Rect, input: unknown, what: string, fn: (row: number, col: number, v: unknown) => void): void {
  if (!Array.isArray(input) || !input.every(Array.isArray)) fail('InvalidArgument', what, `${what} must be a 2-D array.`);
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const grid = input as unknown[][];
  if (grid.length === 1 && grid[0].length === 1) {
    if (rows * cols > 1_000_000) fail('InvalidArgument', what, 'The fake does not broadcast to more than 1,000,000 cells.');
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c, grid[0][0]);
    return;
  }
  if (grid.length !== rows || grid.some((line) => line.length !== cols)) {
    fail('InvalidArgument', what, `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(rect.top + r, rect.left + c, grid[r][c]);
}

function uniform<V>(values: Iterable<V>): V | null {
  let first: { v: V } | undefined;
  for (const v of values) {
    if (!first) first = { v };
    else if (first.v !== v) return null;
  }
  return first ? first.v : null;
}

function* rectCellProps<V>(sheet: FakeSheet, rect: Rect, pick: (cell: FakeCell | undefined) => V, limit = 1_000_000): Generator<V> {
  if (rectCells(rect) > limit) {
    // Large areas: only the cells that exist, plus one default for the rest.
    let seen = 0;
    for (const [key, cell] of sheet.cells) {
      const r = Math.floor(key / MAX_COLS);
      const c = key % MAX_COLS;
      if (contains(rect, r, c)) {
        seen += 1;
        yield pick(cell);
      }
    }
    if (seen < rectCells(rect)) yield pick(undefined);
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) yield pick(sheet.cell(r, c));
}

// ------------------------------------------------------------------ Workbook, Application

export class FakeWorkbookObject extends FakeClientObject<FakeWorkbook> {
  protected readonly scalarNames = ['name'] as const;
  declare readonly name: string;
  private children: { worksheets?: FakeWorksheetCollection; settings?: FakeSettingCollection } = {};

  get worksheets(): FakeWorksheetCollection {
    return (this.children.worksheets ??= new FakeWorksheetCollection(this.context, () => this.target()));
  }

  get settings(): FakeSettingCollection {
    return (this.children.settings ??= new FakeSettingCollection(this.context, () => this.target()));
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const doc = this.target();
      const sel = doc.selection;
      const sheet = sel && doc.sheets.find((s) => s.id === sel.sheetId);
      if (!sel || !sheet) return fail('InvalidSelection', 'getSelectedRange');
      return { sheet, rect: { ...sel.rect } };
    });
  }

  getActiveCell(): FakeRange {
    const ok = this.context.require('1.7', 'Workbook.getActiveCell');
    return new FakeRange(this.context, () => {
      if (!ok) return fail('ApiNotFound', 'Workbook.getActiveCell');
      const doc = this.target();
      const sel = doc.selection;
      const sheet = sel && doc.sheets.find((s) => s.id === sel.sheetId);
      if (!sel || !sheet) return fail('InvalidSelection', 'getActiveCell');
      return { sheet, rect: { top: sel.rect.top, left: sel.rect.left, bottom: sel.rect.top, right: sel.rect.left } };
    });
  }

  protected override navigation(name: string) {
    return name === 'worksheets' ? this.worksheets : name === 'settings' ? this.settings : undefined;
  }

  protected read(name: string, doc: FakeWorkbook): unknown {
    if (name === 'name') {
      if (!doc.isSetSupported('ExcelApi', '1.7')) fail('ApiNotFound', 'Workbook.name');
      return doc.name;
    }
    return fail('InvalidArgument', name);
  }
}
defineProperties(FakeWorkbookObject, ['name']);

export class FakeApplication extends FakeClientObject<FakeWorkbook> {
  protected readonly scalarNames = ['calculationMode'] as const;
  suspendApiCalculationUntilNextSync(): void {
    this.context.require('1.6', 'Application.suspendApiCalculationUntilNextSync');
    this.context.enqueue({ bytes: 30, run: () => undefined });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.require('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this.context.enqueue({ bytes: 30, run: () => undefined });
  }
  protected read(name: string): unknown {
    return name === 'calculationMode' ? 'Automatic' : fail('InvalidArgument', name);
  }
}

// ------------------------------------------------------------------ worksheets

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbook, FakeWorksheet> {
  private changedHandlers: FakeEventHandlers<FakeWorksheetChangedEventArgs> | undefined;

  /**
   * Any worksheet's data changed (ExcelApi 1.9), sheets added later included. Like office.js, reading the
   * property on an older host throws ApiNotFound at once (not at the next sync).
   */
  get onChanged(): FakeEventHandlers<FakeWorksheetChangedEventArgs> {
    throwIfApiNotSupported(this.context.doc, '1.9', 'WorksheetCollection.onChanged');
    return (this.changedHandlers ??= new FakeEventHandlers(
      this.context,
      () => (this.target(), null),
      (change) => changedEventArgs(this.context.doc, change, change.sheet.id, '1.9'),
    ));
  }

  protected enumerate(doc: FakeWorkbook): FakeWorksheet[] {
    return doc.sheets.map((s) => new FakeWorksheet(this.context, () => s));
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().findSheet(key) ?? fail('ItemNotFound', `worksheets.getItem("${key}")`));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ok = this.context.require('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.context, () => (ok ? (this.target().findSheet(key) ?? null) : fail('ApiNotFound')), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().activeSheet() ?? fail('ItemNotFound', 'getActiveWorksheet'));
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    this.context.require('1.5', 'WorksheetCollection.getFirst');
    return new FakeWorksheet(this.context, () => this.target().sheets.find((s) => !visibleOnly || s.visibility === 'Visible') ?? fail('ItemNotFound'));
  }

  getCount(visibleOnly = false): FakeClientResult<number> {
    this.context.require('1.4', 'WorksheetCollection.getCount');
    return new FakeClientResult(this.context, () => this.target().sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length);
  }

  /** Adds at the end; does not activate it (documented: call activate() for that). */
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue({
      bytes: 60,
      run: () => {
        const doc = this.target();
        let sheetName = name;
        if (sheetName === undefined) {
          let n = doc.sheets.length + 1;
          while (doc.findSheet(`Sheet${n}`)) n++;
          sheetName = `Sheet${n}`;
        }
        if (!sheetName || sheetName.length > 31 || /[:\\/?*[\]]/.test(sheetName) || /^'|'$/.test(sheetName)) {
          fail('InvalidArgument', 'worksheets.add', `"${sheetName}" is not a valid sheet name.`);
        }
        if (doc.findSheet(sheetName)) fail('ItemAlreadyExists', 'worksheets.add');
        created = doc.addSheet(sheetName);
        doc.writes.push({ op: 'sheet.add', sheet: sheetName });
      },
    });
    return new FakeWorksheet(this.context, () => created ?? fail('GeneralException', 'worksheets.add', 'The sheet was used before it was added.'));
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  protected readonly scalarNames = ['name', 'id', 'position', 'visibility', 'standardWidth'] as const;
  protected override readonly writableNames = ['name', 'visibility'];
  declare name: string;
  declare readonly id: string;
  declare readonly position: number;
  declare visibility: string;
  declare readonly standardWidth: number;
  private protectionObject: FakeWorksheetProtection | undefined;
  private changedHandlers: FakeEventHandlers<FakeWorksheetChangedEventArgs> | undefined;

  override target(): FakeSheet {
    return liveSheet(this.context.doc, super.target());
  }

  /**
   * This sheet's data changed (ExcelApi 1.7). As in office.js, the event args take `worksheetId` from this
   * proxy's `id`: when `id` was never loaded, building the args throws and the handler is never called.
   */
  get onChanged(): FakeEventHandlers<FakeWorksheetChangedEventArgs> {
    throwIfApiNotSupported(this.context.doc, '1.7', 'Worksheet.onChanged');
    return (this.changedHandlers ??= new FakeEventHandlers(
      this.context,
      () => this.target(),
      (change) => changedEventArgs(this.context.doc, change, this.id, '1.8'),
    ));
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionObject ??= new FakeWorksheetProtection(this.context, () => this.target()));
  }

  protected override navigation(name: string) {
    return name === 'protection' ? this.protection : undefined;
  }

  /** The whole sheet when address is omitted. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      if (address === undefined || address === '') return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const area = parseArea(address.slice(0, this.context.doc.config.maxAddressChars));
      if (!area || (area.sheet !== undefined && area.sheet.toLowerCase() !== sheet.name.toLowerCase())) fail('InvalidArgument', `getRange("${address}")`);
      return { sheet, rect: area.rect };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    const ok = this.context.require('1.9', 'Worksheet.getRanges');
    return new FakeRangeAreas(this.context, () => {
      if (!ok) return fail('ApiNotFound', 'Worksheet.getRanges');
      const sheet = this.target();
      // Past 8192 characters the address is cut (documented), not refused: the last areas may simply be lost.
      const rects = splitAreas(address.slice(0, this.context.doc.config.maxAddressChars)).map((a) => {
        const area = parseArea(a);
        if (!area || (area.sheet !== undefined && area.sheet.toLowerCase() !== sheet.name.toLowerCase())) return fail('InvalidArgument', `getRanges("${address.slice(0, 40)}…")`);
        return area.rect;
      });
      if (rects.length === 0) fail('InvalidArgument', 'getRanges');
      return { sheet, rects };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target(), rect: { top: row, left: column, bottom: row, right: column } }));
  }

  /** Blank sheet: the top-left cell (documented). */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  /** Blank sheet: a null object (documented). valuesOnly ignores formatting-only cells; conditional formats never count. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const ok = this.context.require('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new FakeRange(
      this.context,
      () => {
        if (!ok) return fail('ApiNotFound');
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const sheet = this.target();
        if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'Worksheet.activate', 'A hidden worksheet cannot be activated.');
        const doc = this.context.doc;
        if (doc.activeSheetId !== sheet.id) {
          doc.activeSheetId = sheet.id;
          doc.selection = { sheetId: sheet.id, rect: lastSelection.get(sheet) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
        }
        doc.writes.push({ op: 'sheet.activate', sheet: sheet.name });
      },
    });
  }

  delete(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const sheet = this.target();
        const doc = this.context.doc;
        this.context.undoUnsupported('Worksheet.delete');
        if (doc.sheets.filter((s) => s.visibility === 'Visible').length === 1 && sheet.visibility === 'Visible') fail('InvalidOperation', 'Worksheet.delete');
        doc.sheets.splice(doc.sheets.indexOf(sheet), 1);
        if (doc.activeSheetId === sheet.id) doc.activate(doc.sheets.find((s) => s.visibility === 'Visible')!.name);
        doc.writes.push({ op: 'sheet.delete', sheet: sheet.name });
      },
    });
  }

  protected read(name: string, sheet: FakeSheet): unknown {
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this.context.doc.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'standardWidth':
        return 8.43;
      default:
        return fail('InvalidArgument', name);
    }
  }

  protected override write(name: string, value: unknown, sheet: FakeSheet): void {
    // Not undoable on desktop (the fake models desktop, the stricter of the two).
    this.context.undoUnsupported(`Worksheet.${name}`);
    if (name === 'name') {
      const doc = this.context.doc;
      const other = doc.findSheet(String(value));
      if (other && other !== sheet) fail('ItemAlreadyExists', 'Worksheet.name');
      doc.writes.push({ op: 'sheet.name', sheet: sheet.name, detail: value });
      sheet.name = String(value);
    } else if (name === 'visibility') {
      this.context.doc.writes.push({ op: 'sheet.visibility', sheet: sheet.name, detail: value });
      sheet.visibility = value as FakeSheet['visibility'];
    }
  }
}
defineProperties(FakeWorksheet, ['name', 'id', 'position', 'visibility', 'standardWidth']);

/** The last selection per sheet, so that activating a sheet restores it as Excel does. */
const lastSelection = new WeakMap<FakeSheet, Rect>();

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  protected readonly scalarNames = ['protected'] as const;
  declare readonly protected: boolean;

  protect(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        this.context.undoUnsupported('WorksheetProtection.protect');
        const sheet = this.target();
        sheet.protected = true;
        this.context.doc.writes.push({ op: 'sheet.protect', sheet: sheet.name });
      },
    });
  }

  unprotect(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        this.context.undoUnsupported('WorksheetProtection.unprotect');
        const sheet = this.target();
        sheet.protected = false;
        this.context.doc.writes.push({ op: 'sheet.unprotect', sheet: sheet.name });
      },
    });
  }

  protected read(name: string, sheet: FakeSheet): unknown {
    if (name === 'protected') {
      if (!this.context.doc.isSetSupported('ExcelApi', '1.2')) fail('ApiNotFound', 'WorksheetProtection');
      return sheet.protected;
    }
    return fail('InvalidArgument', name);
  }
}
defineProperties(FakeWorksheetProtection, ['protected']);

// ------------------------------------------------------------------ ranges

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly scalarNames = [
    'address',
    'addressLocal',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    'values',
    'numberFormat',
    'formulas',
    'text',
    'hyperlink',
  ] as const;
  protected override readonly writableNames = ['values', 'numberFormat', 'formulas', 'hyperlink'];
  /** ExcelApi 1.7. Reads the top-left cell's link (null when none); a write links every cell of the range. */
  declare hyperlink: { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string } | null;
  declare values: unknown[][];
  declare numberFormat: unknown[][];
  declare formulas: unknown[][];
  declare readonly text: string[][];
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  private formatObject: FakeRangeFormat | undefined;
  private formatsObject: FakeConditionalFormatCollection | undefined;

  get format(): FakeRangeFormat {
    return (this.formatObject ??= new FakeRangeFormat(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    const ok = this.context.doc.isSetSupported('ExcelApi', '1.6');
    return (this.formatsObject ??= new FakeConditionalFormatCollection(this.context, () => {
      if (!ok) return fail('ApiNotFound', 'Range.conditionalFormats');
      const t = this.target();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet);
  }

  protected override navigation(name: string) {
    if (name === 'format') return this.format;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      const rect = t.sheet.usedRect(valuesOnly, t.rect);
      return rect ? { sheet: t.sheet, rect } : fail('ItemNotFound', 'Range.getUsedRange');
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const ok = this.context.require('1.4', 'Range.getUsedRangeOrNullObject');
    return new FakeRange(
      this.context,
      () => {
        if (!ok) return fail('ApiNotFound');
        const t = this.target();
        const rect = t.sheet.usedRect(valuesOnly, t.rect);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      true,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column } };
    });
  }

  getIntersectionOrNullObject(other: string | FakeRange): FakeRange {
    this.context.require('1.4', 'Range.getIntersectionOrNullObject');
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        const o = typeof other === 'string' ? parseArea(other)?.rect : other.target().rect;
        if (!o) return fail('InvalidArgument', 'getIntersectionOrNullObject');
        if (!intersects(t.rect, o)) return null;
        return {
          sheet: t.sheet,
          rect: { top: Math.max(t.rect.top, o.top), left: Math.max(t.rect.left, o.left), bottom: Math.min(t.rect.bottom, o.bottom), right: Math.min(t.rect.right, o.right) },
        };
      },
      true,
    );
  }

  /** Fails (GeneralException) past 512 merged areas, as documented ("fails to return the result"). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const ok = this.context.require('1.13', 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(
      this.context,
      () => {
        if (!ok) return fail('ApiNotFound');
        const t = this.target();
        const merges = t.sheet.merges.filter((m) => intersects(m, t.rect));
        if (merges.length > 512) fail('GeneralException', 'getMergedAreasOrNullObject', 'More than 512 merged areas.');
        return merges.length ? { sheet: t.sheet, rects: merges.map((m) => ({ ...m })) } : null;
      },
      true,
    );
  }

  clear(applyTo: string = 'All'): void {
    this.context.enqueue({
      bytes: 40,
      run: () => {
        const t = this.target();
        assertWritable(t.sheet, 'Range.clear');
        if ((applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks') && !this.context.doc.isSetSupported('ExcelApi', '1.7')) fail('ApiNotFound', `Range.clear(${applyTo})`);
        const contents = applyTo === 'All' || applyTo === 'Contents';
        const formats = applyTo === 'All' || applyTo === 'Formats' || applyTo === 'RemoveHyperlinks';
        // "Hyperlinks: clears all hyperlinks, but leaves all content and formatting intact"; Contents leaves them.
        const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
        const touched: Array<[number, number]> = [];
        t.sheet.forEachCell((r, c, cell) => {
          if (links) cell.hyperlink = undefined;
          if (contents) {
            cell.value = undefined;
            cell.formula = undefined;
          }
          if (formats) {
            cell.numberFormat = undefined;
            cell.fill = undefined;
            cell.wrapText = undefined;
            cell.verticalAlignment = undefined;
          }
          touched.push([r, c]);
        }, t.rect);
        for (const [r, c] of touched) t.sheet.prune(r, c);
        this.context.doc.writes.push({ op: 'clear', sheet: t.sheet.name, address: rectAddress(t.rect), detail: applyTo });
        raiseAddinChange(this.context.doc, t.sheet, [t.rect], contents ? 'data' : 'format');
      },
    });
  }

  select(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const t = this.target();
        const doc = this.context.doc;
        if (t.sheet.visibility !== 'Visible') fail('InvalidSelection', 'Range.select', 'The range is on a hidden sheet.');
        if (doc.activeSheetId !== t.sheet.id) {
          if (doc.config.strictSelect) fail('InvalidSelection', 'Range.select', 'The range is not on the active sheet (activate the sheet first).');
          doc.activeSheetId = t.sheet.id;
        }
        doc.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
        lastSelection.set(t.sheet, { ...t.rect });
        doc.writes.push({ op: 'select', sheet: t.sheet.name, address: rectAddress(t.rect) });
      },
    });
  }

  protected read(name: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'cellCount':
        return rectCells(rect);
      case 'values':
        return readGrid(this.context, t, (cell, slave) => {
          if (!cell || slave) return '';
          if (cell.formula !== undefined && cell.value === undefined) return NOT_CALCULATED;
          return cell.value ?? '';
        });
      case 'text':
        return readGrid(this.context, t, (cell, slave) => (!cell || slave || cell.value === undefined ? '' : String(cell.value)));
      case 'formulas':
        return readGrid(this.context, t, (cell, slave) => (!cell || slave ? '' : (cell.formula ?? cell.value ?? '')));
      case 'numberFormat':
        return readGrid(this.context, t, (cell) => cell?.numberFormat ?? 'General');
      case 'hyperlink': {
        if (!this.context.doc.isSetSupported('ExcelApi', '1.7')) fail('ApiNotFound', 'Range.hyperlink');
        const cell = t.sheet.cell(rect.top, rect.left);
        return cell?.hyperlink ? { ...cell.hyperlink, textToDisplay: cell.value === undefined ? '' : String(cell.value) } : null;
      }
      default:
        return fail('InvalidArgument', name);
    }
  }

  protected override write(name: string, value: unknown, t: RangeTarget): void {
    assertWritable(t.sheet, `Range.${name}`);
    const doc = this.context.doc;
    if (name === 'hyperlink') {
      writeHyperlink(doc, t, value);
      return;
    }
    if (name === 'values' || name === 'formulas') {
      forEachInput(t.rect, value, name, (r, c, v) => writeValue(t.sheet, r, c, v, name === 'formulas'));
    } else if (name === 'numberFormat') {
      forEachInput(t.rect, value, name, (r, c, v) => {
        if (v === null || v === undefined) return;
        const cell = t.sheet.ensure(r, c);
        cell.numberFormat = v === '' || v === 'General' ? undefined : String(v);
        t.sheet.prune(r, c);
      });
    }
    doc.writes.push({ op: name as 'values', sheet: t.sheet.name, address: rectAddress(t.rect) });
    raiseAddinChange(doc, t.sheet, [t.rect], name === 'numberFormat' ? 'format' : 'data');
  }
}
defineProperties(FakeRange, ['address', 'addressLocal', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'numberFormat', 'formulas', 'text', 'hyperlink']);

/**
 * Range.hyperlink = { address | documentReference, screenTip, textToDisplay } (ExcelApi 1.7): every cell of the
 * range links there; textToDisplay "is displayed in the top left most cell in the range" (its value). A link
 * needs a target: an object with neither address nor documentReference is refused (strict: the docs are silent).
 */
function writeHyperlink(doc: FakeWorkbook, t: RangeTarget, value: unknown): void {
  if (!doc.isSetSupported('ExcelApi', '1.7')) fail('ApiNotFound', 'Range.hyperlink');
  const v = (value ?? {}) as { address?: unknown; documentReference?: unknown; screenTip?: unknown; textToDisplay?: unknown };
  const address = typeof v.address === 'string' && v.address ? v.address : undefined;
  const documentReference = typeof v.documentReference === 'string' && v.documentReference ? v.documentReference : undefined;
  if (!address && !documentReference) fail('InvalidArgument', 'Range.hyperlink', 'A hyperlink needs an address or a documentReference.');
  for (let r = t.rect.top; r <= t.rect.bottom; r++)
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      t.sheet.ensure(r, c).hyperlink = { address, documentReference, screenTip: typeof v.screenTip === 'string' ? v.screenTip : undefined };
    }
  if (typeof v.textToDisplay === 'string') writeValue(t.sheet, t.rect.top, t.rect.left, v.textToDisplay, false);
  doc.writes.push({ op: 'hyperlink', sheet: t.sheet.name, address: rectAddress(t.rect), detail: { address, documentReference } });
  raiseAddinChange(doc, t.sheet, [t.rect], 'data');
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  protected readonly scalarNames = ['address', 'addressLocal', 'areaCount', 'cellCount'] as const;
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  private formatsObject: FakeConditionalFormatCollection | undefined;
  private formatObject: FakeRangeFormat | undefined;
  private areasObject: FakeRangeCollection | undefined;

  get areas(): FakeRangeCollection {
    return (this.areasObject ??= new FakeRangeCollection(this.context, () => this.target()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.formatsObject ??= new FakeConditionalFormatCollection(this.context, () => this.target()));
  }

  get format(): FakeRangeFormat {
    return (this.formatObject ??= new FakeRangeFormat(this.context, () => this.target()));
  }

  protected override navigation(name: string) {
    if (name === 'areas') return this.areas;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    if (name === 'format') return this.format;
    return undefined;
  }

  protected read(name: string, t: AreasTarget): unknown {
    switch (name) {
      case 'address':
      case 'addressLocal':
        return t.rects.map((r) => `${quoteSheetName(t.sheet.name)}!${rectAddress(r)}`).join(', ');
      case 'areaCount':
        return t.rects.length;
      case 'cellCount':
        return t.rects.reduce((n, r) => n + rectCells(r), 0);
      default:
        return fail('InvalidArgument', name);
    }
  }
}
defineProperties(FakeRangeAreas, ['address', 'addressLocal', 'areaCount', 'cellCount']);

export class FakeRangeCollection extends FakeCollection<AreasTarget, FakeRange> {
  protected enumerate(t: AreasTarget): FakeRange[] {
    return t.rects.map((rect) => new FakeRange(this.context, () => ({ sheet: t.sheet, rect })));
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => this.target().rects.length);
  }
  getItemAt(index: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      const rect = t.rects[index];
      return rect ? { sheet: t.sheet, rect } : fail('ItemNotFound', 'RangeCollection.getItemAt');
    });
  }
}

/** Range.format (and RangeAreas.format): fill, wrap, alignment, column width, row height. */
export class FakeRangeFormat extends FakeClientObject<AreasTarget> {
  protected readonly scalarNames = ['wrapText', 'columnWidth', 'rowHeight', 'verticalAlignment', 'horizontalAlignment'] as const;
  protected override readonly writableNames = ['wrapText', 'columnWidth', 'rowHeight', 'verticalAlignment', 'horizontalAlignment'];
  declare wrapText: boolean | null;
  declare columnWidth: number | null;
  declare rowHeight: number | null;
  declare verticalAlignment: string | null;
  declare horizontalAlignment: string | null;
  private fillObject: FakeRangeFill | undefined;

  get fill(): FakeRangeFill {
    return (this.fillObject ??= new FakeRangeFill(this.context, () => this.target()));
  }

  protected override navigation(name: string) {
    return name === 'fill' ? this.fill : undefined;
  }

  /**
   * Rows as tall as their wrapped text needs at the current column widths (wrappedTextHeight), capped at
   * Excel's 409 points: text beyond that is cut off in the grid. Computed when the command runs, so the
   * column width must be set before, as in Excel.
   */
  autofitRows(): void {
    this.autofit('autofitRows', (t) => {
      for (const r of t.rects) {
        if (r.bottom - r.top > 100_000) fail('InvalidArgument', 'autofitRows', 'The fake auto-fits at most 100,000 rows at once.');
        for (let row = r.top; row <= r.bottom; row++) {
          let height = FAKE_TEXT_LAYOUT.lineHeightPt;
          t.sheet.forEachCell((_, col, cell) => {
            if (!cell.wrapText || cell.value === undefined) return;
            height = Math.max(height, wrappedTextHeight(String(cell.value), t.sheet.columnWidths.get(col) ?? 48));
          }, { top: row, bottom: row, left: r.left, right: r.right });
          t.sheet.rowHeights.set(row, Math.min(MAX_ROW_HEIGHT, height));
        }
      }
    });
  }

  /** Recorded only: the fake does not model column widths from content. */
  autofitColumns(): void {
    this.autofit('autofitColumns', () => undefined);
  }

  private autofit(op: 'autofitRows' | 'autofitColumns', apply: (t: AreasTarget) => void): void {
    this.context.require('1.2', `RangeFormat.${op}`);
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const t = this.target();
        assertWritable(t.sheet, `RangeFormat.${op}`);
        apply(t);
        this.context.doc.writes.push({ op, sheet: t.sheet.name, address: t.rects.map(rectAddress).join(',') });
      },
    });
  }

  protected read(name: string, t: AreasTarget): unknown {
    if (name === 'columnWidth') {
      return uniform(t.rects.flatMap((r) => Array.from({ length: Math.min(r.right - r.left + 1, MAX_COLS) }, (_, i) => t.sheet.columnWidths.get(r.left + i) ?? 48)));
    }
    if (name === 'rowHeight') {
      return uniform(t.rects.flatMap((r) => Array.from({ length: Math.min(r.bottom - r.top + 1, 100_000) }, (_, i) => t.sheet.rowHeights.get(r.top + i) ?? 15)));
    }
    const pick =
      name === 'wrapText'
        ? (c: FakeCell | undefined) => c?.wrapText ?? false
        : name === 'verticalAlignment'
          ? (c: FakeCell | undefined) => c?.verticalAlignment ?? 'Bottom'
          : name === 'horizontalAlignment'
            ? () => 'General'
            : undefined;
    if (!pick) return fail('InvalidArgument', name);
    return uniform(t.rects.flatMap((r) => [...rectCellProps<unknown>(t.sheet, r, pick)]));
  }

  protected override write(name: string, value: unknown, t: AreasTarget): void {
    assertWritable(t.sheet, `RangeFormat.${name}`);
    for (const r of t.rects) {
      if (name === 'columnWidth') {
        if (typeof value !== 'number' || value < 0) fail('InvalidArgument', 'columnWidth');
        for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, value);
      } else if (name === 'rowHeight') {
        if (typeof value !== 'number' || value < 0) fail('InvalidArgument', 'rowHeight');
        if (r.bottom - r.top > 100_000) fail('InvalidArgument', 'rowHeight', 'The fake sets row heights on at most 100,000 rows.');
        for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, value);
      } else if (name === 'wrapText' || name === 'verticalAlignment') {
        if (rectCells(r) > 1_000_000) fail('InvalidArgument', name, 'The fake formats at most 1,000,000 cells at once.');
        for (let row = r.top; row <= r.bottom; row++)
          for (let c = r.left; c <= r.right; c++) {
            const cell = t.sheet.ensure(row, c);
            if (name === 'wrapText') cell.wrapText = Boolean(value) || undefined;
            else cell.verticalAlignment = String(value);
            t.sheet.prune(row, c);
          }
      }
      this.context.doc.writes.push({ op: name as 'wrapText', sheet: t.sheet.name, address: rectAddress(r), detail: value });
    }
    raiseAddinChange(this.context.doc, t.sheet, t.rects, 'format');
  }
}
defineProperties(FakeRangeFormat, ['wrapText', 'columnWidth', 'rowHeight', 'verticalAlignment', 'horizontalAlignment']);

export class FakeRangeFill extends FakeClientObject<AreasTarget> {
  protected readonly scalarNames = ['color'] as const;
  protected override readonly writableNames = ['color'];
  declare color: string | null;

  clear(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const t = this.target();
        assertWritable(t.sheet, 'RangeFill.clear');
        for (const r of t.rects) {
          const touched: Array<[number, number]> = [];
          t.sheet.forEachCell((row, col, cell) => {
            cell.fill = undefined;
            touched.push([row, col]);
          }, r);
          for (const [row, col] of touched) t.sheet.prune(row, col);
          this.context.doc.writes.push({ op: 'fill.clear', sheet: t.sheet.name, address: rectAddress(r) });
        }
      },
    });
  }

  /** "#FFFFFF" for no fill; null when the cells differ (documented). */
  protected read(name: string, t: AreasTarget): unknown {
    if (name !== 'color') return fail('InvalidArgument', name);
    return uniform(t.rects.flatMap((r) => [...rectCellProps(t.sheet, r, (c) => c?.fill ?? '#FFFFFF')]));
  }

  protected override write(_name: string, value: unknown, t: AreasTarget): void {
    if (typeof value !== 'string' || value === '') fail('InvalidArgument', 'fill.color');
    assertWritable(t.sheet, 'RangeFill.color');
    for (const r of t.rects) {
      if (rectCells(r) > 1_000_000) fail('InvalidArgument', 'fill.color', 'The fake fills at most 1,000,000 cells at once.');
      for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) t.sheet.ensure(row, c).fill = normalizeColor(value);
      this.context.doc.writes.push({ op: 'fill', sheet: t.sheet.name, address: rectAddress(r), detail: value });
    }
    raiseAddinChange(this.context.doc, t.sheet, t.rects, 'format');
  }
}
defineProperties(FakeRangeFill, ['color']);

function normalizeColor(value: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : value;
}

// ------------------------------------------------------------------ conditional formats

interface FormatTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

export class FakeConditionalFormatCollection extends FakeCollection<AreasTarget, FakeConditionalFormat_> {
  /** The formats overlapping this range, in priority order (as the collection sees them now). */
  private view(t: AreasTarget): FakeConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => t.rects.some((q) => intersects(r, q))));
  }

  private readonly viewNow = (): FakeConditionalFormat[] => this.view(this.target());

  /**
   * The format at `index` of this collection when a command runs. The reference gives `id` as "the
   * priority of the conditional format in the current ConditionalFormatCollection": an item, getItem(id)
   * and getItemAt(index) all name a position, so adding a format (at the top) or deleting one in the same
   * batch moves what a later command reaches. The fake resolves them again at every command, strictly.
   */
  private atPosition(index: number, what: string): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(
      this.context,
      () => {
        const t = this.target();
        const cf = Number.isInteger(index) && index >= 0 ? this.view(t)[index] : undefined;
        return cf ? { sheet: t.sheet, cf } : fail('ItemNotFound', what);
      },
      this.viewNow,
      true,
    );
  }

  protected enumerate(t: AreasTarget): FakeConditionalFormat_[] {
    return this.view(t).map((_, i) => this.atPosition(i, `conditionalFormats.items[${i}]`));
  }

  /** Added at the top priority, applying to this range (every area of a RangeAreas). */
  add(type: string): FakeConditionalFormat_ {
    let created: FormatTarget | undefined;
    this.context.enqueue({
      bytes: 60,
      run: () => {
        const t = this.target();
        assertWritable(t.sheet, 'ConditionalFormatCollection.add');
        const cf: FakeConditionalFormat = { id: this.context.doc.newFormatId(), type, ranges: t.rects.map((r) => ({ ...r })), stopIfTrue: false };
        t.sheet.conditionalFormats.unshift(cf);
        created = { sheet: t.sheet, cf };
        this.context.doc.writes.push({ op: 'cf.add', sheet: t.sheet.name, address: t.rects.map(rectAddress).join(','), detail: { id: cf.id, type } });
        raiseAddinChange(this.context.doc, t.sheet, t.rects, 'format');
      },
    });
    return new FakeConditionalFormat_(this.context, () => created ?? fail('GeneralException', 'ConditionalFormatCollection.add'), this.viewNow);
  }

  /** By id, i.e. by priority (see atPosition). */
  getItem(id: string): FakeConditionalFormat_ {
    return this.atPosition(/^\d+$/.test(id) ? Number(id) : -1, `conditionalFormats.getItem("${id}")`);
  }

  getItemOrNullObject(id: string): FakeConditionalFormat_ {
    const ok = this.context.require('1.14', 'ConditionalFormatCollection.getItemOrNullObject');
    const index = /^\d+$/.test(id) ? Number(id) : -1;
    return new FakeConditionalFormat_(
      this.context,
      () => {
        if (!ok) return fail('ApiNotFound');
        const t = this.target();
        const cf = index >= 0 ? this.view(t)[index] : undefined;
        return cf ? { sheet: t.sheet, cf } : null;
      },
      this.viewNow,
      true,
      true,
    );
  }

  getItemAt(index: number): FakeConditionalFormat_ {
    return this.atPosition(index, 'conditionalFormats.getItemAt');
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => this.view(this.target()).length);
  }

  clearAll(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const t = this.target();
        assertWritable(t.sheet, 'ConditionalFormatCollection.clearAll');
        for (const cf of this.view(t)) {
          cf.deleted = true;
          t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(cf), 1);
        }
        this.context.doc.writes.push({ op: 'cf.clearAll', sheet: t.sheet.name, address: t.rects.map(rectAddress).join(',') });
      },
    });
  }
}

/** Excel.ConditionalFormat (the trailing underscore only avoids a clash with the model's type name). */
export class FakeConditionalFormat_ extends FakeClientObject<FormatTarget> {
  protected readonly scalarNames = ['id', 'type', 'priority', 'stopIfTrue'] as const;
  protected override readonly writableNames = ['priority', 'stopIfTrue'];
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  private customObject: FakeCustomConditionalFormat | undefined;

  constructor(
    context: FakeRequestContext,
    resolver: () => FormatTarget | null,
    /** The formats of the collection this proxy came from, as they are now (its `id` is a position in it). */
    private readonly viewOf: () => FakeConditionalFormat[],
    private readonly byPosition = false,
    nullable = false,
  ) {
    super(context, resolver, nullable);
  }

  protected override get cacheResolution(): boolean {
    return !this.byPosition;
  }

  override target(): FormatTarget {
    const t = super.target();
    if (t.cf.deleted) fail('ItemNotFound', 'ConditionalFormat', 'The conditional format was deleted.');
    return t;
  }

  /** Reading custom on a format of another type fails, as Excel does ("not permitted for the current object"). */
  get custom(): FakeCustomConditionalFormat {
    return (this.customObject ??= new FakeCustomConditionalFormat(this.context, () => {
      const t = this.target();
      if (t.cf.type !== 'Custom') fail('InvalidOperation', 'ConditionalFormat.custom', 'This operation is not permitted for the current object.');
      return t;
    }));
  }

  protected override navigation(name: string) {
    return name === 'custom' ? this.custom : undefined;
  }

  delete(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const t = this.target();
        assertWritable(t.sheet, 'ConditionalFormat.delete');
        const priority = t.sheet.conditionalFormats.indexOf(t.cf);
        t.cf.deleted = true;
        t.sheet.conditionalFormats.splice(priority, 1);
        this.context.doc.writes.push({ op: 'cf.delete', sheet: t.sheet.name, detail: { id: t.cf.id, priority } });
        raiseAddinChange(this.context.doc, t.sheet, t.cf.ranges, 'format');
      },
    });
  }

  /** Throws when the format applies to several ranges (documented). */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t.cf.ranges.length !== 1) fail('InvalidOperation', 'ConditionalFormat.getRange');
      return { sheet: t.sheet, rect: t.cf.ranges[0] };
    });
  }

  /** A null object when the format applies to several ranges (documented, ExcelApi 1.6). */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        return t.cf.ranges.length === 1 ? { sheet: t.sheet, rect: t.cf.ranges[0] } : null;
      },
      true,
    );
  }

  getRanges(): FakeRangeAreas {
    const ok = this.context.require('1.9', 'ConditionalFormat.getRanges');
    return new FakeRangeAreas(this.context, () => {
      if (!ok) return fail('ApiNotFound');
      const t = this.target();
      return { sheet: t.sheet, rects: t.cf.ranges };
    });
  }

  protected read(name: string, t: FormatTarget): unknown {
    switch (name) {
      case 'id':
        // "The priority of the conditional format in the current ConditionalFormatCollection."
        return String(this.viewOf().indexOf(t.cf));
      case 'type':
        return t.cf.type;
      case 'priority':
        return t.sheet.conditionalFormats.indexOf(t.cf);
      case 'stopIfTrue':
        return t.cf.stopIfTrue;
      default:
        return fail('InvalidArgument', name);
    }
  }

  protected override write(name: string, value: unknown, t: FormatTarget): void {
    assertWritable(t.sheet, `ConditionalFormat.${name}`);
    if (name === 'stopIfTrue') t.cf.stopIfTrue = Boolean(value);
    if (name === 'priority') {
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      list.splice(Math.max(0, Math.min(list.length, Number(value))), 0, t.cf);
    }
    this.context.doc.writes.push({ op: name === 'priority' ? 'cf.priority' : 'cf.stopIfTrue', sheet: t.sheet.name, detail: { id: t.cf.id, value } });
  }
}
defineProperties(FakeConditionalFormat_, ['id', 'type', 'priority', 'stopIfTrue']);

export class FakeCustomConditionalFormat extends FakeClientObject<FormatTarget> {
  protected readonly scalarNames = [] as const;
  private ruleObject: FakeConditionalFormatRule | undefined;
  private formatObject: FakeConditionalRangeFormat | undefined;

  get rule(): FakeConditionalFormatRule {
    return (this.ruleObject ??= new FakeConditionalFormatRule(this.context, () => this.target()));
  }

  get format(): FakeConditionalRangeFormat {
    return (this.formatObject ??= new FakeConditionalRangeFormat(this.context, () => this.target()));
  }

  protected override navigation(name: string) {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }

  protected read(name: string): unknown {
    return fail('InvalidArgument', name);
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<FormatTarget> {
  protected readonly scalarNames = ['formula', 'formulaLocal'] as const;
  protected override readonly writableNames = ['formula', 'formulaLocal'];
  declare formula: string;
  declare formulaLocal: string;

  protected read(_name: string, t: FormatTarget): unknown {
    return t.cf.formula ?? '';
  }

  protected override write(_name: string, value: unknown, t: FormatTarget): void {
    assertWritable(t.sheet, 'ConditionalFormatRule.formula');
    if (typeof value !== 'string' || !value.startsWith('=')) fail('InvalidArgument', 'ConditionalFormatRule.formula');
    t.cf.formula = value;
    this.context.doc.writes.push({ op: 'cf.formula', sheet: t.sheet.name, detail: { id: t.cf.id, value } });
  }
}
defineProperties(FakeConditionalFormatRule, ['formula', 'formulaLocal']);

export class FakeConditionalRangeFormat extends FakeClientObject<FormatTarget> {
  protected readonly scalarNames = [] as const;
  private fillObject: FakeConditionalRangeFill | undefined;
  private fontObject: FakeConditionalRangeFont | undefined;

  get fill(): FakeConditionalRangeFill {
    return (this.fillObject ??= new FakeConditionalRangeFill(this.context, () => this.target()));
  }

  get font(): FakeConditionalRangeFont {
    return (this.fontObject ??= new FakeConditionalRangeFont(this.context, () => this.target()));
  }

  protected override navigation(name: string) {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }

  protected read(name: string): unknown {
    return fail('InvalidArgument', name);
  }
}

export class FakeConditionalRangeFill extends FakeClientObject<FormatTarget> {
  protected readonly scalarNames = ['color'] as const;
  protected override readonly writableNames = ['color'];
  declare color: string;

  clear(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        this.target().cf.fill = undefined;
      },
    });
  }

  protected read(_name: string, t: FormatTarget): unknown {
    return t.cf.fill ?? null;
  }

  protected override write(_name: string, value: unknown, t: FormatTarget): void {
    assertWritable(t.sheet, 'ConditionalRangeFill.color');
    if (typeof value !== 'string' || value === '') fail('InvalidArgument', 'ConditionalRangeFill.color');
    t.cf.fill = normalizeColor(value);
    this.context.doc.writes.push({ op: 'cf.fill', sheet: t.sheet.name, detail: { id: t.cf.id, value } });
  }
}
defineProperties(FakeConditionalRangeFill, ['color']);

export class FakeConditionalRangeFont extends FakeClientObject<FormatTarget> {
  protected readonly scalarNames = ['color'] as const;
  protected override readonly writableNames = ['color'];
  declare color: string;

  protected read(_name: string, t: FormatTarget): unknown {
    return t.cf.fontColor ?? null;
  }

  protected override write(_name: string, value: unknown, t: FormatTarget): void {
    assertWritable(t.sheet, 'ConditionalRangeFont.color');
    t.cf.fontColor = String(value);
    this.context.doc.writes.push({ op: 'cf.font', sheet: t.sheet.name, detail: { id: t.cf.id, value } });
  }
}
defineProperties(FakeConditionalRangeFont, ['color']);

// ------------------------------------------------------------------ events

/** Like office.js's OfficeExtension.Utility.throwIfApiNotSupported: thrown at once, not at the next sync. */
function throwIfApiNotSupported(doc: FakeWorkbook, version: string, api: string): void {
  if (!doc.isSetSupported('ExcelApi', version)) {
    throw new FakeOfficeError('ApiNotFound', `The API '${api}' is not supported (ExcelApi ${version}).`, api);
  }
}

/** A change made through the API by this add-in: data changes always raise onChanged, format changes only when configured. */
function raiseAddinChange(doc: FakeWorkbook, sheet: FakeSheet, rects: readonly Rect[], kind: 'data' | 'format'): void {
  if (kind === 'format' && !doc.config.formatChangesRaiseOnChanged) return;
  for (const rect of rects) doc.raiseChanged({ sheet, rect: { ...rect }, changeType: 'RangeEdited', source: 'Local', byAddin: true });
}

/** Excel.WorksheetChangedEventArgs as documented (and as office.js builds it from what Excel sends). */
export interface FakeWorksheetChangedEventArgs {
  type: 'WorksheetChanged';
  worksheetId: string;
  /** The changed area on that sheet, without the sheet name ("B7", "C9:C12"). */
  address: string;
  changeType: RawChange['changeType'];
  source: 'Local' | 'Remote';
  /** ExcelApi 1.14: "ThisLocalAddin" for this add-in's own API writes, else "Unknown"; absent on older hosts. */
  triggerSource?: 'Unknown' | 'ThisLocalAddin';
  /** ExcelApi 1.9, single-cell changes only. */
  details?: RawChange['details'];
  getRange(ctx: FakeRequestContext): FakeRange;
  getRangeOrNullObject(ctx: FakeRequestContext): FakeRange;
}

/**
 * `rangeSet`: the set getRange needs (1.8 on Worksheet.onChanged, 1.9 on WorksheetCollection.onChanged, as
 * in office.js). Reading `worksheetId` from an unloaded proxy throws here, as office.js's transform does.
 */
function changedEventArgs(doc: FakeWorkbook, change: RawChange, worksheetId: string, rangeSet: string): FakeWorksheetChangedEventArgs {
  const address = rectAddress(change.rect);
  const args: FakeWorksheetChangedEventArgs = {
    type: 'WorksheetChanged',
    worksheetId,
    address,
    changeType: change.changeType,
    source: change.source,
    getRange(ctx) {
      throwIfApiNotSupported(doc, rangeSet, 'WorksheetChangedEventArgs.getRange');
      return ctx.workbook.worksheets.getItem(change.sheet.id).getRange(address);
    },
    getRangeOrNullObject(ctx) {
      throwIfApiNotSupported(doc, rangeSet, 'WorksheetChangedEventArgs.getRangeOrNullObject');
      return ctx.workbook.worksheets.getItem(change.sheet.id).getRange(address);
    },
  };
  if (change.details && doc.isSetSupported('ExcelApi', '1.9')) args.details = { ...change.details };
  if (doc.isSetSupported('ExcelApi', '1.14')) args.triggerSource = change.byAddin ? 'ThisLocalAddin' : 'Unknown';
  return args;
}

type EventHandler<T> = (args: T) => Promise<unknown>;

/**
 * OfficeExtension.EventHandlers as office.js implements it: add() and remove() only queue; they take effect
 * when a sync of *this* proxy's context succeeds (which is why a handler must be removed with the context
 * it was added in). The handler list belongs to this proxy; Excel raises to it while it is non-empty.
 */
export class FakeEventHandlers<T> implements ChangeListener {
  private handlers: Array<EventHandler<T>> = [];
  private scope: FakeSheet | null | undefined;

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolveScope: () => FakeSheet | null,
    private readonly transform: (change: RawChange) => T,
  ) {}

  get sheet(): FakeSheet | null {
    return this.scope ?? null;
  }

  get handlerCount(): number {
    return this.handlers.length;
  }

  add(handler: EventHandler<T>): FakeEventHandlerResult<T> {
    if (typeof handler !== 'function') throw new FakeOfficeError('InvalidArgument', 'An event handler must be a function.');
    this.queue(() => {
      this.handlers = [...this.handlers, handler];
    });
    return new FakeEventHandlerResult(this.context, this, handler);
  }

  /** Removes the last registration of that function (office.js does the same). */
  remove(handler: EventHandler<T>): void {
    this.queue(() => {
      const i = this.handlers.lastIndexOf(handler);
      if (i >= 0) this.handlers = [...this.handlers.slice(0, i), ...this.handlers.slice(i + 1)];
    });
  }

  removeAll(): void {
    this.queue(() => {
      this.handlers = [];
    });
  }

  private queue(change: () => void): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const scope = this.resolveScope();
        this.context.stage(() => {
          this.scope = scope;
          change();
          const doc = this.context.doc;
          if (this.handlers.length) doc.changeListeners.add(this);
          else doc.changeListeners.delete(this);
        });
      },
    });
  }

  /** Excel raised a change: build the args (may throw, then no handler runs), then call every handler. */
  deliver(change: RawChange): void {
    const doc = this.context.doc;
    let args: T;
    try {
      args = this.transform(change);
    } catch (error) {
      doc.eventErrors.push(error);
      return;
    }
    for (const handler of [...this.handlers]) {
      Promise.resolve()
        .then(() => handler(args))
        .catch((error: unknown) => doc.eventErrors.push(error));
    }
  }
}

/** OfficeExtension.EventHandlerResult: remove() queues on the context the handler was added in. */
export class FakeEventHandlerResult<T> {
  private handlers: FakeEventHandlers<T> | null;
  private handler: EventHandler<T> | null;

  constructor(
    readonly context: FakeRequestContext,
    handlers: FakeEventHandlers<T>,
    handler: EventHandler<T>,
  ) {
    this.handlers = handlers;
    this.handler = handler;
  }

  remove(): void {
    if (this.handlers && this.handler) {
      this.handlers.remove(this.handler);
      this.handlers = null;
      this.handler = null;
    }
  }
}

// ------------------------------------------------------------------ settings

/** Setting values round-trip through JSON, as the document stores them. */
function storeValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export class FakeSettingCollection extends FakeCollection<FakeWorkbook, FakeSetting> {
  protected enumerate(doc: FakeWorkbook): FakeSetting[] {
    return [...doc.settings.keys()].map((key) => new FakeSetting(this.context, () => key));
  }

  add(key: string, value: unknown): FakeSetting {
    this.context.require('1.4', 'SettingCollection.add');
    this.context.enqueue({
      bytes: 40 + estimateBytes(value),
      run: () => {
        if (!key) fail('InvalidArgument', 'settings.add');
        const doc = this.target();
        doc.settings.set(key, storeValue(value));
        doc.writes.push({ op: 'settings.add', detail: { key } });
      },
    });
    return new FakeSetting(this.context, () => key);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, () => (this.target().settings.has(key) ? key : fail('ItemNotFound', `settings.getItem("${key}")`)));
  }

  getItemOrNullObject(key: string): FakeSetting {
    const ok = this.context.require('1.4', 'SettingCollection.getItemOrNullObject');
    return new FakeSetting(this.context, () => (ok ? (this.target().settings.has(key) ? key : null) : fail('ApiNotFound')), true);
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => this.target().settings.size);
  }
}

export class FakeSetting extends FakeClientObject<string> {
  protected readonly scalarNames = ['key', 'value'] as const;
  protected override readonly writableNames = ['value'];
  declare readonly key: string;
  declare value: unknown;

  delete(): void {
    this.context.enqueue({
      bytes: 30,
      run: () => {
        const key = this.target();
        const doc = this.context.doc;
        if (!doc.settings.has(key)) fail('ItemNotFound', 'Setting.delete');
        doc.settings.delete(key);
        doc.writes.push({ op: 'settings.delete', detail: { key } });
      },
    });
  }

  protected read(name: string, key: string): unknown {
    const doc = this.context.doc;
    if (!doc.settings.has(key)) fail('ItemNotFound', `setting "${key}"`);
    return name === 'key' ? key : storeValue(doc.settings.get(key));
  }

  protected override write(_name: string, value: unknown, key: string): void {
    const doc = this.context.doc;
    if (!doc.settings.has(key)) fail('ItemNotFound', `setting "${key}"`);
    doc.settings.set(key, storeValue(value));
    doc.writes.push({ op: 'settings.value', detail: { key } });
  }
}
defineProperties(FakeSetting, ['key', 'value']);
