import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, seedSnapshot, withCells } from './support';
import { checkSnapshot } from '../../src/core/report';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { runRules } from '../../src/core/rules/engine';
import { headerDepartmentRule } from '../../src/core/rules/structure/header-department';
import { departmentPlaceholderRule } from '../../src/core/rules/structure/department-placeholder';
import { departmentShortenedRule } from '../../src/core/rules/structure/department-shortened';
import { departmentMismatchRule } from '../../src/core/rules/structure/department-mismatch';
import { TABLE_CODES, TABLE_NAMES } from '../../src/core/tables/codes';
import type { Finding } from '../../src/core/findings/finding';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';

const FULL = '上海市普陀区规划和自然资源局';
const SHORT = '上海市规划和自然资源局';
const ZHU = '株洲市长株潭一体化发展事务中心';
const DEPARTMENT_RULES = [headerDepartmentRule, departmentPlaceholderRule, departmentShortenedRule, departmentMismatchRule];
const TITLE_CELLS = TABLE_CODES.map((c) => `公开${c}表!A1`);
const HEADER_CELLS = TABLE_CODES.map((c) => `公开${c}表!A3`);

/** The sample with every table titled “{name}2024年度{title}” (Shanghai style) and its 部门 line set (null: removed). */
function retitled(seed: WorkbookSnapshot, name: string, header: string | null): WorkbookSnapshot {
  const cells: Record<string, CellValue> = {};
  for (const code of TABLE_CODES) {
    cells[`公开${code}表!A1`] = `${name}2024年度${TABLE_NAMES[code]}`;
    cells[`公开${code}表!A3`] = header === null ? null : `部门：${header}`;
  }
  return withCells(seed, cells);
}

/** A cover sheet put first, and the file name. */
function withCover(snapshot: WorkbookSnapshot, cover: CellValue[][], source?: string): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  copy.sheets.unshift({ name: '封面', origin: { row: 0, col: 0 }, values: cover });
  copy.source = source;
  return copy;
}

const COVER = [[FULL], ['2024年度部门决算'], [null], ['编制单位：（盖章）'], ['编制日期：2025年3月']];
const FILE = `${FULL}2024年度部门决算.xlsx`;

function departmentFindings(snapshot: WorkbookSnapshot): Finding[] {
  return checkSnapshot(snapshot).report.findings.filter((f) => f.rule === 'header-department' || f.rule.startsWith('department-'));
}

test('real case 1: a template placeholder in every title is ONE error naming the nine title cells', async () => {
  const snap = withCover(retitled(await seedSnapshot(), '上海市普陀区XX局', null), COVER, FILE);
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  const [f] = found;
  assert.equal(f.rule, 'department-placeholder');
  assert.equal(f.severity, 'error');
  assert.equal(f.table, '01');
  assert.deepEqual(f.cells, [...TITLE_CELLS, '封面!A1'], 'the nine titles, then where the real name is printed');
  assert.match(f.message, /^公开01、02、03、04、05、06、07、08、09表的标题中的部门名称“上海市普陀区XX局”是模板占位符/);
  assert.match(f.message, /封面（封面!A1）、文件名“上海市普陀区规划和自然资源局2024年度部门决算\.xlsx”写作“上海市普陀区规划和自然资源局”/);
  assert.match(f.message, /请逐处改为本部门全称“上海市普陀区规划和自然资源局”/);
  assert.equal(checkSnapshot(snap).report.summary.error, 1, 'nothing else is an error');
});

test('placeholder: each spelling of the template is caught; a note’s placeholder joins the titles’ finding', async () => {
  const seed = await seedSnapshot();
  for (const p of ['上海市××局', '上海市ＸＸ局', '上海市xx局', '上海市某某区某某局', '***局', '（单位名称）', 'XXX部门']) {
    const found = findingsOf(departmentPlaceholderRule, retitled(seed, p, ZHU));
    assert.equal(found.length, 1, `${p}: ${JSON.stringify(found)}`);
    assert.equal(found[0].severity, 'error', p);
    assert.deepEqual(found[0].cells, [...TITLE_CELLS, '公开01表!A3'], p);
    assert.match(found[0].message, new RegExp(`写作“${ZHU}”`), p);
  }
  const note = withCells(retitled(seed, '上海市XX局', ZHU), {
    '公开07表!A9': '说明：上海市XX局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
  });
  const found = findingsOf(departmentPlaceholderRule, note);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual(found[0].cells, [...TITLE_CELLS.slice(0, 7), '公开07表!A9', ...TITLE_CELLS.slice(7), '公开01表!A3']);
  assert.match(found[0].message, /公开01、02、03、04、05、06、07、08、09表的标题、公开07表的说明中的部门名称“上海市XX局”/);
});

test('placeholder: two different placeholders are two findings; one only in the file name is info', async () => {
  const seed = await seedSnapshot();
  const two = withCover(retitled(seed, '上海市XX局', ZHU), [['编制单位：某某单位']]);
  const found = findingsOf(departmentPlaceholderRule, two);
  assert.deepEqual(found.map((f) => [f.severity, f.cells.length]), [['error', 2], ['error', 10]]);
  assert.deepEqual(found[0].cells, ['封面!A1', '公开01表!A3']);
  const fileOnly = structuredClone(seed);
  fileOnly.source = '上海市XX局2024年度部门决算.xlsx';
  const hint = findingsOf(departmentPlaceholderRule, withCells(fileOnly, { '公开02表!A3': `部门：${ZHU}`, '公开06表!A3': `部门：${ZHU}` }));
  assert.equal(hint.length, 1, JSON.stringify(hint));
  assert.equal(hint[0].severity, 'info');
  assert.match(hint[0].message, /^文件名“上海市XX局2024年度部门决算\.xlsx”中的部门名称“上海市XX局”是模板占位符/);
});

test('real case 2: titles without the district vs the cover and file name → ONE error naming the titles', async () => {
  const snap = withCover(retitled(await seedSnapshot(), SHORT, null), COVER, FILE);
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  const [f] = found;
  assert.equal(f.rule, 'department-shortened');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.cells, [...TITLE_CELLS, '封面!A1']);
  assert.equal(
    f.message,
    '公开01、02、03、04、05、06、07、08、09表的标题中的部门名称“上海市规划和自然资源局”比封面（封面!A1）、文件名“上海市普陀区规划和自然资源局2024年度部门决算.xlsx”中的全称“上海市普陀区规划和自然资源局”少了“普陀区”，字面上是另一个（上级）机关的名称。同一套决算应使用同一部门全称，请改为“上海市普陀区规划和自然资源局”。',
  );
});

test('shortened: titles and 部门 lines both shortened are still one finding; header-department stays silent', async () => {
  const snap = withCover(retitled(await seedSnapshot(), SHORT, SHORT), COVER, FILE);
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  assert.equal(found[0].rule, 'department-shortened');
  assert.equal(found[0].cells.length, 19);
  assert.match(found[0].message, /^公开01、02、03、04、05、06、07、08、09表的标题、公开01、02、03、04、05、06、07、08、09表的表头中的/);
});

test('shortened: a few tables without the district, the others and the cover full → those tables only, not header-department', async () => {
  const seed = await seedSnapshot();
  const snap = withCover(
    withCells(seed, Object.fromEntries(HEADER_CELLS.map((c, i) => [c, `部门：${i < 3 ? SHORT : FULL}`]))),
    COVER,
  );
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  assert.equal(found[0].rule, 'department-shortened');
  assert.deepEqual(found[0].cells, ['公开01表!A3', '公开02表!A3', '公开03表!A3', '公开04表!A3']);
  assert.match(found[0].message, /^公开01、02、03表的表头中的部门名称“上海市规划和自然资源局”比公开04、05、06、07、08、09表的表头、封面（封面!A1）中的全称/);
});

test('shortened: dropping only the outer 上海市 still names the department: a warning', async () => {
  const seed = await seedSnapshot();
  const snap = withCover(retitled(seed, '普陀区规划和自然资源局', null), COVER);
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rule, 'department-shortened');
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /少了“上海市”（仍指本部门，但不是全称）/);
});

test('the sample: the 株州 header error is unchanged, and no department rule adds anything', async () => {
  const found = departmentFindings(await seedSnapshot());
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.rule, 'header-department');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.cells, ['公开02表!A3', '公开06表!A3', '公开01表!A3']);
  assert.equal(
    f.message,
    '公开02、06表的表头部门名称“株州市长株潭一体化发展事务中心”与其他各表（公开01、03、04、05、07、08、09表）的“株洲市长株潭一体化发展事务中心”不一致（“株州”与“株洲”）。同一套决算各表应使用同一部门全称，请核对改正。',
  );
});

test('cover, titles and file name all agreeing → no department finding', async () => {
  const snap = withCover(retitled(await seedSnapshot(), FULL, FULL), COVER, FILE);
  snap.sheets.splice(1, 0, { name: '目录', origin: { row: 0, col: 0 }, values: [['目录'], [`1.${FULL}2024年度收入支出决算总表`]] });
  assert.deepEqual(departmentFindings(snap), []);
  assert.equal(readWorkbook(snap).facts.department?.witnesses.length, 21, 'cover, 目录, nine titles, nine 部门 lines, file name');
});

test('no department anywhere (no 部门 line, no name in titles, no cover, an ordinary file name) → no finding', async () => {
  const snap = withCells(await seedSnapshot(), Object.fromEntries(HEADER_CELLS.map((c) => [c, null])));
  snap.source = '工作簿1.xlsx';
  assert.deepEqual(departmentFindings(snap), []);
});

test('mismatch: a cover and 目录 naming another body → one error per distinct wrong name, the tables’ name kept', async () => {
  const seed = await seedSnapshot();
  const fixed = withCells(seed, { '公开02表!A3': `部门：${ZHU}`, '公开06表!A3': `部门：${ZHU}` });
  const other = '株洲市长株潭一体化发展服务中心';
  const snap = withCover(fixed, [['编制单位：', other]]);
  snap.sheets.splice(1, 0, {
    name: '目录',
    origin: { row: 0, col: 0 },
    values: [['目录'], [`1.${other}2024年度收入支出决算总表`], [`2.${other}2024年度收入决算表`], ['3.株洲市长株潭发展事务中心2024年度支出决算表']],
  });
  const found = departmentFindings(snap);
  assert.equal(found.length, 2, JSON.stringify(found, null, 1));
  assert.ok(found.every((f) => f.rule === 'department-mismatch' && f.severity === 'error'));
  const f = found.find((x) => x.message.includes('服务中心'));
  assert.ok(f);
  assert.deepEqual(f.cells, ['封面!B1', '目录!A2', '目录!A3', '公开01表!A3']);
  assert.match(f.message, /^封面（封面!B1）、目录（目录!A2、目录!A3）中的部门名称“株洲市长株潭一体化发展服务中心”与公开01、02、03、04、05、06、07、08、09表的表头中的“株洲市长株潭一体化发展事务中心”不一致（“展服”与“展事”）/);
  assert.equal(readWorkbook(snap).facts.department?.name, ZHU);
});

test('mismatch: a cover printing the same wrong name as two tables joins header-department’s finding', async () => {
  const snap = withCover(await seedSnapshot(), [['单位名称：株州市长株潭一体化发展事务中心']]);
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  assert.equal(found[0].rule, 'header-department');
  assert.deepEqual(found[0].cells, ['公开02表!A3', '公开06表!A3', '封面!A1', '公开01表!A3']);
  assert.match(found[0].message, /（“株州”与“株洲”）；封面（封面!A1）也写作“株州市长株潭一体化发展事务中心”。/);
});

test('the file name: a difference only there is info, and it never makes the tables’ consistent name wrong', async () => {
  const seed = await seedSnapshot();
  const fixed = withCells(seed, { '公开02表!A3': `部门：${ZHU}`, '公开06表!A3': `部门：${ZHU}` });
  fixed.source = '株洲市长株潭发展中心2024年度部门决算.xlsx';
  const found = departmentFindings(fixed);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rule, 'department-mismatch');
  assert.equal(found[0].severity, 'info');
  assert.deepEqual(found[0].cells, ['公开01表!A3']);
  assert.match(found[0].message, /^文件名“株洲市长株潭发展中心2024年度部门决算\.xlsx”中的部门名称“株洲市长株潭发展中心”与.*不一致.*文件名不影响公开内容/);

  // Titles consistently without the district; only the file name has it: the titles are not wrong.
  const titles = retitled(seed, SHORT, null);
  titles.source = FILE;
  const hints = departmentFindings(titles);
  assert.ok(hints.every((f) => f.severity === 'info'), JSON.stringify(hints));
  assert.equal(readWorkbook(titles).facts.department?.name, SHORT);

  // A file name that is a shortened form is how people name files: nothing.
  const short = withCover(retitled(seed, FULL, null), COVER, `${SHORT}.xlsx`);
  assert.deepEqual(departmentFindings(short), []);
});

test('one odd table against the majority stays header-department’s, even with a cover agreeing with the majority', async () => {
  const snap = withCover(withCells(await seedSnapshot(), { '公开02表!A3': `部门：${ZHU}`, '公开06表!A3': `部门：${ZHU}`, '公开09表!A3': '部门：株洲市长株潭一体化中心' }), [[ZHU]]);
  const found = departmentFindings(snap);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rule, 'header-department');
  assert.deepEqual(found[0].cells, ['公开09表!A3', '公开01表!A3']);
});

test('without facts (a model built some other way) the tables’ own 部门 are the witnesses', async () => {
  const { model } = readWorkbook(await seedSnapshot());
  const found = runRules(model, DEPARTMENT_RULES);
  assert.deepEqual(found.map((f) => [f.rule, f.cells.join(',')]), [['header-department', '公开02表!A3,公开06表!A3,公开01表!A3']]);
  const placeholder = readWorkbook(withCells(await seedSnapshot(), Object.fromEntries(HEADER_CELLS.map((c) => [c, '部门：上海市XX局'])))).model;
  const one = runRules(placeholder, DEPARTMENT_RULES);
  assert.deepEqual(one.map((f) => [f.rule, f.severity, f.cells.join(',')]), [['department-placeholder', 'error', HEADER_CELLS.join(',')]]);
  assert.match(one[0].message, /没有替换为本部门的全称。请逐处改为本部门全称。$/);
});

test('names only in the titles (“单位：万元” below): the titles are the tables’ own lines, header-department compares them', async () => {
  const seed = await seedSnapshot();
  const cells: Record<string, CellValue> = {};
  for (const code of TABLE_CODES) {
    const name = code === '02' || code === '06' ? '株州市长株潭一体化发展事务中心' : ZHU;
    cells[`公开${code}表!A1`] = `${name}2024年度${TABLE_NAMES[code]}`;
    cells[`公开${code}表!A3`] = null;
  }
  const found = departmentFindings(withCells(seed, cells));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rule, 'header-department');
  assert.deepEqual(found[0].cells, ['公开02表!A1', '公开06表!A1', '公开01表!A1']);
});

test('a wrong name in both a table’s title and its 部门 line: one cell per table, the title named in the message', async () => {
  const seed = await seedSnapshot();
  const cells: Record<string, CellValue> = {};
  for (const code of ['02', '06'] as const) cells[`公开${code}表!A1`] = `株州市长株潭一体化发展事务中心2024年度${TABLE_NAMES[code]}`;
  const found = departmentFindings(withCells(seed, cells));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rule, 'header-department');
  assert.deepEqual(found[0].cells, ['公开02表!A3', '公开06表!A3', '公开01表!A3'], 'the same cells as without the titles');
  assert.match(found[0].message, /；公开02、06表的标题也写作“株州市长株潭一体化发展事务中心”。/);
});
