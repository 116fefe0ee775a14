/// <reference types="office-js" />
/**
 * The Office.js gateway: the only code that touches `Excel.*`. Every call is one `Excel.run` with
 * { delayForCellEdit: true } (a request made while the user types in a cell waits instead of failing, where
 * the host supports it) and resolves to a HostResult: Office errors become Chinese messages, never throws.
 *
 * Round trips (context.sync with something queued): reading 2 (+1 for merged areas on ExcelApi 1.13,
 * + blocks only for used ranges beyond the window or too big for one response); marking 2 after a read
 * (find the marks present, write the difference; 1 and nothing written when the marks already match; 4
 * without a read first); clearing 4 (sheets, format types, find, remove; 2 when the workbook has no custom
 * conditional format); going to a cell 1; writing the narrative 2 (3 the first time a sheet of that name
 * exists without being ours); writing a template 2–3; writing 审核说明 or 审核结果 2 (3 over an earlier one).
 *
 * Undo: on ExcelApi 1.20 every write runs with { mergeUndoGroup: true }, so one click is one step of the
 * user's undo list (excel-add-ins-undo-capabilities); on 1.19 each writing sync is a step; below 1.19 a
 * write clears the user's undo list (by design, OfficeDev/office-js#3788) — undoBehaviour() says which.
 *
 * Live re-check: watchChanges() (change-watcher.ts). Every write here runs inside a WriteLog window naming
 * the sheets it touches, so that on hosts without ExcelApi 1.14 the watcher can tell the add-in's own
 * changes from the user's.
 */
import type { Finding } from '../../core/findings/finding';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { columnLetters } from '../../core/workbook/address';
import {
  type ChangeCallback,
  type ChangeWatch,
  type HostFailure,
  type HostResult,
  type MarkResult,
  type NarrativeResult,
  type OwnSheetResult,
  type SheetValues,
  type SheetWriteResult,
  type UndoBehaviour,
  type WatchChangesOptions,
  type WorkbookHost,
  failed,
  ok,
} from '../host';
import { parseRef, planMarks, rectA1 } from '../mark-plan';
import { layoutNarrative } from '../narrative-layout';
import { NARRATIVE_SHEET, type OwnSheet } from '../../core/explain/own-sheets';
import { SHARED_WRITE_LOG, type WriteLog, watchWorkbookChanges } from './change-watcher';
import { describeOfficeError, officeErrorCode } from './errors';
import { applyMarksWithState, clearMarksWithState, stateCovers } from './marks';
import { DEFAULT_READ_LIMITS, type ReadLimits, readWorkbookSnapshot } from './read-snapshot';
import { NARRATIVE_KEY, STATE_PREFIX, type WorkbookState, parseNarrativeOwner, readState } from './state';

export type { UndoBehaviour } from '../host';

/** Errors after which a state read earlier may simply be out of date: read it again and retry once. */
const STALE_STATE = new Set(['ItemNotFound', 'InvalidOperation', 'AccessDenied', 'Conflict']);

export interface OfficeHostOptions {
  limits?: Partial<ReadLimits>;
  /** Read merged areas where ExcelApi 1.13 is available (one more round trip). Default true. */
  merges?: boolean;
  /** Width of the narrative column in points (460 pt fits an A4 portrait page). */
  narrativeColumnWidth?: number;
  /** Options for every Excel.run. Default { delayForCellEdit: true }. */
  runOptions?: Excel.RunOptions;
  /** Where the add-in's own writes are logged for the live re-check. Default: one log shared by every OfficeHost. */
  writeLog?: WriteLog;
}

const NOT_IN_EXCEL: HostFailure = {
  code: 'NotInExcel',
  message: '当前不在 Excel 中运行，无法直接读取或修改工作簿。请在 Excel 中打开本加载项，或在网页版审核页面中选择 .xlsx 文件。',
};

const FORMULA_START = /^[=+\-@]/;

export class OfficeHost implements WorkbookHost {
  private state: WorkbookState | undefined;
  private readonly limits: ReadLimits;
  private readonly writeLog: WriteLog;

  constructor(private readonly options: OfficeHostOptions = {}) {
    this.limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
    this.writeLog = options.writeLog ?? SHARED_WRITE_LOG;
  }

  /** office.js loaded and running inside Excel. */
  static available(): boolean {
    return typeof Excel !== 'undefined' && typeof Excel.run === 'function';
  }

  /** ExcelApi requirement set check (false when unknown). */
  supports(version: string): boolean {
    try {
      return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
    } catch {
      return false;
    }
  }

  async readSnapshot(): Promise<HostResult<WorkbookSnapshot>> {
    return this.run('读取工作簿', async (context) => {
      const { snapshot, state } = await readWorkbookSnapshot(context, {
        limits: this.limits,
        merges: this.options.merges ?? true,
        supports: (v) => this.supports(v),
      });
      this.state = state;
      return snapshot;
    });
  }

  /** What the add-in's writes do to the user's undo list on this host (the pane says it beside 自动重新审核). */
  undoBehaviour(): UndoBehaviour {
    return this.supports('1.20') ? 'grouped' : this.supports('1.19') ? 'steps' : 'clears';
  }

  async applyMarks(findings: readonly Finding[]): Promise<HostResult<MarkResult>> {
    const plan = planMarks(findings);
    const supports = (v: string) => this.supports(v);
    // The write window names every sheet the batch may change: the plan's, and those with custom formats
    // (old marks may be removed there). Without a state read yet, any sheet.
    const known = this.state;
    const touched = known ? [...new Set([...plan.sheets.map((s) => s.sheet), ...known.sheets.filter((s) => known.formatTypes.get(s)?.includes('Custom'))])] : 'all';
    return this.runWrite(touched, '标记单元格', async (context) => {
      const known = this.state;
      const cached = stateCovers(known, plan);
      try {
        const out = await applyMarksWithState(context, plan, cached ? known : await readState(context), supports);
        this.state = out.state;
        return out.result;
      } catch (error) {
        // The state read earlier no longer holds (a sheet renamed or protected, a rule changed meanwhile):
        // read it again and mark once more. The marks are diffed against what is there, so a batch that
        // failed half-way is simply completed.
        if (!cached || !STALE_STATE.has(officeErrorCode(error) ?? '')) throw error;
        const out = await applyMarksWithState(context, plan, await readState(context), supports);
        this.state = out.state;
        return out.result;
      }
    });
  }

  async clearMarks(): Promise<HostResult<number>> {
    return this.runWrite('all', '清除标记', async (context) => {
      const out = await clearMarksWithState(context, await readState(context), (v) => this.supports(v));
      this.state = out.state;
      return out.removed;
    });
  }

  async selectCell(ref: string): Promise<HostResult<void>> {
    const target = parseRef(ref);
    if (!target) return failed({ code: 'InvalidArgument', message: `无法识别的单元格引用“${ref}”。` });
    return this.run(
      '定位单元格',
      async (context) => {
        const ws = context.workbook.worksheets.getItem(target.sheet);
        ws.activate();
        ws.getRange(rectA1(target)).select();
        await context.sync();
      },
      { ItemNotFound: `找不到工作表“${target.sheet}”（可能已被重命名或删除）。请重新审核后再试。` },
    );
  }

  async writeNarrativeSheet(paragraphs: readonly string[], sheetName = NARRATIVE_SHEET): Promise<HostResult<NarrativeResult>> {
    const invalid = checkSheetName(sheetName);
    if (invalid) return failed(invalid);
    const width = this.options.narrativeColumnWidth ?? 460;
    // Rows, not paragraphs: Text format only where needed, no row over 409 pt (narrative-layout.ts).
    const rows = layoutNarrative(paragraphs, { columnWidthPt: width });
    const split = new Set(rows.filter((r, i) => i > 0 && rows[i - 1].paragraph === r.paragraph).map((r) => r.paragraph)).size;
    return this.runWrite([sheetName], '写入说明表', async (context): Promise<NarrativeResult> => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(sheetName);
      existing.load('name');
      const owner = context.workbook.settings.getItemOrNullObject(NARRATIVE_KEY);
      owner.load('value');
      await context.sync();
      const owned = owner.isNullObject ? [] : (parseNarrativeOwner(owner.value)?.sheets ?? []);
      const ours = !existing.isNullObject && owned.some((n) => n.toLowerCase() === existing.name.toLowerCase());
      if (!existing.isNullObject && !ours) {
        // A sheet of that name that the add-in did not write (many 决算 files carry their own 情况说明): only an empty one is taken over.
        const used = existing.getUsedRangeOrNullObject(true);
        used.load('address');
        await context.sync();
        if (!used.isNullObject) {
          return {
            written: false,
            sheet: existing.name,
            message: `工作簿中已有“${existing.name}”工作表且其中有内容（不是本加载项生成的）。为避免覆盖，未写入。请将该表改名，或指定另一个表名后重试。`,
          };
        }
      }
      const created = existing.isNullObject;
      const ws = created ? sheets.add(sheetName) : existing;
      const name = created ? sheetName : existing.name;
      // The width first: Excel fits the rows' heights to the width they have when autofitRows runs.
      ws.getRange('A:A').format.columnWidth = width;
      // Update in place: clear what we wrote before (column A only), never delete and re-add the sheet.
      if (!created) ws.getRange('A:A').clear('Contents');
      if (rows.length) {
        const range = ws.getRange(`A1:A${rows.length}`);
        // The number format before the values: a row that would become a formula or a number is Text ("@");
        // every other row General (also undoing "@" left by an earlier write), so that long text shows.
        range.numberFormat = rows.map((r) => [r.literal ? '@' : 'General']);
        range.values = rows.map((r) => [r.text]);
        range.format.wrapText = true;
        range.format.verticalAlignment = 'Top';
        range.format.autofitRows();
      }
      if (!owned.some((n) => n.toLowerCase() === name.toLowerCase())) {
        context.workbook.settings.add(NARRATIVE_KEY, JSON.stringify({ v: 1, sheets: [...owned, name] }));
      }
      await context.sync();
      return { written: true, sheet: name, created, rows: rows.length, paragraphs: paragraphs.length, split };
    });
  }

  async writeSheetValues(sheetName: string, values: SheetValues): Promise<HostResult<SheetWriteResult>> {
    const invalid = checkSheetName(sheetName);
    if (invalid) return failed(invalid);
    const rows = values.length;
    const cols = values.reduce((max, row) => Math.max(max, row.length), 0);
    if (rows === 0 || cols === 0) return failed({ code: 'InvalidArgument', message: '没有要写入的内容。' });
    if (cols > 16_384 || rows > 1_048_576) return failed({ code: 'InvalidArgument', message: '要写入的内容超出了工作表的范围。' });
    const grid = values.map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? null));
    const address = `A1:${columnLetters(cols - 1)}${rows}`;
    return this.runWrite([sheetName], '写入工作表', async (context): Promise<SheetWriteResult> => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(sheetName);
      existing.load('name');
      await context.sync();
      if (!existing.isNullObject) {
        const target = existing.getRange(address);
        target.load('values');
        await context.sync();
        const conflicts: string[] = [];
        target.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (grid[r][c] !== null && v !== '' && v !== null) conflicts.push(`${existing.name}!${columnLetters(c)}${r + 1}`);
          }),
        );
        if (conflicts.length) {
          return {
            written: false,
            sheet: existing.name,
            conflicts,
            message: `“${existing.name}”工作表的 ${conflicts.length} 个目标单元格已有内容（如 ${conflicts.slice(0, 3).join('、')}），为避免覆盖，未写入。`,
          };
        }
      }
      const ws = existing.isNullObject ? sheets.add(sheetName) : existing;
      const range = ws.getRange(address);
      if (grid.some((row) => row.some((v) => typeof v === 'string' && FORMULA_START.test(v)))) {
        range.numberFormat = grid.map((row) => row.map((v) => (typeof v === 'string' && FORMULA_START.test(v) ? '@' : null)));
      }
      range.values = grid;
      await context.sync();
      return { written: true, sheet: existing.isNullObject ? sheetName : existing.name, created: existing.isNullObject, cells: grid.flat().filter((v) => v !== null).length };
    });
  }

  async writeOwnSheet(sheet: OwnSheet): Promise<HostResult<OwnSheetResult>> {
    const invalid = checkSheetName(sheet.name);
    if (invalid) return failed(invalid);
    const action = sheet.kind === 'explanations' ? '写入“审核说明”工作表' : '写入“审核结果”工作表';
    return this.runWrite([sheet.name], action, async (context) => {
      // Loaded with the pane's explanation flows (chunk "explain"): a pane that only checks never fetches it.
      const { writeOwnSheetBatch } = await import(/* webpackChunkName: "explain" */ './own-sheet-write.js');
      return writeOwnSheetBatch(context, sheet, (v) => this.supports(v));
    });
  }

  async loadState(key: string): Promise<HostResult<string | null>> {
    const invalid = checkStateKey(key);
    if (invalid) return failed(invalid);
    return this.run('读取加载项设置', async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(STATE_PREFIX + key);
      setting.load('value');
      await context.sync();
      if (setting.isNullObject) return null;
      return typeof setting.value === 'string' ? setting.value : JSON.stringify(setting.value);
    });
  }

  async saveState(key: string, json: string): Promise<HostResult<void>> {
    const invalid = checkStateKey(key);
    if (invalid) return failed(invalid);
    return this.run('保存加载项设置', async (context) => {
      context.workbook.settings.add(STATE_PREFIX + key, json);
      await context.sync();
    });
  }

  /** Whether this host can watch for edits at all (ExcelApi 1.7); watchChanges says so too. */
  canWatchChanges(): boolean {
    return OfficeHost.available() && this.supports('1.7');
  }

  /**
   * Live re-check: calls `onChange` once per burst of edits (debounced, default 1.5 s), never for the
   * add-in's own writes. Resolves to the running watch (stop() it when the pane no longer wants it), or to a
   * failure with a Chinese message: LiveCheckUnsupported below ExcelApi 1.7, NotInExcel outside Excel.
   * One round trip to start (two below ExcelApi 1.9), one per burst (current sheet names), one to stop.
   */
  async watchChanges(onChange: ChangeCallback, options: WatchChangesOptions = {}): Promise<HostResult<ChangeWatch>> {
    if (!OfficeHost.available()) return failed(NOT_IN_EXCEL);
    return watchWorkbookChanges(
      { runOptions: this.options.runOptions ?? { delayForCellEdit: true }, supports: (v) => this.supports(v), writeLog: this.writeLog },
      onChange,
      options,
    );
  }

  /**
   * Runs a write of the add-in's own (cells of `sheets`, or of any sheet) so that the live re-check does not
   * take it for the user's, on hosts without ExcelApi 1.14. OfficeHost's own writes already do this.
   */
  whileWriting<T>(write: () => Promise<T>, sheets: readonly string[] | 'all' = 'all'): Promise<T> {
    return this.writeLog.around(sheets, write);
  }

  /**
   * run(), inside a write window naming the sheets whose cells the batch may change, as one undo step where
   * the host can group (ExcelApi 1.20). Should the host refuse to group (UndoNotSupported: an API in the batch
   * has no undo support — none of ours is listed as such), the batch runs again ungrouped: every write batch
   * here first reads what is there and writes only what is missing, so running it again is safe.
   */
  private runWrite<T>(sheets: readonly string[] | 'all', action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<HostResult<T>> {
    return this.whileWriting(async () => {
      if (!this.supports('1.20')) return this.run(action, batch);
      const grouped = await this.run(action, batch, {}, { mergeUndoGroup: true });
      return !grouped.ok && grouped.error.code === 'UndoNotSupported' ? this.run(action, batch) : grouped;
    }, sheets);
  }

  private async run<T>(
    action: string,
    batch: (context: Excel.RequestContext) => Promise<T>,
    messages: Record<string, string> = {},
    extra: Excel.RunOptions = {},
  ): Promise<HostResult<T>> {
    if (!OfficeHost.available()) return failed(NOT_IN_EXCEL);
    try {
      return ok(await Excel.run({ ...(this.options.runOptions ?? { delayForCellEdit: true }), ...extra }, batch));
    } catch (error) {
      // Whatever was read before may no longer hold (a batch can fail half-way).
      this.state = undefined;
      const failure = describeOfficeError(error, action);
      const override = messages[failure.code];
      return failed(override ? { ...failure, message: `${action}失败：${override}` } : failure);
    }
  }
}

function checkSheetName(name: string): HostFailure | undefined {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    return { code: 'InvalidArgument', message: `“${name}”不能用作工作表名（最多 31 个字符，且不能含 : \\ / ? * [ ]）。` };
  }
  return undefined;
}

function checkStateKey(key: string): HostFailure | undefined {
  return /^[A-Za-z0-9._-]{1,64}$/.test(key) ? undefined : { code: 'InvalidArgument', message: `无效的设置名“${key}”。` };
}
