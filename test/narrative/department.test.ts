import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedSnapshot, withCells } from '../rules/support';
import { generateNarrative, narrateSnapshot } from '../../src/core/narrative/generate';
import { readWorkbook } from '../../src/core/read/read-workbook';
import { readSupplement } from '../../src/core/supplement/read-supplement';
import { checkSnapshot } from '../../src/core/report';
import { unitAndYear } from '../../src/core/tables/unit-and-year';
import { buildSupplementTemplate, departmentOf } from '../../src/core/supplement/template';
import { TABLE_CODES, TABLE_NAMES } from '../../src/core/tables/codes';
import type { CellValue, WorkbookSnapshot } from '../../src/core/workbook/snapshot';

const FULL = '上海市普陀区规划和自然资源局';
const SHORT = '上海市规划和自然资源局';

/** The sample titled and headed with `name` in every table, with a cover printing `cover`. */
async function workbook(name: string, cover: string): Promise<WorkbookSnapshot> {
  const cells: Record<string, CellValue> = {};
  for (const code of TABLE_CODES) {
    cells[`公开${code}表!A1`] = `${name}2024年度${TABLE_NAMES[code]}`;
    cells[`公开${code}表!A3`] = `部门：${name}`;
  }
  const snap = withCells(await seedSnapshot(), cells);
  snap.sheets.unshift({ name: '封面', origin: { row: 0, col: 0 }, values: [[cover], ['2024年度部门决算']] });
  return snap;
}

test('the narrative names the department by its best-attested name: the cover’s full name, not the shortened titles', async () => {
  const snap = await workbook(SHORT, FULL);
  const read = readWorkbook(snap);
  assert.equal(departmentOf(read.model), SHORT, 'the tables alone say the shortened name');
  const { document, text } = narrateSnapshot(snap, { format: 'shanghai' });
  assert.equal(document.department, FULL);
  assert.equal(document.title, `${FULL}2024年度部门决算情况说明`);
  assert.match(text, new RegExp(`${FULL}2024年度收入支出总计`));
  assert.doesNotMatch(text, new RegExp(SHORT));
  const direct = generateNarrative(read.model, undefined, { format: 'shanghai', facts: read.facts });
  assert.equal(direct.document.department, FULL);
  assert.equal(generateNarrative(read.model, undefined, { format: 'shanghai' }).document.department, SHORT, 'without facts: as before');
});

test('a placeholder is never written into the narrative as the department’s name: the Shanghai template asks for the name', async () => {
  const snap = await workbook('上海市XX局', '上海市XX局');
  const { document, text, findings } = narrateSnapshot(snap, { format: 'shanghai' });
  assert.equal(document.department, undefined);
  assert.doesNotMatch(text, /XX局/);
  assert.match(text, /^第三部分 【请填写：单位名称】2024年度部门决算情况说明$/m);
  assert.match(text, /【请填写：单位名称】2024年度收入支出总计/);
  assert.equal(findings.filter((f) => f.rule === 'narrative-missing-input' && f.message.includes('【请填写：单位名称】')).length, 1);
  // The Hunan sentences name no department: “本部门” stays.
  assert.doesNotMatch(narrateSnapshot(snap).text, /单位名称|XX局/);
});

test('the 说明数据 template pre-fills 单位名称 with the best-attested name', async () => {
  const read = readWorkbook(await workbook(SHORT, FULL));
  const template = buildSupplementTemplate(read.model, { facts: read.facts });
  const row = template.fieldRows.find((f) => f.key === 'department');
  assert.ok(row);
  assert.equal(template.rows[row.row][template.valueColumn], FULL);
  const without = buildSupplementTemplate(read.model);
  assert.equal(without.rows[row.row][without.valueColumn], SHORT);
});

test('unitAndYear (batch rows, the pane) uses the best-attested name and the facts’ year when given', async () => {
  const checked = checkSnapshot(await workbook(SHORT, FULL));
  assert.deepEqual(unitAndYear(checked.model, checked.facts), { unit: FULL, year: '2024' });
  assert.deepEqual(unitAndYear(checked.model), { unit: SHORT, year: '2024' });
  const seed = checkSnapshot(await seedSnapshot());
  assert.deepEqual(unitAndYear(seed.model, seed.facts), { unit: '株洲市长株潭一体化发展事务中心', year: '' });
  // A year only on the cover (titles without one) comes from the facts.
  const cover = structuredClone(await seedSnapshot());
  cover.sheets.unshift({ name: '封面', origin: { row: 0, col: 0 }, values: [['株洲市长株潭一体化发展事务中心2024年度部门决算']] });
  const c = checkSnapshot(cover);
  assert.equal(c.facts.year, 2024);
  assert.deepEqual(unitAndYear(c.model, c.facts), { unit: '株洲市长株潭一体化发展事务中心', year: '2024' });
});

test('the workbook’s best-attested name wins over a different 单位名称 in 说明数据; without one, 说明数据 names the department', async () => {
  const snap = await workbook(SHORT, FULL);
  const withNotes = structuredClone(snap);
  withNotes.sheets.push({ name: '说明数据', origin: { row: 0, col: 0 }, values: [['年度', 2024], ['单位名称', SHORT]] });
  assert.equal(narrateSnapshot(withNotes, { format: 'shanghai' }).document.department, FULL);
  // Without the workbook's facts the 说明数据 names the department, before the caller's name and the titles.
  const other = '上海市闵行区规划和自然资源局';
  withNotes.sheets[withNotes.sheets.length - 1].values[1][1] = other;
  const read = readWorkbook(withNotes);
  const supplement = readSupplement(withNotes, read.model).supplement;
  assert.equal(generateNarrative(read.model, supplement, { format: 'shanghai', department: '上海市静安区规划和自然资源局' }).document.department, other);
  // A caller's placeholder name is no name: the titles'.
  assert.equal(generateNarrative(read.model, undefined, { format: 'shanghai', department: '上海市某某局' }).document.department, SHORT);
});
