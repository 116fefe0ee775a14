import type Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import { parseAmount } from '../read/amount';
import { canonicalCode } from '../subjects/functional';
import type { TablesModel } from '../tables/model';
import { normalizeLabel, stripNumbering } from '../util/text';
import { Grid } from '../workbook/grid';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { checkSupplement } from './checks';
import {
  FIELDS,
  ITEM_COLUMNS,
  SUPPLEMENT_SHEET,
  type AmountKey,
  type CountKey,
  type FieldDef,
  type FieldKey,
  type ItemColumn,
  type ScoreKey,
  type TextKey,
} from './fields';
import {
  AmountValueSchema,
  CountValueSchema,
  ScoreValueSchema,
  TextValueSchema,
  UnitTypeValueSchema,
  YearValueSchema,
  type Supplement,
  type SupplementItem,
  type UnitType,
} from './schema';

export interface SupplementReadResult {
  /** Absent when the workbook has no 说明数据 sheet. */
  supplement?: Supplement;
  findings: Finding[];
}

/** The 说明数据 sheet: named exactly so (after normalisation), or starting with it (“说明数据（2024）”). */
export function findSupplementSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  const target = normalizeLabel(SUPPLEMENT_SHEET);
  return (
    snapshot.sheets.find((s) => normalizeLabel(s.name) === target) ??
    snapshot.sheets.find((s) => normalizeLabel(s.name).startsWith(target))
  );
}

/**
 * Reads the 说明数据 sheet: labels in one column with their values in the next, and a 项级科目 table keyed by
 * 科目代码 (columns found by their header labels). Every value that cannot be used becomes a finding naming
 * its cell; nothing here throws. With the model, the values are also checked against the tables.
 */
export function readSupplement(snapshot: WorkbookSnapshot, model?: TablesModel): SupplementReadResult {
  const sheet = findSupplementSheet(snapshot);
  if (!sheet) return { findings: [] };
  const reader = new SheetReader(new Grid(sheet));
  reader.read();
  // Every value was checked against its schema as it was read; that the assembled object fits SupplementSchema
  // is the reader's invariant, held by test/narrative/supplement-schema.test.ts rather than re-parsed on every
  // check (it cost a twentieth of the engine's time).
  const supplement = reader.supplement;
  const findings = [...reader.findings, ...checkSupplement(supplement, model)];
  return { supplement, findings };
}

const LABELS: ReadonlyMap<string, FieldDef> = (() => {
  const map = new Map<string, FieldDef>();
  for (const f of FIELDS) for (const label of [f.label, ...(f.aliases ?? [])]) map.set(matchKey(label), f);
  return map;
})();

/** Label → matching key: normalised, numbering and a trailing colon or unit in brackets removed. */
function matchKey(label: string): string {
  return stripNumbering(normalizeLabel(label)).replace(/[:：]$/, '');
}

function fieldOf(text: string): FieldDef | undefined {
  const key = matchKey(text);
  return LABELS.get(key) ?? LABELS.get(key.replace(/\((万元|元|个|人|人次|辆|分|台\(套\)|批次)\)$/, ''));
}

const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;
const UNIT_SUFFIX = /(台\(套\)|台套|人次|批次|万元|个|人|辆|台|套|次|分|元)$/;

class SheetReader {
  readonly findings: Finding[] = [];
  readonly supplement: Supplement;

  constructor(private readonly grid: Grid) {
    this.supplement = { sheet: grid.name, amounts: {}, counts: {}, texts: {}, scores: {}, slots: {}, items: [] };
  }

  read(): void {
    const g = this.grid;
    const header = this.findItemHeader();
    let inItems = false;
    for (let r = g.top; r <= g.bottom; r++) {
      if (header && r === header.row) {
        inItems = true;
        this.supplement.itemHeaderCell = g.ref(r, header.columns.code);
        continue;
      }
      const first = this.firstText(r);
      const field = first ? fieldOf(first.text) : undefined;
      if (field && first) {
        this.readField(field, r, first.col);
        continue;
      }
      // Below the 科目代码 header every other row is an item row; a label there that is no code is still a label.
      const codeText = header ? this.grid.value(r, header.columns.code) : null;
      const notACode = typeof codeText === 'string' && !/\d/.test(codeText);
      if (inItems && header && !notACode) this.readItem(r, header.columns);
      else if (first) this.unknownLabel(r, first.col, first.text);
    }
  }

  private firstText(row: number): { col: number; text: string } | undefined {
    for (let c = this.grid.left; c <= this.grid.right; c++) {
      const v = this.grid.value(row, c);
      if (typeof v === 'string' && v.trim() !== '') return { col: c, text: v };
      if (v !== null && v !== '') return undefined; // a row that starts with a number is no label row
    }
    return undefined;
  }

  private findItemHeader(): { row: number; columns: Partial<Record<ItemColumn, number>> & { code: number } } | undefined {
    const g = this.grid;
    for (let r = g.top; r <= g.bottom; r++) {
      const texts = g.rowTexts(r);
      const code = texts.find(([, t]) => t === normalizeLabel(ITEM_COLUMNS.code));
      const budget = texts.find(([, t]) => t.startsWith(normalizeLabel(ITEM_COLUMNS.budget)));
      if (!code || !budget) continue;
      const columns: Partial<Record<ItemColumn, number>> & { code: number } = { code: code[0] };
      for (const [c, t] of texts) {
        if (c === code[0]) continue;
        if (t.startsWith('科目名称')) columns.name ??= c;
        else if (t.startsWith('年初预算')) columns.budget ??= c;
        else if (t.startsWith('全年预算')) columns.fullYearBudget ??= c;
        else if (t.startsWith('主要用于') || t.startsWith('主要用途')) columns.usage ??= c;
        else if (t.includes('原因')) columns.reason ??= c;
        else if (t.includes('决算')) columns.actual ??= c;
      }
      return { row: r, columns };
    }
    return undefined;
  }

  private readField(field: FieldDef, row: number, labelCol: number): void {
    const key = field.key as FieldKey;
    const cell = this.grid.ref(row, labelCol + 1);
    if (this.supplement.slots[key] !== undefined) {
      this.findings.push({
        rule: 'supplement-duplicate-label',
        severity: 'warning',
        message: `${cell}：项目“${field.label}”在工作表“${this.grid.name}”中出现了不止一次，使用的是第一次出现的 ${this.supplement.slots[key]}，本行未被使用。`,
        cells: [cell, this.supplement.slots[key] as string],
      });
      return;
    }
    this.supplement.slots[key] = cell;
    const value = this.grid.value(row, labelCol + 1);
    if (value === null || (typeof value === 'string' && value.trim() === '')) return;
    const s = this.supplement;
    switch (field.kind) {
      case 'amount': {
        const d = this.amount(value, cell, field.label);
        if (d) s.amounts[key as AmountKey] = { value: d, cell };
        break;
      }
      case 'count': {
        const d = this.count(value, cell, field.label);
        if (d) s.counts[key as CountKey] = { value: d, cell };
        break;
      }
      case 'score': {
        const d = this.score(value, cell, field.label);
        if (d) s.scores[key as ScoreKey] = { value: d, cell };
        break;
      }
      case 'text': {
        const t = this.text(value, cell, field.label);
        if (t !== undefined) s.texts[key as TextKey] = { value: t, cell };
        break;
      }
      case 'year': {
        const text = typeof value === 'string' ? value.normalize('NFKC').trim().replace(/年度?$/, '').trim() : String(value);
        const ok = YearValueSchema.safeParse(text);
        if (ok.success) s.year = { value: ok.data, cell };
        else this.bad('supplement-invalid-year', cell, field.label, value, '应填写四位年份（如 2024）');
        break;
      }
      case 'unitType': {
        const text = this.text(value, cell, field.label);
        if (text === undefined) break;
        const kind = unitTypeOf(text);
        const ok = UnitTypeValueSchema.safeParse({ kind, text });
        if (ok.success) s.unitType = { value: ok.data, cell };
        else this.bad('supplement-invalid-choice', cell, field.label, value, '应为“行政单位”“参照公务员法管理的事业单位”或“事业单位”之一');
        break;
      }
    }
  }

  private readItem(row: number, columns: Partial<Record<ItemColumn, number>> & { code: number }): void {
    const g = this.grid;
    const used = (Object.entries(columns) as Array<[ItemColumn, number]>).filter(([k]) => k !== 'name' && k !== 'actual');
    const codeValue = g.value(row, columns.code);
    const hasInput = used.some(([k, c]) => k !== 'code' && !g.isEmpty(row, c));
    const codeCell = g.ref(row, columns.code);
    if (codeValue === null || (typeof codeValue === 'string' && codeValue.trim() === '')) {
      if (hasInput)
        this.findings.push({
          rule: 'supplement-item-missing-code',
          severity: 'warning',
          message: `${codeCell}：项级科目表第 ${row + 1} 行填写了数据但没有科目代码，本行未被使用。`,
          cells: [codeCell],
        });
      return;
    }
    const code = canonicalCode(String(codeValue));
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) {
      this.findings.push({
        rule: 'supplement-item-invalid-code',
        severity: 'error',
        message: `${codeCell}：科目代码“${String(codeValue).trim()}”不是 3、5 或 7 位的支出功能分类科目代码，本行未被使用。`,
        cells: [codeCell],
      });
      return;
    }
    const previous = this.supplement.items.find((i) => i.code === code);
    if (previous) {
      this.findings.push({
        rule: 'supplement-item-duplicate',
        severity: 'warning',
        message: `${codeCell}：科目代码 ${code} 在项级科目表中重复出现（首次在 ${previous.codeCell}），本行未被使用。`,
        cells: [codeCell, previous.codeCell],
      });
      return;
    }
    const item: SupplementItem = { code, codeCell, slots: {} };
    if (columns.name !== undefined) {
      const name = g.value(row, columns.name);
      if (typeof name === 'string' && name.trim()) item.name = name.trim();
    }
    const label = (what: string) => `${code}${item.name ? ` ${shortName(item.name)}` : ''} ${what}`;
    for (const key of ['budget', 'fullYearBudget'] as const) {
      const col = columns[key];
      if (col === undefined) continue;
      const cell = g.ref(row, col);
      item.slots[key] = cell;
      const v = g.value(row, col);
      if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
      const d = this.amount(v, cell, label(ITEM_COLUMNS[key]));
      if (d) item[key] = { value: d, cell };
    }
    for (const key of ['usage', 'reason'] as const) {
      const col = columns[key];
      if (col === undefined) continue;
      const cell = g.ref(row, col);
      item.slots[key] = cell;
      const v = g.value(row, col);
      if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
      const t = this.text(v, cell, label(ITEM_COLUMNS[key]));
      if (t !== undefined) item[key] = { value: t, cell };
    }
    this.supplement.items.push(item);
  }

  private unknownLabel(row: number, col: number, text: string): void {
    const value = this.grid.value(row, col + 1);
    if (value === null || (typeof value === 'string' && value.trim() === '')) return; // title, note, group heading
    const label = normalizeLabel(text);
    if (label === '项目' || label === '科目代码') return; // a header row
    const cell = this.grid.ref(row, col);
    this.findings.push({
      rule: 'supplement-unknown-label',
      severity: 'warning',
      message: `${cell}：未识别的项目“${text.trim()}”（值 ${this.grid.ref(row, col + 1)}），本行未被使用。请使用模板中的项目名称（可用 juesuan 重新生成“${SUPPLEMENT_SHEET}”模板）。`,
      cells: [cell],
    });
  }

  private amount(value: CellValue, cell: string, label: string): Decimal | undefined {
    const parsed = parseAmount(value);
    if (parsed.kind === 'empty') return undefined;
    if (parsed.kind === 'invalid') {
      this.bad('supplement-invalid-amount', cell, label, value, '应填写金额（万元，数字）');
      return undefined;
    }
    const ok = AmountValueSchema.safeParse(parsed.value);
    if (!ok.success) {
      this.bad('supplement-invalid-amount', cell, label, value, ok.error.issues[0]?.message ?? '不是有效金额');
      return undefined;
    }
    return ok.data;
  }

  private count(value: CellValue, cell: string, label: string): Decimal | undefined {
    return this.bounded(value, cell, label, UNIT_SUFFIX, CountValueSchema, 'supplement-invalid-count', '应填写不小于 0 的整数');
  }

  private score(value: CellValue, cell: string, label: string): Decimal | undefined {
    return this.bounded(value, cell, label, /分$/, ScoreValueSchema, 'supplement-invalid-score', '应填写 0 到 100 之间的分数');
  }

  /** A number with a unit word after it ("3个", "98.5分") that must satisfy `schema`. */
  private bounded(
    value: CellValue,
    cell: string,
    label: string,
    suffix: RegExp,
    schema: typeof CountValueSchema | typeof ScoreValueSchema,
    rule: string,
    expected: string,
  ): Decimal | undefined {
    const text = typeof value === 'string' ? value.normalize('NFKC').trim().replace(suffix, '') : value;
    const parsed = parseAmount(text);
    if (parsed.kind === 'empty') return undefined;
    const ok = parsed.kind === 'number' ? schema.safeParse(parsed.value) : undefined;
    if (!ok?.success) {
      this.bad(rule, cell, label, value, expected);
      return undefined;
    }
    return ok.data;
  }

  private text(value: CellValue, cell: string, label: string): string | undefined {
    if (typeof value === 'boolean' || (typeof value === 'string' && EXCEL_ERROR.test(value.trim()))) {
      this.bad('supplement-invalid-text', cell, label, value, '应填写文字');
      return undefined;
    }
    const ok = TextValueSchema.safeParse(String(value));
    return ok.success ? ok.data.replace(/[。；;，,.\s]+$/, '') : undefined;
  }

  private bad(rule: string, cell: string, label: string, value: CellValue, why: string): void {
    this.findings.push({
      rule,
      severity: 'error',
      message: `${cell}（${label}）${why}，现为“${String(value)}”，该值未被使用。`,
      cells: [cell],
    });
  }
}

function unitTypeOf(text: string): UnitType | undefined {
  const t = normalizeLabel(text);
  if (/参照|参公/.test(t)) return 'civil-service';
  if (/行政/.test(t)) return 'administrative';
  if (/事业/.test(t)) return 'institution';
  return undefined;
}

/** The 项 part of a full label (“…（款）事业运行（项）” → “事业运行”). */
function shortName(name: string): string {
  const m = /([^）)]+)[（(]项[）)]/.exec(name);
  return m ? m[1] : name;
}
