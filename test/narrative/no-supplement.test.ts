import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateNarrative, narrateSnapshot } from '../../src/core/narrative/generate';
import type { NarrativeSection } from '../../src/core/narrative/document';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { seedSnapshot, squash } from './support';

/**
 * (b) Without a 说明数据 sheet: what follows from the tables alone (二, 三, 五(二), 六, 七's amounts) is complete;
 * every other gap is a visible 【请填写：…】 and a warning; no number is invented.
 */

async function bare() {
  return narrateSnapshot(await seedSnapshot());
}

function find(sections: NarrativeSection[], id: string): NarrativeSection | undefined {
  for (const s of sections) {
    if (s.id === id) return s;
    const inner = find(s.subsections, id);
    if (inner) return inner;
  }
  return undefined;
}

function textOf(s: NarrativeSection | undefined): string {
  if (!s) return '';
  return [...s.paragraphs.map((p) => p.text), ...s.subsections.map(textOf)].join('\n');
}

test('二, 三, 五(二) and 六 are complete from the tables alone', async () => {
  const { document } = await bare();
  const sections = document.parts[0].sections;
  for (const id of ['income', 'expense', 'gpb-structure', 'basic']) {
    const text = textOf(find(sections, id));
    assert.ok(text.length > 20, id);
    assert.doesNotMatch(text, /【请填写/, `${id}: ${text}`);
  }
  assert.equal(
    squash(textOf(find(sections, 'expense'))),
    '本年度支出合计519.63万元，其中：基本支出455.65万元，占87.69%；项目支出63.98万元，占12.31%；上缴上级支出0.00万元，占0.00%；经营支出0.00万元，占0.00%；对附属单位补助支出0.00万元，占0.00%。',
  );
  assert.match(textOf(find(sections, 'gpb-structure')), /社会保障和就业支出（类）47\.30万元，占9\.10%；/);
  assert.match(textOf(find(sections, 'basic')), /人员经费299\.48万元，占基本支出的65\.73%，主要包括：基本工资、/);
});

test('七 states every amount of 公开09表 (预算 and 决算); only 上年数, counts and texts are placeholders', async () => {
  const { document } = await bare();
  const text = textOf(find(document.parts[0].sections, 'sangong'));
  assert.match(text, /“三公”经费财政拨款支出预算为14\.32万元，支出决算为14\.32万元，完成预算的100\.00%/);
  assert.match(text, /因公出国（境）费支出预算为6\.90万元，支出决算为6\.90万元/);
  assert.match(text, /公务用车购置及运行维护费支出预算为6\.86万元，支出决算为6\.86万元/);
  assert.match(text, /公务用车运行维护费支出预算为6\.86万元，支出决算为6\.86万元/);
  assert.match(text, /公务接待费支出预算为0\.56万元，支出决算为0\.56万元/);
  const placeholders = [...text.matchAll(/【请填写：([^】]*)】/g)].map((m) => m[1]);
  assert.ok(placeholders.length > 0);
  for (const p of placeholders) assert.match(p, /^上年|团组数|人次|主要内容|保有量|批次/, p);
});

test('every other gap is a placeholder naming the 说明数据 label, with one warning each', async () => {
  const { text, findings, document } = await bare();
  const placeholders = new Set([...text.matchAll(/【请填写：([^】]*)】/g)].map((m) => m[1]));
  for (const expected of [
    '上年收入支出总计',
    '收支总计增减变化的主要原因',
    '上年财政拨款收入支出总计',
    '上年一般公共预算财政拨款支出',
    '一般公共预算财政拨款支出年初预算',
    '2010450 事业运行 年初预算',
    '2010450 事业运行 差异原因',
    '上年“三公”经费决算合计',
    '单位性质',
    '会议费用途',
    '政府采购支出总额',
    '车辆总数',
    '整体支出全年预算数',
  ])
    assert.ok(placeholders.has(expected), expected);
  const warnings = findings.filter((f) => f.rule === 'narrative-missing-input');
  assert.ok(warnings.every((f) => f.severity === 'warning'));
  for (const p of placeholders) assert.ok(warnings.some((w) => w.message.includes(`【请填写：${p}】`)), p);
  assert.equal(warnings.filter((w) => /没有“说明数据”工作表/.test(w.message)).length, placeholders.size);
  // The year is not in the tables: “本年度”, and one warning saying so.
  assert.ok(warnings.some((w) => /未能确定决算年度/.test(w.message)));
  assert.match(text, /本年度收入合计519\.63万元/);
  // Sections that follow from tables alone get no placeholder at all.
  for (const id of ['income', 'expense', 'basic', 'gov-fund']) assert.equal(textOf(find(document.parts[0].sections, id)).includes('【'), false, id);
});

test('no invented number: amounts in the text are table values or derived from them', async () => {
  const { text } = await bare();
  const { model } = readWorkbook(await seedSnapshot());
  const tableValues = new Set<string>(['0.00']);
  const visit = (v: unknown): void => {
    if (v && typeof v === 'object') {
      if ('cell' in v && 'value' in v) tableValues.add((v as { value: { toFixed(n: number): string } }).value.toFixed(2));
      else Object.values(v).forEach(visit);
    }
  };
  visit(model);
  // 06 class sums are in the table too; every 万元 amount must be one the tables print.
  for (const m of text.matchAll(/(\d+\.\d{2})万元/g)) assert.ok(tableValues.has(m[1]), `${m[1]} is not a table value`);
});

test('options.year fills the year when neither the tables nor 说明数据 state it', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const { text, findings } = generateNarrative(model, undefined, { year: 2024 });
  assert.match(text, /2024年度收入合计519\.63万元/);
  assert.match(text, /十三、关于2024年度预算绩效情况的说明/);
  assert.ok(!findings.some((f) => /未能确定决算年度/.test(f.message)));
});

test('a missing table becomes a placeholder sentence and a warning, not an exception', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const partial = { ...model };
  delete partial['09'];
  delete partial['01'];
  const { text, findings } = generateNarrative(partial, undefined, { year: 2024 });
  assert.match(text, /一、收入支出决算总体情况说明\n【请填写：公开01表（收入支出决算总表）未找到/);
  assert.match(text, /【请填写：公开09表（财政拨款“三公”经费支出决算表）未找到/);
  assert.ok(findings.some((f) => f.rule === 'narrative-missing-table' && f.table === '09'));
  assert.match(text, /三、支出决算情况说明\n2024年度支出合计519\.63万元/);
});
