import { readFile } from 'node:fs/promises';
import { snapshotFromXlsx } from '../src/hosts/file/read-file';
(async () => {
  const r = await snapshotFromXlsx(await readFile(process.argv[2]), 'x.xlsx');
  if (!r.ok) throw new Error('x');
  const only = process.argv[3];
  for (const s of r.snapshot.sheets) {
    if (only && s.name !== only) continue;
    console.log(`=== ${s.name} origin ${s.origin.row},${s.origin.col} merges ${JSON.stringify((s.merges??[]).slice(0,40))}`);
    s.values.forEach((line, i) => { if (line && line.some(v => v !== null && v !== '')) console.log(String(s.origin.row + i + 1).padStart(3), line.map(v => v === null ? '' : String(v)).join(' | ')); });
  }
})();
