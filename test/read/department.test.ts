import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  departmentKey,
  droppedDivisions,
  isPlaceholderName,
  labelValueName,
  looksLikeDepartment,
  splitDivisions,
} from '../../src/core/read/department-name';
import { bestDepartment, fileNameWitness, nameInText } from '../../src/core/read/department';
import { readWorkbook } from '../../src/core/read/read-workbook';
import type { DepartmentWitness, WitnessKind } from '../../src/core/tables/facts';
import { seedSnapshot, withCells } from '../rules/support';

const FULL = '上海市普陀区规划和自然资源局';
const SHORT = '上海市规划和自然资源局';

test('placeholders: XX, ××, ＸＸ, xx, 某某, ***, （单位名称）, XXX部门 are placeholders; real names are not', () => {
  for (const p of ['上海市普陀区XX局', '上海市××局', '上海市ＸＸ局', '上海市xx局', '上海市某某区某某局', '***局', '（单位名称）', 'XXX部门', '上海市X局', '○○局', '（部门名称）', '上海市____局'])
    assert.ok(isPlaceholderName(p), p);
  for (const n of [FULL, SHORT, '株洲市长株潭一体化发展事务中心', '上海市浦江区绿化和市容管理局', '北京商务中心区（CBD）管理委员会', '<img/src/onerror=window.__pwned=1>'])
    assert.ok(!isPlaceholderName(n), n);
});

test('what is not a department: stamp boxes, money units, 部门决算, dates, a title alone, 本部门, 我单位', () => {
  assert.equal(nameInText('编制单位：（盖章）'), undefined);
  assert.equal(nameInText('编制单位：（盖章）', 'cover'), 'label-only', 'on a cover the name may follow in the next cell');
  assert.equal(nameInText('单位：万元'), undefined);
  assert.equal(nameInText('金额单位：万元'), undefined);
  assert.equal(nameInText('部门决算', 'cover'), undefined);
  assert.equal(nameInText('2024年度部门决算', 'cover'), undefined);
  assert.equal(nameInText('编制日期：2025年3月20日', 'cover'), undefined);
  assert.equal(nameInText('填报单位：2025年3月', 'cover'), undefined);
  assert.equal(nameInText('收入支出决算总表', 'cover'), undefined);
  assert.equal(nameInText('2024年度收入支出决算总表'), undefined);
  assert.equal(nameInText('一般公共预算财政拨款基本支出决算明细表', 'cover'), undefined);
  assert.equal(nameInText('部门：本部门'), undefined);
  assert.equal(nameInText('说明：我单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。'), undefined);
  assert.equal(nameInText('说明：本单位本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。'), undefined);
  assert.equal(nameInText('注：1. 本表反映部门本年度的总收入和年末结转结余情况。'), undefined);
  assert.equal(nameInText('单位负责人：张三', 'cover'), undefined);
  assert.equal(looksLikeDepartment('本部门'), false);
  assert.equal(labelValueName('万元'), undefined);
  assert.equal(labelValueName('2024年12月31日'), undefined);
});

test('where names are: 部门 lines, titles, cover lines, notes, 目录 entries', () => {
  assert.deepEqual(nameInText('部门：株洲市长株潭一体化发展事务中心  金额单位：万元'), { name: '株洲市长株潭一体化发展事务中心', how: 'label' });
  assert.deepEqual(nameInText(`${FULL}2024年度部门决算表`), { name: FULL, how: 'title', year: 2024 });
  assert.deepEqual(nameInText(`${SHORT}2024年度收入支出决算总表`), { name: SHORT, how: 'title', year: 2024 });
  assert.deepEqual(nameInText(`1.${FULL}2024年度收入决算表`, 'cover'), { name: FULL, how: 'title', year: 2024 });
  assert.deepEqual(nameInText(`公开01表 ${FULL} 2024 年度收入支出决算总表`, 'cover'), { name: FULL, how: 'title', year: 2024 });
  assert.deepEqual(nameInText(`${FULL}部门决算`, 'cover'), { name: FULL, how: 'title' });
  assert.deepEqual(nameInText(`编制单位（盖章）：${FULL}`, 'cover'), { name: FULL, how: 'label' });
  assert.deepEqual(nameInText(`单位名称：${FULL}`, 'cover'), { name: FULL, how: 'label' });
  assert.deepEqual(nameInText(FULL, 'cover'), { name: FULL, how: 'alone' });
  assert.equal(nameInText(FULL), undefined, 'a name alone counts on a cover or 目录 only');
  assert.equal(nameInText('根据株洲市财政局2024年度部门决算编制要求，现将情况说明如下。', 'other'), undefined, 'a sentence is no title');
  assert.equal(nameInText('株洲市财政局2024年度部门决算编制要求，现将情况说明如下', 'other'), undefined, 'a full-width comma makes a sentence');
  assert.equal(nameInText('株洲市财政局本年度没有安排此项支出', 'other'), undefined, 'no-data statements count on table sheets only');
  assert.deepEqual(nameInText(`说明：${FULL}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。`, 'other'), { name: FULL, how: 'note' });
  assert.deepEqual(nameInText('说明：上海市XX局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。'), { name: '上海市XX局', how: 'note' });
  assert.deepEqual(nameInText(`说明：${FULL}2024年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。`), { name: FULL, how: 'note' });
});

test('the file name: year, 部门决算/公开/表 words, extension, numbering and remarks go', () => {
  assert.equal(fileNameWitness(`${FULL}2024年度部门决算.xlsx`)?.name, FULL);
  assert.equal(fileNameWitness(`D:\\决算\\03-${FULL}2024年部门决算公开表（修改稿）.xlsx`)?.name, FULL);
  assert.equal(fileNameWitness(`/tmp/${FULL}_2024决算(1).xls`)?.name, FULL);
  assert.equal(fileNameWitness(`${FULL}2024年度部门决算.xlsx`)?.text, `${FULL}2024年度部门决算.xlsx`);
  assert.equal(fileNameWitness('上海市普陀区XX局2024年度部门决算.xlsx')?.name, '上海市普陀区XX局');
  assert.equal(fileNameWitness('seed-2024.xlsx'), undefined);
  assert.equal(fileNameWitness('2024年度部门决算公开.xlsx'), undefined);
  assert.equal(fileNameWitness('决算审核 终稿.xlsx'), undefined);
  assert.equal(fileNameWitness(undefined), undefined);
});

test('division prefixes: split from the left, never inside the body (市容, 城市, 市场)', () => {
  assert.deepEqual(splitDivisions(FULL), { divisions: ['上海市', '普陀区'], body: '规划和自然资源局' });
  assert.deepEqual(splitDivisions('上海市浦江区绿化和市容管理局'), { divisions: ['上海市', '浦江区'], body: '绿化和市容管理局' });
  assert.deepEqual(splitDivisions('上海市城市管理行政执法局'), { divisions: ['上海市'], body: '城市管理行政执法局' });
  assert.deepEqual(splitDivisions('北京市市场监督管理局'), { divisions: ['北京市'], body: '市场监督管理局' });
  assert.deepEqual(splitDivisions('湖南省株洲市长株潭一体化发展事务中心'), { divisions: ['湖南省', '株洲市'], body: '长株潭一体化发展事务中心' });
  assert.deepEqual(splitDivisions('广西壮族自治区柳州市柳城县财政局'), { divisions: ['广西壮族自治区', '柳州市', '柳城县'], body: '财政局' });
});

test('a shortened name: which prefixes were dropped, and whether the innermost (the district) is one of them', () => {
  assert.deepEqual(droppedDivisions(SHORT, FULL), { dropped: ['普陀区'], innermost: true });
  assert.deepEqual(droppedDivisions('普陀区规划和自然资源局', FULL), { dropped: ['上海市'], innermost: false });
  assert.deepEqual(droppedDivisions('规划和自然资源局', FULL), { dropped: ['上海市', '普陀区'], innermost: true });
  assert.equal(droppedDivisions(FULL, SHORT), undefined, 'the fuller name is not a shortened form');
  assert.equal(droppedDivisions(FULL, FULL), undefined);
  assert.equal(droppedDivisions('上海市静安区规划和自然资源局', FULL), undefined, 'another district is another name');
  assert.equal(departmentKey(' 上海市普陀区 规划和自然资源局（盖章）'), FULL);
});

const w = (name: string, kind: WitnessKind, cell?: string): DepartmentWitness => ({ name, kind, cell, text: name });
const tables = (name: string, n: number, kind: WitnessKind = 'header') => Array.from({ length: n }, (_, i) => w(name, kind, `公开0${i + 1}表!A3`));

test('best name: the most specific full name the others are consistent with; a placeholder never wins', () => {
  assert.equal(bestDepartment([w(FULL, 'cover', '封面!A1'), ...tables(SHORT, 9, 'title')]), FULL, 'a cover with the district beats shortened titles');
  assert.equal(bestDepartment([w('上海市普陀区XX局', 'cover', '封面!A1'), ...tables(FULL, 2)]), FULL);
  assert.equal(bestDepartment([...tables('上海市普陀区XX局', 9, 'title')]), undefined, 'only placeholders: no name');
  assert.equal(bestDepartment([...tables('上海市普陀区XX局', 9, 'title'), w(FULL, 'file')]), FULL, 'the file name when nothing else names one');
});

test('best name: a majority of tables beats one odd table; the file name never overrules the tables', () => {
  const zhu = '株洲市长株潭一体化发展事务中心';
  const typo = '株州市长株潭一体化发展事务中心';
  assert.equal(bestDepartment([...tables(zhu, 7), w(typo, 'header', '公开08表!A3'), w(typo, 'cover', '封面!A2')]), zhu);
  assert.equal(bestDepartment([...tables(SHORT, 9, 'title'), w(FULL, 'file')]), SHORT, 'the file name alone does not make the titles wrong');
  assert.equal(bestDepartment([w(typo, 'header', '公开01表!A3'), w(zhu, 'header', '公开02表!A3')]), typo, 'a tie goes to the first seen');
  assert.equal(bestDepartment([]), undefined);
});

test('readWorkbook facts on the sample: nine 部门 lines, 株洲 attested best, no other witness (notes say 我单位)', async () => {
  const { facts } = readWorkbook(await seedSnapshot());
  assert.equal(facts.department?.name, '株洲市长株潭一体化发展事务中心');
  const ws = facts.department?.witnesses ?? [];
  assert.equal(ws.length, 9);
  assert.ok(ws.every((x) => x.kind === 'header' && x.cell === `公开${x.table}表!A3`), JSON.stringify(ws));
  assert.deepEqual(ws.filter((x) => x.name.startsWith('株州')).map((x) => x.cell), ['公开02表!A3', '公开06表!A3']);
  assert.equal(facts.year, undefined, 'the sample states no year (the file name is not asked)');
});

test('readWorkbook facts: cover, 目录, note and file name witnesses, with their kinds, cells and tables', async () => {
  const snap = withCells(await seedSnapshot(), {
    '公开07表!A9': '说明：上海市普陀区XX局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
    '公开01表!A1': `${FULL}2024年度收入支出决算总表`,
  });
  snap.source = `${FULL}2024年度部门决算.xlsx`;
  snap.sheets.unshift(
    { name: '封面', origin: { row: 0, col: 0 }, values: [[FULL], ['2024年度部门决算'], ['编制单位：', '（盖章）'], ['编制日期：2025年3月']] },
    { name: '目录', origin: { row: 0, col: 0 }, values: [['目录'], [`一、${FULL}2024年度收入支出决算总表`], ['二、收入决算表']] },
  );
  snap.sheets.push({ name: '草稿', origin: { row: 0, col: 0 }, values: [['部门：上海市普陀区旧名称局']], visibility: 'hidden' });
  const { facts } = readWorkbook(snap);
  const ws = facts.department?.witnesses ?? [];
  const seen = ws.map((x) => [x.kind, x.cell ?? '', x.table ?? '', x.name]);
  assert.deepEqual(seen.slice(0, 2), [
    ['cover', '封面!A1', '', FULL],
    ['contents', '目录!A2', '', FULL],
  ]);
  assert.deepEqual(seen.slice(2, 4), [
    ['title', '公开01表!A1', '01', FULL],
    ['header', '公开01表!A3', '01', '株洲市长株潭一体化发展事务中心'],
  ]);
  assert.ok(seen.some(([k, c, t, n]) => k === 'note' && c === '公开07表!A9' && t === '07' && n === '上海市普陀区XX局'), JSON.stringify(seen));
  assert.deepEqual(seen.at(-1), ['file', '', '', FULL]);
  assert.ok(!seen.some(([, c]) => c.startsWith('草稿')), 'a hidden sheet without a published table is not a witness');
  assert.equal(ws.find((x) => x.kind === 'title')?.year, 2024);
  assert.equal(facts.year, 2024, 'the year 公开01表 states');
  assert.equal(facts.department?.name, '株洲市长株潭一体化发展事务中心', 'seven 株洲 部门 lines outnumber the cover, 目录 and 01 title (the file name is not counted)');
});

test('readWorkbook facts: no department anywhere → no department fact', async () => {
  const blank: Record<string, null> = {};
  for (let i = 1; i <= 9; i++) blank[`公开0${i}表!A3`] = null;
  const snap = withCells(await seedSnapshot(), blank);
  snap.source = 'book1.xlsx';
  const { facts } = readWorkbook(snap);
  assert.equal(facts.department, undefined);
});

test('a sheet holding the narrative: its title counts, sentences naming other bodies do not', async () => {
  const snap = structuredClone(await seedSnapshot());
  snap.sheets.push({
    name: '情况说明',
    origin: { row: 0, col: 0 },
    values: [
      ['株洲市长株潭一体化发展事务中心2024年度部门决算情况说明'],
      ['根据株洲市财政局2024年度部门决算编制要求，现将有关情况说明如下。'],
      ['株洲市发展和改革委员会本年度没有向本单位下达政府性基金预算。'],
      ['本部门2024年度收入、支出决算总计都为1,234.56万元。'],
    ],
  });
  const ws = readWorkbook(snap).facts.department?.witnesses ?? [];
  assert.deepEqual(
    ws.filter((x) => x.kind === 'sheet').map((x) => [x.cell, x.name]),
    [['情况说明!A1', '株洲市长株潭一体化发展事务中心']],
  );
});
