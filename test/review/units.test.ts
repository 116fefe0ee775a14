import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { reviewNarrative, reviewNarrativeDetailed } from '../../src/core/review';
import { figuresIn } from '../../src/core/review/numbers';
import { outline } from '../../src/core/review/sections';
import { NarrativeText } from '../../src/core/review/text';
import { distance, parseLabel } from '../../src/core/review/labels';
import { seedSnapshot } from '../narrative/support';
import { describe, excerpt, squash, tables } from './support';

test('NarrativeText: quotes are the original text (spaces, line breaks) at the right line and offset', () => {
  const original = '一、总体\n2024 年度收、支总计 519.63 万元，完成\n\n年初预算的 98.79%。';
  const t = new NarrativeText(original);
  assert.equal(t.clean, '一、总体2024年度收、支总计519.63万元，完成年初预算的98.79%。');
  const at = t.clean.indexOf('519.63');
  assert.equal(t.quote({ start: at, end: at + 8 }), '519.63 万元');
  assert.deepEqual(t.position(at), { paragraph: 1, offset: 13 });
  const done = t.clean.indexOf('完成');
  const q = t.quote({ start: done, end: t.clean.indexOf('%') + 1 });
  assert.equal(q, '完成\n\n年初预算的 98.79%');
  assert.equal(original.slice(t.absolute(t.position(done)), t.absolute(t.position(done)) + q.length), q);
  // Half-width brackets and colons read as full-width; a comma between digits stays a thousands separator.
  assert.equal(new NarrativeText('一般公共服务(类)：19,044.27, 3').clean, '一般公共服务（类）：19,044.27，3');
});

test('figures: units, thousands separators, dropped zeros; years, dates, list markers, thresholds and placeholders are not figures', () => {
  const clean = new NarrativeText(
    '2024年12月31日，1、支出19,044.27万元，占47.3%；5,196,300元；团组0个、1人次；保有量2辆；单位价值100万元以上设备0台（套）；得分98.5分；节能环保支出7.20，占1.39%；【请填写：2010450 事业运行 年初预算】万元',
  ).clean;
  const figures = figuresIn(clean).map((f) => `${f.kind}:${f.value.toString()}:${f.unit}:${f.decimals}`);
  assert.deepEqual(figures, [
    'amount:19044.27:万元:2',
    'percent:47.3:%:1',
    'amount:519.63:元:0',
    'count:0:个:0',
    'count:1:人次:0',
    'count:2:辆:0',
    'count:0:台（套）:0',
    'score:98.5:分:1',
    'bare:7.2::2',
    'percent:1.39:%:2',
  ]);
});

test('outline: sections by their words, 第三部分 chosen over the 目录, reading stops at 第四部分', () => {
  const text = [
    '目录',
    '第三部分 部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '二、收入决算情况说明',
    '第四部分 名词解释',
    '第三部分',
    '2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '2024年度收、支总计519.63万元。',
    '五、一般公共预算财政拨款支出决算情况说明',
    '（一）一般公共预算财政拨款支出决算总体情况',
    '（三）一般公共预算财政拨款支出决算具体情况',
    '七、财政拨款“三公”经费支出决算情况说明',
    '十一、其他重要事项的情况说明',
    '（二）政府采购支出情况',
    '第四部分 名词解释',
    '一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。',
  ].join('\n');
  const nt = new NarrativeText(text);
  const o = outline(nt);
  assert.deepEqual(
    o.sections.map((s) => [s.kind, s.number, s.children.map((c) => `${c.kind}:${c.number}`)]),
    [
      ['unknown', '', []],
      ['overview', '一', []],
      ['gpb', '五', ['gpb-overall:五（一）', 'gpb-detail:五（三）']],
      ['sangong', '七', []],
      ['other-matters', '十一', ['procurement:十一（二）']],
    ],
  );
  assert.ok(nt.clean.slice(o.range.start, o.range.end).startsWith('2024年度部门决算情况说明'));
  assert.ok(!nt.clean.slice(o.range.start, o.range.end).includes('名词解释'));
});

test('labels: parsed by the （类）（款）（项） markers; distance for near names', () => {
  assert.deepEqual(parseLabel('一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）'), {
    cls: '一般公共服务',
    kuan: '政府办公厅（室）及相关机构事务',
    xiang: '行政运行',
  });
  assert.equal(distance('发展与改革事', '发展与改革事务'), 1);
});

const GPB_STRUCTURE = (shares: string[]) =>
  `五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n一般公共预算财政拨款支出519.63万元，主要用于以下方面：一般公共服务支出（类）410.65万元，占${shares[0]}%；社会保障和就业支出（类）47.30万元，占${shares[1]}%；卫生健康支出（类）31.49万元，占${shares[2]}%；节能环保支出（类）7.20万元，占${shares[3]}%；住房保障支出（类）22.99万元，占${shares[4]}%。`;

test('shares: 0.01 off is info, truncated is info (named as such); forced to make 100% is a warning; more is an error', async () => {
  const right = ['79.03', '9.10', '6.06', '1.39', '4.42'];
  assert.deepEqual(await excerpt(GPB_STRUCTURE(right), tables()), []);
  // 7.20 / 519.63 = 1.3856…: 1.38 is the truncated value.
  const truncated = await excerpt(GPB_STRUCTURE(['79.03', '9.10', '6.06', '1.38', '4.42']), tables());
  assert.deepEqual(truncated.map((f) => [f.rule, f.severity, squash(f.quote)]), [['review-share', 'info', '占1.38%']], describe(truncated));
  assert.match(truncated[0].message, /截断/);
  // 79.04 and 4.41: each 0.01 off, together still 100.00 → forced.
  const forced = await excerpt(GPB_STRUCTURE(['79.04', '9.10', '6.06', '1.39', '4.41']), tables());
  assert.deepEqual(forced.map((f) => [f.rule, f.severity]), [['review-share', 'warning'], ['review-share', 'warning']], describe(forced));
  assert.match(forced[0].message, /合计 100%/);
  const near = await excerpt(GPB_STRUCTURE(['79.04', '9.10', '6.06', '1.39', '4.42']), tables());
  assert.deepEqual(near.map((f) => [f.rule, f.severity]), [['review-share', 'info']], describe(near));
  const wrong = await excerpt(GPB_STRUCTURE(['79.03', '9.10', '6.60', '1.39', '4.42']), tables());
  assert.deepEqual(wrong.map((f) => [f.rule, f.severity, f.expected, f.actual]), [['review-share', 'error', '6.06%', '6.60%']]);
  // A percentage rounded to one decimal (9.14 would be “9.1”) is a format warning, not an error.
  const oneDecimal = await excerpt(GPB_STRUCTURE(['79.0', '9.10', '6.06', '1.39', '4.42']), tables());
  assert.deepEqual(oneDecimal.map((f) => [f.rule, f.severity]), [['review-format', 'warning']], describe(oneDecimal));
});

test('amounts in 元 and with thousands separators are compared in 万元; a missing % is a format warning', async () => {
  const text = '一、收入支出决算总体情况说明\n2024年度收、支总计5,196,300元。与上年相比，减少6.73万元，下降1.28。';
  const findings = await excerpt(text);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, squash(f.quote)]), [['review-format', 'warning', '1.28']], describe(findings));
  assert.match(findings[0].message, /缺少“%”/);
});

test('N01: a 一 total equal to 本年收入合计 instead of 总计 is a cross-section error', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  // Make the 01 总计 include a carry-over: 总计 600.00 = 519.63 + 80.37 (年初结转和结余 in, 年末 out), so that 01 is consistent.
  const line = model['01']!.income.grandTotal!.amounts.amount;
  line.value = new Decimal('600.00');
  model['01']!.expense.grandTotal!.amounts.amount.value = new Decimal('600.00');
  for (const a of [model['01']!.income.openingBalance!.amounts.amount, model['01']!.expense.closingBalance!.amounts.amount]) Object.assign(a, { value: new Decimal('80.37'), blank: false });
  const findings = reviewNarrative('一、收入支出决算总体情况说明\n2024年度收、支总计519.63万元。', model, undefined, { excerpt: true });
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.expected]), [['review-cross-section', 'error', '600.00']], describe(findings));
  assert.match(findings[0].message, /本年收入合计/);
  assert.ok(findings[0].cells.includes(line.cell));
});

test('N11: the empty-table statement — missing over an empty 07 (warning), contradicted by a 07 with figures (error)', async () => {
  const sample = await tables();
  const missing = reviewNarrative('八、政府性基金预算收入支出决算情况\n本单位按规定公开政府性基金预算财政拨款收入支出决算表。', sample.model, undefined, { excerpt: true });
  assert.deepEqual(missing.map((f) => [f.rule, f.severity]), [['review-missing-section', 'warning']], describe(missing));
  const { model } = readWorkbook(await seedSnapshot());
  const t07 = model['07']!;
  const cell = t07.total!.amounts.total;
  cell.value = new Decimal('12.00');
  cell.blank = false;
  const said = reviewNarrative('八、政府性基金预算收入支出决算情况\n2024年度本单位无政府性基金收支。', model, undefined, { excerpt: true });
  assert.deepEqual(said.map((f) => [f.rule, f.severity, squash(f.quote)]), [['review-cross-section', 'error', '无政府性基金']], describe(said));
});

test('directions: 持平 when it is not, 大于/小于 against the numbers, 增长 against 减少', async () => {
  const sangong =
    '七、财政拨款“三公”经费支出决算情况说明\n（二）“三公”经费财政拨款支出决算具体情况说明\n' +
    '3.公务接待费支出预算为5.00万元，支出决算为0.56万元，完成预算的11.20%；与上年相比持平。决算数大于预算数的主要原因是厉行节约。';
  const findings = await excerpt(sangong);
  const direction = findings.filter((f) => f.rule === 'review-direction');
  assert.deepEqual(direction.map((f) => squash(f.quote)), ['与上年相比持平', '决算数大于预算数'], describe(findings));
  assert.equal(direction[0].expected, '减少0.79');
  // Without a prior-year figure, the rate word is checked against the amount word.
  const words = await excerpt('一、收入支出决算总体情况说明\n2024年度收、支总计519.63万元。与上年相比，减少6.73万元，增长1.28%。', tables());
  assert.deepEqual(words.map((f) => [f.rule, squash(f.quote)]), [['review-direction', '增长1.28%']], describe(words));
});

test('a Shanghai-style text: 收入支出总计 and 本年收入合计 sentences, 三公 shares, 国内公务接待 batches', async () => {
  const text = [
    '一、收入支出决算总体情况说明',
    '上海市某局2024年度收入支出总计519.63万元。与2023年度相比，收入支出总计减少6.73万元，下降1.28%。主要原因：节约。',
    '二、收入决算情况说明',
    '本年收入合计519.63万元，其中：财政拨款收入519.63万元，占100%。',
    '七、财政拨款“三公”经费支出决算情况说明',
    '（二）“三公”经费财政拨款支出决算具体情况说明',
    '“三公”经费财政拨款支出决算中，因公出国（境）费支出决算6.90万元，占48.18%；公务用车购置及运行维护费支出决算6.86万元，占47.91%；公务接待费支出决算0.56万元，占3.91%。',
    '3、公务接待费支出0.56万元。其中：国内公务接待支出0.56万元。国内公务接待4批次、28人次。',
  ].join('\n');
  const findings = await excerpt(text);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, squash(f.quote), f.expected]), [['review-count', 'error', '、28人次', '27']], describe(findings));
});

test('unidentifiable item labels are warnings; the extraction keeps every figure it read', async () => {
  const { model } = await tables();
  const text = '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1、教育支出（类）普通教育（款）初中教育（项）。年初预算为10.00万元，支出决算为9.00万元，完成年初预算的90.00%。';
  const { findings, extraction } = reviewNarrativeDetailed(text, model, undefined, { excerpt: true });
  const label = findings.find((f) => f.rule === 'review-subject-label');
  assert.equal(label?.severity, 'warning', describe(findings));
  assert.equal(squash(label!.quote), '教育支出（类）普通教育（款）初中教育（项）');
  assert.ok(extraction.figures.length >= 3);
});

test('counts are tied to their subject: 外宾 batches and persons, 团组 and 人次 of 因公出国, 保有量', async () => {
  const { model } = await tables();
  const text =
    '七、财政拨款“三公”经费支出决算情况说明\n（二）“三公”经费财政拨款支出决算具体情况说明\n' +
    '1、因公出国（境）费支出6.90万元。全年安排因公出国（境）团组1个、累计3人次。\n' +
    '2、公务用车购置及运行维护费支出6.86万元。开支财政拨款的公务用车保有量为2辆。\n' +
    '3、公务接待费支出0.56万元。国内公务接待4批次、27人次，其中：接待外宾1批次、2人次。';
  const { extraction } = reviewNarrativeDetailed(text, model);
  const counts = extraction.claims.filter((c) => c.kind === 'count').map((c) => `${(c as { subject: string }).subject}=${(c as { figure: { raw: string } }).figure.raw}`);
  assert.deepEqual(counts, [
    'cnt:abroadGroups=1',
    'cnt:abroadPersons=3',
    'cnt:vehicleHeld=2',
    'cnt:receptionBatches=4',
    'cnt:receptionPersons=27',
    'cnt:receptionForeignBatches=1',
    'cnt:receptionForeignPersons=2',
  ]);
});
