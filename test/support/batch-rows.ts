/**
 * Synthetic batch rows for the report's tests (model, size, browser): deterministic (a small LCG), real rule
 * ids and titles from the catalogue, messages of real length, nested relative paths, explained and stale
 * warnings, unreadable files, years from tables, the file name or none.
 */
import { type Finding, countBySeverity } from '../../src/core/findings/finding';
import { ruleCatalogue } from '../../src/core/rules/catalogue';
import { TABLE_CODES } from '../../src/core/tables/codes';
import type { BatchRow } from '../../src/cli/batch-report/model';
import type { YearSource } from '../../src/cli/batch-report/year';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市'];
const OFFICES = ['财政局', '教育局', '卫生健康委员会', '长株潭一体化发展事务中心', '自然资源和规划局', '机关事务管理局', '农业农村局', '住房和城乡建设局'];

export function syntheticRows(count: number, seed = 42): BatchRow[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const rules = ruleCatalogue();
  const rows: BatchRow[] = [];
  for (let i = 0; i < count; i++) {
    const city = pick(CITIES);
    const unit = `${city}${pick(OFFICES)}`;
    const name = `${String(i + 1).padStart(4, '0')}-${unit}-2024年度部门决算.xlsx`;
    const file = `${city}/${i % 3 === 0 ? '二级单位/' : ''}${name}`;
    const slug = String(i + 1).padStart(3, '0');
    const findings: Finding[] = [];
    if (i % 97 === 5) {
      findings.push({ rule: 'read-file-unreadable', severity: 'error', message: `无法读取文件“${file}”：文件已损坏。`, cells: [] });
    } else {
      const n = Math.floor(rand() * rand() * 14);
      for (let j = 0; j < n; j++) {
        const rule = pick(rules);
        const table = rule.tables[0] ?? pick(TABLE_CODES);
        const cells = Array.from({ length: 1 + Math.floor(rand() * rand() * 30) }, (_, k) => `公开${table}表!${String.fromCharCode(67 + (k % 8))}${6 + k}`);
        const severity = rand() < 0.15 ? 'info' : rule.severity;
        const f: Finding = {
          rule: rule.id,
          severity,
          table,
          message: `${rule.title}：第 ${j + 1} 处应等于各项之和 ${(rand() * 1000).toFixed(2)}，实为 ${(rand() * 1000).toFixed(2)}，差额 ${(rand() * 10).toFixed(2)}，请核对。`,
          cells,
          expected: (rand() * 1000).toFixed(2),
          actual: (rand() * 1000).toFixed(2),
          difference: (rand() * 10).toFixed(2),
        };
        if (severity === 'warning' && rand() < 0.3) f.explanation = { text: '核实无误：口径不同，已在情况说明中写明。', stale: rand() < 0.2, date: '2025-03-01' };
        findings.push(f);
      }
    }
    const yearSource: YearSource = i % 11 === 0 ? 'file' : i % 53 === 0 ? 'none' : 'tables';
    rows.push({
      file,
      unit: i % 97 === 5 ? '' : unit,
      year: yearSource === 'none' ? '未识别' : i % 7 === 0 ? '2023' : '2024',
      yearSource,
      report: { file, tables: [], findings, summary: countBySeverity(findings) },
      detailHref: `details/${slug}-${unit}.html`,
      jsonHref: `reports/${slug}-${unit}.json`,
    });
  }
  return rows;
}
