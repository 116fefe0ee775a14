import { defineRule } from '../rule';
import { tableLabel } from '../../tables/codes';
import { FUNCTIONAL_EDITION, functionalName, isKnownFunctionalName } from '../../subjects/functional';
import { economicName, isKnownEconomicName } from '../../subjects/economic';
import type { Table06 } from '../../tables/model';
import { codeCellsOf, rowNo, subjectTables } from './shared';

/**
 * domain.md §1.3: the printed 科目名称 matches the 《2024年政府收支分类科目》 name of its code. Names change
 * between editions and the dictionary is not complete, so a difference is a warning, an older name (别称/旧称)
 * only an info.
 */
export const subjectNameRule = defineRule({
  id: 'subject-name',
  severity: 'warning',
  tables: [],
  title: '功能分类科目名称',
  message: '{table}{where}科目 {code}{name}{problem}。',
  doc: `公开02、03、05、07、08表的科目名称须与 ${FUNCTIONAL_EDITION} 年支出功能分类科目表中该代码的名称一致；名称不符或代码不在科目表中为警告，使用旧称为提示。`,
  source: '§1.3',
  check(ctx) {
    for (const { code: t, table } of subjectTables(ctx.model)) {
      for (const row of table.rows) {
        if (typeof row.code !== 'string' || !row.code) continue;
        const name = typeof row.name === 'string' ? row.name.trim() : '';
        const cells = row.nameCell ? [row.nameCell, ...codeCellsOf(row)] : codeCellsOf(row);
        const vars = { table: tableLabel(t), where: rowNo(row), code: row.code, name: name ? `“${name}”` : '' };
        const official = functionalName(row.code);
        const check = isKnownFunctionalName(row.code, name);
        if (check === 'exact') continue;
        if (check === 'alias')
          ctx.report({ ...vars, problem: `为旧称，${FUNCTIONAL_EDITION} 年科目表中的名称为“${official}”，可更新为现行名称` }, cells, { table: t }, 'info');
        else if (check === 'unknown-code')
          ctx.report(
            { ...vars, problem: `：科目代码不在 ${FUNCTIONAL_EDITION} 年功能分类科目表中，请核对代码是否正确（新增或地方科目可忽略本提示）` },
            [...codeCellsOf(row), ...(row.nameCell ? [row.nameCell] : [])],
            { table: t },
          );
        else
          ctx.report(
            { ...vars, problem: name ? `与科目表不符，${FUNCTIONAL_EDITION} 年科目表中该代码的名称为“${official}”，请核对名称或代码` : `未填科目名称，应为“${official}”` },
            cells,
            { table: t },
          );
      }
    }
  },
});

/** 06: the 经济分类 names beside their codes (部门预算支出经济分类 类/款). */
export const economicNameRule = defineRule({
  id: 'economic-name',
  severity: 'warning',
  tables: ['06'],
  title: '经济分类科目名称',
  message: '{table}科目 {code}{name}{problem}。',
  doc: '公开06表的经济分类科目名称须与部门预算支出经济分类科目表中该代码的名称一致；名称不符或代码不在科目表中为警告。',
  source: '§1.2',
  check(ctx) {
    const table = ctx.model['06'] as Table06 | undefined;
    if (!table || !Array.isArray(table.items)) return;
    for (const item of table.items) {
      if (typeof item.code !== 'string' || !item.code) continue;
      const name = typeof item.name === 'string' ? item.name.trim() : '';
      const vars = { table: tableLabel('06'), code: item.code, name: name ? `“${name}”` : '' };
      const check = isKnownEconomicName(item.code, name);
      if (check === 'exact') continue;
      const cells = [item.nameCell, item.codeCell].filter((c): c is string => !!c);
      if (check === 'unknown-code')
        ctx.report({ ...vars, problem: '：科目代码不在部门预算支出经济分类科目表中，请核对代码是否正确' }, [item.codeCell, ...(item.nameCell ? [item.nameCell] : [])], { table: '06' });
      else
        ctx.report(
          { ...vars, problem: name ? `与科目表不符，该代码的名称为“${economicName(item.code)}”，请核对名称或代码` : `未填科目名称，应为“${economicName(item.code)}”` },
          cells,
          { table: '06' },
        );
    }
  },
});
