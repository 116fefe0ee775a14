/** The nine 公开 tables, by canonical code (assigned by content, never by the workbook's own numbering). */
export const TABLE_CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09'] as const;
export type TableCode = (typeof TABLE_CODES)[number];

export const TABLE_NAMES: Record<TableCode, string> = {
  '01': '收入支出决算总表',
  '02': '收入决算表',
  '03': '支出决算表',
  '04': '财政拨款收入支出决算总表',
  '05': '一般公共预算财政拨款支出决算表',
  '06': '一般公共预算财政拨款基本支出决算明细表',
  '07': '政府性基金预算财政拨款收入支出决算表',
  '08': '国有资本经营预算财政拨款支出决算表',
  '09': '财政拨款“三公”经费支出决算表',
};

/** "公开05表（一般公共预算财政拨款支出决算表）": how messages name a table. */
export function tableLabel(code: TableCode): string {
  return `公开${code}表（${TABLE_NAMES[code]}）`;
}
