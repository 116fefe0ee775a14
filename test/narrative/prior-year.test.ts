import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrateSnapshot } from '../../src/core/narrative/generate';
import { reviewSnapshot } from '../../src/core/review/review';
import { isExternalRef } from '../../src/core/sources/external-ref';
import type { SourceInputs } from '../../src/core/sources/types';
import type { NarrativeFormat } from '../../src/core/supplement/fields';
import { SEED, snapshotOf } from '../helpers';
import { publishedPriorWorkbook, relabelledSample } from '../support/prior-year';
import { appendSheet, filledTemplate, seedSnapshot, squash } from './support';
import { readFile } from 'node:fs/promises';

/**
 * issue 16 (1), (3), (4): last year's 决算 fills every 与上年相比 of the 情况说明; the reviewer, given the same
 * workbook, finds nothing to say about the text generated from it.
 */

const FORMATS: NarrativeFormat[] = ['hunan', 'shanghai'];

async function prior(bytes: Promise<Buffer>, name: string): Promise<SourceInputs> {
  return { prior: { snapshot: await snapshotOf(await bytes, name), name } };
}

/** Placeholders that ask for a prior-year figure or a change computed from it. */
function priorBlanks(text: string): string[] {
  return [...text.matchAll(/【请填写：([^】]*)】/g)].map((m) => m[1]).filter((p) => /^上年|增减额|增减率/.test(p));
}

for (const format of FORMATS) {
  test(`${format}: the sample relabelled as 2023 as --prior leaves no prior-year blank, every change 持平`, async () => {
    const seed = await seedSnapshot();
    const without = narrateSnapshot(seed, { format });
    assert.ok(priorBlanks(without.text).length >= 5, 'the sample alone asks for the prior year');
    const r = narrateSnapshot(seed, { format, sources: await prior(relabelledSample(), '2023年度部门决算.xlsx') });
    assert.deepEqual(priorBlanks(r.text), []);
    assert.ok(r.filled.prior >= 8, `filled ${r.filled.prior}`);
    const comparisons = [...squash(r.text).matchAll(/[与比](?:上年度|2023年度|上年)(?:相比)?，?[^。；，]*/g)].map((m) => m[0]);
    assert.ok(comparisons.length >= (format === 'hunan' ? 9 : 8), comparisons.join('\n'));
    for (const c of comparisons) assert.match(c, /持平|0\.00%/, c);
    assert.doesNotMatch(r.text, /增加|减少|增长|下降/);
    // The sample states no year anywhere, nor does its relabelled copy: nothing to infer a year from.
    assert.equal(r.findings.filter((f) => f.rule.startsWith('sources-')).length, 0, JSON.stringify(r.findings.filter((f) => f.rule.startsWith('sources-'))));
  });
}

test('last year at the figures the sample states: the text states them, and rates where last year had none say so', async () => {
  const r = narrateSnapshot(await seedSnapshot(), { sources: await prior(publishedPriorWorkbook(), '2023年度部门决算.xlsx') });
  const text = squash(r.text);
  assert.match(text, /收、支总计519\.63万元。与上年相比，减少6\.73万元，下降1\.28%，/);
  assert.match(text, /财政拨款收、支总计519\.63万元。与上年相比，减少6\.73万元，下降1\.28%，/);
  assert.match(text, /与上年相比，一般公共预算财政拨款支出减少6\.73万元，下降1\.28%，/);
  assert.match(text, /“三公”经费财政拨款支出预算为14\.32万元，支出决算为14\.32万元，完成预算的100\.00%；与上年相比增加0\.97万元，增长7\.27%。/);
  // 2023 had no 因公出国: no rate on a zero base, said in words (domain.md §6).
  assert.match(text, /因公出国（境）费支出预算为6\.90万元，支出决算为6\.90万元，完成预算的100\.00%；与上年相比增加6\.90万元，上年无此项支出。/);
  assert.match(text, /公务用车购置及运行维护费支出[^；]*；与上年相比减少5\.14万元，下降42\.83%。/);
  assert.match(text, /公务用车购置费支出[^；]*；与上年相比持平。/);
  assert.match(text, /公务接待费支出[^；]*；与上年相比减少0\.79万元，下降58\.52%。/);
  // Reasons need a person: they stay blanks.
  assert.match(text, /主要是因为【请填写：收支总计增减变化的主要原因】/);
});

test('a 说明数据 figure that disagrees with last year\'s workbook: one warning naming both; the text uses the workbook', async () => {
  const seed = await seedSnapshot();
  const withNotes = appendSheet(seed, '说明数据', filledTemplate(seed, { 年度: 2024, 上年收入支出总计: 500, 上年财政拨款收入支出总计: 519.63 }));
  const r = narrateSnapshot(withNotes, { sources: await prior(relabelledSample(), '2023.xlsx') });
  const conflicts = r.findings.filter((f) => f.rule === 'supplement-source-conflict');
  assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
  assert.match(conflicts[0].message, /“上年收入支出总计”为 500\.00 万元（说明数据!B\d+）.*“2023\.xlsx”公开01表“总计”（\[2023\.xlsx\]公开01表!C36）为 519\.63 万元/);
  assert.match(conflicts[0].message, /采用上年决算工作簿/);
  assert.deepEqual(conflicts[0].cells.map((c) => c.split('!')[0]), ['说明数据']);
  assert.match(squash(r.text), /收、支总计519\.63万元。与上年相比持平。/);
});

test('the report year from the other workbooks only when they agree, never over the workbook\'s own', async () => {
  const seed = await seedSnapshot();
  const sources = await prior(relabelledSample(), '2023.xlsx');
  // This year's 部门预算 titles say 2024: the sample's tables state no year, so the text takes 2024, said in an info.
  const budget2024 = { figures: { year: '2024', gpbItems: [], tables: [] }, name: 'seed-2024-budget.xlsx' };
  const inferred = narrateSnapshot(seed, { sources: { ...sources, budget: budget2024 } });
  const info = inferred.findings.filter((f) => f.rule === 'sources-year-inferred');
  assert.equal(info.length, 1, JSON.stringify(inferred.findings.map((f) => f.rule)));
  assert.equal(info[0].severity, 'info');
  assert.match(info[0].message, /部门预算工作簿“seed-2024-budget.xlsx”（2024 年度）.*写为 2024 年度/);
  assert.match(inferred.text, /2024年度/);
  // Last year's titles saying 2023 (its file name never counts): 2024 too.
  const titled = await snapshotOf(await relabelledSample(), 'prior.xlsx');
  for (const sheet of titled.sheets) sheet.values = sheet.values.map((row) => row.map((v) => (typeof v === 'string' && /决算.*表$/.test(v.trim()) ? `2023年度${v.trim()}` : v)));
  const fromPrior = narrateSnapshot(seed, { sources: { prior: { snapshot: titled, name: 'prior.xlsx' } } });
  assert.match(fromPrior.findings.find((f) => f.rule === 'sources-year-inferred')?.message ?? '', /上年决算工作簿“prior.xlsx”（2023 年度）.*写为 2024 年度/, JSON.stringify(fromPrior.findings.map((f) => f.rule)));
  // Generated so and reviewed against the same files: the year is no finding.
  assert.equal(reviewSnapshot(seed, inferred.text, { ...sources, budget: budget2024 }).filter((f) => f.rule === 'review-year').length, 0);
  // The caller's year (the workbook's own, or typed in 说明数据) wins: nothing inferred.
  const given = narrateSnapshot(seed, { year: 2025, sources });
  assert.equal(given.findings.filter((f) => f.rule === 'sources-year-inferred').length, 0);
  assert.match(given.text, /2025年度/);
  // Last year's 2023 and a 2025 budget disagree about this year: no year is inferred, the text says 本年度.
  const budget = { figures: { year: '2025', gpbItems: [], tables: [] }, name: '2025预算.xlsx' };
  const split = narrateSnapshot(seed, { sources: { ...sources, budget } });
  assert.equal(split.findings.filter((f) => f.rule === 'sources-year-inferred').length, 0);
  assert.match(split.text, /本年度/);
});

test('last year\'s workbook of the wrong year or another department: warned, still used', async () => {
  const seed = await seedSnapshot();
  const same = narrateSnapshot(seed, { year: 2024, sources: await prior(readFile(SEED), 'seed-2024.xlsx') });
  const year = same.findings.filter((f) => f.rule === 'sources-prior-year');
  assert.equal(year.length, 1, JSON.stringify(same.findings.map((f) => f.rule)));
  assert.match(year[0].message, /是 2024 年度的，而本年决算为 2024 年度，上年数应取 2023 年度的决算/);
  const other = await snapshotOf(await relabelledSample(), '2023.xlsx');
  for (const sheet of other.sheets) sheet.values = sheet.values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/株[洲州]市长株潭一体化发展事务中心/g, '湘潭市城乡发展事务中心') : v)));
  const moved = narrateSnapshot(seed, { sources: { prior: { snapshot: other, name: '2023.xlsx' } } });
  const dept = moved.findings.filter((f) => f.rule === 'sources-prior-department');
  assert.equal(dept.length, 1, JSON.stringify(moved.findings.map((f) => f.rule)));
  assert.match(dept[0].message, /单位合并、分设或更名/);
});

for (const format of FORMATS) {
  test(`${format}: generated with --prior and reviewed against the same workbook: no finding but the blanks reminder`, async () => {
    const seed = await seedSnapshot();
    const sources = await prior(publishedPriorWorkbook(), '2023年度部门决算.xlsx');
    const r = narrateSnapshot(seed, { format, sources });
    const findings = reviewSnapshot(seed, r.text, sources).filter((f) => f.rule !== 'review-template' || !/待填写/.test(f.message));
    assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
    // Without the prior workbook the same text's changes cannot be checked: the reviewer says nothing wrong either,
    // but against a wrong prior year it does.
    const wrong = reviewSnapshot(seed, r.text, await prior(relabelledSample(), '2023.xlsx'));
    assert.ok(wrong.some((f) => f.rule === 'review-amount' || f.rule === 'review-direction' || f.rule === 'review-rate'), JSON.stringify(wrong.map((f) => f.rule)));
  });
}

test('no finding points into another workbook', async () => {
  const seed = await seedSnapshot();
  const withNotes = appendSheet(seed, '说明数据', filledTemplate(seed, { 年度: 2024, 上年收入支出总计: 500 }));
  const sources = await prior(publishedPriorWorkbook(), '2023.xlsx');
  const r = narrateSnapshot(withNotes, { sources });
  const review = reviewSnapshot(withNotes, r.text.replace('减少6.73万元', '减少6.70万元'), sources);
  assert.ok(review.length > 0);
  for (const f of [...r.findings, ...review]) for (const c of f.cells) assert.ok(!isExternalRef(c), `${f.rule}: ${c}`);
});

test('last year\'s workbook without a table: the blanks it should have filled say why', async () => {
  const prior = await snapshotOf(await relabelledSample(), '2023.xlsx');
  prior.sheets = prior.sheets.filter((s) => s.name !== '公开09表');
  const r = narrateSnapshot(await seedSnapshot(), { sources: { prior: { snapshot: prior, name: '2023.xlsx' } } });
  assert.match(r.text, /【请填写：上年因公出国（境）费决算（上年决算工作簿中无公开09表）】/);
  assert.match(r.text, /收、支总计519\.63万元。与上年相比持平。/);
  const missing = r.findings.filter((f) => f.rule === 'sources-prior-missing-table');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /未找到公开09表/);
  const shanghai = narrateSnapshot(await seedSnapshot(), { format: 'shanghai', sources: { prior: { snapshot: prior, name: '2023.xlsx' } } });
  assert.match(shanghai.text, /【请填写：因公出国（境）费增减额（上年决算工作簿中无公开09表）】/);
});
