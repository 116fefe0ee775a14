// npm run bench: each line prints a figure, its target and the ratio (figure / target; ≤ 1 meets it).
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { snapshotFromXlsx } from '../src/hosts/file/read-file';
import { checkSnapshot } from '../src/core/report';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function line(name: string, figure: number, unit: string, target: number, lowerIsBetter = true): void {
  const ratio = figure / target;
  const ok = lowerIsBetter ? ratio <= 1 : ratio >= 1;
  console.log(`${name.padEnd(46)} ${figure.toFixed(3).padStart(10)} ${unit.padEnd(6)} target ${lowerIsBetter ? '≤' : '≥'} ${target} ${unit}  ratio ${ratio.toFixed(2)}  ${ok ? 'OK' : 'MISS'}`);
}

async function engine(): Promise<void> {
  const read = await snapshotFromXlsx(await readFile(join(__dirname, '..', 'test', 'fixtures', 'seed-2024.xlsx')), 'seed-2024.xlsx');
  if (!read.ok) throw new Error(read.finding.message);
  for (let i = 0; i < 20; i++) checkSnapshot(read.snapshot);
  const times: number[] = [];
  for (let i = 0; i < 101; i++) {
    const t0 = performance.now();
    checkSnapshot(read.snapshot);
    times.push(performance.now() - t0);
  }
  line('engine: sample snapshot → findings (median/101)', median(times), 'ms', 5);
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, node ${process.version}`);
  await engine();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
