// Prints the typed model of a workbook, one amount per line: for looking at what the reader saw.
import { readFile } from 'node:fs/promises';
import { snapshotFromXlsx } from '../src/hosts/file/read-file';
import { readWorkbook } from '../src/core/read/read-workbook';

async function run(file: string): Promise<void> {
  const read = await snapshotFromXlsx(await readFile(file), file);
  if (!read.ok) return console.log(read.finding.message);
  const { model, findings } = readWorkbook(read.snapshot);
  const walk = (prefix: string, v: unknown): void => {
    if (v && typeof v === 'object' && 'cell' in v && 'value' in v) {
      const a = v as { cell: string; value: { toFixed(n: number): string }; blank: boolean };
      if (!a.blank) console.log(`${prefix} = ${a.value.toFixed(2)} @ ${a.cell}`);
      return;
    }
    if (v && typeof v === 'object' && !('meta' in v && prefix.split('.').length > 2))
      for (const [k, x] of Object.entries(v)) if (k !== 'meta') walk(`${prefix}.${k}`, x);
  };
  for (const [code, t] of Object.entries(model)) {
    console.log(`== ${code} ${JSON.stringify(t.meta)}`);
    if ('rows' in t) for (const r of t.rows) walk(`${code}[${r.code} ${r.name} ${r.level}]`, r.amounts);
    if ('rows' in t && t.total) walk(`${code}[合计]`, t.total.amounts);
    if ('classes' in t) {
      walk(`${code}.income`, t.income);
      walk(`${code}.expense`, t.expense);
      for (const c of t.classes) walk(`${code}.class[${c.key}]`, c.amounts);
    }
    if ('items' in t) {
      for (const i of t.items) walk(`${code}[${i.code} ${i.name}]`, i.amount);
      walk(`${code}.personnelTotal`, t.personnelTotal);
      walk(`${code}.publicTotal`, t.publicTotal);
    }
    if ('budget' in t) {
      walk(`${code}.budget`, t.budget);
      walk(`${code}.actual`, t.actual);
    }
  }
  for (const f of findings) console.log(`! ${f.severity} ${f.rule} ${f.message}`);
}

run(process.argv[2] ?? 'test/fixtures/seed-2024.xlsx').catch((e) => console.error(e));
