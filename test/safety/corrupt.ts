/**
 * Corrupted copies of the sample, reproducible from a seed: truncations, flipped bytes, garbage, removed
 * sheets and zip entries, broken XML, random cell edits, random merges, odd and hidden sheet names, stray
 * values. Used by the 40-file CLI batch (test/safety/corrupted-batch.test.ts).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SEED } from '../helpers';
import { loadSeed, workbookToBuffer } from '../support/variants';

/** mulberry32: a small seeded PRNG (same sequence on every machine). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Corrupted {
  name: string;
  kind: string;
  bytes: Uint8Array;
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];

const VALUES: Array<(rng: Rng) => ExcelJS.CellValue> = [
  () => null,
  () => '',
  () => '待定',
  () => '#REF!',
  () => ({ error: '#VALUE!' }) as ExcelJS.CellErrorValue,
  () => ({ error: '#DIV/0!' }) as ExcelJS.CellErrorValue,
  () => ({ formula: 'SUM(A1:A3)' }) as ExcelJS.CellFormulaValue,
  (rng) => (rng() - 0.5) * 1e6,
  () => 1e15,
  () => -1e300,
  () => true,
  () => new Date(Date.UTC(2024, 0, 1)),
  (rng) => `=${int(rng, 100)}+1`,
  () => '１２３．４５',
  () => '合计',
  () => '支出决算表',
  () => '公开03表',
  () => '科目代码',
  () => '注：本表无数据',
  (rng) => String(int(rng, 10_000_000)),
  () => ({ richText: [{ text: '收入' }, { text: '决算表' }] }),
];

async function seedBook(): Promise<ExcelJS.Workbook> {
  return loadSeed();
}

async function zipEdit(rng: Rng, edit: (zip: JSZip, rng: Rng) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(SEED));
  await edit(zip, rng);
  return zip.generateAsync({ type: 'uint8array' });
}

const KINDS: Array<{ kind: string; make: (rng: Rng) => Promise<Uint8Array> }> = [
  {
    kind: 'truncated',
    make: async (rng) => {
      const b = readFileSync(SEED);
      return b.subarray(0, int(rng, b.length));
    },
  },
  {
    kind: 'flipped-bytes',
    make: async (rng) => {
      const b = Buffer.from(readFileSync(SEED));
      for (let i = 0, n = 1 + int(rng, 40); i < n; i++) b[int(rng, b.length)] = int(rng, 256);
      return b;
    },
  },
  {
    kind: 'garbage',
    make: async (rng) => {
      const b = Buffer.alloc(int(rng, 5000));
      for (let i = 0; i < b.length; i++) b[i] = int(rng, 256);
      if (rng() < 0.5 && b.length > 2) b.write('PK', 0); // looks like a zip at first
      return b;
    },
  },
  {
    kind: 'removed-sheets',
    make: async (rng) => {
      const wb = await seedBook();
      for (let i = 0, n = 1 + int(rng, 8); i < n && wb.worksheets.length > 0; i++) wb.removeWorksheet(pick(rng, wb.worksheets).id);
      return workbookToBuffer(wb);
    },
  },
  {
    kind: 'cell-edits',
    make: async (rng) => {
      const wb = await seedBook();
      for (let i = 0, n = 5 + int(rng, 60); i < n; i++) {
        const ws = pick(rng, wb.worksheets);
        const cell = ws.getCell(1 + int(rng, 40), 1 + int(rng, 12));
        if (cell.isMerged && cell.master !== cell) continue;
        cell.value = pick(rng, VALUES)(rng);
      }
      return workbookToBuffer(wb);
    },
  },
  {
    kind: 'broken-xml',
    make: (rng) =>
      zipEdit(rng, async (zip, r) => {
        const name = `xl/worksheets/sheet${1 + int(r, 9)}.xml`;
        const xml = await zip.file(name)!.async('string');
        const at = int(r, xml.length);
        zip.file(name, xml.slice(0, at) + xml.slice(at + 1 + int(r, 400)));
      }),
  },
  {
    kind: 'dropped-entry',
    make: (rng) =>
      zipEdit(rng, async (zip, r) => {
        zip.remove(pick(r, ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', `xl/worksheets/sheet${1 + int(r, 9)}.xml`, '[Content_Types].xml']));
      }),
  },
  {
    kind: 'random-merges',
    make: async (rng) => {
      const wb = await seedBook();
      for (let i = 0, n = 1 + int(rng, 12); i < n; i++) {
        const ws = pick(rng, wb.worksheets);
        const top = 1 + int(rng, 30);
        const left = 1 + int(rng, 8);
        try {
          ws.mergeCells(top, left, top + int(rng, 4), left + int(rng, 3));
        } catch {
          // already merged there: ExcelJS refuses, as Excel would
        }
      }
      return workbookToBuffer(wb);
    },
  },
  {
    kind: 'odd-and-hidden-sheets',
    make: async (rng) => {
      const wb = await seedBook();
      const names = ['收入!表', "O'Neil 表", '“三公”经费 表', ' 公开 05 表 ', '2024年度部门决算公开表之第五张：一般公共预算财政拨款支出表', 'History1', 'Sheet1'];
      for (const ws of wb.worksheets) {
        if (rng() < 0.4) {
          try {
            ws.name = `${pick(rng, names)}${ws.id}`.slice(0, 31);
          } catch {
            // a name already taken (after the cut to 31 characters): keep the old one
          }
        }
        if (rng() < 0.3) ws.state = rng() < 0.5 ? 'hidden' : 'veryHidden';
      }
      return workbookToBuffer(wb);
    },
  },
  {
    kind: 'shifted-and-stray',
    make: async (rng) => {
      const wb = await seedBook();
      for (let i = 0, n = 1 + int(rng, 4); i < n; i++) {
        const ws = pick(rng, wb.worksheets);
        if (rng() < 0.5) ws.spliceRows(1 + int(rng, 10), int(rng, 3));
        else ws.getCell(1 + int(rng, 1_048_576), 1 + int(rng, 16_384)).value = pick(rng, VALUES)(rng);
      }
      if (rng() < 0.5) {
        const copy = wb.addWorksheet('副本');
        wb.worksheets[int(rng, 9)].eachRow((row, r) => row.eachCell((cell, c) => void (copy.getCell(r, c).value = cell.isMerged && cell.master !== cell ? null : cell.value)));
      }
      return workbookToBuffer(wb);
    },
  },
];

/** `count` corrupted copies of the sample, each kind in turn, parameters drawn from `seed`. */
export async function corruptedCopies(count: number, seed: number): Promise<Corrupted[]> {
  const rng = prng(seed);
  const out: Corrupted[] = [];
  for (let i = 0; i < count; i++) {
    const { kind, make } = KINDS[i % KINDS.length];
    const bytes = await make(prng(Math.floor(rng() * 2 ** 32)));
    out.push({ name: `${String(i + 1).padStart(2, '0')}-${kind}.xlsx`, kind, bytes });
  }
  return out;
}
