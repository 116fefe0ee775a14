/** Small presentation helpers shared by both modes (no DOM). */
import type { Finding } from '../core/findings/finding';

const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * "1234.5" → "1,234.50". The core's amounts are Decimal strings with 2 decimals; Intl formats a numeric
 * string exactly (no float rounding) in current engines. Anything that is not a plain number is shown as is.
 */
export function formatAmount(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return MONEY.format(value as unknown as number);
}

/** An info finding that only reports a rounding difference within tolerance (folded into one line per table). */
export function isRoundingNote(f: Finding): boolean {
  return f.severity === 'info' && f.message.includes('尾数差异');
}


/** "决算 2024.xlsx" → "决算 2024". */
export function fileStem(name: string): string {
  return name.replace(/\.[^.]+$/, '') || name;
}

/** A download name safe on Windows: no \ / : * ? " < > | and no control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 180);
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

/** The table codes named as missing by the reader ("未找到公开05表"). */
export function missingTables(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.rule === 'read-table-missing' && f.table).map((f) => f.table as string);
}
