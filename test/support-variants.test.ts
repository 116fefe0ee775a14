/**
 * Self-tests of the workbook builders in test/support: every seed variant builds, survives an ExcelJS
 * write → read round trip and keeps the seed's amounts; the Shanghai workbook's invented numbers satisfy the
 * identities of domain.md §2.1/§2.2 as read back from the written file.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  VARIANTS,
  SEED_TITLES,
  TABLE_CODES,
  type TableCode,
  amountAsText,
  buildVariant,
  cellText,
  columnNumberRows,
  eachValueCell,
  isMergeSlave,
  loadSeed,
  mergesOf,
  parseAmountText,
  rowNumberColumns,
  sanitizeSheetName,
  textifyAmounts,
  toCents,
  variantByName,
  workbookFromBuffer,
  workbookToBuffer,
} from './support/variants';
import {
  SHANGHAI_08_NOTE,
  SHANGHAI_CLASSES,
  SHANGHAI_EXPECTED,
  SHANGHAI_UNIT,
  T01_INCOME_ROWS,
  buildShanghaiWorkbook,
  checkShanghaiIdentities,
  type ShanghaiExpected,
} from './support/shanghai';

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** Amounts in cents: numbers formatted with 2 decimals or not integral, and text that parses as "d.dd". */
function amountMultiset(wb: ExcelJS.Workbook): number[] {
  const out: number[] = [];
  for (const ws of wb.worksheets) {
    eachValueCell(ws, (cell) => {
      const v = cell.value;
      if (typeof v === 'number') {
        if ((cell.numFmt ?? '').includes('0.00') || !Number.isInteger(v)) out.push(toCents(v));
      } else if (typeof v === 'string') {
        const cents = parseAmountText(v);
        if (cents !== undefined) out.push(cents);
      }
    });
  }
  return out.sort((a, b) => a - b);
}

/** Every numeric cell value (merge slaves excluded). */
function allNumbers(wb: ExcelJS.Workbook): number[] {
  const out: number[] = [];
  for (const ws of wb.worksheets) eachValueCell(ws, (cell) => typeof cell.value === 'number' && out.push(cell.value));
  return out.sort((a, b) => a - b);
}

function allTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  eachValueCell(ws, (cell) => out.push(cellText(cell)));
  return out;
}

function markerOf(ws: ExcelJS.Worksheet): string | undefined {
  return allTexts(ws)
    .map((t) => /公开0[1-9]表/.exec(t)?.[0])
    .find(Boolean);
}

function hasText(ws: ExcelJS.Worksheet, pred: (t: string) => boolean): boolean {
  return allTexts(ws).some(pred);
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return workbookFromBuffer(await workbookToBuffer(wb));
}

const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');

// ---------------------------------------------------------------------------------------------------------------
// Seed variants

describe('seed variants', () => {
  let seed: ExcelJS.Workbook;
  let seedAmounts: number[];
  let seedNumbers: number[];
  const built = new Map<string, ExcelJS.Workbook>();

  before(async () => {
    seed = await loadSeed();
    seedAmounts = amountMultiset(seed);
    seedNumbers = allNumbers(seed);
    for (const v of VARIANTS) built.set(v.name, await workbookFromBuffer(await buildVariant(v)));
  });

  it('the seed is as the builders expect (nine sheets, amounts found)', () => {
    assert.equal(seed.worksheets.length, 9);
    assert.ok(seedAmounts.length > 150, `only ${seedAmounts.length} amounts`);
    assert.ok(seedAmounts.includes(51963));
  });

  it('has the twelve variants, with unique names and descriptions', () => {
    assert.deepEqual(
      VARIANTS.map((v) => v.name),
      [
        'renamed-sheets',
        'title-named-sheets',
        'shuffled',
        'cover-and-toc',
        'stacked',
        'offset',
        'text-amounts',
        'line-broken-headers',
        'no-merges',
        'codes-as-numbers',
        'renumbered',
        'total-last',
      ],
    );
    for (const v of VARIANTS) assert.ok(v.description.length > 20, v.name);
  });

  it('loadSeed returns a fresh workbook on every call', async () => {
    const a = await loadSeed();
    const b = await loadSeed();
    assert.notEqual(a, b);
    a.worksheets[0].getCell('A1').value = 'changed';
    assert.notEqual(b.worksheets[0].getCell('A1').value, 'changed');
  });

  for (const v of VARIANTS) {
    it(`${v.name}: builds, round-trips and keeps every amount`, () => {
      const wb = built.get(v.name)!;
      assert.ok(wb.worksheets.length >= 1);
      assert.deepEqual(amountMultiset(wb), seedAmounts);
      if (!['text-amounts', 'codes-as-numbers', 'cover-and-toc'].includes(v.name)) {
        assert.deepEqual(allNumbers(wb), seedNumbers, 'every number (amounts, 栏次, 行次) kept');
      }
    });
  }

  it('renamed-sheets: Sheet1..Sheet9 in seed order', () => {
    const wb = built.get('renamed-sheets')!;
    assert.deepEqual(wb.worksheets.map((w) => w.name), TABLE_CODES.map((_c, i) => `Sheet${i + 1}`));
    assert.deepEqual(wb.worksheets.map(markerOf), TABLE_CODES.map((c) => `公开${c}表`));
  });

  it('title-named-sheets: sheets named by their titles, valid Excel names', () => {
    const wb = built.get('title-named-sheets')!;
    assert.deepEqual(wb.worksheets.map((w) => w.name), TABLE_CODES.map((c) => SEED_TITLES[c]));
    for (const w of wb.worksheets) {
      assert.ok(w.name.length <= 31);
      assert.ok(!/[[\]:*?/\\]/.test(w.name));
    }
    assert.equal(sanitizeSheetName('a[b]:c*d?e/f\\g'), 'a b  c d e f g');
    assert.equal(sanitizeSheetName('x'.repeat(40)).length, 31);
  });

  it('shuffled: the fixed permutation', () => {
    const wb = built.get('shuffled')!;
    const order = wb.worksheets.map((w) => markerOf(w)!.slice(2, 4));
    assert.deepEqual(order, ['07', '03', '09', '01', '06', '02', '08', '05', '04']);
    assert.deepEqual(wb.worksheets.map((w) => w.name), order.map((c) => `公开${c}表`));
  });

  it('cover-and-toc: a cover, then a 目录 sheet listing all nine titles, then the tables', () => {
    const wb = built.get('cover-and-toc')!;
    assert.equal(wb.worksheets.length, 11);
    assert.equal(wb.worksheets[0].name, '封面');
    const cover = allTexts(wb.worksheets[0]);
    assert.ok(cover.includes('株洲市长株潭一体化发展事务中心'));
    assert.ok(cover.includes('2024年度部门决算'));
    const toc = wb.worksheets.find((w) => w.name === '目录')!;
    const texts = allTexts(toc);
    for (const code of TABLE_CODES) {
      assert.ok(texts.includes(SEED_TITLES[code]), SEED_TITLES[code]);
      assert.ok(texts.includes(`公开${code}表`));
    }
    assert.deepEqual(wb.worksheets.slice(2).map(markerOf), TABLE_CODES.map((c) => `公开${c}表`));
  });

  it('stacked: one table sheet with all nine tables, merges kept and re-offset, 2–3 blank rows between', () => {
    const wb = built.get('stacked')!;
    assert.equal(wb.worksheets.length, 1);
    const ws = wb.worksheets[0];
    assert.equal(ws.name, '决算公开表');
    const titleRows: number[] = [];
    eachValueCell(ws, (cell, r) => {
      if (Object.values(SEED_TITLES).includes(cellText(cell))) titleRows.push(r);
    });
    assert.equal(titleRows.length, 9);
    const seedMerges = seed.worksheets.reduce((n, w) => n + mergesOf(w).length, 0);
    assert.equal(mergesOf(ws).length, seedMerges);
    // Every title merge sits on its title row; the row above each later title is blank, as is the one above that.
    for (const r of titleRows.slice(1)) {
      for (const above of [r - 1, r - 2]) {
        let empty = true;
        ws.getRow(above).eachCell({ includeEmpty: false }, (cell) => {
          if (cell.value !== null && cell.value !== undefined) empty = false;
        });
        assert.ok(empty, `row ${above} above title row ${r} is blank`);
      }
      assert.ok(mergesOf(ws).some((m) => m.top === r && m.left === 1 && m.right > 1), `title at ${r} merged`);
    }
    // Number formats survive.
    let formatted = 0;
    eachValueCell(ws, (cell) => typeof cell.value === 'number' && cell.numFmt === '#,##0.00' && formatted++);
    assert.equal(formatted, seedAmounts.length);
  });

  it('offset: every cell moved by 3 rows and 2 columns, junk above', () => {
    const wb = built.get('offset')!;
    seed.worksheets.forEach((src, i) => {
      const dst = wb.worksheets[i];
      assert.equal(cellText(dst.getCell('A1')), '内部资料');
      assert.equal(dst.getCell('B2').value, ' ');
      eachValueCell(src, (cell, r, c) => {
        assert.deepEqual(dst.getCell(r + 3, c + 2).value, cell.value, `${src.name} ${cell.address}`);
      });
      assert.deepEqual(
        mergesOf(dst).map((m) => [m.top - 3, m.left - 2, m.bottom - 3, m.right - 2]).sort(),
        mergesOf(src).map((m) => [m.top, m.left, m.bottom, m.right]).sort(),
      );
      assert.equal(dst.getColumn(3).width, src.getColumn(1).width);
    });
  });

  it('text-amounts: no numeric amount left, the four text styles present, 栏次/行次 still numbers', () => {
    const wb = built.get('text-amounts')!;
    const styles = { fullWidth: 0, padded: 0, ascii: 0, shortDecimals: 0 };
    let numbers = 0;
    let seedIndexNumbers = 0;
    for (const ws of seed.worksheets) {
      const rows = columnNumberRows(ws);
      const cols = rowNumberColumns(ws);
      eachValueCell(ws, (cell, r, c) => typeof cell.value === 'number' && (rows.has(r) || cols.has(c)) && seedIndexNumbers++);
    }
    for (const ws of wb.worksheets) {
      eachValueCell(ws, (cell) => {
        const v = cell.value;
        if (typeof v === 'number') {
          numbers++;
          assert.ok(Number.isInteger(v) && v >= 1 && v <= 64, `${ws.name} ${cell.address} ${v} left as a number`);
        } else if (typeof v === 'string' && parseAmountText(v) !== undefined) {
          if (/[０-９]/.test(v)) styles.fullWidth++;
          else if (v !== v.trim()) styles.padded++;
          else styles.ascii++;
          if (/^\d+\.\d$/.test(v)) styles.shortDecimals++; // plain String(47.3) = "47.3
        }
      });
    }
    assert.equal(numbers, seedIndexNumbers);
    for (const [k, n] of Object.entries(styles)) assert.ok(n > 0, `no ${k} amounts`);
    // The styles themselves, on values large enough for separators.
    assert.equal(amountAsText(1234.56, 0), '1,234.56');
    assert.equal(amountAsText(519.63, 1), '５１９．６３');
    assert.equal(amountAsText(12345.6, 1), '１２，３４５．６０');
    assert.equal(amountAsText(47.3, 2), '  47.30 ');
    assert.equal(amountAsText(47.3, 3), '47.3');
    assert.equal(amountAsText(820, 3), '820.00');
    for (const s of ['1,234.56', '１，２３４．５６', ' 1234.56  ', '1234.56']) assert.equal(parseAmountText(s), 123456);
    assert.equal(parseAmountText('201'), undefined);
    assert.equal(parseAmountText('公开01表'), undefined);
  });

  it('line-broken-headers: labels broken, half-width brackets, 小计 → 合计 in 05', () => {
    const wb = built.get('line-broken-headers')!;
    const texts = wb.worksheets.flatMap(allTexts);
    for (const t of ['公务用车购\n置费', '本年收入 合计', '因公出国(境)费', '项    目', '行\n次']) {
      assert.ok(texts.includes(t), JSON.stringify(t));
    }
    assert.ok(!texts.includes('因公出国（境）费'));
    const t05 = wb.worksheets[4];
    assert.ok(!hasText(t05, (t) => t === '小计'));
    assert.ok(hasText(t05, (t) => t === '合计'));
    assert.ok(!hasText(wb.worksheets[6], (t) => t.includes('小计')));
    // 09 keeps its 小计 (合计 is already the block total there); body labels are untouched.
    assert.ok(hasText(wb.worksheets[8], (t) => t === '小计'));
    assert.ok(hasText(wb.worksheets[0], (t) => t === '本年收入合计'));
  });

  it('no-merges: no merged areas, merged text only in the top-left cell', () => {
    const wb = built.get('no-merges')!;
    seed.worksheets.forEach((src, i) => {
      const dst = wb.worksheets[i];
      assert.equal(mergesOf(dst).length, 0);
      for (const m of mergesOf(src)) {
        assert.deepEqual(dst.getCell(m.top, m.left).value, src.getCell(m.top, m.left).value);
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            if (r !== m.top || c !== m.left) assert.equal(dst.getCell(r, c).value, null, `${dst.name} ${r},${c}`);
          }
        }
      }
    });
  });

  it('codes-as-numbers: 科目代码 are numbers, no code text left', () => {
    const wb = built.get('codes-as-numbers')!;
    const nums = allNumbers(wb);
    for (const n of [201, 20104, 2010450, 301, 30101]) assert.ok(nums.includes(n), String(n));
    for (const ws of wb.worksheets) {
      eachValueCell(ws, (cell) => {
        const v = cell.value;
        assert.ok(!(typeof v === 'string' && /^\d{3}(\d{2}){0,2}$/.test(v.trim())), `${ws.name} ${cell.address}`);
      });
    }
  });

  it('renumbered: 三公 is 公开07表, 政府性基金 公开08表, 国有资本经营 公开09表, in that order', () => {
    const wb = built.get('renumbered')!;
    const byTitle = (title: string) => wb.worksheets.findIndex((w) => hasText(w, (t) => t === title));
    const expectations: [string, string][] = [
      [SEED_TITLES['09'], '公开07表'],
      [SEED_TITLES['07'], '公开08表'],
      [SEED_TITLES['08'], '公开09表'],
    ];
    for (const [title, marker] of expectations) {
      const i = byTitle(title);
      assert.equal(wb.worksheets[i].name, marker);
      assert.equal(markerOf(wb.worksheets[i]), marker);
      assert.equal(i, Number(marker.slice(2, 4)) - 1);
    }
  });

  it('total-last: 合计 is the last body row of 02/03/05 (just above 注), the rest moved up', () => {
    const wb = built.get('total-last')!;
    for (const i of [1, 2, 4]) {
      const src = seed.worksheets[i];
      const ws = wb.worksheets[i];
      let totalRow = 0;
      let noteRow = 0;
      let lastCodeRow = 0;
      eachValueCell(ws, (cell, r, c) => {
        const t = cellText(cell);
        if (c === 1 && t === '合计') totalRow = r;
        if (c === 1 && /^\d{3,7}$/.test(t)) lastCodeRow = Math.max(lastCodeRow, r);
        if (c === 1 && t.startsWith('注')) noteRow = r;
      });
      assert.equal(totalRow, noteRow - 1, ws.name);
      assert.ok(lastCodeRow < totalRow);
      // The seed's 合计 row values are now on the total row; the first 类 row took the 合计 row's place.
      const srcTotal = columnNumberRows(src).size ? [...columnNumberRows(src)][0] + 1 : 0;
      assert.deepEqual(ws.getRow(totalRow).values, src.getRow(srcTotal).values);
      assert.equal(cellText(ws.getCell(srcTotal, 1)), '201');
    }
  });

  it('variants do not mutate the seed they are given', async () => {
    const s = await loadSeed();
    const before = amountMultiset(s);
    for (const v of VARIANTS) await v.build(s);
    assert.deepEqual(amountMultiset(s), before);
    assert.deepEqual(s.worksheets.map((w) => w.name), TABLE_CODES.map((c) => `公开${c}表`));
  });

  it('variantByName finds a variant', () => {
    assert.equal(variantByName('stacked').name, 'stacked');
    assert.throws(() => variantByName('nope'));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Shanghai workbook: read back the written file into the SHANGHAI_EXPECTED shape

const numOf = (cell: ExcelJS.Cell): number => {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  const cents = parseAmountText(String(v));
  if (cents === undefined) throw new Error(`${cell.address}: not an amount: ${JSON.stringify(v)}`);
  return cents / 100;
};
const label = (cell: ExcelJS.Cell) => strip(cellText(cell));
const unnumbered = (s: string) => s.replace(/^[一二三四五六七八九十]+、/, '');

function sheetOf(wb: ExcelJS.Workbook, canonical: TableCode): ExcelJS.Worksheet {
  const s = SHANGHAI_EXPECTED.sheets.find((x) => x.canonical === canonical)!;
  const ws = wb.getWorksheet(s.name);
  assert.ok(ws, s.name);
  return ws;
}

function read01(ws: ExcelJS.Worksheet): ShanghaiExpected['t01'] {
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  for (let r = 5; r <= ws.rowCount; r++) {
    const a = unnumbered(label(ws.getCell(r, 1)));
    const c = unnumbered(label(ws.getCell(r, 3)));
    if (a) left.set(a, numOf(ws.getCell(r, 2)));
    if (c) right.set(c, numOf(ws.getCell(r, 4)));
  }
  const income = Object.fromEntries(T01_INCOME_ROWS.map((k) => [k, left.get(k)!])) as ShanghaiExpected['t01']['income'];
  const expenditure = Object.fromEntries(SHANGHAI_CLASSES.map((k) => [k.code, right.get(k.name)!]));
  return {
    income,
    expenditure,
    本年收入合计: left.get('本年收入合计')!,
    本年支出合计: right.get('本年支出合计')!,
    使用非财政拨款结余: left.get('使用非财政拨款结余')!,
    结余分配: right.get('结余分配')!,
    年初结转和结余: left.get('年初结转和结余')!,
    年末结转和结余: right.get('年末结转和结余')!,
    收入总计: left.get('总计')!,
    支出总计: right.get('总计')!,
  };
}

/** 科目 table: 类|款|项 codes in A–C, name in D, amounts from E; column labels from header rows 4–5. */
function readSubject(ws: ExcelJS.Worksheet, names: Record<string, string>): { table: Record<string, Record<string, number>>; order: string[] } {
  const cols: [number, string][] = [];
  for (let c = 5; c <= ws.columnCount; c++) {
    const top = label(ws.getCell(4, c));
    const sub = label(ws.getCell(5, c));
    cols.push([c, top === sub ? top : sub === '合计' ? top + sub : sub]);
  }
  const table: Record<string, Record<string, number>> = {};
  const order: string[] = [];
  for (let r = 6; r <= ws.rowCount; r++) {
    const a = label(ws.getCell(r, 1));
    let key: string | undefined;
    if (/^\d{3}$/.test(a)) {
      key = a + label(ws.getCell(r, 2)) + label(ws.getCell(r, 3));
      names[key] = label(ws.getCell(r, 4));
    } else if (a === '合计') key = '合计';
    if (!key) continue;
    order.push(key);
    table[key] = Object.fromEntries(cols.map(([c, name]) => [name, numOf(ws.getCell(r, c))]));
  }
  return { table, order };
}

function read04(ws: ExcelJS.Worksheet): ShanghaiExpected['t04'] {
  const cols = [4, 5, 6, 7].map((c) => [c, label(ws.getCell(5, c))] as const);
  const income = new Map<string, number>();
  const expenditure: Record<string, Record<string, number>> = {};
  const classByName = new Map(SHANGHAI_CLASSES.map((k) => [k.name, k.code]));
  for (let r = 6; r <= ws.rowCount; r++) {
    const a = label(ws.getCell(r, 1));
    if (a) {
      const plain = unnumbered(a);
      // Numbered rows (一、…) are this year's income; the un-numbered source rows are 年初 sub-rows.
      income.set(plain === a && plain.endsWith('预算财政拨款') ? `年初${plain}` : plain, numOf(ws.getCell(r, 2)));
    }
    const c = unnumbered(label(ws.getCell(r, 3)));
    if (c) expenditure[classByName.get(c) ?? c] = Object.fromEntries(cols.map(([col, name]) => [name, numOf(ws.getCell(r, col))]));
  }
  const get = (k: string) => {
    assert.ok(income.has(k), k);
    return income.get(k)!;
  };
  return {
    income: {
      一般公共预算财政拨款: get('一般公共预算财政拨款'),
      政府性基金预算财政拨款: get('政府性基金预算财政拨款'),
      国有资本经营预算财政拨款: get('国有资本经营预算财政拨款'),
      本年收入合计: get('本年收入合计'),
      年初财政拨款结转和结余: get('年初财政拨款结转和结余'),
      年初一般公共预算财政拨款: get('年初一般公共预算财政拨款'),
      年初政府性基金预算财政拨款: get('年初政府性基金预算财政拨款'),
      年初国有资本经营预算财政拨款: get('年初国有资本经营预算财政拨款'),
      总计: get('总计'),
    },
    expenditure: expenditure as ShanghaiExpected['t04']['expenditure'],
  };
}

function read06(ws: ExcelJS.Worksheet): ShanghaiExpected['t06'] {
  const items: Record<string, number> = {};
  let personnel = NaN;
  let publicUse = NaN;
  for (let r = 6; r <= ws.rowCount; r++) {
    for (const col of [1, 4]) {
      const code = label(ws.getCell(r, col));
      if (/^\d{3}(\d{2})?$/.test(code)) items[code] = numOf(ws.getCell(r, col + 2));
      if (code === '人员经费合计') personnel = numOf(ws.getCell(r, col + 2));
      if (code === '公用经费合计') publicUse = numOf(ws.getCell(r, col + 2));
    }
  }
  return { items, 人员经费合计: personnel, 公用经费合计: publicUse };
}

function read09(ws: ExcelJS.Worksheet): ShanghaiExpected['t09'] {
  const out = { 预算数: {} as Record<string, number>, 决算数: {} as Record<string, number> };
  for (let c = 1; c <= 12; c++) {
    const item = label(ws.getCell(4, c));
    const sub = label(ws.getCell(5, c));
    const side = label(ws.getCell(6, c)) as '预算数' | '决算数';
    const name = item === '公务用车购置及运行费' ? sub : item;
    out[side][name] = numOf(ws.getCell(7, c));
  }
  return out as ShanghaiExpected['t09'];
}

function readShanghai(wb: ExcelJS.Workbook): { e: ShanghaiExpected; orders: Record<string, string[]> } {
  const names: Record<string, string> = {};
  const orders: Record<string, string[]> = {};
  const subject = (code: TableCode) => {
    const { table, order } = readSubject(sheetOf(wb, code), names);
    orders[code] = order;
    return table;
  };
  const e = {
    unit: SHANGHAI_UNIT,
    year: 2024,
    sheets: wb.worksheets.map((ws) => {
      const title = cellText(ws.getCell(2, 1));
      const s = SHANGHAI_EXPECTED.sheets.find((x) => x.title === title)!;
      return { name: ws.name, canonical: s?.canonical, title };
    }),
    subjectNames: names,
    t01: read01(sheetOf(wb, '01')),
    t02: subject('02'),
    t03: subject('03'),
    t04: read04(sheetOf(wb, '04')),
    t05: subject('05'),
    t06: read06(sheetOf(wb, '06')),
    t07: subject('07'),
    t08: subject('08'),
    t09: read09(sheetOf(wb, '09')),
  } as ShanghaiExpected;
  return { e, orders };
}

describe('Shanghai workbook', () => {
  let wb: ExcelJS.Workbook;
  let read: ReturnType<typeof readShanghai>;

  before(async () => {
    wb = await roundTrip(await buildShanghaiWorkbook());
    read = readShanghai(wb);
  });

  it('the invented numbers satisfy every identity (A01–A17, B01–B12)', () => {
    assert.deepEqual(checkShanghaiIdentities(SHANGHAI_EXPECTED), []);
  });

  it('the identity check catches a broken number', () => {
    const broken = structuredClone(SHANGHAI_EXPECTED);
    broken.t03['2010650'].基本支出 += 0.01;
    broken.t06.items['30201'] -= 0.01;
    const errors = checkShanghaiIdentities(broken);
    assert.ok(errors.some((e) => e.startsWith('A08 2010650')));
    assert.ok(errors.some((e) => e.startsWith('A07 t03 20106 基本支出')));
    assert.ok(errors.some((e) => e.startsWith('A13 302')));
  });

  it('reads back exactly the expected numbers, and they satisfy the identities as read', () => {
    const { e } = read;
    assert.deepEqual(e.sheets, SHANGHAI_EXPECTED.sheets);
    assert.deepEqual(e.subjectNames, SHANGHAI_EXPECTED.subjectNames);
    for (const k of ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'] as const) {
      assert.deepEqual(e[k], SHANGHAI_EXPECTED[k], k);
    }
    assert.deepEqual(checkShanghaiIdentities(e), []);
  });

  it('key totals', () => {
    const e = SHANGHAI_EXPECTED;
    assert.equal(e.t01.收入总计, 3656.91);
    assert.equal(e.t01.支出总计, 3656.91);
    assert.equal(e.t05['合计'].合计, 2357.08);
    assert.equal(e.t06.人员经费合计, 2042.86);
    assert.equal(e.t06.公用经费合计, 244.11);
    assert.equal(e.t09.决算数.合计, 49.28);
    assert.ok(e.t07['合计'].本年支出合计 > 0, '07 is not empty');
    assert.ok(Object.values(e.t08['合计']).every((v) => v === 0), '08 is empty');
  });

  it('has no 行次 / 栏次 anywhere, and the Shanghai titles', () => {
    for (const ws of wb.worksheets) {
      assert.ok(!hasText(ws, (t) => /行\s*次|栏\s*次/.test(t)), ws.name);
      assert.equal(cellText(ws.getCell(1, 1)), `${SHANGHAI_UNIT}2024年度部门决算表`);
      assert.equal(cellText(ws.getCell(3, ws.columnCount)), '单位：万元');
      assert.ok(!hasText(ws, (t) => t.startsWith('部门：')));
    }
  });

  it('sheets in Shanghai order: 三公 7th (公开07表), 政府性基金 8th, 国有资本经营 9th', () => {
    assert.deepEqual(
      wb.worksheets.map((w) => [w.name, cellText(w.getCell(2, 1))]),
      SHANGHAI_EXPECTED.sheets.map((s) => [s.name, s.title]),
    );
    assert.equal(cellText(wb.worksheets[6].getCell(2, 1)), '财政拨款“三公”经费支出决算表');
    assert.equal(cellText(wb.worksheets[8].getCell(2, 1)), '国有资本经营预算财政拨款收入支出决算表');
  });

  it('01 lists 24 类 rows without 债务还本/债务付息, under one header row 收入|金额|支出|金额', () => {
    const ws = sheetOf(wb, '01');
    assert.deepEqual([1, 2, 3, 4].map((c) => label(ws.getCell(4, c))), ['收入', '金额', '支出', '金额']);
    assert.equal(Object.keys(read.e.t01.expenditure).length, 24);
    assert.ok(!hasText(ws, (t) => t.includes('债务还本') || t.includes('债务付息')));
    assert.ok(hasText(ws, (t) => t === '二十四、抗疫特别国债安排的支出'));
  });

  it('科目 tables: split codes under a merged 功能分类科目编码 header, 合计 last', () => {
    for (const code of ['02', '03', '05', '07', '08'] as const) {
      const ws = sheetOf(wb, code);
      assert.ok(mergesOf(ws).some((m) => m.top === 4 && m.left === 1 && m.right === 3), code);
      assert.equal(label(ws.getCell(4, 1)), '功能分类科目编码');
      assert.deepEqual([1, 2, 3].map((c) => label(ws.getCell(5, c))), ['类', '款', '项']);
      const order = read.orders[code];
      assert.equal(order[order.length - 1], '合计', code);
      // 类 → 款 → 项: each code follows its parent, codes ascend as strings.
      const codes = order.slice(0, -1);
      assert.deepEqual(codes, [...codes].sort(), code);
      codes.forEach((k, i) => k.length > 3 && assert.ok(codes.slice(0, i).includes(k.slice(0, k.length - 2)), `${code} ${k}`));
    }
    const ws02 = sheetOf(wb, '02');
    let found = false;
    ws02.eachRow((row) => {
      if ([1, 2, 3].map((c) => label(row.getCell(c))).join('|') === '201|06|01') found = true;
    });
    assert.ok(found, '201|06|01 row');
    const ws07 = sheetOf(wb, '07');
    assert.deepEqual(
      [5, 6, 7, 8, 9, 10].map((c) => label(ws07.getCell(5, c))),
      ['年初结转和结余', '本年收入', '合计', '基本支出', '项目支出', '年末结转和结余'],
    );
    assert.equal(label(ws07.getCell(4, 7)), '本年支出');
  });

  it('08 is empty, keeps its format and carries the Shanghai 说明 line', () => {
    const ws = sheetOf(wb, '08');
    assert.ok(hasText(ws, (t) => t === SHANGHAI_08_NOTE));
    assert.deepEqual(read.orders['08'], ['合计']);
    assert.equal(mergesOf(ws).filter((m) => m.top === 4).length, 6); // 编码, 名称, 年初, 本年收入, 本年支出 group, 年末
  });

  it('06 has two column groups and the 人员经费合计 / 公用经费合计 line', () => {
    const ws = sheetOf(wb, '06');
    assert.deepEqual([1, 4].map((c) => label(ws.getCell(4, c))), ['人员经费', '公用经费']);
    assert.equal(ws.columnCount, 6);
    assert.ok(!hasText(ws, (t) => /^(307|399)/.test(t)));
  });

  it('09 interleaves 预算数|决算数 per item', () => {
    const ws = sheetOf(wb, '09');
    const sides = Array.from({ length: 12 }, (_x, i) => label(ws.getCell(6, i + 1)));
    assert.deepEqual(sides, Array.from({ length: 12 }, (_x, i) => (i % 2 ? '决算数' : '预算数')));
  });

  it('text amounts on the Shanghai workbook keep the values and show thousands separators', async () => {
    const plain = await buildShanghaiWorkbook();
    const textual = await buildShanghaiWorkbook();
    assert.ok(textifyAmounts(textual) > 100);
    const back = await roundTrip(textual);
    assert.deepEqual(amountMultiset(back), amountMultiset(plain));
    assert.ok(back.worksheets.some((ws) => hasText(ws, (t) => /^\d{1,3}(,\d{3})+\.\d\d$/.test(t))));
    assert.ok(back.worksheets.some((ws) => hasText(ws, (t) => /，/.test(t))));
    assert.deepEqual(readShanghai(back).e.t01, SHANGHAI_EXPECTED.t01);
  });

  it('merge slaves are never counted twice', () => {
    for (const ws of wb.worksheets) {
      for (const m of mergesOf(ws)) {
        const slave = ws.getCell(m.bottom, m.right);
        if (m.bottom > m.top || m.right > m.left) assert.ok(isMergeSlave(slave));
      }
    }
  });
});
