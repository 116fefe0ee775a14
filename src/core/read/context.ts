import Decimal from 'decimal.js';
import type { Finding } from '../findings/finding';
import type { Grid } from '../workbook/grid';
import type { Amount } from '../tables/model';
import { tableLabel, type TableCode } from '../tables/codes';
import { parseAmount, toCents } from './amount';

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
}

/** Collects the findings of reading one table, and turns cells into amounts. */
export class ReadContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly grid: Grid,
    readonly table: TableCode,
  ) {}

  get label(): string {
    return tableLabel(this.table);
  }

  /** The amount in a cell; blank reads as 0, anything unreadable as 0 plus an error naming the cell. */
  amount(row: number, col: number, what?: string): Amount {
    const cell = this.grid.ref(row, col);
    const raw = this.grid.value(row, col);
    const parsed = parseAmount(raw);
    if (parsed.kind === 'number') {
      const value = toCents(parsed.value);
      if (!value.eq(parsed.value)) {
        this.findings.push({
          rule: 'read-cell-precision',
          severity: 'info',
          table: this.table,
          message: `${this.label}单元格 ${cell}${what ? `（${what}）` : ''}的值 ${parsed.value.toString()} 超过两位小数，按显示值 ${value.toFixed(2)} 审核。`,
          cells: [cell],
          actual: parsed.value.toString(),
          expected: value.toFixed(2),
        });
      }
      return { value, cell, blank: false };
    }
    if (parsed.kind === 'invalid') {
      const reason = parsed.reason === 'excel-error' ? `Excel 错误值“${parsed.text}”` : `文本“${truncate(parsed.text)}”`;
      this.findings.push({
        rule: 'read-cell-invalid',
        severity: 'error',
        table: this.table,
        message: `${this.label}单元格 ${cell}${what ? `（${what}）` : ''}应为金额，实际为${reason}；本次按 0 审核，请改为数字。`,
        cells: [cell],
        actual: parsed.text,
      });
    }
    return { value: new Decimal(0), cell, blank: true };
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

export function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
