import { defineRule, type Rule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { columnName } from '../../tables/column-names';
import type { SubjectTable } from '../../tables/model';

/** A07: in every 科目 table and every amount column, 类 = Σ款, 款 = Σ项, 合计 = Σ类. */
export function subjectSumRule(code: '02' | '03' | '05' | '07' | '08'): Rule {
  return defineRule({
    id: `t${code}-subject-sum`,
    severity: 'error',
    tables: [code],
    title: `${tableLabel(code)}科目逐级汇总`,
    message: `${tableLabel(code)}{what}的“{column}”应等于{children}之和 {expected}，实为 {actual}，差额 {difference}。`,
    doc: `${tableLabel(code)}每一金额栏：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和。`,
    source: 'A07',
    check(ctx) {
      const table = ctx.model[code] as SubjectTable | undefined;
      if (!table) return;
      const keys = Object.keys(table.columns);
      for (const parent of table.rows) {
        if (parent.level === '项') continue;
        const children = table.rows.filter((r) => r.parentCode === parent.code);
        if (children.length === 0) continue;
        const what = `第 ${parent.row + 1} 行“${parent.code} ${parent.name}”`;
        const kids = parent.level === '类' ? '所属各款' : '所属各项';
        for (const key of keys)
          ctx.expectSum(
            parent.amounts[key],
            children.map((c) => c.amounts[key]),
            { what, column: columnName(code, key), children: kids },
          );
      }
      if (table.total) {
        const classes = table.rows.filter((r) => r.level === '类');
        for (const key of keys)
          ctx.expectSum(table.total.amounts[key], classes.map((c) => c.amounts[key]), {
            what: '“合计”行',
            column: columnName(code, key),
            children: '各类级科目',
          });
      }
    },
  });
}
