import { readFile } from 'node:fs/promises';
import { snapshotOf, SEED } from './helpers';
import { checkSnapshot } from '../src/core/report';
import type { WorkbookSnapshot, CellValue } from '../src/core/workbook/snapshot';

(async () => {
  const seed = await snapshotOf(await readFile(SEED), 'seed.xlsx');
  const base = checkSnapshot(seed).report.findings.map(f => f.rule + ' ' + f.severity);
  // Shanghai 2025-style 02: rows 1-3 header, first body row 类|款|项|合计
  const s02 = seed.sheets.find(s => s.name === '公开02表')!;
  const rows = s02.values;
  const out: CellValue[][] = [];
  out.push(['收入决算表']);
  out.push([null,null,null,null,null,null,null,null,null,null,'单位：万元']);
  out.push(['项目',null,null,null,'本年收入合计','财政拨款收入','上级补助收入','事业收入','经营收入','附属单位上缴收入','其他收入']);
  out.push(['功能分类科目编码',null,null,'科目名称']);
  out.push([null,null,null,null,'决算数','决算数','决算数','决算数','决算数','决算数','决算数']);
  for (let i = 6; i < rows.length; i++) {
    const r = rows[i]; if (!r) continue;
    if (String(r[0]).startsWith('注')) { out.push([r[0]]); continue; }
    if (r[0] === '合计') out.push(['类','款','项','合计', ...r.slice(2)]);
    else out.push([String(r[0]), null, null, r[1], ...r.slice(2)]);
  }
  s02.values = out; s02.merges = [{top:2,left:0,bottom:2,right:3},{top:3,left:0,bottom:3,right:2}]; s02.numberFormats = undefined;
  const r = checkSnapshot(seed);
  console.log(r.report.findings.filter(f => f.severity !== 'info').map(f => `${f.rule} ${f.severity} ${f.message.slice(0,150)}`).join('\n'));
  console.log('rows', r.model['02']?.rows.length, JSON.stringify(r.model['02']?.columns));
})();
