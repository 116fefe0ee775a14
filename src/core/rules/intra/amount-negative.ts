import { defineRule } from '../rule';
import { TABLE_CODES, tableLabel, type TableCode } from '../../tables/codes';
import { LINE_NAMES, columnName } from '../../tables/column-names';
import { allAmounts } from '../../tables/amounts';
import type { Amount, SubjectTable, TablesModel } from '../../tables/model';
import { formatMoney } from '../../util/money';
import { BLOCKS_09 } from './three-public';

interface Located {
  table: TableCode;
  amount: Amount;
  what: string;
}

/** Every amount of the model with a zh-CN description of where it stands (reading order per table). */
function locatedAmounts(model: TablesModel): Located[] {
  const out: Located[] = [];
  const put = (table: TableCode, amount: Amount | undefined, what: string) => {
    if (amount) out.push({ table, amount, what });
  };
  for (const code of TABLE_CODES) {
    const t = model[code];
    if (!t) continue;
    if (code === '01' || code === '04') {
      const s = model[code]!;
      const names = LINE_NAMES[code];
      for (const [key, line] of Object.entries(s.income ?? {}))
        put(code, line?.amounts?.amount, `收入方“${names[key] ?? line?.label ?? key}”`);
      const colName = (col: string) => (code === '04' ? `的“${columnName('04', col)}”栏` : '');
      for (const line of s.classes ?? [])
        for (const [col, a] of Object.entries(line.amounts ?? {})) put(code, a as Amount, `支出方“${line.label}”${colName(col)}`);
      for (const [key, line] of Object.entries(s.expense ?? {}))
        for (const [col, a] of Object.entries(line?.amounts ?? {}))
          put(code, a as Amount, `支出方“${key === 'grandTotal' ? '总计' : (names[key] ?? line?.label ?? key)}”${colName(col)}`);
    } else if (code === '06') {
      const s = model['06']!;
      for (const item of s.items ?? []) put(code, item.amount, `“${item.code} ${item.name}”`);
      put(code, s.personnelTotal, '“人员经费合计”');
      put(code, s.publicTotal, '“公用经费合计”');
    } else if (code === '09') {
      const s = model['09']!;
      for (const { key, name } of BLOCKS_09)
        for (const [item, a] of Object.entries(s[key] ?? {})) put(code, a, `${name}“${columnName('09', item)}”`);
    } else {
      const s = t as SubjectTable;
      for (const [col, a] of Object.entries(s.total?.amounts ?? {})) put(code, a, `“合计”行的“${columnName(code, col)}”`);
      for (const r of s.rows ?? [])
        for (const [col, a] of Object.entries(r.amounts ?? {})) put(code, a, `第 ${r.row + 1} 行“${r.code} ${r.name}”的“${columnName(code, col)}”`);
    }
  }
  // Anything the typed walk above does not know (e.g. 06 amounts printed without a 科目) is still checked.
  const seen = new Set(out.map((l) => l.amount.cell));
  for (const { table, amount } of allAmounts(model))
    if (!seen.has(amount.cell)) out.push({ table, amount, what: `单元格 ${amount.cell.split('!').pop()}` });
  return out;
}

/** A18: no negative amounts; only 01 结余分配 may be negative. */
export const amountNegativeRule = defineRule({
  id: 'amount-negative',
  severity: 'warning',
  tables: [],
  title: '金额为负数',
  message: '{table}{what}的金额为负数 {actual}。决算表金额一般不应为负（仅公开01表“结余分配”可为负），请核实。',
  doc: '所有表：金额不应为负数（公开01表“结余分配”除外），每个负数单元格一条提示。',
  source: 'A18',
  check(ctx) {
    const allowed = ctx.model['01']?.expense?.balanceDistribution?.amounts?.amount?.cell;
    // Describing every amount costs more than the check: describe only when there is something to report.
    if (!allAmounts(ctx.model).some(({ amount }) => amount.value.isNegative() && !amount.value.isZero() && amount.cell !== allowed)) return;
    for (const { table, amount, what } of locatedAmounts(ctx.model)) {
      if (!amount.value.isNegative() || amount.value.isZero() || amount.cell === allowed) continue;
      const actual = formatMoney(amount.value);
      ctx.report({ table: tableLabel(table), what, actual }, [amount.cell], { table, actual });
    }
  },
});
