import Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import type { Grid } from '../workbook/grid';
import type { Amount } from '../tables/model';
import { tableLabel, type TableCode } from '../tables/codes';
import { parseAmount, type InvalidReason } from './amount';
import { a1 } from '../workbook/address';
import { isDateText } from '../workbook/dates';

/** Where a located table sits: its sheet, title cell and the last row it may extend to. */
export interface TableLocation {
  code: TableCode;
  grid: Grid;
  title: string;
  titleRow: number;
  titleCol: number;
  endRow: number;
  /** No title row on the sheet: the sheet's name is the title and the table starts at its first row. */
  titleFromSheetName?: boolean;
  /** The table is a block of rows inside another table (the 三公 rows of a 机构运行信息表). */
  block?: { headerRows: number[]; rows: number[] };
}

/** A blank amount's value: Decimals are immutable, so every blank can share one. */
const ZERO = new Decimal(0);

/** Collects the findings of reading one table, and turns cells into amounts. */
export class ReadContext {
  readonly findings: Finding[] = [];

  /**
   * `name`: how messages name the table when it is not one of the nine 决算 tables read as itself (a 部门预算
   * table read with the reader of the 决算 table of the same shape: src/core/budget).
   */
  constructor(
    readonly grid: Grid,
    readonly table: TableCode,
    private readonly name?: string,
  ) {}

  get label(): string {
    return this.name ?? tableLabel(this.table);
  }

  /** The amount in a cell; blank reads as 0, anything unreadable as 0 plus an error naming the cell. */
  amount(row: number, col: number, whatOf?: string | (() => string)): Amount {
    // `what` names the cell in a message (its column or line); only worked out when there is a message.
    const what = () => (typeof whatOf === 'function' ? whatOf() : whatOf);
    const cell = this.grid.ref(row, col);
    const raw = this.grid.value(row, col);
    const parsed = parseAmount(raw);
    if (parsed.kind === 'empty') this.checkMerged(row, col, cell, what);
    if (parsed.kind === 'number') {
      const value = parsed.cents;
      if (value !== parsed.value) {
        this.findings.push({
          rule: 'read-cell-precision',
          severity: 'info',
          table: this.table,
          message: `${this.label}单元格 ${cell}${what() ? `（${what()}）` : ''}的值 ${parsed.value.toString()} 超过两位小数，按显示值 ${value.toFixed(2)} 审核。`,
          cells: [cell],
          actual: parsed.value.toString(),
          expected: value.toFixed(2),
        });
      }
      return { value, cell, blank: false };
    }
    if (parsed.kind === 'invalid') {
      const at = `${this.label}单元格 ${cell}${what() ? `（${what()}）` : ''}`;
      const { rule, message } = invalidMessage(at, parsed.reason, parsed.text);
      this.findings.push({ rule, severity: 'error', table: this.table, message, cells: [cell], actual: parsed.text });
    }
    return { value: ZERO, cell, blank: true };
  }

  /** A blank amount cell inside a merged area whose value stands elsewhere: the figure is not counted here. */
  private checkMerged(row: number, col: number, cell: string, whatOf: () => string | undefined): void {
    const merge = this.grid.mergeOf(row, col);
    if (!merge || this.grid.isEmpty(merge.top, merge.left)) return;
    const what = whatOf();
    const master = a1(merge.top, merge.left);
    const area = `${master}:${a1(merge.bottom, merge.right)}`;
    this.findings.push({
      rule: 'read-cell-merged',
      severity: 'warning',
      table: this.table,
      message: `${this.label}单元格 ${cell}${what ? `（${what}）` : ''}与 ${master} 合并为 ${area}，合并区域的内容只属于 ${master}，${a1(row, col)} 按空白审核；请取消合并，在各单元格分别填写金额。`,
      cells: [cell, this.grid.ref(merge.top, merge.left)],
    });
  }

  /**
   * One misunderstanding is one finding: the same problem in many cells of one column (a column of words read
   * where amounts were expected), or throughout a table (formulas saved without results, figures with more
   * than two decimals), becomes a single finding that lists the cells.
   */
  consolidate(): void {
    const groups = new Map<string, Finding[]>();
    const keyOf = (f: Finding): string | undefined => {
      // Words where amounts belong are one misreading per column; each Excel error is a broken formula of its own.
      if (f.rule === 'read-cell-invalid' && !(f.actual ?? '').startsWith('#')) return `${f.rule}|${isDateText(f.actual ?? '') ? 'date' : 'text'}|${columnOf(f.cells[0])}`;
      if (f.rule === 'read-cell-formula-uncalculated' || f.rule === 'read-cell-precision' || f.rule === 'read-cell-too-large') return f.rule;
      return undefined;
    };
    for (const f of this.findings) {
      const key = keyOf(f);
      if (key) groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const replaced = new Map<Finding, Finding | null>();
    for (const [key, list] of groups) {
      if (list.length < 2) continue;
      list.forEach((f, i) => replaced.set(f, i === 0 ? this.grouped(key, list) : null));
    }
    if (replaced.size === 0) return;
    const kept = this.findings.flatMap((f) => (replaced.has(f) ? (replaced.get(f) ? [replaced.get(f)!] : []) : [f]));
    this.findings.length = 0;
    this.findings.push(...kept);
  }

  private grouped(key: string, list: Finding[]): Finding {
    const first = list[0];
    const cells = list.map((f) => f.cells[0]);
    const sample = list
      .slice(0, 3)
      .map((f) => `${f.cells[0].split('!').pop()}“${truncate(f.actual ?? '', 12)}”`)
      .join('、');
    const n = list.length;
    const base = { rule: first.rule, severity: first.severity, table: first.table, cells, actual: first.actual };
    if (first.rule === 'read-cell-invalid' && key.includes('|date|'))
      return {
        ...base,
        message: `${this.label}第 ${columnOf(first.cells[0])} 列有 ${n} 个单元格是日期（如 ${sample}），应为金额，本次均按 0 审核；请检查该列是否粘贴错位，或单元格格式是否被设成了日期。`,
      };
    if (first.rule === 'read-cell-invalid')
      return {
        ...base,
        message: `${this.label}第 ${columnOf(first.cells[0])} 列有 ${n} 个单元格应为金额，实为文字（如 ${sample}），本次均按 0 审核；请检查该列是否粘贴错位或表头是否与内容一致。`,
      };
    if (first.rule === 'read-cell-formula-uncalculated')
      return {
        ...base,
        message: `${this.label}有 ${n} 个单元格是公式，但文件中没有保存计算结果（如 ${sample}；文件不是由 Excel 保存的），本次均按 0 审核。请在 Excel 或 WPS 中打开该文件、保存后再审核。`,
      };
    if (first.rule === 'read-cell-too-large')
      return { ...base, message: `${this.label}有 ${n} 个金额过大（绝对值不小于 10 万亿，如 ${sample}），疑似误填或粘贴错位；本次均按 0 审核，请核对。` };
    return {
      ...base,
      expected: undefined,
      actual: undefined,
      message: `${this.label}有 ${n} 个单元格的值超过两位小数（如 ${list.slice(0, 3).map((f) => `${f.cells[0].split('!').pop()} ${f.actual}`).join('、')}），均按显示的两位小数审核。`,
    };
  }

  isNumeric(row: number, col: number): boolean {
    return parseAmount(this.grid.value(row, col)).kind === 'number';
  }

  warn(rule: string, message: string, cells: string[]): void {
    this.findings.push({ rule, severity: 'warning', table: this.table, message: `${this.label}${message}`, cells });
  }

  error(rule: string, message: string, cells: string[]): void {
    this.findings.push({ rule, severity: 'error', table: this.table, message: `${this.label}${message}`, cells });
  }
}

/** The finding for a cell that should hold an amount and does not (`at`: "公开03表（支出决算表）单元格 X（栏）"). */
export function invalidMessage(at: string, reason: InvalidReason, text: string): { rule: string; message: string } {
  switch (reason) {
    case 'formula':
      return {
        rule: 'read-cell-formula-uncalculated',
        message: `${at}是公式“${truncate(text, 40)}”，但文件中没有保存它的计算结果（文件不是由 Excel 保存的）；本次按 0 审核。请在 Excel 或 WPS 中打开该文件、保存后再审核。`,
      };
    case 'too-large':
      return {
        rule: 'read-cell-too-large',
        message: `${at}的金额 ${truncate(text, 40)} 过大（绝对值不小于 10 万亿），超出 Excel 能精确到分的范围，疑似误填或粘贴错位；本次按 0 审核，请核对。`,
      };
    case 'excel-error':
      return { rule: 'read-cell-invalid', message: `${at}应为金额，实际为 Excel 错误值“${text}”（公式出错）；本次按 0 审核，请修正公式或改为数字。` };
    case 'boolean':
      return { rule: 'read-cell-invalid', message: `${at}应为金额，实际为逻辑值“${text}”；本次按 0 审核，请改为数字。` };
    case 'date':
      // "…!C8 是日期": a space after a bare reference, none after the column's name in brackets.
      return { rule: 'read-cell-invalid', message: `${at}${at.endsWith('）') ? '' : ' '}是日期（${text}），应为金额；本次按 0 审核，请改为金额数字（如单元格格式被设成了日期，请改为数值格式）。` };
    case 'text':
      return { rule: 'read-cell-invalid', message: `${at}应为金额，实际为文本“${truncate(text)}”；本次按 0 审核，请改为数字。` };
  }
}

/** The column letters of "Sheet!C7". */
function columnOf(ref: string | undefined): string {
  return /!\$?([A-Z]{1,3})\$?\d+$/.exec(ref ?? '')?.[1] ?? '';
}

export function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
