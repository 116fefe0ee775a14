// Writes test/fixtures/seed-2024-with-notes.xlsx: the sample workbook plus a 说明数据 sheet holding the inputs
// the sample report states (test/narrative/support.ts). `npm run demo` narrates it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SAMPLE_ITEMS, SAMPLE_VALUES, filledTemplate, seedSnapshot } from '../test/narrative/support';

async function main(): Promise<void> {
  const fixtures = join(__dirname, '..', 'test', 'fixtures');
  const rows = filledTemplate(await seedSnapshot(), SAMPLE_VALUES, SAMPLE_ITEMS);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(join(fixtures, 'seed-2024.xlsx'))) as unknown as ExcelJS.Buffer);
  const ws = wb.addWorksheet('说明数据');
  rows.forEach((values, r) => values.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 24;
  await writeFile(join(fixtures, 'seed-2024-with-notes.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  console.log('wrote test/fixtures/seed-2024-with-notes.xlsx');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
