import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLabelLike, parseAmount } from '../../src/core/read/amount';
import { classifyTitle } from '../../src/core/read/title';
import { normalizeLabel, stripNumbering } from '../../src/core/util/text';
import { a1, columnIndex, columnLetters, splitCellRef } from '../../src/core/workbook/address';

const num = (v: Parameters<typeof parseAmount>[0]) => {
  const p = parseAmount(v);
  return p.kind === 'number' ? p.value.toString() : p.kind;
};

test('numbers and numeric text read as exact decimals', () => {
  assert.equal(num(519.63), '519.63');
  assert.equal(num(0.1 + 0.2), '0.3', 'binary noise never reaches a sum');
  assert.equal(num('1,234.56'), '1234.56');
  assert.equal(num('１，２３４．５６'), '1234.56');
  assert.equal(num('５１９．６３'), '519.63');
  assert.equal(num('  519.63 '), '519.63');
  assert.equal(num('\u3000519.63\u3000'), '519.63');
  assert.equal(num('(12.30)'), '-12.3');
  assert.equal(num('（12.30）'), '-12.3');
  assert.equal(num('－3.5'), '-3.5');
  assert.equal(num('-3.5'), '-3.5');
  assert.equal(num('¥1,000'), '1000');
  assert.equal(num('12.5万元'), '12.5');
  assert.equal(num('.5'), '0.5');
  assert.equal(num(9_999_999_999_999.99), '9999999999999.99', 'up to 10 万亿, to the 分');
});

test('a figure of 10 万亿 or more cannot be exact to the 分: too large, as a number or as text', () => {
  for (const v of [1e13, 1e15, -1e13, 1e300, '10000000000000', '１０，０００，０００，０００，０００']) {
    const parsed = parseAmount(v);
    assert.equal(parsed.kind === 'invalid' && parsed.reason, 'too-large', String(v));
  }
});

test('a formula without a cached result (read as "=…") is named as such, not as text', () => {
  const parsed = parseAmount('=SUM(C8:C10)');
  assert.equal(parsed.kind === 'invalid' && parsed.reason, 'formula');
  assert.equal(parseAmount('=').kind === 'invalid' && (parseAmount('=') as { reason: string }).reason, 'text');
});

test('blank marks read as empty; errors and words are invalid', () => {
  for (const v of [null, '', ' ', '-', '—', '——', '/', '－', '--']) assert.equal(num(v as string | null), 'empty', String(v));
  for (const v of ['#REF!', '#VALUE!', '#DIV/0!', '#N/A', 'abc', '1,2', '12..3', '(-3)', '1 2', true]) {
    assert.equal(num(v), 'invalid', String(v));
  }
  const err = parseAmount('#REF!');
  assert.equal(err.kind === 'invalid' && err.reason, 'excel-error');
});

test('titles are classified by content, whatever the prefix or numbering', () => {
  const cases: Array<[string, string | undefined]> = [
    ['收入支出决算总表', '01'],
    ['部门收支决算总表', '01'],
    ['上海市某某局2024年度收入支出决算总表', '01'],
    ['收入决算表', '02'],
    ['收入决算总表', '02'],
    ['支出决算表', '03'],
    ['财政拨款收入支出决算总表', '04'],
    ['财政拨款收支决算总表', '04'],
    ['一般公共预算财政拨款支出决算表', '05'],
    ['一般公共预算财政拨款基本支出决算明细表', '06'],
    ['一般公共预算财政拨款基本支出决算表', '06'],
    ['政府性基金预算财政拨款收入支出决算表', '07'],
    ['国有资本经营预算财政拨款支出决算表', '08'],
    ['国有资本经营预算财政拨款收入支出决算表', '08'],
    ['财政拨款“三公”经费支出决算表', '09'],
    ['一般公共预算财政拨款“三公”经费支出决算表', '09'],
    ['上海市某某局2024年度部门决算表', undefined],
    ['注：本表反映部门本年度一般公共预算财政拨款支出情况。', undefined],
    ['说明：我单位没有政府性基金收入，故本表无数据。', undefined],
  ];
  for (const [title, code] of cases) assert.equal(classifyTitle(normalizeLabel(title)), code, title);
});

test('labels normalise across exporters; numbering is stripped only where it is numbering', () => {
  assert.equal(normalizeLabel('公务用车购 置费'), '公务用车购置费');
  assert.equal(normalizeLabel('公务用车购\n置费'), '公务用车购置费');
  assert.equal(normalizeLabel('因公出国（境）费'), '因公出国(境)费');
  assert.equal(normalizeLabel('“三公”经费'), '三公经费');
  assert.equal(stripNumbering('一、一般公共服务支出'), '一般公共服务支出');
  assert.equal(stripNumbering('二十六、抗疫特别国债安排的支出'), '抗疫特别国债安排的支出');
  assert.equal(stripNumbering('(一)财政拨款'), '财政拨款');
  assert.equal(stripNumbering('1.基本工资'), '基本工资');
  assert.equal(stripNumbering('一般公共预算财政拨款'), '一般公共预算财政拨款');
});

test('A1 addresses', () => {
  assert.equal(columnLetters(0), 'A');
  assert.equal(columnLetters(25), 'Z');
  assert.equal(columnLetters(26), 'AA');
  assert.equal(columnLetters(16383), 'XFD');
  assert.equal(columnIndex('XFD'), 16383);
  assert.equal(a1(1048575, 0), 'A1048576');
  assert.deepEqual(splitCellRef('公开01表!C7'), { sheet: '公开01表', address: 'C7' });
  assert.deepEqual(splitCellRef('a!b!C7'), { sheet: 'a!b', address: 'C7' });
});

test('a date (the "YYYY-MM-DD" every host gives for a date-formatted cell) is named as a date, and may be a label', () => {
  const p = parseAmount('2024-01-05');
  assert.deepEqual(p.kind === 'invalid' && [p.reason, p.text], ['date', '2024-01-05']);
  assert.ok(isLabelLike(p), 'a header\'s 编制日期 still reads as a label, as before');
  assert.equal(num('2024-1-5'), 'invalid', 'other date-like text stays text');
  const other = parseAmount('2024-1-5');
  assert.equal(other.kind === 'invalid' && other.reason, 'text');
});
