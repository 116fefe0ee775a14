// npm run bench: each line prints a figure, its target and the ratio (figure / target; ≤ 1 meets it).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { browserFigures, officeRoundTrips } from './office-and-browser';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../src/core/workbook/snapshot';
import { checkSnapshot, generateNarrative, main as cli, readSupplement, snapshotFromXlsx } from './shipped';
import { VARIANTS, buildVariant } from '../test/support/variants';

const SEED = join(__dirname, '..', 'test', 'fixtures', 'seed-2024.xlsx');
const SEED_WITH_NOTES = join(__dirname, '..', 'test', 'fixtures', 'seed-2024-with-notes.xlsx');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function line(name: string, figure: number, unit: string, target: number, lowerIsBetter = true): void {
  const ratio = figure / target;
  const ok = lowerIsBetter ? ratio <= 1 : ratio >= 1;
  console.log(
    `${name.padEnd(46)} ${figure.toFixed(3).padStart(10)} ${unit.padEnd(6)} target ${lowerIsBetter ? '≤' : '≥'} ${Number(target.toFixed(3))} ${unit}  ratio ${ratio.toFixed(2)}  ${ok ? 'OK' : 'MISS'}`,
  );
}

/** CPU time of this process (all its threads), ms: on a shared machine it moves far less than wall time. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** What the pane does on one click: check the snapshot and write the 情况说明 from the same model. */
function checkAndNarrate(snapshot: WorkbookSnapshot): void {
  const { model, facts } = checkSnapshot(snapshot);
  generateNarrative(model, readSupplement(snapshot, model).supplement, { facts });
}

async function engine(): Promise<void> {
  const read = await snapshotFromXlsx(await readFile(SEED_WITH_NOTES), 'seed-2024-with-notes.xlsx');
  if (!read.ok) throw new Error(read.finding.message);
  // V8 needs a few hundred runs to optimise the engine (the first 100 run ~4× slower): warm up to the steady
  // state a batch reaches, and say what the cold runs cost.
  const t0 = performance.now();
  checkAndNarrate(read.snapshot);
  const first = performance.now() - t0;
  const cold: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    checkAndNarrate(read.snapshot);
    cold.push(performance.now() - t);
  }
  for (let i = 0; i < 300; i++) checkAndNarrate(read.snapshot);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 101; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    checkAndNarrate(read.snapshot);
    times.push(performance.now() - t);
    cpu.push(cpuMs(process.cpuUsage(c)));
  }
  console.log(`engine: first run ${first.toFixed(1)} ms; median of the next 100 (JIT warming) ${median(cold).toFixed(2)} ms; CPU time, median of the 101 below ${median(cpu).toFixed(3)} ms`);
  line('engine: sample snapshot → findings + narrative (median/101)', median(times), 'ms', 5);
}

/** ≥ 100 workbooks in a temp folder: the sample and each variant of test/support/variants.ts, in turn. */
async function batchFolder(count: number): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-bench-'));
  const kinds: Array<{ name: string; bytes: Uint8Array }> = [{ name: 'seed', bytes: await readFile(SEED) }];
  for (const v of VARIANTS) kinds.push({ name: v.name, bytes: await buildVariant(v) });
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    await writeFile(join(dir, `${String(i + 1).padStart(3, '0')}-${kind.name}.xlsx`), kind.bytes);
  }
  const files = (await readdir(dir)).sort().map((f) => join(dir, f));
  return { dir, files };
}

/** What any tool reading these files must pay: read the bytes and let ExcelJS parse them. */
async function parseOnly(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  }
  return performance.now() - t0;
}

/** `juesuan check DIR --json`, in-process (the JSON is built and discarded). */
async function checkBatch(dir: string): Promise<number> {
  let bytes = 0;
  const io = { out: (t: string) => void (bytes += t.length), err: () => undefined };
  const t0 = performance.now();
  const code = await cli(['check', dir, '--json'], io);
  const elapsed = performance.now() - t0;
  if (code !== 0 && code !== 1) throw new Error(`juesuan check exited ${code}`);
  if (bytes === 0) throw new Error('juesuan check printed nothing');
  return elapsed;
}

async function cliBatch(): Promise<void> {
  const count = Number(process.env.BENCH_FILES ?? 108);
  const { dir, files } = await batchFolder(count);
  try {
    // Warm both paths (module loading, JIT) on a few files, then alternate the two passes.
    await parseOnly(files.slice(0, 12));
    await checkBatch(dir);
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    const parse: number[] = [];
    const check: number[] = [];
    // CPU time per pass, printed for information.
    const parseCpu: number[] = [];
    const checkCpu: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let cpu = process.cpuUsage();
      parse.push(await parseOnly(files));
      parseCpu.push(cpuMs(process.cpuUsage(cpu)));
      cpu = process.cpuUsage();
      check.push(await checkBatch(dir));
      checkCpu.push(cpuMs(process.cpuUsage(cpu)));
    }
    const p = median(parse);
    const c = median(check);
    console.log(
      `CLI batch: ${files.length} workbooks, median of ${rounds} rounds: check ${c.toFixed(0)} ms (${(c / files.length).toFixed(1)} ms/workbook), ExcelJS parse-only ${p.toFixed(0)} ms (${(p / files.length).toFixed(1)} ms/workbook)`,
    );
    console.log(
      `CLI batch: CPU time, median of ${rounds} rounds: check ${median(checkCpu).toFixed(0)} ms, ExcelJS parse-only ${median(parseCpu).toFixed(0)} ms, ratio ${(median(checkCpu) / median(parseCpu)).toFixed(3)} (per round: ${checkCpu.map((x, i) => (x / parseCpu[i]).toFixed(2)).join(' ')})`,
    );
    line(`CLI batch: check / ExcelJS parse-only (${files.length})`, c / p, '×', 1.3);
    // The same claim as throughput: at least the parse-only rate divided by 1.3.
    line(`CLI batch: throughput (${files.length} workbooks)`, (files.length * 1000) / c, '/s', (files.length * 1000) / p / 1.3, false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, node ${process.version}`);
  await engine();
  await cliBatch();
  await officeRoundTrips(line);
  await browserFigures(line);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
