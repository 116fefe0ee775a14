import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { reviewNarrative, reviewSnapshot, reviewSummary } from '../../src/core/review';
import type { WorkbookFacts } from '../../src/core/tables/facts';
import { seedSnapshot } from '../narrative/support';
import { consistentSample, generated, reviewAgainst } from './corpus';
import { describe, squash } from './support';

/**
 * Wording checks beyond what the corpus makes once each: the department's name with and without its division
 * prefix, another body's name left alone; the 09 budget's 年初/全年 label; a template left unfilled (one finding,
 * not a flood); a year with nothing to compare it with; and no false pass — a text with nothing checkable, a text
 * with one section, and what the summary line says of each.
 */

const FACTS = (name: string): WorkbookFacts => ({ department: { name, witnesses: [{ name, kind: 'header', cell: '公开01表!A3', table: '01', text: `部门：${name}` }] }, year: 2024 });

test('department: 规划与 for 规划和 — with and without the division prefix one finding; another body and the right name are left alone', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const text = [
    '一、收入支出决算总体情况说明',
    '上海市普陀区规划与自然资源局2024年度收入支出总计519.63万元。',
    '二、收入决算情况说明',
    '规划与自然资源局本年收入合计519.63万元，其中：财政拨款收入519.63万元，占100.00%。上海市规划和自然资源局、普陀区绿化和市容管理局来访调研。上海市普陀区规划和自然资源局按规定公开。',
  ].join('\n');
  const findings = reviewNarrative(text, model, undefined, { facts: FACTS('上海市普陀区规划和自然资源局'), excerpt: true });
  const dept = findings.filter((f) => f.rule === 'review-department');
  assert.equal(dept.length, 1, describe(findings));
  assert.equal(squash(dept[0].quote), '上海市普陀区规划与自然资源局');
  assert.equal(dept[0].expected, '上海市普陀区规划和自然资源局');
  assert.match(dept[0].message, /共 2 处/);
  assert.deepEqual(dept[0].cells, ['公开01表!A3']);
  // A placeholder name in the workbook is no name to hold the text to.
  assert.deepEqual(reviewNarrative(text, model, undefined, { facts: FACTS('XX局'), excerpt: true }).filter((f) => f.rule === 'review-department'), []);
});

test('budget label: the 09 预算数 is the 全年预算 (its note says so) — “年初预算” for it is a warning, “预算” is not', async () => {
  const snapshot = structuredClone(await consistentSample());
  snapshot.sheets = snapshot.sheets.filter((s) => s.name !== '说明数据');
  const base = '七、财政拨款“三公”经费支出决算情况说明\n（一）“三公”经费财政拨款支出决算总体情况说明\n';
  const wrong = reviewAgainst(snapshot, `${base}“三公”经费财政拨款支出年初预算为19.00万元，支出决算为14.32万元，完成预算的75.37%。`, { excerpt: true });
  assert.deepEqual(wrong.map((f) => [f.rule, f.severity, squash(f.quote)]), [['review-budget-label', 'warning', '“三公”经费财政拨款支出年初预算为19.00万元']], describe(wrong));
  assert.match(wrong[0].message, /全年预算/);
  for (const right of ['预算为19.00万元', '全年预算为19.00万元']) assert.deepEqual(reviewAgainst(snapshot, `${base}“三公”经费财政拨款支出${right}，支出决算为14.32万元，完成预算的75.37%。`, { excerpt: true }), []);
});

test('template: an unfilled template is one finding naming how many placeholders, not one per “XX”', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const sentence = 'XX局XX年度收入支出总计XXX万元。与XX年度相比，收入支出总计增加（减少）XXX万元，增长（下降）XX%。主要原因：XXXXXXXX。';
  const text = `一、收入支出决算总体情况说明\n${sentence}\n二、收入决算情况说明\n本年收入合计XXX万元，其中：财政拨款收入XXX万元，占XX%；事业收入XXX万元，占XX%。`;
  const findings = reviewNarrative(text, model, undefined, { excerpt: true });
  const placeholders = findings.filter((f) => f.rule === 'review-template' && /占位符/.test(f.message));
  assert.equal(placeholders.length, 1, describe(findings));
  assert.match(placeholders[0].message, /全文共 1\d 处/);
  const alternatives = findings.filter((f) => f.rule === 'review-template' && /二选一/.test(f.message));
  assert.deepEqual(alternatives.map((f) => squash(f.quote)), ['增加（减少）', '增长（下降）']);
  // Nothing could be compared with the tables: the text says nothing checkable.
  assert.ok(findings.some((f) => f.rule === 'review-nothing-checked'), describe(findings));
});

test('year: nothing states the report year — years are not judged', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const findings = reviewNarrative('一、收入支出决算总体情况说明\n2023年度收、支总计519.63万元。', model, undefined, { excerpt: true });
  assert.deepEqual(findings.filter((f) => f.rule === 'review-year'), []);
  // The file name alone (“seed-2024.xlsx”) is weak evidence: a note, not a warning.
  const weak = reviewNarrative('一、收入支出决算总体情况说明\n2023年度收、支总计519.63万元。', model, undefined, { excerpt: true, facts: { fileYear: 2024 } });
  assert.deepEqual(weak.filter((f) => f.rule === 'review-year').map((f) => [f.severity, f.expected]), [['info', '2024']]);
});

test('no false pass: pasted prose, an empty text, figures with no subject — “未能识别可核对的内容”, never “未发现不一致”', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const texts = [
    '',
    '本单位认真贯彻落实上级决策部署，扎实推进各项工作，取得了明显成效。下一步将继续努力。',
    'abc 123.45万元 xyz，占 12.5%。',
    '第一部分 部门概况\n一、部门职责\n负责全市长株潭一体化发展相关工作。',
  ];
  for (const text of texts) {
    const findings = reviewNarrative(text, model);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['review-nothing-checked', 'warning']], `${JSON.stringify(text)}:\n${describe(findings)}`);
    assert.match(reviewSummary(findings, '粘贴的文本'), /^已审核粘贴的文本：未能识别可核对的内容/);
    assert.doesNotMatch(reviewSummary(findings), /未发现/);
  }
  // A workbook without a 情况说明 sheet and no text: the same.
  const none = reviewSnapshot(await seedSnapshot());
  assert.deepEqual(none.map((f) => f.rule), ['review-nothing-checked']);
});

test('no false pass: a text with only section 一 (right as far as it goes) — one finding listing the missing sections', async () => {
  const snapshot = await consistentSample();
  const full = generated(snapshot, 'hunan');
  const onlyOne = full.slice(0, full.indexOf('二、收入决算情况说明'));
  const findings = reviewAgainst(snapshot, onlyOne);
  const serious = findings.filter((f) => f.severity !== 'info');
  assert.deepEqual(serious.map((f) => [f.rule, f.severity]), [['review-missing-section', 'error']], describe(findings));
  for (const title of ['收入决算情况说明', '支出决算情况说明', '财政拨款收入支出决算总体情况说明', '一般公共预算财政拨款支出决算情况说明', '基本支出决算情况说明', '“三公”经费支出决算情况说明', '政府性基金'])
    assert.ok(serious[0].message.includes(title), `${title} in ${serious[0].message}`);
  assert.match(reviewSummary(findings), /发现 1 个错误、0 个警告/);
  // The whole text: checked, nothing wrong.
  const whole = reviewAgainst(snapshot, full);
  assert.match(reviewSummary(whole, '“情况说明”工作表'), /^已审核“情况说明”工作表：未发现与表格不一致之处（另有 \d+ 条提示）。$/);
});
