/**
 * The document behind the fake Excel object model: plain state that tests set up and inspect, and that the
 * proxy layer (api.ts) reads and changes at `context.sync()`. Browser-safe: no node APIs, no Office types.
 *
 * Written against the documented behaviour of Excel (learn.microsoft.com, @types/office-js), not against the
 * add-in's gateway. Where the docs are silent the fake is deliberately strict (see README.md in this folder).
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type FakeScalar = string | number | boolean;

/** One cell. A cell with no value can still carry formats (and then counts for a used range with valuesOnly false). */
export interface FakeCell {
  value?: FakeScalar;
  formula?: string;
  /** undefined = "General". */
  numberFormat?: string;
  /** Fill colour as "#RRGGBB"; undefined = no fill. */
  fill?: string;
  wrapText?: boolean;
  verticalAlignment?: string;
  /** Range.hyperlink (ExcelApi 1.7): a URL (`address`) or a place in the workbook (`documentReference`). */
  hyperlink?: FakeHyperlink;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
}

export interface FakeConditionalFormat {
  /**
   * The fake's own handle (for tests: identity, dumps). It is NOT what the API's `ConditionalFormat.id`
   * returns: that is documented as "the priority of the conditional format in the current
   * ConditionalFormatCollection" (api.ts). Renumbered by reopen(), like everything that identifies an object.
   */
  id: string;
  /** "Custom", "CellValue", "ColorScale", … as Excel.ConditionalFormatType. */
  type: string;
  ranges: Rect[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue: boolean;
  deleted?: boolean;
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export type WriteOp =
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'fill'
  | 'fill.clear'
  | 'wrapText'
  | 'verticalAlignment'
  | 'horizontalAlignment'
  | 'columnWidth'
  | 'rowHeight'
  | 'autofitRows'
  | 'autofitColumns'
  | 'clear'
  | 'hyperlink'
  | 'cf.add'
  | 'cf.delete'
  | 'cf.clearAll'
  | 'cf.formula'
  | 'cf.fill'
  | 'cf.font'
  | 'cf.priority'
  | 'cf.stopIfTrue'
  | 'sheet.add'
  | 'sheet.delete'
  | 'sheet.name'
  | 'sheet.visibility'
  | 'sheet.protect'
  | 'sheet.unprotect'
  | 'sheet.activate'
  | 'select'
  | 'settings.add'
  | 'settings.value'
  | 'settings.delete';

/** Every change the add-in makes, in order: tests assert on it ("no value written to a table sheet"). */
export interface WriteRecord {
  op: WriteOp;
  sheet?: string;
  address?: string;
  detail?: unknown;
}

export interface FakeConfig {
  /** Highest ExcelApi requirement set the host supports ("1.7" = Office 2019). */
  apiVersion: string;
  /** Other requirement sets and their versions, e.g. { ExcelApiOnline: "1.1" }. */
  otherSets: Record<string, string>;
  /**
   * Request and response payload cap, in UTF-8 bytes of the JSON sent (a Chinese character is 3 bytes).
   * "Excel on the web has a payload size limit for requests and responses of 5MB" (learn.microsoft.com,
   * concepts/resource-limits-and-performance-optimization, excel/performance "Payload size limit best
   * practices"); Microsoft's production team: "Payload size limit is ... online only" (office-js-docs-pr
   * PR #1423), so desktop has none (null). On by default at the web's figure: the add-in must work there.
   */
  payloadLimitBytes: number | null;
  /** Cells one range read may return: five million "on all platforms" (excel/performance). */
  maxCellsPerRead: number;
  /**
   * Worksheet.getRange / getRanges "have an address string limit of 8192 characters. When this limit is
   * exceeded, the address string is truncated to 8192 characters" (excel/excel-add-ins-troubleshooting,
   * "Range return character limit"). The fake truncates the same way, so a too-long list either fails to
   * parse (InvalidArgument) or silently loses its last areas. No area count limit is documented (failures
   * reported at 513 areas, OfficeDev/office-js#5198, were past 8192 characters); the fake sets none.
   */
  maxAddressChars: number;
  /** Whether the host honours Excel.run({ delayForCellEdit: true }). */
  supportsDelayForCellEdit: boolean;
  /**
   * select() on a range of a sheet that is not the active one fails (InvalidSelection). The docs only say
   * to activate first; the fake turns "unreliable" into "fails" so that the order is tested.
   */
  strictSelect: boolean;
  /**
   * Delay before a change event reaches the add-in's handlers. Events cross from Excel to the add-in's
   * runtime on their own channel, after the change: never synchronously, and possibly after the sync (or
   * the whole Excel.run) that made the change has resolved. 0 = the next macrotask.
   */
  eventDelayMs: number;
  /**
   * The clock events are delivered on: by default real timers; a test of timing passes its fake clock
   * (test/support/fake-clock.ts), so that events arrive when the test advances it, in order with the
   * add-in's own timers. eventsDelivered() then advances it.
   */
  clock?: FakeEventClock;
  /**
   * Whether format changes made through the API (number formats, fills, wrap, alignment, conditional
   * formats) also raise worksheet onChanged. The reference only says "data changes"; the Table.onChanged
   * docs say it "fires when either the format or value of the data changes". Off by default; tests turn it
   * on to prove the add-in does not loop either way.
   */
  formatChangesRaiseOnChanged: boolean;
}

/** What the fake needs of a test clock (FakeClock in test/support has it; the fake stays browser-safe). */
export interface FakeEventClock {
  setTimeout(callback: () => void, ms: number): unknown;
  advance(ms: number): Promise<void>;
}

/**
 * Excel on the web's payload cap. The docs say "5MB" without saying 10^6 or 2^20 bytes: the fake takes the
 * smaller, so that what fits here fits there.
 */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

export const DEFAULT_CONFIG: FakeConfig = {
  apiVersion: '1.7',
  otherSets: {},
  payloadLimitBytes: WEB_PAYLOAD_LIMIT,
  maxCellsPerRead: 5_000_000,
  maxAddressChars: 8192,
  supportsDelayForCellEdit: true,
  strictSelect: true,
  eventDelayMs: 0,
  formatChangesRaiseOnChanged: false,
};

const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Index = priority: 0 is the top (a newly added format goes first, as documented). */
  conditionalFormats: FakeConditionalFormat[] = [];
  protected = false;
  visibility: FakeVisibility = 'Visible';

  constructor(
    /** Worksheet.id: stable within a session, renumbered by FakeWorkbook.reopen() (OfficeDev/office-js-docs#297). */
    public id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  ensure(row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Drops cells that carry nothing any more. */
  prune(row: number, col: number): void {
    const key = cellKey(row, col);
    const cell = this.cells.get(key);
    if (cell && Object.values(cell).every((v) => v === undefined)) this.cells.delete(key);
  }

  forEachCell(fn: (row: number, col: number, cell: FakeCell) => void, within?: Rect): void {
    for (const [key, cell] of this.cells) {
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (!within || contains(within, row, col)) fn(row, col, cell);
    }
  }

  mergeMaster(row: number, col: number): { row: number; col: number } | undefined {
    for (const m of this.merges) if (contains(m, row, col)) return { row: m.top, col: m.left };
    return undefined;
  }

  /** Merged cells other than the top-left one read as empty (Excel keeps only the top-left value). */
  hasValue(row: number, col: number, cell: FakeCell): boolean {
    if (cell.value === undefined && cell.formula === undefined) return false;
    if (cell.value === '' && cell.formula === undefined) return false;
    const master = this.merges.length ? this.mergeMaster(row, col) : undefined;
    return !master || (master.row === row && master.col === col);
  }

  hasFormat(cell: FakeCell): boolean {
    return cell.numberFormat !== undefined || cell.fill !== undefined || cell.wrapText !== undefined || cell.verticalAlignment !== undefined || cell.hyperlink !== undefined;
  }

  /**
   * The used range: the smallest rectangle holding every cell with a value (valuesOnly) or with a value or
   * a format. Conditional formats never count. `within` limits the search (Range.getUsedRange).
   */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.forEachCell((row, col, cell) => {
      const used = this.hasValue(row, col, cell) || (!valuesOnly && this.hasFormat(cell));
      if (!used) return;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }, within);
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface Selection {
  sheetId: string;
  rect: Rect;
}

/** The workbook a fake Excel session works on. Tests build it, install it, then inspect it. */
export class FakeWorkbook {
  name = 'Book1.xlsx';
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheetId: string | undefined;
  selection: Selection | undefined;
  readonly config: FakeConfig;
  readonly stats = { runs: 0, syncCalls: 0, roundTrips: 0, failedRoundTrips: 0 };
  readonly writes: WriteRecord[] = [];
  /**
   * What the add-in's writes did to the user's undo list. ExcelApi 1.19+ (undo support for the API:
   * learn.microsoft.com excel/excel-add-ins-undo-capabilities, "automatically enabled starting with ExcelApi
   * 1.19" per office-js-docs-pr PR #5175): each sync that writes is one undo step, or one step per Excel.run
   * with { mergeUndoGroup: true } (ExcelApi 1.20). Below 1.19 "most of the set operation of Excel API will
   * disable undo/redo operation, it's a by-design behavior" (OfficeDev/office-js#3788): every sync that
   * writes counts one `clears`. Selecting and activating are not counted.
   */
  readonly undo: { steps: WriteRecord[][]; clears: number } = { steps: [], clears: 0 };
  /** How many times the file was closed and opened again (reopen()). */
  session = 1;
  private nextSheetId = 1;
  private nextFormatId = 1;
  private cellEdit = false;
  private cellEditWaiters: Array<() => void> = [];
  /** Registered worksheet onChanged targets (api.ts FakeEventHandlers), workbook-wide or per sheet. */
  readonly changeListeners = new Set<ChangeListener>();
  /** Errors thrown while delivering an event (an args transform or a handler): office.js only logs them. */
  readonly eventErrors: unknown[] = [];
  /** Every change event raised, delivered or not (tests assert that an event did happen). */
  readonly changeLog: RawChange[] = [];
  private deliveries = new Set<Promise<void>>();

  constructor(config: Partial<FakeConfig> = {}) {
    this.config = { ...DEFAULT_CONFIG, ...config, otherSets: { ...DEFAULT_CONFIG.otherSets, ...config.otherSets } };
  }

  // ------------------------------------------------------------------ set-up (not through the API: no writes recorded)

  addSheet(name: string): FakeSheet {
    const id = `{${String(this.nextSheetId++).padStart(8, '0')}-0001-0000-0000-000000000000}`;
    const sheet = new FakeSheet(id, name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    }
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.findSheet(name);
    if (!found) throw new Error(`fake workbook has no sheet ${name}`);
    return found;
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId);
  }

  newFormatId(): string {
    return `{${String(this.nextFormatId++).padStart(8, '0')}-0000-4000-8000-00000000cf00}`;
  }

  /** A conditional format the user made themselves (it must survive the add-in's marking and clearing). */
  addUserConditionalFormat(sheetName: string, ranges: Rect[], format: { type?: string; formula?: string; fill?: string; fontColor?: string }): FakeConditionalFormat {
    const cf: FakeConditionalFormat = {
      id: this.newFormatId(),
      type: format.type ?? 'Custom',
      ranges: ranges.map((r) => ({ ...r })),
      formula: format.formula,
      fill: format.fill,
      fontColor: format.fontColor,
      stopIfTrue: false,
    };
    this.sheet(sheetName).conditionalFormats.unshift(cf);
    return cf;
  }

  activate(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  // ------------------------------------------------------------------ sessions

  /**
   * Saves, closes and opens the file again: values, formats, conditional formats, settings and protection
   * stay; whatever identifies an object only within a session changes. Worksheet ids become positional
   * ("{00000000-0001-0000-0000-000000000000}" for the first sheet, as reported after reopening in
   * OfficeDev/office-js-docs#297 and OfficeDev/office-js#1390), so an id stored in the last session may now
   * name another sheet, or none. The fake's conditional-format handles are renumbered too (the API's
   * `ConditionalFormat.id` is a priority anyway). Event handlers die with the session; the undo list too.
   */
  reopen(): void {
    const byOld = new Map(this.sheets.map((s, i) => [s.id, `{00000000-0001-0000-${String(i).padStart(4, '0')}-000000000000}`]));
    for (const s of this.sheets) {
      s.id = byOld.get(s.id)!;
      for (const cf of s.conditionalFormats) cf.id = this.newFormatId();
    }
    if (this.activeSheetId) this.activeSheetId = byOld.get(this.activeSheetId);
    if (this.selection) this.selection = { ...this.selection, sheetId: byOld.get(this.selection.sheetId) ?? this.selection.sheetId };
    this.changeListeners.clear();
    this.undo.steps.length = 0;
    this.undo.clears = 0;
    this.session += 1;
  }

  // ------------------------------------------------------------------ cell edit mode

  /** The user is typing in a cell: batches fail, or wait when run with delayForCellEdit on a host that honours it. */
  enterCellEditMode(): void {
    this.cellEdit = true;
  }

  exitCellEditMode(): void {
    this.cellEdit = false;
    const waiters = this.cellEditWaiters;
    this.cellEditWaiters = [];
    for (const w of waiters) w();
  }

  get inCellEditMode(): boolean {
    return this.cellEdit;
  }

  waitUntilCellEditEnds(): Promise<void> {
    return new Promise((resolve) => this.cellEditWaiters.push(resolve));
  }

  // ------------------------------------------------------------------ change events

  /**
   * A user types or pastes in the grid (not through the API: nothing is recorded in `writes`): the cells of
   * `address` take `value` (one value for every cell, or a 2-D array matching the range; "" or null clears;
   * text starting with "=" becomes a formula), then worksheet onChanged is raised with source "Local"
   * (or "Remote" for a co-author) and, where ExcelApi 1.14 is supported, triggerSource "Unknown".
   */
  userEdit(sheetName: string, address: string, value: FakeScalar | null | ReadonlyArray<ReadonlyArray<FakeScalar | null>>, options: { source?: 'Local' | 'Remote' } = {}): void {
    const sheet = this.sheet(sheetName);
    const area = parseArea(address);
    if (!area) throw new Error(`fake userEdit: bad address ${address}`);
    const rect = area.rect;
    const single = rect.top === rect.bottom && rect.left === rect.right;
    const before = single ? sheet.cell(rect.top, rect.left)?.value : undefined;
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const v = Array.isArray(value) ? (value as ReadonlyArray<ReadonlyArray<FakeScalar | null>>)[r - rect.top]?.[c - rect.left] : (value as FakeScalar | null);
        const cell = sheet.ensure(r, c);
        cell.formula = undefined;
        cell.value = undefined;
        if (typeof v === 'string' && v.startsWith('=')) cell.formula = v;
        else if (v !== null && v !== undefined && v !== '') cell.value = v;
        sheet.prune(r, c);
      }
    }
    const after = single ? sheet.cell(rect.top, rect.left)?.value : undefined;
    this.raiseChanged({
      sheet,
      rect,
      changeType: 'RangeEdited',
      source: options.source ?? 'Local',
      byAddin: false,
      details: single ? { valueBefore: before ?? '', valueAfter: after ?? '', valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) } : undefined,
    });
  }

  /**
   * Raises worksheet onChanged for a change: delivered to the targets registered now (the workbook's
   * collection, or that sheet), after `config.eventDelayMs`, to whatever handlers they still have then.
   */
  raiseChanged(change: RawChange): void {
    this.changeLog.push(change);
    const targets = [...this.changeListeners].filter((l) => l.sheet === null || l.sheet === change.sheet);
    if (!targets.length) return;
    const schedule = this.config.clock?.setTimeout ?? setTimeout;
    const delivery = new Promise<void>((resolve) => {
      schedule(() => {
        for (const t of targets) if (this.changeListeners.has(t)) t.deliver(change);
        resolve();
      }, this.config.eventDelayMs);
    });
    this.deliveries.add(delivery);
    void delivery.then(() => this.deliveries.delete(delivery));
  }

  /**
   * Resolves once every event raised so far has reached its handlers (and their first microtasks ran). On a
   * fake clock that means advancing it by the event delay (as often as deliveries raise further events).
   */
  async eventsDelivered(): Promise<void> {
    const clock = this.config.clock;
    if (clock) {
      while (this.deliveries.size) await clock.advance(this.config.eventDelayMs);
      return;
    }
    while (this.deliveries.size) await Promise.all([...this.deliveries]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Handler functions registered for worksheet onChanged, over every target. */
  changedHandlerCount(): number {
    let n = 0;
    for (const l of this.changeListeners) n += l.handlerCount;
    return n;
  }

  // ------------------------------------------------------------------ requirement sets

  isSetSupported(name: string, minVersion?: string): boolean {
    const have = name === 'ExcelApi' ? this.config.apiVersion : this.config.otherSets[name];
    if (have === undefined) return false;
    if (!minVersion) return true;
    return compareVersions(have, minVersion) >= 0;
  }

  // ------------------------------------------------------------------ inspection

  resetCounters(): void {
    this.stats.runs = 0;
    this.stats.syncCalls = 0;
    this.stats.roundTrips = 0;
    this.stats.failedRoundTrips = 0;
    this.writes.length = 0;
    this.undo.steps.length = 0;
    this.undo.clears = 0;
  }

  activeSheet(): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === this.activeSheetId);
  }

  /** Where the selection is, as "Sheet!A1" (or "Sheet!A1:B2"). */
  selectionRef(): string | undefined {
    if (!this.selection) return undefined;
    const sheet = this.sheets.find((s) => s.id === this.selection?.sheetId);
    return sheet ? `${sheet.name}!${rectAddress(this.selection.rect)}` : undefined;
  }

  /**
   * Everything a user could see as content or formatting, except conditional formats: values, formulas,
   * number formats, fills, wrap, alignment, merges, column widths, row heights, visibility, protection.
   * Deterministic, so that two dumps compare with deepEqual.
   */
  dumpContent(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.sheets) {
      const cells: Record<string, FakeCell> = {};
      const keys = [...s.cells.keys()].sort((a, b) => a - b);
      for (const k of keys) {
        const cell = s.cells.get(k)!;
        cells[rectAddress({ top: Math.floor(k / MAX_COLS), left: k % MAX_COLS, bottom: Math.floor(k / MAX_COLS), right: k % MAX_COLS })] = { ...cell };
      }
      out[s.name] = {
        id: s.id,
        visibility: s.visibility,
        protected: s.protected,
        merges: s.merges.map(rectAddress),
        columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0])),
        rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0])),
        cells,
      };
    }
    return out;
  }

  dumpConditionalFormats(): Record<string, Array<Omit<FakeConditionalFormat, 'ranges'> & { ranges: string[] }>> {
    const out: Record<string, Array<Omit<FakeConditionalFormat, 'ranges'> & { ranges: string[] }>> = {};
    for (const s of this.sheets) out[s.name] = s.conditionalFormats.map((cf) => ({ ...cf, ranges: cf.ranges.map(rectAddress) }));
    return out;
  }
}

/** One change as Excel raises it, before office.js turns it into WorksheetChangedEventArgs. */
export interface RawChange {
  sheet: FakeSheet;
  rect: Rect;
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted' | 'Unknown';
  source: 'Local' | 'Remote';
  /** Made through the Office.js API by this add-in (→ triggerSource "ThisLocalAddin" on ExcelApi 1.14). */
  byAddin: boolean;
  /** Single-cell changes only (ExcelApi 1.9 args.details). */
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
}

/** A registered onChanged target: the whole workbook (sheet null, WorksheetCollection) or one sheet. */
export interface ChangeListener {
  readonly sheet: FakeSheet | null;
  readonly handlerCount: number;
  deliver(change: RawChange): void;
}

function valueType(v: unknown): string {
  if (v === undefined || v === null || v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  return 'String';
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ------------------------------------------------------------------ A1 addresses (the fake's own, independent of src/)

export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function rectAddress(r: Rect): string {
  const start = `${colLetters(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return start;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${colLetters(r.left)}:${colLetters(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  return `${start}:${colLetters(r.right)}${r.bottom + 1}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * One area: "A1", "$A$1:B2", "A:C", "3:5". Returns undefined for anything else. A sheet prefix is
 * returned separately ("Sheet1!A1", "'My sheet'!A1").
 */
export function parseArea(text: string): { sheet?: string; rect: Rect } | undefined {
  let body = text.trim();
  let sheet: string | undefined;
  const bang = body.lastIndexOf('!');
  if (bang >= 0) {
    sheet = body.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    body = body.slice(bang + 1);
  }
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const col = /^\$?([A-Za-z]{1,3})$/;
  const row = /^\$?(\d{1,7})$/;
  const [a, b = a] = body.split(':');
  let rect: Rect | undefined;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = colNumber(ca[1]);
    const c2 = colNumber(cb[1]);
    rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (col.test(a) && col.test(b) && body.includes(':')) {
    const c1 = colNumber(col.exec(a)![1]);
    const c2 = colNumber(col.exec(b)![1]);
    rect = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (row.test(a) && row.test(b) && body.includes(':')) {
    const r1 = Number(row.exec(a)![1]) - 1;
    const r2 = Number(row.exec(b)![1]) - 1;
    rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 };
  }
  if (!rect) return undefined;
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) return undefined;
  return { sheet, rect };
}

/** "A1:B2, D4" → areas (commas inside a quoted sheet name do not split). */
export function splitAreas(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

// ------------------------------------------------------------------ payload size

const ENCODER = new TextEncoder();

/** Bytes of `text` in UTF-8 (what crosses the wire: a Chinese character is 3 bytes, not 1 UTF-16 unit). */
export function utf8Bytes(text: string): number {
  return ENCODER.encode(text).length;
}

// ------------------------------------------------------------------ wrapped text (autofitRows)

/** Excel's largest row height, in points ("Excel specifications and limits": row height 409 points). */
export const MAX_ROW_HEIGHT = 409;

/**
 * How the fake lays out wrapped text when rows are auto-fitted: the default font at 11 pt, a full-width
 * (CJK) character 11 pt wide, any other 6 pt, lines 14.25 pt apart (the default row height of Chinese
 * Excel's default font), 3 pt of cell padding. A plain model, independent of the add-in's own estimate.
 */
export const FAKE_TEXT_LAYOUT = { fullWidthPt: 11, otherPt: 6, lineHeightPt: 14.25, paddingPt: 3 };

function charWidth(code: number): number {
  const full = (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
  return full ? FAKE_TEXT_LAYOUT.fullWidthPt : FAKE_TEXT_LAYOUT.otherPt;
}

/** The height a wrapped cell holding `text` needs at this column width (points), before Excel's cap. */
export function wrappedTextHeight(text: string, columnWidthPt: number): number {
  const available = Math.max(FAKE_TEXT_LAYOUT.fullWidthPt, columnWidthPt - FAKE_TEXT_LAYOUT.paddingPt);
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    let used = 0;
    lines += 1;
    for (const ch of line) {
      const w = charWidth(ch.codePointAt(0)!);
      if (used + w > available && used > 0) {
        lines += 1;
        used = 0;
      }
      used += w;
    }
  }
  return lines * FAKE_TEXT_LAYOUT.lineHeightPt;
}
